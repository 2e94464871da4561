import type { Stage } from '../pipeline.js';
import { layer, type Document, type Mention, type Token } from '../document.js';
import type { Event, Sentence, TimeExpr, Modality } from '../schema.js';
import { eventLexicon, triggerCandidates, type CameoCode, type TriggerShape } from './lexicon.js';
import { modalityAt } from './modality.js';
import { lowerWords } from '../tokens/lower.js';
import { actorsBySentence, afterPreposition, asEventActor, directObject, objectsOf, parties, subjectOf, type Actor } from './arguments.js';

/**
 * The event coder: finds triggers (verbs and nominal events) from the dictionary in data/lexicon, their source
 * and target actors, modality, date (from the time layer) and location, coded in CAMEO and PLOVER.
 */

const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'this', 'that', 'first', 'second', 'third', 'last', 'next', 'latest', 'recent', 'earlier', 'previous', 'upcoming', 'planned', 'state', 'official', 'two-day', 'three-day', 'four-day', 'five-day', 'week-long']);
const BE = new Set(['is', 'was', 'were', 'are', 'been', 'being', 'be']);
const HAVE = new Set(['has', 'have', 'had']);
const BY = new Set(['by']);
const TO = new Set(['to']);
const BETWEEN = new Set(['between']);
const WITH = new Set(['with']);
const NONE: ReadonlySet<string> = new Set();
/** prepositions that may introduce the other party of a verb, by CAMEO root ("met with X", "appealed to X") */
const OBJECT_PREPOSITIONS: Record<string, ReadonlySet<string>> = {
  '02': new Set(['to', 'on', 'for']), '03': new Set(['with']), '04': new Set(['with', 'to']), '05': new Set(['with', 'to']),
  '06': new Set(['with']), '07': new Set(['to']), '10': new Set(['from', 'of', 'for']), '11': new Set(['of']), '12': NONE, '13': new Set(['to']),
  '14': new Set(['against']), '16': new Set(['on', 'against']), '17': NONE, '18': new Set(['on', 'against']), '19': new Set(['on', 'against', 'in']),
};
const ON_AGAINST_OF = new Set(['on', 'against', 'of', 'into']);
// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const DIGIT_FIRST = /^\d/;
const YEAR_FIRST = /^\d{4}/;
/** the same test as text.toLowerCase().startsWith('since'), without the lower-cased copy */
const SINCE_FIRST = /^since/i;
const DAY_FIRST = /^\d{4}-\d{2}-\d{2}/;
const SINCE_BEFORE = /since\s*$/;
const WHEN_AFTER = /^\s*,\s*when\b/;
/** "lifting economic sanctions" */
const EASING_BEFORE = /\b(?:lift|lifts|lifted|lifting|ease|eased|eases|easing|remove|removed|removing|end|ended|ending)\b[^.,;:]{0,45}$/i;
const COOPERATIVE = /^0[3-6]/;
const AND_BETWEEN = /^\s+and\s+$/;
const NO_OBJECT_AFTER = /^\s*(?:[,.;:]|$|(?:on|in|at|last|this|next|again|today|yesterday|separately|privately|briefly|for)\b)/i;
const AGREEMENT_AFTER = /^\s+(?:an?|the|their|its|new|two)?\s*(?:[\p{L}-]+\s+){0,2}(?:pact|deal|agreement|accord|treaty|memorandum|protocol|declaration|communiqu[eé]|talks)\b/iu;
const POSSESSIVE_S = /^['’]s\s/;
const LOWER_WORDS_BETWEEN = /^\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
const BOTH_SIDES = /\b(?:both sides|both countries|the two countries|the two sides|both nations|the two nations|both governments|the two governments)\b/i;

/** a trigger found: `len` tokens from `tok`, and what its entry says apart from its words */
interface Found { tok: number; len: number; entry: TriggerShape & { cameo: string } }

const OBJECT_WINDOW = 4;
const CLAUSE_PUNCT = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"', '“', '”']);

/** What objectFollows needs to know of a token, looked up once per token of the document (0: not yet). */
const UNKNOWN = 0, CLAUSE_MARK = 1, OBJECT_START = 2, PLAIN = 3;

function kindOf(tokens: readonly Token[], lower: readonly string[], k: number, objectWords: ReadonlySet<string>, kinds: Uint8Array): number {
  let kind = kinds[k];
  if (kind === UNKNOWN) kinds[k] = kind = CLAUSE_PUNCT.has(tokens[k].text) ? CLAUSE_MARK : objectWords.has(lower[k]) ? OBJECT_START : PLAIN;
  return kind;
}

/**
 * Writes into STARTS the words after token i (before `to`, fewer than `reach` tokens on) that start some object
 * phrase, and returns how many there are: most occurrences of a trigger's first word have none.
 */
function objectStarts(tokens: readonly Token[], lower: readonly string[], i: number, to: number, reach: number, objectWords: ReadonlySet<string>, kinds: Uint8Array): number {
  let n = 0;
  for (let k = i + 1; k < to && k < i + reach; k++) if (kindOf(tokens, lower, k, objectWords, kinds) === OBJECT_START) STARTS[n++] = lower[k];
  return n;
}
/** objectStarts' answer, one array reused at every token (findTriggers reads it before the next token) */
const STARTS: string[] = [];

/** Whether one of the phrases starts with one of the first n words of STARTS. */
function mayStartHere(objects: readonly (readonly string[])[], n: number): boolean {
  for (const o of objects) for (let s = 0; s < n; s++) if (o[0] === STARTS[s]) return true;
  return false;
}

/**
 * Whether one of the entry's object phrases starts within OBJECT_WINDOW words of `from`, in the same clause.
 * `kinds[k]` caches whether token k ends the clause (CLAUSE_MARK), is the first word of some entry's object phrase
 * (OBJECT_START) or neither: a common verb has dozens of entries, each asking about the same few tokens.
 */
function objectFollows(tokens: readonly Token[], lower: readonly string[], from: number, to: number, objects: readonly (readonly string[])[], objectWords: ReadonlySet<string>, kinds: Uint8Array): boolean {
  for (let k = from; k < to && k < from + OBJECT_WINDOW; k++) {
    const kind = kindOf(tokens, lower, k, objectWords, kinds);
    if (kind === CLAUSE_MARK) return false;
    if (kind !== OBJECT_START) continue;
    for (const o of objects) {
      if (o[0] !== lower[k] || k + o.length > to) continue;
      let j = 0;
      while (j < o.length && lower[k + j] === o[j]) j++;
      if (j === o.length) return true;
    }
  }
  return false;
}

const PREPOSITION_WORDS = new Set(['of', 'in', 'on', 'at', 'for', 'against', 'from', 'with', 'by', 'about', 'over', 'after', 'before', 'during', 'into', 'to']);
const VERB_CUES = new Set(['to', 'will', 'would', 'could', 'may', 'might', 'can', 'shall', 'should', 'must', 'not', "n't", 'also', 'then', 'again', 'later', 'did', 'does', 'do', 'he', 'she', 'it', 'they', 'we', 'i', 'who', 'which', 'that', 'and', 'reportedly', 'allegedly']);

/** Whether the word before position i lets a noun-or-verb form be read as a verb. `actorEnds[k]`: 1 where an actor's mention ends. */
function verbCue(lower: readonly string[], i: number, from: number, actorEnds: Uint8Array): boolean {
  if (i === from) return false;
  const prev = lower[i - 1];
  return VERB_CUES.has(prev) || prev.endsWith('ly') || actorEnds[i - 1] === 1;
}

/**
 * `lower`: the tokens' texts in lower case; `inName[k]`: 1 for a token inside a name; `kinds`: objectFollows's cache,
 * one per token of the document (flags in typed arrays: a Set of numbers was looked up at every token).
 */
function findTriggers(tokens: readonly Token[], lower: readonly string[], from: number, to: number, inName: Uint8Array, actorEnds: Uint8Array, kinds: Uint8Array): Found[] {
  const lex = eventLexicon();
  const triggers = lex.triggers;
  const out: Found[] = [];
  for (let i = from; i < to; i++) {
    if (inName[i] === 1) continue; // "Treaty" in "North Atlantic Treaty Organization
    const list = triggerCandidates(lex, lower[i], i + 1 < to ? lower[i + 1] : undefined);
    if (list < 0) continue;
    // Most entries ask for an object phrase (a common verb has dozens: "told … wish", "told … plans", …) and fail
    // almost everywhere: one is tried only where one of its phrases may start on a word within its reach (its words
    // and OBJECT_WINDOW more; objectFollows would reject it anyway), which skips it with a comparison or two. (An
    // index of each list's entries by object word, made at a list's first use, did the same but grew with every
    // list met: 9 MB per analyzer thread after 2,226 BBC articles.)
    const objectReach = triggers.objectWordsIn(list);
    const starts = objectReach > 0 ? objectStarts(tokens, lower, i, to, objectReach + OBJECT_WINDOW, lex.objectWords, kinds) : 0;
    if (starts === 0 && !triggers.hasFree(list)) continue;
    const prev = i > from ? lower[i - 1] : '';
    for (let p = triggers.listFrom(list), end = triggers.listTo(list); p < end; p++) {
      const e = triggers.entryAt(p);
      const entry = triggers.shape(e); // what entry e says apart from its words
      if (entry.object !== null && (starts === 0 || !mayStartHere(entry.object, starts))) continue;
      const words = triggers.words(e);
      if (i + words.length > to) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) ok = lower[i + k] === words[k];
      if (!ok) continue;
      const after = lower[i + words.length];
      if (entry.next && !(after && entry.next.includes(after))) continue;
      if (entry.object && !objectFollows(tokens, lower, i + words.length, to, entry.object, lex.objectWords, kinds)) continue;
      const looksNominal = DETERMINERS.has(prev) || DIGIT_FIRST.test(prev);
      // "bomb attacks", "economic sanctions": a form that is also a noun is a verb only after a subject or a verb cue;
      // after a preposition ("a warning against travel to …") it is never a verb
      if (!entry.nominal && i > from && PREPOSITION_WORDS.has(prev) && prev !== 'to') continue;
      if (!entry.nominal && !verbCue(lower, i, from, actorEnds) && triggers.nominalWords(e)) continue;
      // "the meeting" is a noun; so is "the call for …" of a generated multi-word verb
      if (!entry.nominal && looksNominal && (words.length === 1 || entry.from === 'cameo')) continue;
      if (entry.nominal && !looksNominal && lex.handVerbs.has(lower[i])) continue; // "to visit" is a verb
      if (entry.cameo !== null) out.push({ tok: i, len: words.length, entry: entry as Found['entry'] });
      i += words.length - 1;
      break;
    }
  }
  return out;
}

