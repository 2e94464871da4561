import type { Token } from '../document.js';

const made = new WeakMap<readonly Token[], readonly string[]>();

/**
 * The texts of a document's tokens in lower case, made once per token layer and shared by the stages that look words
 * up (entities, quotes, events): each used to lower-case every token again, and a word looked up in several tables
 * is hashed once as one string rather than once per fresh copy.
 */
export function lowerWords(tokens: readonly Token[]): readonly string[] {
  let lower = made.get(tokens);
  if (!lower) {
    const out = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = lowerCase(tokens[i].text);
    made.set(tokens, (lower = out));
  }
  return lower;
}

/** w.toLowerCase(), but w itself when it is ASCII without capitals (toLowerCase returns a new copy of every word). */
function lowerCase(w: string): string {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c > 127 || (c >= 65 && c <= 90) /* A-Z */) return w.toLowerCase();
  }
  return w;
}
