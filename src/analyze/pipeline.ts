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
  return {
    stages,
    run(doc: Document): Document {
      let current = doc;
      for (const stage of stages) {
        const added = stage.run(current);
        for (const key of Object.keys(added)) {
          if (!stage.assigns.includes(key as Layer)) throw new Error(`E_STAGE_ASSIGNS: stage "${stage.name}" returned undeclared layer "${key}"`);
        }
        current = Object.freeze({ ...current, ...added });
      }
      return current;
    },
  };
}
