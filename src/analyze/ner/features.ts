// Feature extraction: each token gets a list of 32-bit feature hashes (static: from the words of the sentence);
// the tagger adds the dynamic ones (previous predicted tags). Training and tagging share this code.
import { FNV_SEED, hashString, mixBits as mix } from './hash.js';
import { CLUSTER_BITS, GAZ_MAX_LEN, GAZ_SEED, type Lexicon } from './lexicon.js';
import { capClass, normalizeWord, wordKey, wordShape } from './words.js';

/** Bumped whenever features change: a model trained with other features is refused. */
export const FEATURE_VERSION = 1;

/**
 * Everything about one word type that features need, computed once per type and cached (a tagger holds tens of
 * thousands). The hashes (key, raw, shape, short, hyphenFirst, hyphenLast, affixes) are signed 32-bit integers, the
 * bits of the unsigned hashes: they only go into mixBits and Uint32Arrays, and V8 keeps a small integer in the
 * object itself where an unsigned hash above 2^31 is a separate boxed number, and makes the field boxed for all.
 */
export interface WordInfo {
  key: number;
  raw: number;
  shape: number;
  short: number;
  cap: number;
  affixes: number[];
  /** cluster path prefixes, one per level, or -1 when the word has no cluster */
  clusters: number[];
  caseClass: number;
  hyphenFirst: number;
  hyphenLast: number;
  /** a tagger's slot for this word in its WordTables (-1: none yet) */
  slot: number;
  /** which of the word's roles (ROLE) are summed in its slot (bit r) */
  rolesDone: number;
  /** lookups since the word cache added it, the first not counted (decayed at each trim): see WordInfos.trim */
  hits: number;
}

// Template ids: distinct seeds mixed into every feature hash.
const enum T {
  Bias = 1, Key, Raw, Shape, Short, Prefix, Suffix, KeyM1, KeyP1, KeyM2, KeyP2, ShortM1, ShortP1, ShortM2, ShortP2,
  KeyM1Key, KeyKeyP1, Short3, First, UpperSent, Cluster, ClusterM1, ClusterP1, Case, CaseFirst, Gaz, GazCap, GazM1,
  GazP1, HyphenFirst, HyphenLast, Length, KeyShortP1, ShortM1Key, CapM1Cap, CaseUpper, RawM1, RawP1,
  Prev1 = 64, Prev2, Prev1Key, Prev1Short, Prev1KeyP1,
}

const BOUNDARY_BEFORE = hashString('<s>');
const BOUNDARY_AFTER = hashString('</s>');

export function computeWordInfo(word: string, lexicon: Lexicon): WordInfo {
  const norm = normalizeWord(word);
  const k = wordKey(norm);
  // unsigned: the lexicons' keys
  const key = hashString(k);
  const affixes: number[] = [];
  for (let n = 1; n <= 4 && n <= k.length; n++) {
    affixes.push(mix(T.Prefix * 8 + n, hashString(k, FNV_SEED, 0, n)));
    affixes.push(mix(T.Suffix * 8 + n, hashString(k, FNV_SEED, k.length - n)));
  }
  const path = lexicon.clusters.get(key);
  let bits = 0;
  const clusters = CLUSTER_BITS.map((b) => {
    bits += b;
    return path === undefined ? -1 : (path >>> (12 - bits)) | (bits << 24);
  });
  const dash = k.indexOf('-');
  const hyphenated = dash > 0 && dash < k.length - 1;
  return {
    key: key | 0,
    raw: hashString(norm) | 0,
    shape: hashString(wordShape(norm)) | 0,
    short: hashString(wordShape(norm, 1)) | 0,
    cap: capClass(norm),
    // a copy without the room an array grown by push keeps (17 elements): one of these per cached word type
    affixes: affixes.slice(),
    clusters,
    caseClass: lexicon.caseClass.get(key) ?? 0,
    hyphenFirst: hyphenated ? hashString(k.slice(0, dash)) | 0 : 0,
    hyphenLast: hyphenated ? hashString(k.slice(k.lastIndexOf('-') + 1)) | 0 : 0,
    slot: -1,
    rolesDone: 0,
    hits: 0,
  };
}

/**
 * A gazetteer's map with a bit per hash bucket (2^20) in front: most lookups miss, and the bits answer those without
 * touching the map.
 */
export interface GazetteerIndex { present: Uint32Array; names: ReadonlyMap<number, number> }

export function gazetteerIndex(names: ReadonlyMap<number, number>): GazetteerIndex {
  const present = new Uint32Array(1 << 15);
  for (const h of names.keys()) present[(h >>> 5) & 0x7fff] |= 1 << (h & 31);
  return { present, names };
}

