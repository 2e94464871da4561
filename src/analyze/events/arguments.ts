import type { Document, Mention, Token } from '../document.js';
import type { EventActor } from '../schema.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const SAID_AFTER = /^\s+(?:said|says|told|added|noted|stated)\b/;
const AND_OR_COMMA_BETWEEN = /^(?:,\s*|\s+)and\s+$|^,\s+$/;
const AND_TWO_WORDS_BETWEEN = /^\s+and\s+\S+\s+\S+\s+$/;
const CLAUSE_PUNCT = /[,;:()“”"]/;
const CAPITAL_FIRST = /^\p{Lu}/u;
const NOT_LETTERS = /[^\p{L}'’]+/u;
const GAP_SEPARATOR = /[^\p{L}\p{N}'’$£€-]+/u;

/** A mention that can take part in an event, with what it stands for. */
export interface Actor {
  mention: number; entity: string | null; name: string; country: string | null; start: number; end: number; tokenStart: number;
  /** where the whole phrase starts: the title before a name ("Chinese Premier Li Qiang"), else `start` */
  phraseStart: number;
  /** the actor owns what follows ("Iraq's invasion"): the agent of a noun, never a clause's subject or object */
  possessive?: boolean;
}

/** The actors that can be a clause's subject or a verb's object. */
export const parties = (actors: readonly Actor[]): Actor[] => actors.filter((a) => !a.possessive);

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
  // where each sentence's dateline ends (its start when it has none), computed once per sentence
  const datelines = new Map<number, number>();
  const datelineEnd = (k: number): number => {
    let end = datelines.get(k);
    if (end === undefined) {
      const s = doc.sentences![k];
      const m = DATELINE.exec(doc.text.slice(s.start, Math.min(s.end, s.start + 80)));
      end = m ? s.start + m[0].length : -1;
      datelines.set(k, end);
    }
    return end;
  };
  mentions.forEach((m: Mention, i) => {
    if (m.kind === 'demonym' || m.type === 'LOCATION' || m.type === 'OTHER') return;
    const eid = entityOf[i] ?? null;
    const e = eid ? entities.get(eid) : undefined;
    if (!e && m.kind !== 'title') return;
    if (m.kind === 'title' && m.relation && !e) return;
    // "his fiscal rules": a possessive pronoun owns something; it is not a party to the event
    if (m.kind === 'pronoun' && POSSESSIVE_PRONOUNS.has(m.text.toLowerCase())) return;
    // a possessor is not a party of the clause ("Lee's key priorities"), only the agent of a noun ("Iraq's invasion")
    const possessive = doc.text.startsWith("'s", m.end) || doc.text.startsWith('’s', m.end); // read in place, no slice
    // a dateline ("NAIROBI, Kenya (AP) _") names where the story was filed, not who acted
    if (m.end <= datelineEnd(m.sentence)) return;
    out[m.sentence].push({ mention: i, entity: e?.id ?? null, name: e?.name ?? m.text, country: e?.country ?? m.country, start: m.start, end: m.end, tokenStart: m.tokenStart, phraseStart: m.full?.start ?? m.start, possessive });
  });
  return out;
}

export function asEventActor(a: Actor): EventActor {
  return { entity: a.entity, name: a.name, country: a.country };
}

/** The subject of a trigger: the nearest actor to its left that is not the object of a preposition. */
export function subjectOf(actors: readonly Actor[], tokens: readonly Token[], trigger: number): Actor | null {
  let underPreposition = false;
  for (let k = actors.length - 1; k >= 0; k--) {
    const a = actors[k];
    if (a.tokenStart >= trigger) continue;
    if (prepositionBefore(tokens, a.tokenStart)) { underPreposition = true; continue; }
    // "… in Kenya and Tanzania": a coordinated actor shares the preposition of the one after which it stands
    const joiner = a.tokenStart > 0 ? tokens[a.tokenStart - 1].text.toLowerCase() : '';
    if ((joiner === 'and' || joiner === ',') && k > 0 && prepositionBefore(tokens, actors[k - 1].tokenStart)) { underPreposition = true; continue; }
    void underPreposition;
    return a;
  }
  return null;
}

const DETERMINER_WORDS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'all', 'both', 'some', 'other']);

/** The preposition an actor stands after, looking past determiners ("of the United Nations"), or null. */
export function prepositionBefore(tokens: readonly Token[], at: number): string | null {
  let p = at - 1;
  while (p >= 0 && DETERMINER_WORDS.has(tokens[p].text.toLowerCase()) && at - p < 3) p--;
  if (p < 0) return null;
  const w = tokens[p].text.toLowerCase();
  return PREPOSITIONS.has(w) ? w : null;
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
    // "visit Baghdad, Gremitskikh said": a name followed by a reporting verb is the speaker, not one more object
    if (SAID_AFTER.test(text.slice(a.end, a.end + 10))) break;
    if (AND_OR_COMMA_BETWEEN.test(text.slice(last.end, a.start)) || AND_TWO_WORDS_BETWEEN.test(text.slice(last.end, a.start))) out.push(a);
    else break;
  }
  // "condemns Kenya, Tanzania bombings": the actors name where an event happened, they are not its object
  if (out.length > 0) {
    const after = text.slice(out[out.length - 1].end, out[out.length - 1].end + 40).toLowerCase().split(NOT_LETTERS).filter((w) => w && w !== "'s" && w !== '’s' && w !== 's');
    if (after.length > 0 && (EVENT_NOUNS.has(after[0]) || (after.length > 1 && EVENT_NOUNS.has(after[1]) && !GAP_STOP.has(after[0])))) return [];
  }
  return out;
}

const NO_PREPOSITIONS: ReadonlySet<string> = new Set();

/** Whether the words between a verb and an actor leave the actor as the verb's object. */
export function directObject(text: string, from: number, to: number, allowed: ReadonlySet<string>): boolean {
  const raw = text.slice(from, to);
  if (CLAUSE_PUNCT.test(raw)) return false; // a clause or an aside lies between
  const gap = raw.split(GAP_SEPARATOR).filter(Boolean);
  if (gap.length > 6) return false;
  for (let i = 0; i < gap.length; i++) {
    const w = gap[i].toLowerCase();
    if (allowed.has(w)) continue;
    // a place or a day between verb and object ("met in Washington with X", "met on Monday with X")
    if ((w === 'in' || w === 'at' || w === 'on') && i + 1 < gap.length && CAPITAL_FIRST.test(gap[i + 1])) continue;
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
    // allow a determiner or a capitalized word between the preposition and the actor ("by a South Korean leader"),
    // never a verb ("to remove U.S. forces")
    while (p > from && !preps.has(tokens[p].text.toLowerCase()) && a.tokenStart - p < 3 && (DETERMINER_WORDS.has(tokens[p].text.toLowerCase()) || CAPITAL_FIRST.test(tokens[p].text))) p--;
    if (preps.has(tokens[p].text.toLowerCase())) return a;
  }
  return null;
}
