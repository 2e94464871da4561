import type { Document, Mention, Token } from '../document.js';
import type { EventActor } from '../schema.js';

/** A mention that can take part in an event, with what it stands for. */
export interface Actor {
  mention: number; entity: string | null; name: string; country: string | null; start: number; end: number; tokenStart: number;
  /** where the whole phrase starts: the title before a name ("Chinese Premier Li Qiang"), else `start` */
  phraseStart: number;
}

const PREPOSITIONS = new Set(['with', 'of', 'to', 'for', 'on', 'in', 'from', 'between', 'by', 'at', 'about', 'against', 'into', 'over', 'toward', 'towards', 'among', 'amid', 'during', 'after', 'before', 'like', 'than', 'under', 'using']);
const DATELINE = /^(?:\p{Lu}[\p{Lu}.' -]+)(?:,\s*[\p{L}. ]+)?\s*(?:\([\p{L} ]+\))?\s*(?:_|--|—|–|-)\s/u;
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'hers', 'its', 'their']);
const STOP_RIGHT = new Set([';', 'but', 'while', 'whereas', 'which', 'who', 'because', 'although', 'when']);

/** The actors of each sentence: people, countries, organisations and role descriptions, not places named as places. */
export function actorsBySentence(doc: Document): Actor[][] {
  const mentions = doc.mentions ?? [];
  const entityOf = doc.mentionEntity ?? [];
  const entities = new Map((doc.entities ?? []).map((e) => [e.id, e]));
  const out: Actor[][] = (doc.sentences ?? []).map(() => []);
  mentions.forEach((m: Mention, i) => {
    if (m.kind === 'demonym' || m.type === 'LOCATION' || m.type === 'OTHER') return;
    const eid = entityOf[i] ?? null;
    const e = eid ? entities.get(eid) : undefined;
    if (!e && m.kind !== 'title') return;
    if (m.kind === 'title' && m.relation && !e) return;
    // "his fiscal rules": a possessive pronoun owns something; it is not a party to the event
    if (m.kind === 'pronoun' && POSSESSIVE_PRONOUNS.has(m.text.toLowerCase())) return;
    // a possessor is not an actor of the clause ("Lee's key priorities")
    const after = doc.text.slice(m.end, m.end + 2);
    if (after === "'s" || after === '’s') return;
    // a dateline ("NAIROBI, Kenya (AP) _") names where the story was filed, not who acted
    const sentence = doc.sentences![m.sentence];
    const dateline = DATELINE.exec(doc.text.slice(sentence.start, Math.min(sentence.end, sentence.start + 80)));
    if (dateline && m.end <= sentence.start + dateline[0].length) return;
    out[m.sentence].push({ mention: i, entity: e?.id ?? null, name: e?.name ?? m.text, country: e?.country ?? m.country, start: m.start, end: m.end, tokenStart: m.tokenStart, phraseStart: m.full?.start ?? m.start });
  });
  return out;
}

export function asEventActor(a: Actor): EventActor {
  return { entity: a.entity, name: a.name, country: a.country };
}

/** The subject of a trigger: the nearest actor to its left that is not the object of a preposition. */
export function subjectOf(actors: readonly Actor[], tokens: readonly Token[], trigger: number): Actor | null {
  for (let k = actors.length - 1; k >= 0; k--) {
    const a = actors[k];
    if (a.tokenStart >= trigger) continue;
    const before = a.tokenStart > 0 ? tokens[a.tokenStart - 1].text.toLowerCase() : '';
    if (PREPOSITIONS.has(before)) continue;
    return a;
  }
  return null;
}

