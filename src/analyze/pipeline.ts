import type { Document, Layer } from './document.js';

/** One stage of the analysis: a pure function from a document to the layers it assigns. */
export interface Stage {
  name: string;
  requires: readonly Layer[];
  assigns: readonly Layer[];
  run(doc: Document): Partial<Document>;
}

export interface Pipeline {
  stages: readonly Stage[];
  run(doc: Document): Document;
  /**
   * The same as run on each document, stage by stage across all of them (each stage's tables and code stay in the
   * processor's caches for the whole group: about a fifth faster on news). A document whose stage throws gets that
   * error in its place; the others go on.
   */
  runMany(docs: readonly Document[], onStage?: (stage: Stage, ms: number) => void): (Document | Error)[];
}

/** Builds a pipeline and checks, once, that every stage's requirements are assigned by an earlier stage. */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const assigned = new Set<Layer>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!assigned.has(need)) throw new Error(`E_PIPELINE_ORDER: stage "${stage.name}" requires "${need}", which no earlier stage assigns`);
    }
    for (const out of stage.assigns) assigned.add(out);
  }
  const step = (stage: Stage, doc: Document): Document => {
    const added = stage.run(doc);
    for (const key of Object.keys(added)) {
      if (!stage.assigns.includes(key as Layer)) throw new Error(`E_STAGE_ASSIGNS: stage "${stage.name}" returned undeclared layer "${key}"`);
    }
    return Object.freeze({ ...doc, ...added });
  };
  return {
    stages,
    run(doc: Document): Document {
      let current = doc;
      for (const stage of stages) current = step(stage, current);
      return current;
    },
    runMany(docs, onStage) {
      const out: (Document | Error)[] = [...docs];
      for (const stage of stages) {
        const t = onStage ? performance.now() : 0;
        for (let i = 0; i < out.length; i++) {
          const doc = out[i];
          if (doc instanceof Error) continue;
          try { out[i] = step(stage, doc); } catch (err) { out[i] = err instanceof Error ? err : new Error(String(err)); }
        }
        if (onStage) onStage(stage, performance.now() - t);
      }
      return out;
    },
  };
}