/** "US air strikes against Iraq could do serious harm": a modal after an event noun makes it hypothetical. */
function modalAfter(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 8; k++) {
    const w = tokens[k].text.toLowerCase();
    if (w === ',' || w === ';' || w === 'that' || w === 'which') return false;
    if (w === 'could' || w === 'would' || w === 'might' || w === 'may') return true;
  }
  return false;
}

/** The date an event takes from the times of its sentence; "since …" times anchor a period, not an event. */
export function dateFor(doc: Document, times: readonly TimeExpr[], sentence: Sentence, triggerStart: number): TimeExpr | null {
  let best: TimeExpr | null = null;
  let bestDist = Infinity;
  for (const t of times) {
    if (t.start < sentence.start || t.end > sentence.end) continue;
    if (t.type === 'DURATION' || t.type === 'SET' || !YEAR_FIRST.test(t.value)) continue;
    const before = doc.text.slice(Math.max(sentence.start, t.start - 6), t.start).toLowerCase();
    const isSince = SINCE_BEFORE.test(before) || SINCE_FIRST.test(t.text);
    if (isSince) {
      // "since November, when Xi visited …": the when-clause happened then
      if (t.end <= triggerStart && WHEN_AFTER.test(doc.text.slice(t.end, triggerStart))) return t;
      continue;
    }
    const dist = t.start >= triggerStart ? t.start - triggerStart : triggerStart - t.end;
    if (dist < bestDist) { best = t; bestDist = dist; }
  }
  return best;
}