/** The type mask of gazetteer hash h, given as a signed 32-bit integer (the map's keys are the unsigned ones). */
function indexMask(g: GazetteerIndex, h: number): number {
  return g.present[(h >>> 5) & 0x7fff] & (1 << (h & 31)) ? g.names.get(h >>> 0) ?? 0 : 0;
}

/**
 * Gazetteer bits of each token: for each type t, bit 2t = begins a match, bit 2t+1 = inside a match. Written into
 * `into` when it is long enough (its first infos.length bytes; the rest is left as it was), else into a new array.
 * `lookup`: a function of the unsigned entry hash (see gazetteerKey), or an index. With an index the hashes stay
 * signed 32-bit integers (mixBits: the same bits as gazetteerStep), small integers to V8: an unsigned hash above 2^31
 * handed to a call that is not inlined is a new heap number, several per token.
 */
export function gazetteerBits(infos: readonly WordInfo[], lookup: ((h: number) => number) | GazetteerIndex, into?: Uint8Array): Uint8Array {
  const n = infos.length;
  const bits = into && into.length >= n ? into.fill(0, 0, n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let h = GAZ_SEED;
    for (let len = 1; len <= GAZ_MAX_LEN && i + len <= n; len++) {
      h = mix(h, infos[i + len - 1].key);
      const mask = typeof lookup === 'function' ? lookup(h >>> 0) : indexMask(lookup, h);
      if (!mask) continue;
      for (let t = 0; t < 4; t++) {
        if (!(mask & (1 << t))) continue;
        bits[i] |= 1 << (2 * t);
        for (let j = i + 1; j < i + len; j++) bits[j] |= 1 << (2 * t + 1);
      }
    }
  }
  return bits;
}

/** Static features of a sentence: feats[offsets[i] .. offsets[i+1]) are token i's feature hashes. */
export interface SentenceFeatures { feats: Uint32Array; offsets: Uint32Array; count: number }

/** True when most words of the sentence with letters are in capitals (a headline, a sports table). */
export function isUpperSentence(infos: readonly WordInfo[]): boolean {
  let upper = 0;
  let letters = 0;
  for (const w of infos) {
    if (w.cap === 0) continue;
    letters++;
    if (w.cap === 3) upper++;
  }
  return letters >= 2 && upper / letters >= 0.8;
}

export function staticFeatures(infos: readonly WordInfo[], gaz: Uint8Array, buf?: SentenceFeatures): SentenceFeatures {
  const n = infos.length;
  const need = n * 96;
  const out: SentenceFeatures = buf && buf.feats.length >= need && buf.offsets.length > n
    ? buf : { feats: new Uint32Array(Math.max(need, 4096)), offsets: new Uint32Array(Math.max(n + 1, 128)), count: 0 };
  const f = out.feats;
  let p = 0;
  const up = isUpperSentence(infos) ? 1 : 0;
  for (let i = 0; i < n; i++) {
    out.offsets[i] = p;
    const w = infos[i];
    const m1 = i > 0 ? infos[i - 1] : null;
    const p1 = i + 1 < n ? infos[i + 1] : null;
    const m2 = i > 1 ? infos[i - 2] : null;
    const p2 = i + 2 < n ? infos[i + 2] : null;
    const km1 = m1 ? m1.key : BOUNDARY_BEFORE;
    const kp1 = p1 ? p1.key : BOUNDARY_AFTER;
    const sm1 = m1 ? m1.short : BOUNDARY_BEFORE;
    const sp1 = p1 ? p1.short : BOUNDARY_AFTER;
    // the features of the word alone come first
    p = wordFeatures(w, f, p);
    f[p++] = mix(T.KeyM1, km1);
    f[p++] = mix(T.KeyP1, kp1);
    f[p++] = mix(T.KeyM2, m2 ? m2.key : BOUNDARY_BEFORE);
    f[p++] = mix(T.KeyP2, p2 ? p2.key : BOUNDARY_AFTER);
    f[p++] = mix(T.ShortM1, sm1);
    f[p++] = mix(T.ShortP1, sp1);
    f[p++] = mix(T.ShortM2, m2 ? m2.short : BOUNDARY_BEFORE);
    f[p++] = mix(T.ShortP2, p2 ? p2.short : BOUNDARY_AFTER);
    f[p++] = mix(mix(T.KeyM1Key, km1), w.key);
    f[p++] = mix(mix(T.KeyKeyP1, w.key), kp1);
    f[p++] = mix(mix(mix(T.Short3, sm1), w.short), sp1);
    f[p++] = mix(mix(T.KeyShortP1, w.key), sp1);
    f[p++] = mix(mix(T.ShortM1Key, sm1), w.key);
    f[p++] = mix(T.CapM1Cap, (m1 ? m1.cap : 7) * 8 + w.cap);
    if (i === 0) f[p++] = mix(T.First, w.short);
    f[p++] = mix(T.UpperSent, up * 16 + w.cap);
    for (const c of w.clusters) if (c >= 0) f[p++] = mix(T.Cluster, c);
    if (m1) for (const c of m1.clusters) if (c >= 0) f[p++] = mix(T.ClusterM1, c);
    if (p1) for (const c of p1.clusters) if (c >= 0) f[p++] = mix(T.ClusterP1, c);
    f[p++] = mix(T.Case, w.caseClass * 8 + w.cap);
    f[p++] = mix(T.CaseFirst, w.caseClass * 2 + (i === 0 ? 1 : 0));
    if (up) f[p++] = mix(T.CaseUpper, w.caseClass);
    const g = gaz[i];
    if (g) {
      for (let b = 0; b < 8; b++) {
        if (!(g & (1 << b))) continue;
        f[p++] = mix(T.Gaz, b);
        f[p++] = mix(T.GazCap, b * 8 + w.cap);
      }
    }
    f[p++] = mix(T.GazM1, i > 0 ? gaz[i - 1] : 256);
    f[p++] = mix(T.GazP1, i + 1 < n ? gaz[i + 1] : 256);
    f[p++] = mix(T.RawM1, m1 ? m1.raw : BOUNDARY_BEFORE);
    f[p++] = mix(T.RawP1, p1 ? p1.raw : BOUNDARY_AFTER);
    if (w.hyphenFirst) {
      f[p++] = mix(T.HyphenFirst, w.hyphenFirst);
      f[p++] = mix(T.HyphenLast, w.hyphenLast);
    }
  }
  out.offsets[n] = p;
  out.count = n;
  return out;
}

