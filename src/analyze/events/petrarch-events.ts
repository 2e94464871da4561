import type { Stage } from '../pipeline.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { layer, type Document, type Token } from '../document.js';
import type { Event, EventActor } from '../schema.js';
import { lexicon } from '../lexicon/index.js';
import { dateFor } from './index.js';
import { eventLexicon } from './lexicon.js';
import { modalityAt } from './modality.js';
import { ploverOf } from './plover.js';
import { codeSentence, type Coding, type Dictionaries } from './petrarch/index.js';

/**
 * Events coded with a user's PETRARCH dictionaries (`dyad analyze --dictionaries DIR`): the PETRARCH coder runs on
 * each sentence and each coding becomes a dyad Event marked `coder: 'petrarch'`, with names from the actor codes,
 * the country when a code starts with an ISO alpha-3 code, the PLOVER type by the code's root, the Goldstein weight
 * of cameo.json (the nearest listed parent for a finer code), modality and date as dyad's own coder gives them, and
 * the verb as the trigger. A coding that restates an event dyad's coder found on the same trigger, with a code of the
 * same root, is not added twice. Pure: the dictionaries are loaded by the caller and passed in.
 */

const names = new WeakMap<Dictionaries, { actor: Map<string, string>; agent: Map<string, string> }>();

const SMALL = new Set(['OF', 'THE', 'AND', 'FOR', 'IN', 'ON', 'AT', 'DE', 'DU', 'AL']);
const titleCase = (words: readonly string[]) => words.map((w, i) => (i > 0 && SMALL.has(w) ? w.toLowerCase() : w.charAt(0) + w.slice(1).toLowerCase())).join(' ');

function nameIndex(d: Dictionaries) {
  let n = names.get(d);
  if (n) return n;
  n = { actor: new Map(), agent: new Map() };
  // an entry whose undated code it is names a code best ("GREECE [GRC]", not a king of Greece [GRCGOV 1964-1973])
  for (const undated of [true, false]) {
    for (const e of d.actors.entries) {
      for (const c of e.codes) {
        if ((c.from === null && c.to === null) !== undated) continue;
        for (const code of c.codes) if (!n.actor.has(code) && e.names[0]) n.actor.set(code, titleCase(e.names[0]));
      }
    }
  }
  // a country code is named as dyad names the country
  for (const [iso3, name] of lexicon().countryName) n.actor.set(iso3, name);
  for (const list of d.agents.byFirst.values()) {
    for (const a of list) {
      const code = (a.prefix || a.suffix).replace(/~/g, '');
      if (code && !n.agent.has(code)) n.agent.set(code, a.words.join(' ').toLowerCase());
    }
  }
  names.set(d, n);
  return n;
}

/** A readable name for a PETRARCH actor code: "ISRMIL" → "Israeli troops" or "Israel military"; else the code. */
export function actorName(code: string, d: Dictionaries): string {
  const n = nameIndex(d);
  const exact = n.actor.get(code);
  if (exact) return exact;
  // the longest actor code at the start, then agent codes of three letters
  for (let i = code.length - 3; i >= 3; i -= 3) {
    const base = code.startsWith('---') && i === 3 ? '' : n.actor.get(code.slice(0, i));
    if (base === undefined) continue;
    const agents: string[] = [];
    for (let k = i; k < code.length; k += 3) agents.push(n.agent.get(code.slice(k, k + 3)) ?? code.slice(k, k + 3));
    return [base, ...agents].filter(Boolean).join(' ');
  }
  return code;
}

/** The country of a PETRARCH actor code: its first three letters when they are an ISO 3166-1 alpha-3 code. */
export function actorCountry(code: string): string | null {
  const c = code.slice(0, 3);
  return /^[A-Z]{3}$/.test(c) && lexicon().countryName.has(c) ? c : null;
}

/** Goldstein weight, type and mode of a code, by cameo.json or its nearest listed parent, else by its root. */
function classify(code: string) {
  const { cameo } = eventLexicon();
  for (const k of [code, code.slice(0, 3), code.slice(0, 2) + '0']) {
    const c = cameo.get(k);
    if (c) return { goldstein: c.goldstein, ...(k === code ? { plover: c.plover, mode: c.mode } : ploverOf(code)) };
  }
  return { goldstein: 0, ...ploverOf(code) };
}

