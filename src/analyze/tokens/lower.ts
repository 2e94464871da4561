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
    for (let i = 0; i < tokens.length; i++) out[i] = tokens[i].text.toLowerCase();
    made.set(tokens, (lower = out));
  }
  return lower;
}
