import type { Stage } from '../pipeline.js';

// Placeholder until the time tagger lands (issue 4).
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences', 'tokens'],
  assigns: ['times'],
  run: () => ({ times: [] }),
};
