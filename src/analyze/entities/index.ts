import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import { findMentions } from './mentions.js';
import { resolveEntities } from './coref.js';

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['sentences', 'tokens', 'nerTags'],
  assigns: ['mentions', 'entities', 'mentionEntity'],
  run(doc) {
    const mentions = findMentions(doc.text, layer(doc, 'sentences'), layer(doc, 'tokens'), layer(doc, 'nerTags'));
    const { entities, mentionEntity } = resolveEntities(doc.text, mentions);
    return { mentions, entities, mentionEntity };
  },
};
