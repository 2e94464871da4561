import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import { findTimes } from './recognize.js';

export { findTimes } from './recognize.js';

/** Recognizes temporal expressions and normalizes them to TIMEX3 values against the publication date (issue 4). */
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences', 'tokens'],
  assigns: ['times'],
  run: (doc) => ({ times: findTimes(doc.text, layer(doc, 'sentences'), doc.article.published) }),
};
