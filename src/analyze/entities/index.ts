import type { Stage } from '../pipeline.js';

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['sentences', 'tokens'],
  assigns: ['entities','mentions','mentionEntity'],
  run: () => ({ entities: [],mentions: [],mentionEntity: [] }),
};
