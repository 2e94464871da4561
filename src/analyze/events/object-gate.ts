import type { TriggerEntry } from './lexicon.js';

/**
 * Which entries of a trigger candidate list are worth trying at a token. Most entries of a common verb ask for an
 * object phrase ("told" has 56, each with its own: "told … wish", "told … plans", …) and fail on almost every
 * occurrence; trying each in turn was most of the event coder's time. The gate indexes a list's entries by the first
 * word of their object phrases, so that only the entries whose object could start on one of the words that follow
 * are tried, with every entry that asks for no object, in the list's order. The others could not have matched, so
 * the first entry accepted is the same.
 */
export interface ObjectGate {
  /** indexes of the entries that ask for no object, ascending */
  free: number[];
  /** for each first word of an object phrase, the indexes of the entries with an object starting with it, ascending */
  byStart: Map<string, number[]>;
  /** tokens after the trigger's first one where an object may start: before the longest entry's words + `window` */
  reach: number;
}

const gates = new WeakMap<readonly TriggerEntry[], ObjectGate | null>();

/** The gate of one candidate list (made once per list), or null when none of its entries asks for an object. */
export function objectGate(list: readonly TriggerEntry[], window: number): ObjectGate | null {
  const gate = gates.get(list);
  return gate !== undefined ? gate : buildGate(list, window);
}

/** Made apart from objectGate: the closure here would have objectGate allocate a context on every call, cache hit or not. */
function buildGate(list: readonly TriggerEntry[], window: number): ObjectGate | null {
  const free: number[] = [];
  const byStart = new Map<string, number[]>();
  let longest = 0;
  list.forEach((entry, i) => {
    if (!entry.object) { free.push(i); return; }
    longest = Math.max(longest, entry.words.length);
    for (const first of new Set(entry.object.map((o) => o[0]))) {
      const at = byStart.get(first);
      if (at) at.push(i); else byStart.set(first, [i]);
    }
  });
  const gate = free.length === list.length ? null : { free, byStart, reach: longest + window };
  gates.set(list, gate);
  return gate;
}

/** The indexes of the entries to try, ascending: the free ones and those whose object may start on one of `starts`. */
export function entriesToTry(gate: ObjectGate, starts: readonly string[]): readonly number[] {
  let parts: number[][] | null = null;
  for (const w of starts) {
    const at = gate.byStart.get(w);
    if (!at) continue;
    if (!parts) parts = [gate.free, at];
    else if (!parts.includes(at)) parts.push(at);
  }
  if (!parts) return gate.free;
  const all = parts.flat().sort(ascending);
  let n = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[n++] = all[k];
  all.length = n;
  return all;
}
const ascending = (a: number, b: number) => a - b;