/** Objects of a trigger: the first actor to its right in the same clause, and those coordinated with it ("X and Y"). */
export function objectsOf(actors: readonly Actor[], tokens: readonly Token[], trigger: number, text: string, skipBy = true, allowed: ReadonlySet<string> = NO_PREPOSITIONS): Actor[] {
  const sentence = tokens[trigger].sentence;
  let limit = trigger + 1;
  while (limit < tokens.length && tokens[limit].sentence === sentence && !STOP_RIGHT.has(tokens[limit].text.toLowerCase()) && limit - trigger < 14) limit++;
  const out: Actor[] = [];
  for (const a of actors) {
    if (a.tokenStart <= trigger || a.tokenStart >= limit) continue;
    if (skipBy && a.tokenStart > 0 && tokens[a.tokenStart - 1].text.toLowerCase() === 'by') continue;
    if (out.length === 0) {
      // the object follows the verb directly, or after a few determiners or an allowed preposition: an actor
      // inside another phrase ("condemned the bombing of the U.S. embassies") is not the verb's object
      if (!directObject(text, tokens[trigger].end, a.phraseStart, allowed)) break;
      out.push(a);
      continue;
    }
    const last = out[out.length - 1];
    if (/^(?:,\s*|\s+)and\s+$|^,\s+$/.test(text.slice(last.end, a.start)) || /^\s+and\s+\S+\s+\S+\s+$/.test(text.slice(last.end, a.start))) out.push(a);
    else break;
  }
  return out;
}

const NO_PREPOSITIONS: ReadonlySet<string> = new Set();

/** Whether the words between a verb and an actor leave the actor as the verb's object. */
export function directObject(text: string, from: number, to: number, allowed: ReadonlySet<string>): boolean {
  const gap = text.slice(from, to).split(/[^\p{L}\p{N}'’$£€-]+/u).filter(Boolean);
  if (gap.length > 6) return false;
  for (let i = 0; i < gap.length; i++) {
    const w = gap[i].toLowerCase();
    if (allowed.has(w)) continue;
    // a place or a day between verb and object ("met in Washington with X", "met on Monday with X")
    if ((w === 'in' || w === 'at' || w === 'on') && i + 1 < gap.length && /^\p{Lu}/u.test(gap[i + 1])) continue;
    if (GAP_STOP.has(w) || EVENT_NOUNS.has(w)) return false;
  }
  return true;
}

/** words that end a verb's reach before an actor: prepositions, conjunctions and relative words */
const GAP_STOP = new Set(['of', 'in', 'at', 'on', 'to', 'for', 'with', 'from', 'by', 'about', 'against', 'over', 'after', 'before', 'during', 'into', 'than', 'and', 'or', 'but', 'that', 'which', 'who', 'whose', 'while', 'because', 'if', 'as', 'like', 'between', 'among', 'under', 'through', 'said', 'says']);
/** nouns naming events: an actor after them belongs to that event, not to the verb ("condemned the bombing of …") */
const EVENT_NOUNS = new Set(['attack', 'attacks', 'bombing', 'bombings', 'killing', 'killings', 'blast', 'blasts', 'explosion', 'explosions', 'violence', 'shooting', 'shootings', 'invasion', 'strike', 'strikes', 'raid', 'raids', 'massacre', 'crackdown', 'occupation', 'war', 'visit', 'meeting', 'talks', 'decision', 'ruling', 'policy', 'plan', 'plans', 'embargo', 'embargoes', 'sanctions', 'ban']);

/** The actor introduced by a preposition ("by X", "to X", "with X") within a few tokens after position `from`. */
export function afterPreposition(actors: readonly Actor[], tokens: readonly Token[], from: number, preps: ReadonlySet<string>, window = 8): Actor | null {
  for (const a of actors) {
    if (a.tokenStart <= from || a.tokenStart > from + window) continue;
    let p = a.tokenStart - 1;
    // allow a determiner or adjective between the preposition and the actor ("by a South Korean leader")
    while (p > from && !preps.has(tokens[p].text.toLowerCase()) && a.tokenStart - p < 3) p--;
    if (preps.has(tokens[p].text.toLowerCase())) return a;
  }
  return null;
}
