import type { Stage } from '../pipeline.js';

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentences', 'tokens'],
  assigns: ['events'],
  run: () => ({ events: [] }),
};
