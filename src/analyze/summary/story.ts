import type { Event, Sentence } from '../schema.js';
import { containment, contentWords } from '../text/similarity.js';

/** One article of a story, as the brief needs it. */
export interface BriefArticle { id: string; text: string; sentences: readonly Sentence[]; events: readonly Pick<Event, 'sentence' | 'modality'>[] }

export interface BriefSentence { articleId: string; start: number; end: number; text: string }

const BRIEF_SENTENCES = 3;
/** sentences read per article: leads and the paragraphs after them carry the story */
const PER_ARTICLE = 12;

/**
 * An extractive brief of a story told by several articles: the most eventful and central sentences first, no two
 * restating each other. A sentence scores by its events (those that happened count most), by how many of the
 * story's articles share its words (centrality), and by its place; headlines and quotes count less.
 */
export function storyBrief(articles: readonly BriefArticle[], size = BRIEF_SENTENCES): BriefSentence[] {
  type Cand = BriefSentence & { words: Set<string>; score: number };
  const cands: Cand[] = [];
  const df = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const s of a.sentences.slice(0, PER_ARTICLE)) {
      const text = a.text.slice(s.start, s.end);
      const words = contentWords(text);
      for (const w of words) seen.add(w);
      let events = 0;
      for (const e of a.events) if (e.sentence.start === s.start) events += e.modality === 'asserted' ? 2 : e.modality === 'reported' ? 1.5 : 1;
      const place = s.start === 0 ? -1 : s.paragraph <= 1 ? 2 : Math.max(0, 1.5 - 0.15 * s.paragraph);
      const quoted = /[“”"]/.test(text) ? -0.7 : 0;
      cands.push({ articleId: a.id, start: s.start, end: s.end, text, words, score: Math.min(events, 4) + place + quoted });
    }
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = Math.max(1, articles.length);
  for (const c of cands) {
    // a dateline ("WASHINGTON, March 12 (Xinhua) --"), a byline or a fragment tells nothing on its own
    const tokens = c.text.split(/\s+/).length;
    if (c.words.size < 4 || tokens < 8 || /(--|—|–)\s*$/.test(c.text)) { c.score -= 4; continue; }
    let central = 0;
    for (const w of c.words) central += (df.get(w) ?? 0) / n;
    c.score += 3 * (central / c.words.size);
  }
  cands.sort((x, y) => y.score - x.score || x.start - y.start);
  const chosen: Cand[] = [];
  for (const c of cands) {
    if (chosen.length >= size) break;
    if (chosen.some((d) => d.text === c.text || (() => { const m = containment(c.words, d.words); return m.score >= 0.5 && m.shared >= 4; })())) continue;
    chosen.push(c);
  }
  return chosen.map(({ articleId, start, end, text }) => ({ articleId, start, end, text }));
}
