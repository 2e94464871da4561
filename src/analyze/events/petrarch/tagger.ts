import type { VerbDictionary } from './dictionary/verbs.js';
import type { Token } from './tree.js';

/**
 * Part-of-speech guesses for plain text (no parse tree): enough for the coder to tell verbs of the verb dictionary
 * from nouns ("the visit" vs "will visit"), prepositions, conjunctions and the words of noun phrases.
 */

const TAGS: Record<string, string> = {};
const put = (tag: string, words: string) => { for (const w of words.split(' ')) TAGS[w] = tag; };
put('DT', 'THE A AN THIS THAT THESE THOSE EACH EVERY SOME ANY NO ALL BOTH NEITHER EITHER');
put('PRP$', 'HIS HER ITS THEIR OUR MY YOUR');
put('PRP', 'HE SHE IT THEY WE I YOU HIM THEM US');
put('IN', 'OF IN ON AT BY FOR FROM WITH ABOUT AGAINST BETWEEN NEAR INTO OVER UNDER DURING SINCE UNTIL AFTER BEFORE THROUGH TOWARD TOWARDS AMONG AMID WHILE IF THAT BECAUSE ALTHOUGH WHETHER');
put('TO', 'TO');
put('CC', 'AND OR NOR BUT');
put('MD', 'WILL WOULD CAN COULD SHALL SHOULD MAY MIGHT MUST WO CA');
put('VB', 'IS ARE WAS WERE BE BEEN BEING AM HAS HAVE HAD DOES DO DID');
put('VBD', 'SAID SAYS SAY TOLD TELLS');
put('RB', "NOT N'T NEVER ALSO NOW AGAIN EVER EVEN VERY ALMOST REALLY");
put('WDT', 'WHICH WHO WHOM WHOSE WHAT WHEN WHERE');
put('POS', "'S ’S");
const DETERMINERS = new Set(['DT', 'PRP$', 'POS']);

/**
 * "the visit", "a brief private visit", "its attack": a base, -s or -ing form after a determiner and at most two
 * other words (no verb, preposition or punctuation between) is a noun, as is any form right after a determiner.
 */
function nounAfterDeterminer(tokens: readonly Token[], i: number, nouns: ReadonlySet<string>): boolean {
  const prevTag = i > 0 ? TAGS[tokens[i - 1].upper] : undefined;
  if (prevTag && DETERMINERS.has(prevTag)) return true;
  // "a senior official said": after a known noun (an agent) the word is the verb
  if (/ED$|EN$/.test(tokens[i].upper) || (i > 0 && nouns.has(tokens[i - 1].upper))) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const tag = TAGS[tokens[k].upper];
    if (tag === 'DT' || tag === 'PRP$') return true;
    if (tag || /^[^\p{L}\p{N}]+$/u.test(tokens[k].upper)) return false;
  }
  return false;
}

const PARTICIPLE = /(ED|EN|WN|UN)$/;
/** "very close": a dictionary verb after these is an adjective */
const INTENSIFIERS = new Set(['VERY', 'TOO', 'SO', 'MORE', 'MOST', 'LESS', 'LEAST', 'QUITE', 'RATHER']);

export function tagTokens(tokens: readonly Token[], verbs: VerbDictionary, nouns: ReadonlySet<string> = new Set()): Token[] {
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    if (t.pos) { out.push(t); return; }
    const u = t.upper;
    const prev = out[i - 1]?.pos ?? '';
    const lower = !/^\p{Lu}/u.test(t.word);
    let pos = TAGS[u];
    if (!pos) {
      if (/^[^\p{L}\p{N}]+$/u.test(u)) pos = u;
      else if (/^\d/.test(u)) pos = 'CD';
      // a verb of the dictionary, unless capitalized inside the sentence or after a determiner ("the visit")
      else if (verbs.byHead.has(u) && (i === 0 || lower) && !nounAfterDeterminer(tokens, i, nouns) && !INTENSIFIERS.has(tokens[i - 1]?.upper ?? '')) pos = /ED$|EN$/.test(u) ? 'VBN' : 'VB';
      else if (/LY$/.test(u)) pos = 'RB';
      // another verb: after an auxiliary or "to" ("was seen", "has begun", "is inching"), or an -ed word after a noun ("Ethiopia indicated")
      else if (lower && /^(VB|MD|TO)/.test(prev) && (PARTICIPLE.test(u) || /ING$/.test(u) || prev === 'TO' || prev === 'MD')) pos = PARTICIPLE.test(u) ? 'VBN' : 'VB';
      else if (lower && /ED$/.test(u) && /^(NN|NNS|NNP|PRP)$/.test(prev)) pos = 'VBD';
      else pos = lower ? 'NN' : 'NNP';
    }
    out.push({ ...t, pos });
  });
  return out;
}