export function codeEvents(doc: Document): Event[] {
  const tokens = layer(doc, 'tokens');
  const lower = lowerWords(tokens);
  const sentences = layer(doc, 'sentences');
  const times = layer(doc, 'times');
  const mentions = layer(doc, 'mentions');
  const { cameo } = eventLexicon();
  const actors = actorsBySentence(doc);
  const inName = new Uint8Array(tokens.length);
  for (const m of mentions) if (m.kind === 'name') inName.fill(1, m.tokenStart, m.tokenEnd);
  const actorEnds = new Uint8Array(tokens.length);
  for (const m of mentions) if (m.kind !== 'demonym' && m.tokenEnd > 0) actorEnds[m.tokenEnd - 1] = 1;
  const kinds = new Uint8Array(tokens.length);
  const events: Event[] = [];
  const deferredBothSides: { event: Omit<Event, 'source' | 'target'>; }[] = [];
  let t0 = 0;
  for (let s = 0; s < sentences.length; s++) {
    let t1 = t0;
    while (t1 < tokens.length && tokens[t1].sentence === s) t1++;
    const sentence = sentences[s];
    const owners = actors[s];
    const acts = parties(owners);
    const triggers = findTriggers(tokens, lower, t0, t1, inName, actorEnds, kinds);
    let lastVerbCode: string | null = null;
    let lastVerbEnd = -1;
    for (const f of triggers) {
      // "lifting economic sanctions": easing a sanction is a concession, not a sanction
      const easing = f.entry.cameo.startsWith('16') && EASING_BEFORE.test(doc.text.slice(Math.max(sentence.start, tokens[f.tok].start - 40), tokens[f.tok].start));
      const code = cameo.get(easing ? '081' : f.entry.cameo)!;
      const tEnd = f.tok + f.len;
      // "signed cooperation agreements": the noun restates the verb's event
      if (f.entry.nominal && lastVerbCode && lastVerbCode.slice(0, 2) === code.code.slice(0, 2) && f.tok - lastVerbEnd < 5) continue;
      if (!f.entry.nominal) { lastVerbCode = code.code; lastVerbEnd = tEnd; }
      const pairs = argumentsFor(f, acts, tokens, doc.text, t0, placeActor(doc, s), owners);
      // "both sides signed …" with no pair named: the sides are settled once the article's events are known
      if (pairs.length === 0 && BOTH_SIDES.test(doc.text.slice(Math.max(sentence.start, tokens[f.tok].start - 60), tokens[f.tok].start))) {
        deferredBothSides.push({ event: eventBase(doc, times, s, t0, t1, f, code) });
        continue;
      }
      if (pairs.length === 0) continue;
      const coded = new Set<string>();
      for (const [src, tgt] of pairs) {
        if (src.entity && src.entity === tgt.entity) continue;
        if (src.country && src.country === tgt.country && src.mention === tgt.mention) continue;
        // "his Argentine counterpart, Lucía Ferreyra": two mentions of one party make one event
        const parties = `${src.entity ?? src.name}|${tgt.entity ?? tgt.name}`;
        if (coded.has(parties)) continue;
        coded.add(parties);
        const e = eventBase(doc, times, s, t0, t1, f, code);
        const confidence = 0.5 + (src.entity ? 0.15 : 0) + (tgt.entity ? 0.15 : 0) + (src.country && tgt.country ? 0.1 : 0);
        events.push({ ...e, source: asEventActor(src), target: asEventActor(tgt), confidence: Math.round(confidence * 100) / 100 });
      }
    }
    t0 = t1;
  }
  // "both sides signed …": the article's main pair of countries
  const dyad = mainDyad(events);
  if (dyad) {
    for (const { event } of deferredBothSides) {
      const party = (iso3: string) => {
        const e = (doc.entities ?? []).find((x) => x.type === 'COUNTRY' && x.country === iso3);
        return { entity: e?.id ?? null, name: e?.name ?? iso3, country: iso3 };
      };
      events.push({ ...event, source: party(dyad[0]), target: party(dyad[1]), confidence: 0.55 });
    }
  }
  events.sort((a, b) => a.trigger.start - b.trigger.start);
  events.forEach((e, i) => { e.id = `v${i + 1}`; });
  return events;
}

