import type { ActorDictionary, ActorEntry } from './dictionary/actors.js';
import { actorCodesOn } from './dictionary/actors.js';
import type { AgentDictionary, AgentEntry } from './dictionary/agents.js';
import type { Token } from './tree.js';

/**
 * Actor phrases of a sentence. Actor and agent names are found by longest match; a *unit* is a run of noun-phrase
 * words (determiners, adjectives, nouns, possessives) holding them ("the Calenardhon government", "Gondor's main
 * opposition group"), coded as the first actor's code with the agents' codes around it; units joined by "and",
 * "or", "nor" or commas form a *group* (a compound, one coding per member); an agent-only group followed by
 * "of", "in" or "from" and an actor group takes that actor ("lawmakers in Fornost and Gondor").
 */

export interface Mention { start: number; end: number; actor: ActorEntry | null; agent: AgentEntry | null }
export interface Unit { start: number; end: number; mentions: Mention[] }
export interface Member { start: number; end: number; codes: string[] }
export interface Group { start: number; end: number; members: Member[] }

const NOMINAL_POS = /^(DT|PDT|JJ|JJR|JJS|NN|NNS|NNP|NNPS|POS|PRP\$?|CD|FW)$/;
const FUNCTION_WORDS = new Set(['OF', 'IN', 'ON', 'AT', 'TO', 'BY', 'FOR', 'FROM', 'WITH', 'AND', 'OR', 'NOR', 'BUT', ',', '.', ';', ':', 'THAT', 'WHICH', 'WHO', 'IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'HAS', 'HAVE', 'HAD', 'WILL', 'WOULD', 'NOT', "N'T", 'ABOUT', 'AFTER', 'BEFORE', 'ALMOST', 'AGAINST', 'BETWEEN', 'NEAR', 'INTO', 'DURING', 'SINCE', 'UNTIL', 'WHEN', 'WHILE', 'IF', '``', "''", '"']);
const CONJ = new Set([',', 'AND', 'OR', 'NOR']);
const LINK = new Set(['OF', 'IN', 'FROM']);

function matchAt<T extends { words: string[] }>(tokens: readonly Token[], i: number, list: readonly T[] | undefined): T | null {
  if (!list) return null;
  for (const e of list) {
    if (i + e.words.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < e.words.length && ok; k++) ok = tokens[i + k].upper === e.words[k];
    if (ok) return e;
  }
  return null;
}

export function findMentions(tokens: readonly Token[], actors: ActorDictionary, agents: AgentDictionary): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length;) {
    const a = matchAt(tokens, i, actors.byFirst.get(tokens[i].upper));
    const g = matchAt(tokens, i, agents.byFirst.get(tokens[i].upper));
    if (a && (!g || a.words.length >= g.words.length)) { out.push({ start: i, end: i + a.words.length, actor: a.entry, agent: null }); i += a.words.length; }
    else if (g) { out.push({ start: i, end: i + g.words.length, actor: null, agent: g }); i += g.words.length; }
    else i++;
  }
  return out;
}

function nominal(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.pos === null) return !FUNCTION_WORDS.has(t.upper);
  if (NOMINAL_POS.test(t.pos)) return true;
  // "awful and evil minister": coordinated adjectives stay inside one phrase
  return t.pos === 'CC' && i > 0 && i + 1 < tokens.length && /^JJ/.test(tokens[i - 1].pos ?? '') && /^JJ/.test(tokens[i + 1].pos ?? '');
}

/** Runs of noun-phrase words, each with the names inside it (runs without names are kept: they can be skipped by `^`). */
export function findUnits(tokens: readonly Token[], mentions: readonly Mention[], verbWords: ReadonlySet<number> = new Set()): Unit[] {
  const inMention = new Array<Mention | null>(tokens.length).fill(null);
  for (const m of mentions) for (let k = m.start; k < m.end; k++) inMention[k] = m;
  // the words of a verb ("wire" of "wire tapped") end a phrase
  const inPhrase = (k: number) => !!inMention[k] || (!verbWords.has(k) && nominal(tokens, k));
  const units: Unit[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!inPhrase(i)) { i++; continue; }
    const start = i;
    const ms: Mention[] = [];
    while (i < tokens.length && inPhrase(i)) {
      const m = inMention[i];
      if (m) { ms.push(m); i = m.end; } else i++;
    }
    units.push({ start, end: i, mentions: ms });
  }
  return units;
}

/** Whether a code already holds an agent code at a 3-letter boundary (USAGOV holds GOV; GMWGOV does not hold WGO). */
function holds(code: string, part: string): boolean {
  for (let i = code.indexOf(part); i >= 0; i = code.indexOf(part, i + 1)) if (i % 3 === 0) return true;
  return false;
}

