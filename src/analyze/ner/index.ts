// The named-entity stage: BIO tags (PER, LOC, ORG, MISC) for every token, from the averaged-perceptron tagger
// trained on CoNLL-2003 (scripts/train-ner.ts). The model is read once, at first use.
import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import { loadModel } from './model.js';
import { Tagger } from './tagger.js';

let shared: Tagger | undefined;

/** The tagger of the shipped model (models/ner.bin), loaded on first call. */
export function defaultTagger(): Tagger {
  return (shared ??= new Tagger(loadModel()));
}

/** BIO labels of one sentence's words. */
export function tagTokens(words: readonly string[]): string[] {
  return defaultTagger().tag(words);
}

export const nerStage: Stage = {
  name: 'ner',
  requires: ['tokens'],
  assigns: ['nerTags'],
  run: (doc) => {
    const tokens = layer(doc, 'tokens');
    const tags: string[] = new Array(tokens.length);
    const tagger = defaultTagger();
    let start = 0;
    while (start < tokens.length) {
      let end = start + 1;
      while (end < tokens.length && tokens[end].sentence === tokens[start].sentence) end++;
      tagger.tagTextsInto(tokens, start, end, tags);
      start = end;
    }
    return { nerTags: tags };
  },
};
