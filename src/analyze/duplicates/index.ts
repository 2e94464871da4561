import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import type { Duplicate, Sentence } from '../schema.js';
import { containment, contentWords } from '../text/similarity.js';

export const NEAR_DUPLICATE = { minScore: 0.5, minShared: 6 };

/** Sentences of different paragraphs that restate one another (a body lead repeating the standfirst). */
export function nearDuplicates(text: string, sentences: readonly Sentence[]): Duplicate[] {
  const words = sentences.map((s) => contentWords(text.slice(s.start, s.end)));
  const out: Duplicate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      if (sentences[i].paragraph === sentences[j].paragraph) continue;
      const { score, shared } = containment(words[i], words[j]);
      if (score >= NEAR_DUPLICATE.minScore && shared >= NEAR_DUPLICATE.minShared) {
        out.push({ a: { start: sentences[j].start, end: sentences[j].end }, b: { start: sentences[i].start, end: sentences[i].end }, similarity: Math.round(score * 100) / 100 });
      }
    }
  }
  return out;
}

export const duplicatesStage: Stage = {
  name: 'duplicates',
  requires: ['sentences'],
  assigns: ['duplicates'],
  run: (doc) => ({ duplicates: nearDuplicates(doc.text, layer(doc, 'sentences')) }),
};