function unitCodes(u: Unit, date: number | null, inherited: { actor: string[]; agents: AgentEntry[] } | null): { codes: string[]; actor: string[]; agents: AgentEntry[] } | null {
  // the first actor of the unit, or a later one that refines it ("China's President Xi Jinping": CHN → CHNGOV)
  let actorMention = u.mentions.find((m) => m.actor);
  if (actorMention) {
    const first = actorCodesOn(actorMention.actor!, date);
    for (const m of u.mentions) {
      if (!m.actor || m === actorMention) continue;
      const c = actorCodesOn(m.actor, date);
      if (first.length === 1 && c.length === 1 && c[0].length > first[0].length && c[0].startsWith(first[0])) { actorMention = m; break; }
    }
  }
  const agents = u.mentions.filter((m) => m.agent).map((m) => m.agent!);
  if (!actorMention && agents.length === 0) return null;
  let actor = actorMention ? actorCodesOn(actorMention.actor!, date) : null;
  let allAgents = agents;
  if (!actor && inherited) { actor = inherited.actor; allAgents = [...inherited.agents.slice(0, -1), ...agents]; }
  if (actorMention && (!actor || actor.length === 0)) return null; // an actor with no code on this date
  const bases = actor && actor.length ? actor : ['---'];
  const codes = bases.map((base) => {
    let code = allAgents.map((g) => g.prefix).join('') + base;
    for (const g of allAgents) if (g.suffix && !holds(code, g.suffix)) code += g.suffix;
    return code;
  });
  return { codes, actor: actor ?? [], agents: allAgents };
}

/** Groups of actor phrases, in sentence order. */
export function findGroups(tokens: readonly Token[], units: readonly Unit[], date: number | null): Group[] {
  // 1. units joined by conjunctions and commas
  const raw: Unit[][] = [];
  for (const u of units) {
    const last = raw[raw.length - 1];
    const prev = last?.[last.length - 1];
    let joined = false;
    if (prev && u.start > prev.end) {
      joined = true;
      for (let k = prev.end; k < u.start && joined; k++) joined = CONJ.has(tokens[k].upper) || tokens[k].pos === 'CC';
    }
    if (joined) last.push(u); else raw.push([u]);
  }
  // 2. members with codes; an agent-only member after an actor shares its actor ("Danish media and government")
  const membersOf = (us: readonly Unit[]): Member[] => {
    const members: Member[] = [];
    let prev: { actor: string[]; agents: AgentEntry[] } | null = null;
    for (const u of us) {
      const c = unitCodes(u, date, prev);
      if (!c) continue;
      if (u.mentions.some((m) => m.actor)) prev = { actor: c.actor, agents: c.agents };
      for (const code of c.codes) members.push({ start: u.start, end: u.end, codes: [code] });
    }
    return members;
  };
  const hasActor = (u: Unit) => u.mentions.some((m) => m.actor);
  // 3. "officials in Fornost and Gondor", "the government of Gondor", "goats of Gondor": the units after the last
  // actor of a group, followed by "of", "in" or "from" and an actor group, take that group's actors
  const out: Group[] = [];
  for (let r = 0; r < raw.length; r++) {
    const us = raw[r], next = raw[r + 1];
    const last = us[us.length - 1];
    let lastActor = -1;
    us.forEach((u, k) => { if (hasActor(u)) lastActor = k; });
    const trailing = us.slice(lastActor + 1);
    if (next && trailing.length && next[0].start === last.end + 1 && LINK.has(tokens[last.end].upper) && next.some(hasActor)) {
      const members = membersOf(us.slice(0, lastActor + 1));
      const linked = membersOf(next);
      const agentUnits = trailing.filter((u) => u.mentions.some((m) => m.agent));
      if (agentUnits.length === 0) members.push(...linked);
      for (const au of agentUnits) {
        const agents = au.mentions.filter((m) => m.agent).map((m) => m.agent!);
        for (const bm of linked) {
          let code = agents.map((x) => x.prefix).join('') + bm.codes[0];
          for (const x of agents) if (x.suffix && !holds(code, x.suffix)) code += x.suffix;
          members.push({ start: au.start, end: bm.end, codes: [code] });
        }
      }
      if (members.length) out.push({ start: us[0].start, end: next[next.length - 1].end, members });
      r++;
      continue;
    }
    const members = membersOf(us);
    if (members.length) out.push({ start: us[0].start, end: last.end, members });
  }
  return out;
}
