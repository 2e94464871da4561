import type { Stage } from '../pipeline.js';

export const summaryStage: Stage = {
  name: 'summary',
  requires: ['sentences', 'tokens'],
  assigns: ['summary'],
  run: () => ({ summary: [] }),
};
