import type { Stage } from '../pipeline.js';

// Placeholder until the quote finder lands (issue 5).
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'mentionEntity'],
  assigns: ['quotes'],
  run: () => ({ quotes: [] }),
};
