import type { Stage } from '../pipeline.js';

export const duplicatesStage: Stage = {
  name: 'duplicates',
  requires: ['sentences', 'tokens'],
  assigns: ['duplicates'],
  run: () => ({ duplicates: [] }),
};
