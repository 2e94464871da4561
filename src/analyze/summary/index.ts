import type { Stage } from '../pipeline.js';
import { layer, type Document } from '../document.js';
import type { TextSpan } from '../schema.js';
import { containment, contentWords } from '../text/similarity.js';

const SUMMARY_SENTENCES = 3;

/**
 * An extractive brief: the most eventful and central sentences first, no two restating each other.
 * A sentence scores by its events (those that happened count most), the entities it names, and its place.
 */
export function summarize(doc: Document, size = SUMMARY_SENTENCES): TextSpan[] {
  const sentences = layer(doc, 'sentences');
  const events = layer(doc, 'events');
  const mentions = layer(doc, 'mentions');
  const scores = sentences.map((s, i) => {
    let score = 0;
    for (const e of events) if (e.sentence.start === s.start) score += e.modality === 'asserted' ? 2 : 1;
    for (const m of mentions) if (m.sentence === i && m.kind !== 'pronoun') score += 0.3;
    score += s.paragraph === 0 ? 3 : s.paragraph === 1 ? 0.8 : Math.max(0, 1 - 0.1 * s.paragraph);
    if (/[“”"]/.test(doc.text.slice(s.start, s.end))) score -= 0.5;
    return score;
  });
  const order = sentences.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const chosen: number[] = [];
  const words = new Map<number, Set<string>>();
  const wordsOf = (i: number) => words.get(i) ?? (words.set(i, contentWords(doc.text.slice(sentences[i].start, sentences[i].end))), words.get(i)!);
  for (const i of order) {
    if (chosen.length >= size) break;
    if (chosen.some((j) => { const c = containment(wordsOf(i), wordsOf(j)); return c.score >= 0.5 && c.shared >= 4; })) continue;
    chosen.push(i);
  }
  return chosen.map((i) => ({ start: sentences[i].start, end: sentences[i].end, text: doc.text.slice(sentences[i].start, sentences[i].end) }));
}

export const summaryStage: Stage = {
  name: 'summary',
  requires: ['sentences', 'events', 'mentions'],
  assigns: ['summary'],
  run: (doc) => ({ summary: summarize(doc) }),
};
