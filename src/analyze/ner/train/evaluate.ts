import type { TaggedSentence } from '../conll.js';
import { FEATURE_VERSION } from '../features.js';
import { LABELS } from '../labels.js';
import type { Lexicon } from '../lexicon.js';
import { FORMAT_VERSION, type Model } from '../model.js';
import { score, type Score } from '../score.js';
import { Tagger } from '../tagger.js';

/** An in-memory model from trained weights, for measuring before saving. */
export function memoryModel(weights: Float32Array, bits: number, beam: number, lexicon: Lexicon): Model {
  return {
    header: { format: FORMAT_VERSION, featureVersion: FEATURE_VERSION, labels: [...LABELS], bits, scale: 1, prune: 0, beam, counts: { rows: 0, clusters: 0, caseClass: 0, gazetteer: 0 }, training: {} },
    weights,
    lexicon,
  };
}

export function evaluate(model: Model, sentences: readonly TaggedSentence[]): Score {
  const tagger = new Tagger(model);
  return score(sentences.map((s) => s.tags), sentences.map((s) => tagger.tag(s.words)));
}
