import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import type { Duplicate, Sentence } from '../schema.js';
import { scanContentWords } from '../text/similarity.js';

export const NEAR_DUPLICATE = { minScore: 0.5, minShared: 6 };

/** Sentences of different paragraphs that restate one another (a body lead repeating the standfirst). */
export function nearDuplicates(text: string, sentences: readonly Sentence[]): Duplicate[] {
  const n = sentences.length;
  const { ids, offsets, vocabulary } = sentenceWordIds(text, sentences);
  const size = (i: number) => offsets[i + 1] - offsets[i];
  // the sentences each word occurs in, ascending: postings[first[w] .. first[w + 1])
  const first = new Int32Array(vocabulary + 1);
  for (let k = 0; k < offsets[n]; k++) first[ids[k] + 1]++;
  for (let w = 0; w < vocabulary; w++) first[w + 1] += first[w];
  const postings = new Int32Array(offsets[n]);
  const filled = first.slice(0, vocabulary);
  for (let i = 0; i < n; i++) for (let k = offsets[i]; k < offsets[i + 1]; k++) postings[filled[ids[k]]++] = i;
  // shared words of every pair, counted through the sentences each word occurs in (pairs sharing none cost nothing)
  const shared = new Int32Array(n);
  const out: Duplicate[] = [];
  for (let i = 0; i < n; i++) {
    if (size(i) < NEAR_DUPLICATE.minShared) continue;
    shared.fill(0);
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const w = ids[k];
      for (let p = first[w]; p < first[w + 1]; p++) if (postings[p] > i) shared[postings[p]]++;
    }
    for (let j = i + 1; j < n; j++) {
      if (shared[j] < NEAR_DUPLICATE.minShared || sentences[i].paragraph === sentences[j].paragraph) continue;
      // containment: shared words over the smaller sentence's (as text/similarity's containment)
      const score = shared[j] / Math.min(size(i), size(j));
      if (score >= NEAR_DUPLICATE.minScore) {
        out.push({ a: { start: sentences[j].start, end: sentences[j].end }, b: { start: sentences[i].start, end: sentences[i].end }, similarity: Math.round(score * 100) / 100 });
      }
    }
  }
  return out;
}

/**
 * The distinct content words of each sentence as numbers (a word's number is the same in every sentence): sentence
 * i's are ids[offsets[i] .. offsets[i + 1]). Flat arrays rather than a set per sentence and a list per word: this
 * runs on every article, and what it allocates the analyzer threads collect.
 */
function sentenceWordIds(text: string, sentences: readonly Sentence[]): { ids: Int32Array; offsets: Int32Array; vocabulary: number } {
  const numbers = new Map<string, number>();
  /** lastIn[w]: 1 + the sentence where word w was last counted */
  const lastIn: number[] = [];
  const offsets = new Int32Array(sentences.length + 1);
  let ids = new Int32Array(256);
  let count = 0;
  let s = 0;
  scanContentWords(text, sentences, (word) => {
    let w = numbers.get(word);
    if (w === undefined) { w = numbers.size; numbers.set(word, w); lastIn.push(0); }
    if (lastIn[w] === s + 1) return;
    lastIn[w] = s + 1;
    if (count === ids.length) { const grown = new Int32Array(count * 2); grown.set(ids); ids = grown; }
    ids[count++] = w;
  }, () => { offsets[++s] = count; });
  return { ids, offsets, vocabulary: numbers.size };
}

export const duplicatesStage: Stage = {
  name: 'duplicates',
  requires: ['sentences'],
  assigns: ['duplicates'],
  run: (doc) => ({ duplicates: nearDuplicates(doc.text, layer(doc, 'sentences')) }),
};
