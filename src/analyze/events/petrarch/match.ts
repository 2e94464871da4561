import type { PatternItem, VerbPattern } from './dictionary/verbs.js';
import type { Group, Unit } from './phrases.js';
import type { Token } from './tree.js';

/**
 * Matching a verb pattern against the words around the verb. The words before `*` are read leftward from the
 * verb, those after it rightward; between two items any number of words may come unless they were joined by `_`.
 * `$` and `+` take an actor phrase as source or target, `%` a compound actor phrase, `^` skips one noun phrase
 * (or one word), `&NAME` is any phrase of the synset.
 */

export interface MatchScene {
  tokens: readonly Token[];
  units: readonly Unit[];
  groups: readonly Group[];
  synset(name: string): string[][];
}

export interface PatternMatch {
  pattern: VerbPattern;
  /** twice the words matched by literal items, plus one per actor or skip item: longer, then more specific matches win */
  score: number;
  source: Group | null;
  target: Group | null;
  compound: Group | null;
  compoundBefore: boolean;
  /** leftmost token of the match before the verb (the verb itself if none) */
  left: number;
}

interface State { score: number; source: Group | null; target: Group | null; compound: Group | null; left: number }

function stepItem(scene: MatchScene, it: PatternItem, q: number, dir: 1 | -1): { next: number; words: number; group?: Group }[] {
  const { tokens } = scene;
  switch (it.kind) {
    case 'word':
      return tokens[q]?.upper === it.word ? [{ next: q + dir, words: 1 }] : [];
    case 'synset': {
      const out: { next: number; words: number }[] = [];
      for (const phrase of scene.synset(it.name)) {
        const from = dir === 1 ? q : q - phrase.length + 1;
        if (from < 0 || from + phrase.length > tokens.length) continue;
        if (phrase.every((w, k) => tokens[from + k].upper === w)) out.push({ next: dir === 1 ? q + phrase.length : from - 1, words: phrase.length });
      }
      return out.sort((a, b) => b.words - a.words);
    }
    case 'source':
    case 'target':
    case 'compound': {
      const g = scene.groups.find((x) => (dir === 1 ? x.members[0].start === q || x.start === q : x.members[x.members.length - 1].end - 1 === q || x.end - 1 === q));
      if (!g || (it.kind === 'compound' && g.members.length < 2)) return [];
      return [{ next: dir === 1 ? g.end : g.start - 1, words: 0, group: g }];
    }
    case 'skip': {
      const u = scene.units.find((x) => (dir === 1 ? x.start === q : x.end - 1 === q));
      return [{ next: u ? (dir === 1 ? u.end : u.start - 1) : q + dir, words: 0 }];
    }
  }
}

function matchSide(scene: MatchScene, items: readonly PatternItem[], idx: number, p: number, dir: 1 | -1, lo: number, hi: number, st: State): State | null {
  if (idx === items.length) return st;
  const it = items[idx];
  const last = it.joined ? p : dir === 1 ? hi - 1 : lo;
  for (let q = p; dir === 1 ? q <= last : q >= last; q += dir) {
    if (q < lo || q >= hi) break;
    for (const r of stepItem(scene, it, q, dir)) {
      const next: State = { ...st, score: st.score + 2 * r.words + (it.kind === 'word' || it.kind === 'synset' ? 0 : 1), left: dir === -1 ? Math.min(st.left, q - (it.kind === 'synset' ? r.words - 1 : 0), r.next + 1) : st.left };
      if (r.group) {
        if (it.kind === 'source') next.source = r.group;
        else if (it.kind === 'target') next.target = r.group;
        else next.compound = r.group;
      }
      const done = matchSide(scene, items, idx + 1, r.next, dir, lo, hi, next);
      if (done) return done;
    }
  }
  return null;
}

/** The pattern's match around the verb occupying tokens [verbStart, verbEnd), or null. */
export function matchPattern(scene: MatchScene, pattern: VerbPattern, verbStart: number, verbEnd: number, lo: number, hi: number): PatternMatch | null {
  const init: State = { score: 0, source: null, target: null, compound: null, left: verbStart };
  const before = matchSide(scene, pattern.before, 0, verbStart - 1, -1, lo, verbStart, init);
  if (!before) return null;
  const compoundBefore = before.compound !== null;
  const after = matchSide(scene, pattern.after, 0, verbEnd, 1, verbEnd, hi, before);
  if (!after) return null;
  return { pattern, score: after.score, source: after.source, target: after.target, compound: after.compound, compoundBefore, left: after.left };
}

/** CAMEO codes (with letters in the test dictionaries: 174K, 075A), pairs `032:033`, or `---` for no event; `+++`, `###` are not codes. */
const VALID_CODE = /^(-+|[0-9A-Za-z?]+(:[0-9A-Za-z?]+)?)$/;

/** The best match among a verb's patterns: the most words matched, then the first in the dictionary. */
export function bestMatch(scene: MatchScene, patterns: readonly VerbPattern[], verbStart: number, verbEnd: number, lo: number, hi: number): PatternMatch | null {
  let best: PatternMatch | null = null;
  for (const p of patterns) {
    if (!VALID_CODE.test(p.code)) continue;
    const m = matchPattern(scene, p, verbStart, verbEnd, lo, hi);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}
