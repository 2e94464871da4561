import { dictionaryLines } from './lines.js';

/**
 * The PETRARCH verb dictionary: synsets (`&NAME` then `+member` lines), verb blocks
 * (`--- NAME [code] ---`), the verbs of a block (one a line, `{…}` irregular forms, `+` marking the verb word of
 * a multi-word verb such as `WIRE_+TAP` or `+CORDON_OFF`, an optional own `[code]`), and the block's patterns
 * (`- words * words [code]`).
 */

/** One element of a pattern, read outward from the verb: `joined` means no word may come between it and the element nearer the verb. */
export type PatternItem =
  | { kind: 'word'; word: string; joined: boolean }
  | { kind: 'synset'; name: string; joined: boolean }
  | { kind: 'source' | 'target' | 'compound' | 'skip'; joined: boolean };

export interface VerbPattern { before: PatternItem[]; after: PatternItem[]; code: string; line: number; text: string }
export interface VerbBlock { name: string; code: string | null; patterns: VerbPattern[] }
/** A surface form of a verb: its words, which of them is the verb, and its code (own or the block's). */
export interface VerbForm { words: string[]; head: number; code: string | null; block: VerbBlock }
export interface VerbDictionary {
  /** synset name (no `&`) → member phrases, nested synsets as `&NAME` words */
  synsets: Map<string, string[][]>;
  /** verb word form → the forms built on it */
  byHead: Map<string, VerbForm[]>;
  blocks: VerbBlock[];
  problems: string[];
}

const CODE = /\[([^\]]*)\]/;

export function parsePattern(text: string, line = 0): VerbPattern | null {
  const m = CODE.exec(text);
  if (!m) return null;
  const body = text.slice(0, m.index).replace(/^-\s*/, '');
  const chunks: { tok: string; sep: 'none' | 'gap' | 'join' }[] = [];
  // between two items: '_' joins them, white space (or a bracket) leaves a gap, nothing ("*SCEPTICAL") joins them
  let sep = 'none' as 'none' | 'gap' | 'join';
  for (const part of body.match(/[\s_]+|\*|[^\s_*]+/g) ?? []) {
    if (/^[\s_]+$/.test(part)) { sep = part.includes('_') || sep === 'join' ? 'join' : 'gap'; continue; }
    const tok = part.replace(/[{}()|]/g, '');
    if (!tok) { if (sep === 'none') sep = 'gap'; continue; }
    chunks.push({ tok: tok.toUpperCase(), sep: chunks.length ? (sep === 'none' ? 'join' : sep) : 'none' });
    sep = 'none';
  }
  const star = chunks.findIndex((c) => c.tok === '*');
  if (star < 0) return null;
  const item = (tok: string, joined: boolean): PatternItem => {
    switch (tok) {
      case '$': return { kind: 'source', joined };
      case '+': return { kind: 'target', joined };
      case '%': return { kind: 'compound', joined };
      case '^': return { kind: 'skip', joined };
      default: return tok.startsWith('&') ? { kind: 'synset', name: tok.slice(1), joined } : { kind: 'word', word: tok, joined };
    }
  };
  const before: PatternItem[] = [];
  for (let i = star - 1; i >= 0; i--) before.push(item(chunks[i].tok, chunks[i + 1].sep === 'join'));
  const after: PatternItem[] = [];
  for (let j = star + 1; j < chunks.length; j++) after.push(item(chunks[j].tok, chunks[j].sep === 'join'));
  return { before, after, code: m[1].trim(), line, text: text.trim() };
}

/** Regular inflections of a verb: -S, -ED, -ING (with a doubled final consonant as a variant). */
export function verbInflections(word: string): string[] {
  const w = word.toUpperCase();
  const out = new Set([w]);
  const consonantY = /[^AEIOU]Y$/.test(w);
  out.add(/(S|X|Z|CH|SH)$/.test(w) ? w + 'ES' : consonantY ? w.slice(0, -1) + 'IES' : w + 'S');
  if (w.endsWith('E')) { out.add(w + 'D'); out.add(w.endsWith('EE') ? w + 'ING' : w.slice(0, -1) + 'ING'); }
  else if (consonantY) { out.add(w.slice(0, -1) + 'IED'); out.add(w + 'ING'); }
  else { out.add(w + 'ED'); out.add(w + 'ING'); }
  if (/[^AEIOU][AEIOU][BDGKLMNPRTV]$/.test(w)) { const d = w + w.slice(-1); out.add(d + 'ED'); out.add(d + 'ING'); }
  return [...out];
}

