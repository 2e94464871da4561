import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';

// Placeholder until the trained tagger lands (issue 3): tags nothing.
export const nerStage: Stage = {
  name: 'ner',
  requires: ['tokens'],
  assigns: ['nerTags'],
  run: (doc) => ({ nerTags: layer(doc, 'tokens').map(() => 'O') }),
};
