import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import type { Duplicate, Sentence } from '../schema.js';
import { spanContentWords } from '../text/similarity.js';

export const NEAR_DUPLICATE = { minScore: 0.5, minShared: 6 };

/** Sentences of different paragraphs that restate one another (a body lead repeating the standfirst). */
export function nearDuplicates(text: string, sentences: readonly Sentence[]): Duplicate[] {
  const n = sentences.length;
  const words = spanContentWords(text, sentences);
  // shared words of every pair, counted through the sentences each word occurs in (pairs sharing none cost nothing)
  const where = new Map<string, number[]>();
  words.forEach((ws, i) => { for (const w of ws) { const l = where.get(w); if (l) l.push(i); else where.set(w, [i]); } });
  const shared = new Int32Array(n);
  const out: Duplicate[] = [];
  for (let i = 0; i < n; i++) {
    if (words[i].size < NEAR_DUPLICATE.minShared) continue;
    shared.fill(0);
    for (const w of words[i]) for (const j of where.get(w)!) if (j > i) shared[j]++;
    for (let j = i + 1; j < n; j++) {
      if (shared[j] < NEAR_DUPLICATE.minShared || sentences[i].paragraph === sentences[j].paragraph) continue;
      // containment: shared words over the smaller sentence's (as text/similarity's containment)
      const score = shared[j] / Math.min(words[i].size, words[j].size);
      if (score >= NEAR_DUPLICATE.minScore) {
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