/** The token index of the verb's words inside the sentence's tokens, or -1. */
function findVerb(tokens: readonly Token[], from: number, to: number, words: readonly string[]): number {
  for (let i = from; i + words.length <= to; i++) {
    if (words.every((w, k) => tokens[i + k].text.toLowerCase() === w.toLowerCase())) return i;
  }
  return -1;
}

export function codePetrarchEvents(doc: Document, dicts: Dictionaries): Event[] {
  const tokens = layer(doc, 'tokens');
  const sentences = layer(doc, 'sentences');
  const times = layer(doc, 'times');
  const own = doc.events ?? [];
  const entities = doc.entities ?? [];
  const date = doc.article.published ? doc.article.published.replace(/-/g, '').slice(0, 8) : null;
  const out: Event[] = [];
  const actor = (code: string): EventActor => {
    const name = actorName(code, dicts);
    const e = entities.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.aliases.some((a) => a.toLowerCase() === name.toLowerCase()));
    return { entity: e?.id ?? null, name, country: actorCountry(code) ?? e?.country ?? null };
  };
  let t0 = 0;
  for (let s = 0; s < sentences.length; s++) {
    let t1 = t0;
    while (t1 < tokens.length && tokens[t1].sentence === s) t1++;
    const sentence = sentences[s];
    const result = codeSentence({ text: doc.text.slice(sentence.start, sentence.end), date }, dicts);
    // "attacked:190 (- * + [190])": the verb's words and the code it gave
    const verbs = result.verbs.map((v) => {
      const m = /^(.*):([^ ]+)/.exec(v);
      return { words: (m?.[1] ?? '').split(' ').filter((w) => /\w/.test(w)), codes: (m?.[2] ?? '').split(':') };
    });
    for (const c of result.codings as Coding[]) {
      const verb = verbs.find((v) => v.codes.includes(c.code));
      const at = verb ? findVerb(tokens, t0, t1, verb.words) : -1;
      if (at < 0) continue; // no evidence span for the verb: not stored
      const end = at + verb!.words.length - 1;
      const trigger = { start: tokens[at].start, end: tokens[end].end, text: doc.text.slice(tokens[at].start, tokens[end].end) };
      if (own.some((e) => e.trigger.start <= trigger.start && trigger.start < e.trigger.end && e.cameo.slice(0, 2) === c.code.slice(0, 2))) continue;
      const modality = modalityAt(tokens, t0, at);
      const timex = dateFor(doc, times, sentence, trigger.start);
      const fallback = modality === 'asserted' || modality === 'reported' ? doc.article.published : null;
      const day = timex ? timex.value.slice(0, 10) : fallback;
      const k = classify(c.code);
      const source = actor(c.source), target = actor(c.target);
      out.push({
        id: '', type: k.plover ?? 'OTHER', mode: k.mode, cameo: c.code, goldstein: k.goldstein,
        source, target, location: null,
        date: day, dateSource: timex ? 'text' : day ? 'published' : null, modality,
        sentence: { start: sentence.start, end: sentence.end }, trigger,
        confidence: 0.5 + (source.country ? 0.1 : 0) + (target.country ? 0.1 : 0),
        coder: 'petrarch',
      });
    }
    t0 = t1;
  }
  return out;
}

/** A stage that adds the PETRARCH-coded events to those of dyad's coder (ids go on from the last of them). */
export function petrarchEventsStage(dicts: Dictionaries): Stage {
  return {
    name: 'petrarch-events',
    requires: ['sentences', 'tokens', 'entities', 'times', 'events'],
    assigns: ['events'],
    run: (doc) => {
      const own = doc.events ?? [];
      const added = codePetrarchEvents(doc, dicts).map((e, i) => ({ ...e, id: `v${own.length + i + 1}` }));
      return { events: [...own, ...added] };
    },
  };
}

/** The pipeline with the PETRARCH stage right after dyad's event coder. */
export function withPetrarch(pipeline: Pipeline, dicts: Dictionaries): Pipeline {
  const stages = [...pipeline.stages];
  const at = stages.findIndex((s) => s.name === 'events');
  if (at < 0) throw new Error('E_PIPELINE_ORDER: the pipeline has no "events" stage to add PETRARCH events after');
  stages.splice(at + 1, 0, petrarchEventsStage(dicts));
  return createPipeline(stages);
}
