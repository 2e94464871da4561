import type { ActorDictionary } from './dictionary/actors.js';
import type { AgentDictionary, Discards } from './dictionary/agents.js';
import { synsetPhrases, type VerbDictionary, type VerbForm, type VerbPattern } from './dictionary/verbs.js';
import { bestMatch, type MatchScene } from './match.js';
import { findGroups, findMentions, findUnits, type Group } from './phrases.js';
import { tagTokens } from './tagger.js';
import { headsVerbPhrase, parseTree, subjectSpan, tokenizeText, TreeError, verbPhraseSpan, type Token, type TreeNode } from './tree.js';

/**
 * The PETRARCH-style coder: a sentence (its text, or its Treebank parse when there is one) and the dictionaries
 * in, CAMEO codings {source, target, code} out. For each verb of the verb dictionary it picks the best matching
 * pattern of the verb's block (else the verb's own code), the source (the pattern's `$`, else the verb's
 * subject) and the target (the pattern's `+`, else the first actor phrase after the verb in its VP), and makes
 * one coding per source × target member; `032:033` codes the reverse direction with the second code, `%` codes
 * the members of a compound with each other, a passive verb with "by" swaps the roles.
 */

export interface Dictionaries { verbs: VerbDictionary; actors: ActorDictionary; agents: AgentDictionary; discards?: Discards }
export interface Coding { source: string; target: string; code: string }
export interface SentenceInput { text: string; parse?: string | null; date?: string | null }
export interface SentenceResult { codings: Coding[]; error: 'bad_input_parse' | 'storydiscard' | 'sentencediscard' | null; verbs: string[] }

const BE = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING', "'S", "'RE"]);
const PREPOSITION_POS = /^(IN|TO)$/;
const SUBORDINATORS = new Set(['AFTER', 'BEFORE', 'SINCE', 'WHEN', 'WHILE', 'BECAUSE', 'ALTHOUGH', 'IF', 'UNTIL', 'AS', 'THAT', 'WHETHER']);
const PREPOSITIONS = new Set(['OF', 'IN', 'ON', 'AT', 'TO', 'BY', 'FOR', 'FROM', 'WITH', 'AGAINST', 'BETWEEN', 'NEAR', 'INTO', 'TOWARD', 'TOWARDS', 'ABOUT', 'OVER', 'UNDER']);

function hasPhrase(tokens: readonly Token[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= tokens.length; i++) if (phrase.every((w, k) => tokens[i + k].upper === w)) return true;
  return false;
}

interface VerbHit { start: number; end: number; head: number; forms: VerbForm[] }

function findVerbs(tokens: readonly Token[], verbs: VerbDictionary, root: TreeNode | null): VerbHit[] {
  const hits: VerbHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pos = tokens[i].pos;
    if (pos !== null && !/^(VB|MD)/.test(pos)) continue;
    if (root && !headsVerbPhrase(root, i)) continue;
    const forms = verbs.byHead.get(tokens[i].upper);
    if (!forms) continue;
    let best: VerbForm[] = [];
    let len = 0;
    for (const f of forms) {
      const s = i - f.head;
      if (s < 0 || s + f.words.length > tokens.length) continue;
      if (!f.words.every((w, k) => tokens[s + k].upper === w)) continue;
      if (f.words.length > len) { best = [f]; len = f.words.length; } else if (f.words.length === len) best.push(f);
    }
    if (best.length) hits.push({ start: i - best[0].head, end: i - best[0].head + len, head: i, forms: best });
  }
  return hits;
}

function inSpan(g: Group, from: number, to: number): Group | null {
  const members = g.members.filter((m) => m.start >= from && m.start < to);
  return members.length ? { start: members[0].start, end: members[members.length - 1].end, members } : null;
}

function isPassive(tokens: readonly Token[], v: VerbHit): boolean {
  const t = tokens[v.head];
  if (t.pos !== null ? t.pos !== 'VBN' : !/ED$|EN$/.test(t.upper)) return false;
  for (let k = v.start - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    if (BE.has(tokens[k].upper)) return true;
    if (!/^(RB|RBR|RBS)$/.test(tokens[k].pos ?? '') && !['NOT', "N'T", 'ALSO', 'REPORTEDLY'].includes(tokens[k].upper)) return false;
  }
  return false;
}

/**
 * Without a tree, where the words after a verb stop belonging to it: at ";" or at a comma followed within six words
 * by a verb before any other comma ("…, a senior official said").
 */
function clauseEnd(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k].upper === ';') return k;
    if (tokens[k].upper !== ',') continue;
    for (let j = k + 1; j < tokens.length && j <= k + 6 && tokens[j].upper !== ','; j++) if (/^(VB|MD)/.test(tokens[j].pos ?? '')) return k;
  }
  return tokens.length;
}

const nounCache = new WeakMap<AgentDictionary, Set<string>>();
/** The last words of agent names ("official", "police"): nouns for the plain-text tagger. */
function agentNouns(agents: AgentDictionary): Set<string> {
  let set = nounCache.get(agents);
  if (!set) {
    set = new Set([...agents.byFirst.values()].flatMap((list) => list.map((e) => e.words[e.words.length - 1])));
    nounCache.set(agents, set);
  }
  return set;
}

