import type { Stage } from '../pipeline.js';

export const relationsStage: Stage = {
  name: 'relations',
  requires: ['sentences', 'tokens'],
  assigns: ['relations'],
  run: () => ({ relations: [] }),
};
