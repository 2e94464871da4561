import { dictionaryDate, dictionaryLines, phraseWords } from './lines.js';

/**
 * The PETRARCH actor dictionary: a name (words joined by `_` or spaces, a final `_` only marks the word as
 * complete), `+SYNONYM` lines, and codes in brackets on the name line or on indented lines below it.
 * A code may be restricted in time: `[HOB <950601]`, `[HOBGOV 19950601 - 19990815]`, `[CHNGOV >20121115]`;
 * `[ELR/GAL]` names several actors at once. Names without a code share the codes that follow them.
 */

export interface ActorCode { codes: string[]; from: number | null; to: number | null; strictFrom: boolean; strictTo: boolean }
export interface ActorEntry { names: string[][]; codes: ActorCode[]; line: number }
export interface ActorDictionary { entries: ActorEntry[]; byFirst: Map<string, { words: string[]; entry: ActorEntry }[]>; problems: string[] }

export function parseActorCode(inside: string): ActorCode {
  const s = inside.trim();
  const code = s.split(/\s+/)[0];
  const rest = s.slice(code.length).replace(/\s+/g, '');
  const codes = code.split('/').filter(Boolean).map((c) => c.toUpperCase());
  if (!rest) return { codes, from: null, to: null, strictFrom: false, strictTo: false };
  let m = /^<(\d{6,8})$/.exec(rest);
  if (m) return { codes, from: null, to: dictionaryDate(m[1]), strictFrom: false, strictTo: true };
  m = /^>(\d{6,8})$/.exec(rest);
  if (m) return { codes, from: dictionaryDate(m[1]), to: null, strictFrom: true, strictTo: false };
  m = /^(\d{6,8})-(\d{6,8})$/.exec(rest);
  if (m) return { codes, from: dictionaryDate(m[1]), to: dictionaryDate(m[2]), strictFrom: false, strictTo: false };
  throw new Error(`E_PETRARCH_ACTOR_CODE: cannot read the date restriction in [${inside}]`);
}

/** The codes an actor has on a date (YYYYMMDD): the first restriction that holds, else the unrestricted code. */
export function actorCodesOn(entry: ActorEntry, date: number | null): string[] {
  let fallback: string[] | null = null;
  for (const c of entry.codes) {
    if (c.from === null && c.to === null) { fallback ??= c.codes; continue; }
    if (date === null) continue;
    const afterFrom = c.from === null || (c.strictFrom ? date > c.from : date >= c.from);
    const beforeTo = c.to === null || (c.strictTo ? date < c.to : date <= c.to);
    if (afterFrom && beforeTo) return c.codes;
  }
  return fallback ?? [];
}

export function parseActorDictionary(source: string): ActorDictionary {
  const entries: ActorEntry[] = [];
  const problems: string[] = [];
  let current: ActorEntry | null = null;
  for (const { text, line } of dictionaryLines(source)) {
    if (text.startsWith('[')) {
      if (!current) { problems.push(`line ${line}: a code without an actor`); continue; }
      for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
        try { current.codes.push(parseActorCode(m[1])); } catch (e) { problems.push(`line ${line}: ${(e as Error).message}`); }
      }
      continue;
    }
    const synonym = text.startsWith('+');
    const name = text.replace(/^\+/, '').replace(/\[.*$/, '').trim();
    const words = phraseWords(name);
    if (synonym) {
      if (!current) { problems.push(`line ${line}: a synonym without an actor`); continue; }
      if (words.length) current.names.push(words);
    } else {
      // a name line without codes after another one without codes: they share what follows
      if (!current || current.codes.length > 0) { current = { names: [], codes: [], line }; entries.push(current); }
      if (words.length) current.names.push(words);
    }
    for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
      try { current.codes.push(parseActorCode(m[1])); } catch (e) { problems.push(`line ${line}: ${(e as Error).message}`); }
    }
  }
  const byFirst = new Map<string, { words: string[]; entry: ActorEntry }[]>();
  for (const entry of entries) {
    for (const words of entry.names) {
      const list = byFirst.get(words[0]);
      if (list) list.push({ words, entry }); else byFirst.set(words[0], [{ words, entry }]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { entries, byFirst, problems };
}

/** Several actor dictionaries read as one (the first listed wins a tie of equal length). */
export function mergeActorDictionaries(dicts: readonly ActorDictionary[]): ActorDictionary {
  const byFirst = new Map<string, { words: string[]; entry: ActorEntry }[]>();
  for (const d of dicts) for (const [k, list] of d.byFirst) byFirst.set(k, [...(byFirst.get(k) ?? []), ...list]);
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { entries: dicts.flatMap((d) => d.entries), byFirst, problems: dicts.flatMap((d) => d.problems) };
}