export function codeSentence(input: SentenceInput, dicts: Dictionaries): SentenceResult {
  let tokens: Token[];
  let root: TreeNode | null = null;
  if (input.parse && input.parse.trim()) {
    try { ({ root, tokens } = parseTree(input.parse)); } catch (e) {
      if (e instanceof TreeError) return { codings: [], error: 'bad_input_parse', verbs: [] };
      throw e;
    }
  } else tokens = tagTokens(tokenizeText(input.text), dicts.verbs, agentNouns(dicts.agents));
  if (dicts.discards) {
    if (dicts.discards.story.some((p) => hasPhrase(tokens, p))) return { codings: [], error: 'storydiscard', verbs: [] };
    if (dicts.discards.sentence.some((p) => hasPhrase(tokens, p))) return { codings: [], error: 'sentencediscard', verbs: [] };
  }
  const date = input.date && /^\d{8}$/.test(input.date) ? Number(input.date) : null;
  const mentions = findMentions(tokens, dicts.actors, dicts.agents);
  const verbHits = findVerbs(tokens, dicts.verbs, root);
  const verbWords = new Set(verbHits.flatMap((v) => Array.from({ length: v.end - v.start }, (_, k) => v.start + k)));
  const units = findUnits(tokens, mentions, verbWords);
  const groups = findGroups(tokens, units, date);
  const synsetCache = new Map<string, string[][]>();
  const scene: MatchScene = {
    tokens, units, groups,
    synset: (name) => {
      let s = synsetCache.get(name);
      if (!s) { s = synsetPhrases(dicts.verbs, name).sort((a, b) => b.length - a.length); synsetCache.set(name, s); }
      return s;
    },
  };
  const codings: Coding[] = [];
  const seen = new Set<string>();
  const emit = (s: string, t: string, code: string) => {
    if (!s || !t || s === t) return;
    const key = `${s}|${t}|${code}`;
    if (!seen.has(key)) { seen.add(key); codings.push({ source: s, target: t, code }); }
  };
  const verbsFound: string[] = [];
  let lastSubject: Group | null = null;
  for (const v of verbHits) {
    const patterns: VerbPattern[] = [];
    for (const f of v.forms) for (const p of f.block.patterns) if (!patterns.includes(p)) patterns.push(p);
    const vp = root ? verbPhraseSpan(root, v.head) : null;
    const hi = vp ? Math.max(vp[1], v.end) : clauseEnd(tokens, v.end);
    const m = bestMatch(scene, patterns, v.start, v.end, 0, hi);
    const code = m ? m.pattern.code : v.forms.find((f) => f.code)?.code ?? null;
    verbsFound.push(`${tokens.slice(v.start, v.end).map((t) => t.word).join(' ')}:${code ?? '-'}${m ? ` (${m.pattern.text})` : ''}`);
    if (!code || /^-+$/.test(code)) continue;
    const [c1, c2] = code.split(':');

    if (m?.compound && m.compoundBefore) {
      const ms = m.compound.members;
      for (let a = 0; a < ms.length; a++) for (let b = a + 1; b < ms.length; b++) {
        emit(ms[a].codes[0], ms[b].codes[0], c1);
        emit(ms[b].codes[0], ms[a].codes[0], c2 || c1);
      }
      continue;
    }
    let source = m?.source ?? null;
    let target = m?.target ?? m?.compound ?? null;
    const subject = (): Group | null => {
      // the actor before the pattern's first word: "Ethiopia indicated it would act", "X noted that Y regretted"
      const left = m ? m.left : v.start;
      if (root) {
        // the pattern's first word may be inside the subject ("Eriador's death toll has risen", "Neither X nor Y")
        const own = subjectSpan(root, v.head);
        const span = left < v.start && !(own && left >= own[0]) ? subjectSpan(root, left) : own;
        if (!span) return null;
        for (const g of groups) { const r = inSpan(g, span[0], span[1]); if (r) return r; }
        return null;
      }
      // without a tree: the nearest noun phrase before, not after a preposition; no subject for a gerund after one
      const before = tokens[v.start - 1];
      if (before?.pos === 'IN' && /ING$/.test(tokens[v.head].upper)) return null;
      // "… condemned an attack … and promised aid": a verb after "and" shares the subject of the verb before
      if (before && /^(AND|OR|BUT)$/.test(before.upper) && lastSubject) return lastSubject;
      for (let k = units.length - 1; k >= 0; k--) {
        const u = units[k];
        if (u.start > left || u.end > v.start) continue;
        const prev = tokens[u.start - 1];
        // "… after crowds burned down …": the subject of a subordinate clause, whatever it is
        const adjacent = tokens.slice(u.end, v.start).every((t) => /^(RB|MD|VB)/.test(t.pos ?? ''));
        if (prev && adjacent && SUBORDINATORS.has(prev.upper)) return groups.find((g) => g.start <= u.start && u.end <= g.end && g.members.some((mb) => mb.start >= u.start)) ?? null;
        if (prev && (PREPOSITIONS.has(prev.upper) || PREPOSITION_POS.test(prev.pos ?? ''))) continue;
        return groups.find((g) => g.start <= u.start && u.end <= g.end) ?? null;
      }
      return null;
    };
    const after = (): Group | null => {
      for (const g of groups) { const r = inSpan(g, v.end, hi); if (r) return r; }
      return null;
    };
    if (!m?.source && !m?.target && !m?.compound && isPassive(tokens, v)) {
      // "was attacked by X": the agent is the source, the subject the target
      let agent: Group | null = null;
      for (let k = v.end; k < hi && !agent; k++) if (tokens[k].upper === 'BY') agent = groups.map((g) => inSpan(g, k + 1, hi)).find((g) => g && g.start <= k + 3) ?? null;
      if (agent) { source = agent; target = subject(); }
      else { source = subject(); target = after(); } // no agent named: coded as PETRARCH2 does, like the active
    } else {
      source ??= subject();
      target ??= after();
    }
    if (!root && !isPassive(tokens, v)) lastSubject = source;
    if (!source || !target) continue;
    for (const s of source.members) for (const t of target.members) {
      emit(s.codes[0], t.codes[0], c1);
      if (c2) emit(t.codes[0], s.codes[0], c2);
    }
  }
  return { codings, error: null, verbs: verbsFound };
}
