import type { Mention } from '../document.js';
import type { Span } from '../schema.js';
import { type Context, spanOf } from './context.js';
import { PRONOUNS, SPOKESBODIES } from './lexicon.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const GENDERED_PRONOUN = /^(?:he|she|him|her)$/;
const PERSONAL_PRONOUN = /^(?:he|she|i|him|her)$/;
const POSSESSIVE_AFTER = /^\s*['’]s?\b/;

/** Who says a quote: the entity (when known) and the words that name the speaker. */
export interface Speaker { speaker: string | null; speakerName: string | null; type: string | null; at: number }

const SPEAKING_TYPES = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'OTHER']);

/**
 * Resolves the subject noun phrase of a cue (token range) to a speaker: the entity of the mention at its head
 * (a name, a title, a pronoun resolved by coreference), the principal of an office that speaks for someone
 * ("the prime minister's office"), or else the words of the phrase themselves.
 * `previous` is the last speaker before the quote, used for a pronoun that coreference left unresolved.
 */
export function resolveSpeaker(c: Context, np: [number, number], previous: Speaker | null, previousEnd = -1): Speaker {
  const span = spanOf(c, np[0], np[1]);
  const inside = mentionsIn(c, span);
  const words = c.lower.slice(np[0], np[1]);
  const head = words[words.length - 1];
  const phrase = c.text.slice(span.start, span.end);
  const at = span.start;

  // an office speaking for its principal: keep the office as the speaker's name, link the principal
  if (SPOKESBODIES.has(head) && words.length > 1) {
    const owner = inside.filter(([m]) => m.end < span.end && (m.type === 'PERSON' || m.kind === 'title')).pop();
    const e = owner ? entityOf(c, owner[1]) : null;
    return { speaker: e?.id ?? null, speakerName: phrase, type: 'ORGANIZATION', at };
  }

  if (words.length === 1 && PRONOUNS.has(head)) {
    const m = inside[0];
    const e = m ? entityOf(c, m[1]) : null;
    // a he or she that coreference gave to something other than a person is left to the fallbacks
    if (e && (e.type === 'PERSON' || !GENDERED_PRONOUN.test(head))) return { speaker: e.id, speakerName: e.name, type: e.type, at };
    if (PERSONAL_PRONOUN.test(head)) return lastPerson(c, span.start, previous, previousEnd) ?? { speaker: null, speakerName: null, type: null, at };
    if (previous && head !== 'it') return { ...previous, at };
    return { speaker: null, speakerName: null, type: null, at };
  }

  // the head mention: a person's name first, then an organisation or a title ending the phrase; a possessor
  // ("Obama's former campaign strategist", "Hewlett-Packard's Mr. Archuleta") is not the head
  const possessor = ([m]: [Mention, number]) => m.end < span.end && POSSESSIVE_AFTER.test(c.text.slice(m.end, m.end + 3));
  const speaking = inside.filter((x) => SPEAKING_TYPES.has(x[0].type) && x[0].kind !== 'demonym' && x[0].kind !== 'pronoun' && !possessor(x));
  const pick = speaking.filter(([m]) => m.type === 'PERSON' && m.kind === 'name').pop()
    ?? speaking.filter(([m]) => m.end >= span.end - 1).pop()
    ?? (inside.length === 1 && !possessor(inside[0]) && inside[0][0].start <= span.start + 4 && inside[0][0].end >= span.end - 1 ? inside[0] : undefined);
  if (pick) {
    const e = entityOf(c, pick[1]);
    if (e) return { speaker: e.id, speakerName: e.name, type: e.type, at };
    return { speaker: null, speakerName: pick[0].text, type: pick[0].type, at };
  }
  return { speaker: null, speakerName: phrase, type: null, at };
}

/** The mentions of a subject phrase, with their indices. */
function mentionsIn(c: Context, span: Span): [Mention, number][] {
  const out: [Mention, number][] = [];
  // mentions inside the phrase, or covering its last word (a phrase cut short: "Lee" of "President Lee Jae Myung")
  c.mentions.forEach((m, i) => { if ((m.start >= span.start && m.end <= span.end) || (m.start < span.end && m.end >= span.end && m.start >= span.start - 40)) out.push([m, i]); });
  return out;
}

function entityOf(c: Context, mentionIndex: number) {
  const id = c.mentionEntity[mentionIndex];
  return id ? c.entities.get(id) ?? null : null;
}

/**
 * The person an unresolved pronoun at `offset` refers to: a person named since the last quote in its or the
 * previous sentence, else the last speaker still talking, else the last person mentioned in those sentences.
 */
function lastPerson(c: Context, offset: number, previous: Speaker | null, previousEnd: number): Speaker | null {
  const sentence = c.tokens.find((t) => t.start >= offset)?.sentence ?? 0;
  const near: number[] = [];
  for (let i = c.mentions.length - 1; i >= 0; i--) {
    const m = c.mentions[i];
    if (m.start >= offset) continue;
    if (m.sentence < sentence - 1) break;
    if (m.type === 'PERSON' && m.kind !== 'pronoun') near.push(i);
  }
  const named = near.find((i) => c.mentions[i].kind === 'name' && c.mentions[i].start >= previousEnd);
  // the last speaker goes on talking unless someone else has been named since
  const since = c.mentions.some((m) => m.type === 'PERSON' && m.kind === 'name' && m.start >= previousEnd && m.start < offset);
  const pick = (i: number): Speaker => {
    const e = entityOf(c, i);
    return { speaker: e?.id ?? null, speakerName: e?.name ?? c.mentions[i].text, type: 'PERSON', at: offset };
  };
  if (named !== undefined) return pick(named);
  if (previous && (previous.type === 'PERSON' || previous.type === null) && previous.speakerName && (!since || near.length === 0)) return { ...previous, at: offset };
  return near.length ? pick(near[0]) : null;
}