/**
 * The event of trigger f in sentence s (tokens [t0, t1)) before its actors are known. A function of its own,
 * not a closure in codeEvents's loop: that made a closure and a context for every trigger, used or not.
 */
function eventBase(doc: Document, times: readonly TimeExpr[], s: number, t0: number, t1: number, f: Found, code: CameoCode): Omit<Event, 'source' | 'target'> {
  const tokens = layer(doc, 'tokens'), sentence = layer(doc, 'sentences')[s];
  const tEnd = f.tok + f.len;
  let modality: Modality = modalityAt(tokens, t0, f.tok);
  const timex = dateFor(doc, times, sentence, tokens[f.tok].start);
  const published = doc.article.published;
  // "meet separately Monday" in a Friday paper: a date after publication is a plan, not a fact
  if (modality === 'asserted' && timex && published && DAY_FIRST.test(timex.value) && timex.value.slice(0, 10) > published) modality = 'planned';
  // a conflict noun with no date of its own ("condemning Iraq's invasion of Kuwait") often recalls an older event:
  // it stays undated rather than taking the publication day
  const background = f.entry.nominal && Number(f.entry.cameo.slice(0, 2)) >= 10;
  if (f.entry.nominal && modality === 'asserted' && modalAfter(tokens, tEnd, t1)) modality = 'hypothetical';
  const fallback = (modality === 'asserted' || modality === 'reported') && !background ? published : null;
  const date = timex ? timex.value.slice(0, 10) : fallback;
  const loc = locationIn(layer(doc, 'mentions'), s);
  return {
    id: '', type: code.plover ?? 'OTHER', mode: code.mode, cameo: code.code, goldstein: code.goldstein,
    location: loc ? { name: loc.text, country: loc.country } : null,
    date, dateSource: timex ? 'text' : date ? 'published' : null, modality,
    sentence: { start: sentence.start, end: sentence.end },
    trigger: { start: tokens[f.tok].start, end: tokens[tEnd - 1].end, text: doc.text.slice(tokens[f.tok].start, tokens[tEnd - 1].end) },
    confidence: 0.5, coder: 'dyad',
  };
}

