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
put('RB', "NOT N'T NEVER ALSO NOW AGAIN EVER EVEN VERY ALMOST REALLY");
put('WDT', 'WHICH WHO WHOM WHOSE WHAT WHEN WHERE');
put('POS', "'S ’S");
const DETERMINERS = new Set(['DT', 'PRP$', 'POS']);

/**
 * "the visit", "a brief private visit", "its attack": a base, -s or -ing form after a determiner and at most two
 * other words (no verb, preposition or punctuation between) is a noun; an -ed form never is.
 */
function nounAfterDeterminer(tokens: readonly Token[], i: number): boolean {
  if (/ED$|EN$/.test(tokens[i].upper) && i > 0 && !DETERMINERS.has(TAGS[tokens[i - 1].upper] ?? '')) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const tag = TAGS[tokens[k].upper];
    if (tag && DETERMINERS.has(tag)) return true;
    if (tag || /^[^\p{L}\p{N}]+$/u.test(tokens[k].upper)) return false;
  }
  return false;
}

export function tagTokens(tokens: readonly Token[], verbs: VerbDictionary): Token[] {
  return tokens.map((t, i) => {
    if (t.pos) return t;
    const u = t.upper;
    const prev = i > 0 ? tokens[i - 1] : null;
    let pos = TAGS[u];
    if (!pos) {
      if (/^[^\p{L}\p{N}]+$/u.test(u)) pos = u;
      else if (/^\d/.test(u)) pos = 'CD';
      // a verb of the dictionary, unless capitalized inside the sentence or after a determiner ("the visit")
      else if (verbs.byHead.has(u) && (i === 0 || !/^\p{Lu}/u.test(t.word)) && !nounAfterDeterminer(tokens, i)) pos = /ED$|EN$/.test(u) ? 'VBN' : 'VB';
      else if (/LY$/.test(u)) pos = 'RB';
      else pos = /^\p{Lu}/u.test(t.word) ? 'NNP' : 'NN';
    }
    return { ...t, pos };
  });
}
