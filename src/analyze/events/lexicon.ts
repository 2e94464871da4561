import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from '../lexicon/root.js';

export interface CameoCode { code: string; name: string; goldstein: number; plover: string | null; mode: string | null }

export interface TriggerEntry {
  words: string[];
  cameo: string;
  nominal: boolean;
  /** one of these words must follow the trigger */
  next: string[] | null;
}

export interface EventLexicon { cameo: Map<string, CameoCode>; byFirst: Map<string, TriggerEntry[]> }

let loaded: EventLexicon | null = null;

interface RawEntry { forms: string[]; cameo: string; next?: string[]; nextFor?: Record<string, string[]> }

/** The CAMEO table and the trigger dictionary of data/lexicon, loaded once. */
export function eventLexicon(): EventLexicon {
  if (loaded) return loaded;
  const dir = join(findRoot(), 'data', 'lexicon');
  const cameoRaw = JSON.parse(readFileSync(join(dir, 'cameo.json'), 'utf8')).codes as Record<string, Omit<CameoCode, 'code'>>;
  const cameo = new Map(Object.entries(cameoRaw).map(([code, c]) => [code, { code, ...c }]));
  const raw = JSON.parse(readFileSync(join(dir, 'event-triggers.json'), 'utf8')) as { verbs: RawEntry[]; nouns: RawEntry[] };
  const byFirst = new Map<string, TriggerEntry[]>();
  const add = (e: RawEntry, nominal: boolean) => {
    if (!cameo.has(e.cameo)) throw new Error(`E_LEXICON: trigger code ${e.cameo} is not in cameo.json`);
    for (const form of e.forms) {
      const words = form.toLowerCase().split(' ');
      const entry: TriggerEntry = { words, cameo: e.cameo, nominal, next: e.nextFor?.[form] ?? e.next ?? null };
      const list = byFirst.get(words[0]);
      if (list) list.push(entry); else byFirst.set(words[0], [entry]);
    }
  };
  for (const v of raw.verbs) add(v, false);
  for (const n of raw.nouns) add(n, true);
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || Number(a.nominal) - Number(b.nominal));
  return (loaded = { cameo, byFirst });
}
