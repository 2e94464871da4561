import type { Token } from '../document.js';
import type { Modality } from '../schema.js';

const NEGATION = new Set(['not', "n't", 'never', 'no', 'denied', 'denies', 'deny', 'refused', 'declined', 'failed', 'without']);
/** verbs that ask for an event: what follows "urged X to …" has not happened */
const REQUESTING = new Set(['urged', 'urge', 'urges', 'urging', 'asked', 'ask', 'asks', 'invited', 'invite', 'invites', 'called', 'calling', 'calls', 'appealed', 'pressed', 'encouraged', 'demanded', 'told', 'persuade', 'persuaded', 'wanted', 'want', 'wants', 'hopes', 'hoped', 'trying', 'tried', 'sought', 'seeks', 'seek', 'offered', 'refused', 'ready', 'willing', 'able', 'order', 'ordered', 'hoping', 'seeking', 'wanting', 'offering', 'trying']);
/** verbs that commit to an event: what follows "promised to …" is planned */
const COMMITTING = new Set(['promised', 'promising', 'promises', 'pledged', 'pledging', 'pledges', 'vowed', 'vowing', 'vows', 'agreed', 'agreeing', 'agrees', 'decided', 'committed']);
const HYPOTHETICAL = new Set(['until', 'seeks', 'seeking', 'sought', 'may', 'might', 'could', 'would', 'should', 'if', 'unless', 'possible', 'possibly', 'perhaps', 'considering', 'consider', 'considers', 'keen', 'hopes', 'hoped', 'hope', 'wants', 'wanted', 'proposed', 'whether']);
const PLANNED = new Set(['will', "'ll", '’ll', 'scheduled', 'plans', 'planning', 'planned', 'plan', 'set', 'expected', 'due', 'aims', 'aim', 'aiming', 'intends', 'intend', 'upcoming', 'going', 'shall', 'to-be']);
const REPORTED = new Set(['reportedly', 'allegedly', 'purportedly', 'rumoured', 'rumored']);
const BOUNDARY = new Set([';', 'that', 'but', 'while', 'whereas', 'which', 'who', 'when', 'because', 'although', 'after', 'before', 'since']);
/** a be-verb before "to": "is to meet", "are to sign" */
const BE = new Set(['is', 'are', 'was', 'were']);

/**
 * The modality of an event from the words of its clause before the trigger:
 * negated > hypothetical > planned > reported > asserted.
 */
export function modalityAt(tokens: readonly Token[], sentenceStart: number, trigger: number): Modality {
  let negated = false, hypothetical = false, planned = false, reported = false;
  let sawTo = -1;
  for (let i = trigger - 1, n = 0; i >= sentenceStart && n < 12; i--, n++) {
    const w = tokens[i].text.toLowerCase();
    if (BOUNDARY.has(w) || (w === ',' && n > 2)) break;
    if (NEGATION.has(w)) negated = true;
    else if (HYPOTHETICAL.has(w)) hypothetical = true;
    else if (PLANNED.has(w)) planned = true;
    else if (REPORTED.has(w)) reported = true;
    else if (w === 'to' && i > sentenceStart && BE.has(tokens[i - 1].text.toLowerCase())) planned = true;
    else if (w === 'to' && sawTo === -1) sawTo = i;
    if (REQUESTING.has(w) && sawTo > i) hypothetical = true;
    if (COMMITTING.has(w) && sawTo > i) planned = true;
  }
  // "according to …" anywhere in the sentence after the trigger marks a report
  for (let i = trigger + 1; i < tokens.length && tokens[i].sentence === tokens[trigger].sentence; i++) {
    const w = tokens[i].text.toLowerCase();
    if (w === 'reportedly' || (w === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to')) reported = true;
  }
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  if (planned) return 'planned';
  if (reported) return 'reported';
  return 'asserted';
}