function splitVerbPhrase(s: string, defaultHead = 0): { words: string[]; head: number } {
  const parts = s.trim().toUpperCase().split(/[\s_]+/).filter(Boolean);
  let head = parts.findIndex((p) => p.startsWith('+'));
  if (head < 0) head = Math.min(defaultHead, parts.length - 1);
  return { words: parts.map((p) => p.replace(/^\+/, '')), head };
}

export function parseVerbDictionary(source: string): VerbDictionary {
  const synsets = new Map<string, string[][]>();
  const byHead = new Map<string, VerbForm[]>();
  const blocks: VerbBlock[] = [];
  const problems: string[] = [];
  let block: VerbBlock | null = null;
  let synset: string[][] | null = null;
  const addForm = (words: string[], head: number, code: string | null, b: VerbBlock) => {
    const f: VerbForm = { words, head, code, block: b };
    const key = words[head];
    const list = byHead.get(key);
    if (list) { if (!list.some((x) => x.block === b && x.words.join(' ') === words.join(' '))) list.push(f); } else byHead.set(key, [f]);
  };
  for (const { text, line } of dictionaryLines(source)) {
    const header = /^---\s*(.*?)\s*\[([^\]]*)\]/.exec(text);
    if (header) {
      block = { name: header[1].replace(/_+$/, '').toUpperCase(), code: header[2].trim() || null, patterns: [] };
      blocks.push(block);
      synset = null;
      continue;
    }
    if (text.startsWith('---')) { problems.push(`line ${line}: verb block header without a [code]`); continue; }
    if (text.startsWith('&')) {
      synset = [];
      synsets.set(text.slice(1).split(/\s/)[0].replace(/_+$/, '').toUpperCase(), synset);
      continue;
    }
    if (synset && text.startsWith('+')) {
      const words = text.slice(1).trim().toUpperCase().split(/[\s_]+/).filter(Boolean);
      if (words.length) synset.push(words);
      continue;
    }
    synset = null;
    if (!block) { problems.push(`line ${line}: "${text}" outside a verb block`); continue; }
    if (text.startsWith('-')) {
      const p = parsePattern(text, line);
      if (p) block.patterns.push(p); else problems.push(`line ${line}: pattern without * or [code]`);
      continue;
    }
    // a verb: WORD, WORD {FORMS}, MULTI_+WORD {…}, with an optional [code]
    const code = CODE.exec(text)?.[1].trim() ?? null;
    const braces = /\{([^}]*)\}/.exec(text);
    const name = text.replace(/\{[^}]*\}/, '').replace(CODE, '').trim();
    if (!name) continue;
    const { words, head } = splitVerbPhrase(name);
    const own = code ?? block.code;
    for (const form of verbInflections(words[head])) {
      const w = words.slice(); w[head] = form;
      addForm(w, head, own, block);
    }
    for (const irregular of (braces?.[1] ?? '').split(/\s+/).filter(Boolean)) {
      const f = splitVerbPhrase(irregular, head);
      addForm(f.words, f.head, own, block);
    }
  }
  return { synsets, byHead, blocks, problems };
}

/** The phrases of a synset with nested synsets expanded. */
export function synsetPhrases(dict: VerbDictionary, name: string, seen = new Set<string>()): string[][] {
  const members = dict.synsets.get(name);
  if (!members || seen.has(name)) return [];
  seen.add(name);
  const out: string[][] = [];
  for (const m of members) {
    // a member may itself be (or contain) a synset: expand each &WORD
    let variants: string[][] = [[]];
    for (const w of m) {
      const alts = w.startsWith('&') ? synsetPhrases(dict, w.slice(1).replace(/_+$/, ''), new Set(seen)) : [[w]];
      variants = variants.flatMap((v) => alts.map((a) => [...v, ...a]));
    }
    out.push(...variants);
  }
  return out;
}