/** The first locative mention of a place or country in sentence s. */
function locationIn(mentions: readonly Mention[], s: number): Mention | undefined {
  for (const m of mentions) if (m.sentence === s && m.locative && (m.type === 'LOCATION' || m.type === 'COUNTRY')) return m;
  return undefined;
}

function argumentsFor(f: Found, acts: readonly Actor[], tokens: readonly Token[], text: string, sentenceStart: number, place: Actor | null, owners: readonly Actor[] = acts): [Actor, Actor][] {
  const tEnd = f.tok + f.len;
  if (f.entry.nominal) {
    // "the meeting between X and Y"
    const between = afterPreposition(acts, tokens, tEnd - 1, BETWEEN, 2);
    if (between) {
      const rest = objectsOf(acts, tokens, between.tokenStart - 1, text, false);
      if (rest.length >= 2) return [[rest[0], rest[1]]];
    }
    // "X's visit to Y", "a visit by X to Y", "talks with Y"; "X's invasion of Y", "attacks on Y by X"
    const conflict = Number(f.entry.cameo.slice(0, 2)) >= 10;
    const by = afterPreposition(acts, tokens, tEnd - 1, BY, 5);
    // "talks with Y", "an agreement with Y": "with" names the other party of cooperative events only
    const withParty = COOPERATIVE.test(f.entry.cameo) ? afterPreposition(acts, tokens, tEnd - 1, WITH, 4) : null;
    const to = conflict ? afterPreposition(acts, tokens, tEnd - 1, ON_AGAINST_OF, 3) : afterPreposition(acts, tokens, tEnd - 1, TO, 6) ?? withParty;
    const owner = ownerOf(owners, text, tokens, f.tok);
    // only a visit takes the sentence's subject and the place it names when the noun itself names no one
    const isVisit = f.entry.cameo === '042';
    const talksWith = f.entry.cameo.startsWith('04') && withParty && !to ? withParty : null;
    const src = by ?? owner ?? (isVisit || talksWith ? firstSubject(acts, tokens, f.tok) : null);
    const tgt = to ?? (isVisit && src && place && place.country !== src.country ? place : null);
    return src && tgt ? [[src, tgt]] : [];
  }
  // passive: "was boarded by Israeli commandos", "a phone gifted to him by the Chinese leader"
  const prev = f.tok > sentenceStart ? tokens[f.tok - 1].text.toLowerCase() : '';
  const prev2 = f.tok - 1 > sentenceStart ? tokens[f.tok - 2].text.toLowerCase() : '';
  const word = tokens[f.tok].text.toLowerCase();
  const participle = word.endsWith('ed') || word === 'met';
  const agent = participle ? afterPreposition(acts, tokens, tEnd - 1, BY, 6) : null;
  if (agent && (BE.has(prev) || BE.has(prev2) || !HAVE.has(prev))) {
    const to = afterPreposition(acts, tokens, tEnd - 1, TO, 3);
    const patient = to ?? subjectOf(acts, tokens, f.tok);
    return patient ? [[agent, patient]] : [];
  }
  // "the ministers were asked": a passive without its agent names no one who acted
  if (participle && (BE.has(prev) || BE.has(prev2))) return [];
  const src = subjectOf(acts, tokens, f.tok);
  if (!src) return [];
  const objects = objectsOf(acts, tokens, tEnd - 1, text, true, OBJECT_PREPOSITIONS[f.entry.cameo.slice(0, 2)] ?? NONE);
  if (objects.length === 0 && f.entry.cameo === '042' && place && place.start > tokens[f.tok].end && place.country !== src.country
    && directObject(text, tokens[tEnd - 1].end, place.start, NONE)) {
    return [[src, place]]; // "visiting Beijing": the country of the place visited
  }
  if (objects.length === 0) {
    // "Japan and Australia sign a pact", "the two leaders met on Monday": a coordinated subject is both parties,
    // when the verb takes no object of its own ("Romania and Slovenia tried to meet the standards" does)
    const partner = acts.find((a) => a.end <= src.start && AND_BETWEEN.test(text.slice(a.end, src.start)));
    const rest = text.slice(tokens[tEnd - 1].end, tokens[tEnd - 1].end + 60);
    const intransitive = NO_OBJECT_AFTER.test(rest) || AGREEMENT_AFTER.test(rest);
    return partner && intransitive ? [[partner, src]] : [];
  }
  return objects.map((o) => [src, o] as [Actor, Actor]);
}

