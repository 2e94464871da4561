// Case profiles: how a word is written when it is not at the start of a sentence. Tells "Bush" (a name) from
// "bush", and helps with sentence-initial words and ALL-CAPS headlines, where the written case says nothing.
import { hashString } from '../hash.js';
import { capClass, normalizeWord, wordKey } from '../words.js';

const OPENERS = new Set(['.', '!', '?', ':', ';', '"', "'", '(', '[', '--', '-', '...']);

export function caseProfiles(lines: readonly (readonly string[])[], minCount = 2): Map<number, number> {
  // per word key: [lower, initial capital, all caps, mixed]
  const counts = new Map<string, number[]>();
  for (const toks of lines) {
    const upperLine = toks.filter((t) => capClass(t) === 3).length > toks.length / 2;
    if (upperLine) continue;
    for (let i = 1; i < toks.length; i++) {
      if (OPENERS.has(normalizeWord(toks[i - 1]))) continue;
      const w = normalizeWord(toks[i]);
      const c = capClass(w);
      if (c === 0) continue;
      const k = wordKey(w);
      let a = counts.get(k);
      if (!a) counts.set(k, (a = [0, 0, 0, 0]));
      a[c - 1]++;
    }
  }
  const out = new Map<number, number>();
  for (const [k, a] of counts) {
    const total = a[0] + a[1] + a[2] + a[3];
    if (total < minCount) continue;
    const lower = a[0] / total;
    const title = a[1] / total;
    const upper = a[2] / total;
    const kind = lower > 0.9 ? 1 : lower > 0.5 ? 2 : title > 0.9 ? 3 : title > 0.5 ? 4 : upper > 0.5 ? 5 : 6;
    out.set(hashString(k), kind + (total >= 20 ? 8 : 0));
  }
  return out;
}