/**
 * The static features of a token split by what they depend on, for a tagger that sums each part once per word
 * (StaticScorer). Together they are the same multiset of hashes as the token's list in staticFeatures (a test
 * checks it); with integer weights the sum does not depend on the order.
 *
 * Roles of a word: its own features (4 variants: first in the sentence or not × all-caps sentence or not), and
 * the features it gives the token one or two places to its right (as that token's left neighbour) or left.
 */
export const ROLE = { own: 0, left1: 4, right1: 5, left2: 6, right2: 7, count: 8 } as const;

/** The bias and the features of the word itself (key, raw word, shapes, affixes) into out from p; returns the end. */
function wordFeatures(w: WordInfo, out: Uint32Array, p: number): number {
  out[p++] = T.Bias;
  out[p++] = mix(T.Key, w.key);
  out[p++] = mix(T.Raw, w.raw);
  out[p++] = mix(T.Shape, w.shape);
  out[p++] = mix(T.Short, w.short);
  for (const a of w.affixes) out[p++] = a;
  return p;
}

/** The word-only features of w (first: the sentence's first token; up: an all-caps sentence). */
export function ownFeatures(w: WordInfo, first: boolean, up: boolean, out: Uint32Array): number {
  let p = wordFeatures(w, out, 0);
  if (first) out[p++] = mix(T.First, w.short);
  out[p++] = mix(T.UpperSent, (up ? 16 : 0) + w.cap);
  for (const c of w.clusters) if (c >= 0) out[p++] = mix(T.Cluster, c);
  out[p++] = mix(T.Case, w.caseClass * 8 + w.cap);
  out[p++] = mix(T.CaseFirst, w.caseClass * 2 + (first ? 1 : 0));
  if (up) out[p++] = mix(T.CaseUpper, w.caseClass);
  if (w.hyphenFirst) {
    out[p++] = mix(T.HyphenFirst, w.hyphenFirst);
    out[p++] = mix(T.HyphenLast, w.hyphenLast);
  }
  return p;
}

/**
 * The features a neighbour gives a token, by the neighbour's role (ROLE.left1: the word just before the token,
 * right1 just after, left2 / right2 two places away); null: the sentence boundary.
 */
