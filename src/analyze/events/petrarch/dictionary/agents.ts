import { dictionaryLines, phraseWords } from './lines.js';

/**
 * The PETRARCH agent dictionary: `NOUN_PHRASE {PLURALS} [~CODE]` where `~CODE` is added after the actor's code
 * (Arnor + police [~COP] → ARNCOP) and `CODE~` before it (MSF [NGO~] + Arnor → NGOARN). Without braces the
 * regular plurals are made; `{}` means no plural; `{FORMS}` lists them. `!NAME! = A, B` defines a substitution
 * used inside names (`CONGRESS!PERSON!`, `!MINST!_OF_SILLY_WALKS`).
 */

export interface AgentEntry { words: string[]; prefix: string; suffix: string; line: number }
export interface AgentDictionary { byFirst: Map<string, AgentEntry[]>; problems: string[] }

export function pluralOf(word: string): string {
  if (/(S|X|Z|CH|SH)$/.test(word)) return word + 'ES';
  if (/[^AEIOU]Y$/.test(word)) return word.slice(0, -1) + 'IES';
  return word + 'S';
}

export function parseAgentDictionary(source: string): AgentDictionary {
  const subst = new Map<string, string[]>();
  const byFirst = new Map<string, AgentEntry[]>();
  const problems: string[] = [];
  const add = (e: AgentEntry) => {
    const list = byFirst.get(e.words[0]);
    if (list) list.push(e); else byFirst.set(e.words[0], [e]);
  };
  const expand = (name: string): string[] => {
    const m = /!([A-Z0-9]+)!/i.exec(name);
    if (!m) return [name];
    const alts = subst.get(m[1].toUpperCase());
    if (!alts) return [name.replace(m[0], '')];
    return alts.flatMap((a) => expand(name.replace(m[0], a)));
  };
  for (const { text, line } of dictionaryLines(source)) {
    const def = /^!([A-Z0-9]+)!\s*=\s*(.*)$/i.exec(text);
    if (def) { subst.set(def[1].toUpperCase(), def[2].split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)); continue; }
    const code = /\[([^\]]*)\]/.exec(text);
    if (!code) { problems.push(`line ${line}: agent without a [code]`); continue; }
    const c = code[1].replace(/\s+/g, '').toUpperCase();
    const tilde = c.indexOf('~');
    const prefix = tilde > 0 ? c.slice(0, tilde) : '';
    const suffix = tilde >= 0 ? c.slice(tilde + 1) : c;
    const braces = /\{([^}]*)\}/.exec(text);
    const name = text.slice(0, Math.min(code.index, braces?.index ?? Infinity)).trim();
    for (const variant of expand(name)) {
      const words = phraseWords(variant);
      if (!words.length) continue;
      add({ words, prefix, suffix, line });
      if (!braces) {
        const plural = words.slice(); plural[plural.length - 1] = pluralOf(plural[plural.length - 1]);
        add({ words: plural, prefix, suffix, line });
      }
    }
    for (const p of (braces?.[1] ?? '').split(/\s+/).filter(Boolean)) {
      for (const variant of expand(p)) add({ words: phraseWords(variant), prefix, suffix, line });
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, problems };
}

/** Discards: `+PHRASE` discards the whole story, `PHRASE` the sentence. */
export interface Discards { story: string[][]; sentence: string[][] }

export function parseDiscards(source: string): Discards {
  const story: string[][] = [];
  const sentence: string[][] = [];
  for (const { text } of dictionaryLines(source)) {
    const words = phraseWords(text.replace(/^\+/, '').replace(/;.*$/, ''));
    if (!words.length) continue;
    (text.startsWith('+') ? story : sentence).push(words);
  }
  return { story, sentence };
}