/** For a nominal event with no "to X": the country of a place named in the sentence ("in Beijing"), as an actor. */
function placeActor(doc: Document, sentence: number): Actor | null {
  const m = placeIn(layer(doc, 'mentions'), sentence);
  return m ? countryActor(doc, m) : null;
}

/** The first locative mention with a country in the sentence (a loop: a closure here made a context on every call). */
function placeIn(mentions: readonly Mention[], sentence: number): Mention | undefined {
  for (const x of mentions) if (x.sentence === sentence && x.locative && x.country) return x;
  return undefined;
}

function countryActor(doc: Document, m: Mention): Actor {
  const country = (doc.entities ?? []).find((e) => e.type === 'COUNTRY' && e.country === m.country);
  return { mention: -1, entity: country?.id ?? null, name: country?.name ?? m.country!, country: m.country, start: m.start, end: m.end, tokenStart: m.tokenStart, phraseStart: m.start };
}

/** The agent a noun names before itself: "Iraq's invasion", "U.S. missile attacks", "Israeli airstrikes". */
function ownerOf(acts: readonly Actor[], text: string, tokens: readonly Token[], noun: nounIndex): Actor | null {
  for (const a of acts) {
    if (a.tokenStart >= noun || noun - a.tokenStart > 4) continue;
    const between = text.slice(a.end, tokens[noun].start);
    if (POSSESSIVE_S.test(between) || LOWER_WORDS_BETWEEN.test(between)) return a;
  }
  return null;
}
type nounIndex = number;

/** The main subject of a sentence: its first actor that is not the object of a preposition. */
function firstSubject(acts: readonly Actor[], tokens: readonly Token[], before: number): Actor | null {
  for (const a of acts) {
    if (a.tokenStart >= before) break;
    if (subjectOf([a], tokens, before)) return a;
  }
  return null;
}

/** The pair of countries most events of the article are between. */
export function mainDyad(events: readonly Event[]): [string, string] | null {
  const counts = new Map<string, number>();
  for (const e of events) {
    const a = e.source.country, b = e.target?.country;
    if (!a || !b || a === b) continue;
    const key = `${a}|${b}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [k, n] of counts) if (!best || n > counts.get(best)!) best = k;
  return best ? (best.split('|') as [string, string]) : null;
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'mentionEntity', 'times'],
  assigns: ['events'],
  run: (doc) => ({ events: codeEvents(doc) }),
};