export function neighbourFeatures(role: number, n: WordInfo | null, out: Uint32Array): number {
  let p = 0;
  const before = role === ROLE.left1 || role === ROLE.left2;
  const k = n ? n.key : before ? BOUNDARY_BEFORE : BOUNDARY_AFTER;
  const s = n ? n.short : before ? BOUNDARY_BEFORE : BOUNDARY_AFTER;
  if (role === ROLE.left1) {
    out[p++] = mix(T.KeyM1, k);
    out[p++] = mix(T.ShortM1, s);
    if (n) for (const c of n.clusters) if (c >= 0) out[p++] = mix(T.ClusterM1, c);
    out[p++] = mix(T.RawM1, n ? n.raw : BOUNDARY_BEFORE);
  } else if (role === ROLE.right1) {
    out[p++] = mix(T.KeyP1, k);
    out[p++] = mix(T.ShortP1, s);
    if (n) for (const c of n.clusters) if (c >= 0) out[p++] = mix(T.ClusterP1, c);
    out[p++] = mix(T.RawP1, n ? n.raw : BOUNDARY_AFTER);
  } else if (role === ROLE.left2) {
    out[p++] = mix(T.KeyM2, k);
    out[p++] = mix(T.ShortM2, s);
  } else {
    out[p++] = mix(T.KeyP2, k);
    out[p++] = mix(T.ShortP2, s);
  }
  return p;
}

/** Number of features written by pairFeatures. */
export const PAIR_COUNT = 5;

/** The features of the word with a neighbour (bigrams, the shape trigram): no cache can hold these. */
export function pairFeatures(m1: WordInfo | null, w: WordInfo, p1: WordInfo | null, out: Uint32Array): void {
  // the hashes as signed 32-bit integers, the same bits to mix: an unsigned one above 2^31 handed to a call that is
  // not inlined is a new heap number
  const km1 = (m1 ? m1.key : BOUNDARY_BEFORE) | 0;
  const kp1 = (p1 ? p1.key : BOUNDARY_AFTER) | 0;
  const sm1 = (m1 ? m1.short : BOUNDARY_BEFORE) | 0;
  const sp1 = (p1 ? p1.short : BOUNDARY_AFTER) | 0;
  const k = w.key | 0, s = w.short | 0;
  out[0] = mix(mix(T.KeyM1Key, km1), k);
  out[1] = mix(mix(T.KeyKeyP1, k), kp1);
  out[2] = mix(mix(mix(T.Short3, sm1), s), sp1);
  out[3] = mix(mix(T.KeyShortP1, k), sp1);
  out[4] = mix(mix(T.ShortM1Key, sm1), k);
}

/** The capitalization of the word after its left neighbour's (m1Cap 7: none); 64 values. */
export function capPairFeature(m1Cap: number, cap: number): number {
  return mix(T.CapM1Cap, m1Cap * 8 + cap);
}

/** The features of gazetteer bit b (see gazetteerBits) set on a word of capitalization cap. */
export function gazBitFeatures(b: number, cap: number): [number, number] {
  return [mix(T.Gaz, b), mix(T.GazCap, b * 8 + cap)];
}

/** The gazetteer bits of the left (or right) neighbour, 256: none. */
export function gazNeighbourFeature(left: boolean, bits: number): number {
  return mix(left ? T.GazM1 : T.GazP1, bits);
}

/** Number of dynamic features written by dynamicFeatures. */
export const DYNAMIC_COUNT = 5;

// Hashes of the label-history templates, precomputed for every label id (0..MAX_LABELS-1) and -1.
const MAX_LABELS = 31;
const seeds = (t: T): Uint32Array => Uint32Array.from({ length: MAX_LABELS + 1 }, (_, l) => mix(t, l));
const PREV1 = seeds(T.Prev1);
const PREV1_KEY = seeds(T.Prev1Key);
const PREV1_SHORT = seeds(T.Prev1Short);
const PREV1_KEY_P1 = seeds(T.Prev1KeyP1);
const PREV2 = Uint32Array.from({ length: (MAX_LABELS + 1) * 32 }, (_, i) => mix(T.Prev2, i));

/** The label-only history features: of prev1 alone, and of (prev2, prev1) (label ids; -1 before the sentence). */
export function labelFeature(prev1: number): number {
  return PREV1[prev1 + 1];
}
export function labelPairFeature(prev1: number, prev2: number): number {
  return PREV2[(prev2 + 1) * 32 + prev1 + 1];
}

/** The history features that pair prev1 with the word, its shape and the next word (dynamicFeatures 2–4). */
export function wordLabelFeatures(prev1: number, w: WordInfo, next: WordInfo | null, out: Uint32Array, at: number): void {
  const a = prev1 + 1;
  out[at] = mix(PREV1_KEY[a], w.key);
  out[at + 1] = mix(PREV1_SHORT[a], w.short);
  out[at + 2] = mix(PREV1_KEY_P1[a], next ? next.key : BOUNDARY_AFTER);
}

/** Features on the previous two predicted labels (label ids; -1 before the sentence). */
export function dynamicFeatures(prev1: number, prev2: number, w: WordInfo, next: WordInfo | null, out: Uint32Array): void {
  out[0] = labelFeature(prev1);
  out[1] = labelPairFeature(prev1, prev2);
  wordLabelFeatures(prev1, w, next, out, 2);
}
