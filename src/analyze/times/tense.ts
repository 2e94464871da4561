import { NOT_PAST_ED, TENSE_FUTURE, TENSE_PAST, TENSE_PRESENT } from './lexicon.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const UN_FIRST = /^un/;
const LOWER_WORD = /^[a-z]+$/;
const PLURAL_END = /[a-z]{3}s$/;
const NOT_PLURAL_END = /(?:ss|us|is)$/;

/** Where a partial date points from the publication date: -1 past, 1 future, 0 unknown (present or no verb). */
export type Dir = -1 | 0 | 1;

const WORD_RE = /[\p{L}][\p{L}'’-]*|[;:—–()]/gu;
const BOUNDARY = new Set([';', ':', '—', '–', '(', ')', 'but', 'while', 'whereas', 'although', 'though', 'because']);
/** Future markers that only count when followed by "to" ("is set to", "due to", "going to"). */
const NEEDS_TO = new Set(['set', 'due', 'going', 'plan', 'plans', 'want', 'wants', 'aim', 'aims', 'hopes', 'seek', 'seeks', 'intend', 'intends', 'preparing', 'prepares']);

export interface W { w: string; i: number }
/** How many words either side of a span the governing verb is looked for. */
const REACH = 40;

function words(text: string, from: number, to: number): W[] {
  const out: W[] = [];
  WORD_RE.lastIndex = from;
  const s = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(s)) !== null) out.push({ w: m[0].toLowerCase(), i: m.index });
  return out;
}

function isPastEd(w: string): boolean {
  return w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !w.includes('-') && !UN_FIRST.test(w);
}
/** Words after which an -ed word is an adjective ("a planned visit", "the unexpected"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'still', 'very', 'most', 'more', 'less', 'newly', 'recently', 'previously', 'already']);

/** Verbs and nouns of intent whose infinitive names a later act: "agreed to acquire", "an agreement to buy". */
const INTENT = new Set(['agreed', 'decided', 'voted', 'promised', 'pledged', 'vowed', 'offered', 'proposed', 'sought', 'wanted', 'hoped',
  'intended', 'moved', 'threatened', 'agreement', 'plan', 'offer', 'bid', 'proposal', 'deal', 'decision', 'move', 'effort', 'attempt', 'pledge', 'promise']);

/** The tense signal of word k, or null when it carries none. */
const FUTURE_PARTICIPLES = new Set(['scheduled', 'expected', 'slated', 'due', 'set', 'planned', 'supposed', 'timed', 'poised']);
const BE = new Set(['be', 'been', 'being']);
const PAST_AUX = new Set(['was', 'were', 'had']);
/** "is heard", "was held": the auxiliary of a passive carries the tense */
const PASSIVE_AUX = new Set(['is', 'are', 'am', 'was', 'were']);

/** `ahead`: the word follows the date ("On Friday, the government planned ..."), so it governs the date itself. */
function signal(ws: W[], k: number, ahead = false): Dir | null {
  const w = ws[k].w, next = ws[k + 1]?.w, prev = ws[k - 1]?.w;
  // a participle after "be": the auxiliary decides ("to be held", "will be completed", "was held")
  if ((TENSE_PAST.has(w) || isPastEd(w)) && prev !== undefined && (BE.has(prev) || PASSIVE_AUX.has(prev)) && !FUTURE_PARTICIPLES.has(w)) return null;
  if (w === 'be') return prev === 'to' ? 1 : null;
  if (w === 'been' || w === 'being') return null;
  // "was expected to", "had been scheduled to": a plan seen from the past
  if (FUTURE_PARTICIPLES.has(w) && prev !== undefined && (PAST_AUX.has(prev) || (prev === 'been' && ws[k - 2]?.w === 'had'))) return -1;
  // "has been scheduled", "is expected": the plan is still ahead
  if ((TENSE_PRESENT.has(w) || PAST_AUX.has(w)) && next !== undefined && (FUTURE_PARTICIPLES.has(next) || (BE.has(next) && FUTURE_PARTICIPLES.has(ws[k + 2]?.w ?? ''))) && ws[k + 2]?.w !== undefined) {
    return PAST_AUX.has(w) ? -1 : 1;
  }
  // "agreed to acquire in January", "voted to close in May": the date belongs to the later act, which the past verb
  // does not place; the nearest reading decides
  // "protesters planned a rally on Saturday": a plan made in the past for an act it does not place
  // (a date before the verb dates the planning itself: "On Friday, the government planned a rally" is past)
  if ((w === 'planned' || w === 'scheduled') && prev !== undefined && !PASSIVE_AUX.has(prev) && !PAST_AUX.has(prev) && !BE.has(prev) && !TENSE_PRESENT.has(prev) && !DETERMINERS.has(prev)) return ahead ? -1 : 0;
  if (INTENT.has(w) && next === 'to' && LOWER_WORD.test(ws[k + 2]?.w ?? '') && !DETERMINERS.has(ws[k + 2].w) && !ahead) return 0;
  if (TENSE_FUTURE.has(w)) {
    if (NEEDS_TO.has(w)) return next === 'to' ? 1 : null;
    return 1;
  }
  if (TENSE_PRESENT.has(w)) {
    if ((w === 'has' || w === 'have') && next && (isPastEd(next) || TENSE_PAST.has(next) || next === 'since' || next === 'already')) return -1;
    if (next === 'to') return 1; // "is to meet"
    return 0;
  }
  if (TENSE_PAST.has(w)) return -1;
  // "shootings that injured doctors": "that" after a plural noun opens a relative clause, not a noun phrase
  if (isPastEd(w) && prev === 'that' && PLURAL_END.test(ws[k - 2]?.w ?? '') && !NOT_PLURAL_END.test(ws[k - 2].w)) return -1;
  if (isPastEd(w)) return prev !== undefined && DETERMINERS.has(prev) ? null : -1;
  return null;
}

/**
 * The tense of the verb that governs the span [start, end) inside the sentence [from, to):
 * the nearest tense-bearing word before it in the same clause, else the nearest after it.
 */
export function tenseAt(text: string, from: number, to: number, start: number, end: number, cache?: Map<number, W[]>): Dir {
  let ws = cache?.get(from);
  if (!ws) { ws = words(text, from, to); cache?.set(from, ws); }
  // k: the last word before the span (binary search)
  let lo = 0, hi = ws.length - 1, k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid].i < start) { k = mid; lo = mid + 1; } else hi = mid - 1;
  }
  for (let j = k; j >= 0 && k - j < REACH; j--) {
    if (BOUNDARY.has(ws[j].w)) break;
    const s = signal(ws, j);
    if (s !== null) return s;
  }
  let j = k + 1;
  while (j < ws.length && ws[j].i < end) j++;
  for (const first = j; j < ws.length && j - first < REACH; j++) {
    if (BOUNDARY.has(ws[j].w)) break;
    const s = signal(ws, j, true);
    if (s !== null) return s;
  }
  return 0;
}
