// `npm run eval -- quotes GOLD [--text FILE] [--published DATE] [--data DIR] [--verbose]`
// Runs dyad's pipeline on each gold article and prints quote-text precision / recall / F1 and speaker accuracy.
// GOLD is either one article in the shape of seed/expected.json (then --text names its plain-text file) or a set
// {"articles": {"<file id>": {"source", "format", "quotes"}}} whose texts are rebuilt from the shared data
// (rules in eval/quotes-gold/README.md).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { makeArticle, type Article } from '../src/ingest/article.js';
import { readPlainText } from '../src/ingest/plaintext.js';
import { analyzeDocument } from '../src/analyze/index.js';
import type { Entity, Quote } from '../src/analyze/schema.js';

export interface GoldQuote { text: string; speaker: string | string[] | null; match?: 'prefix' }
export interface GoldArticle {
  source?: string;
  format?: 'timeml' | 'meantime';
  published?: string;
  textSha256?: string;
  quotes: { required?: GoldQuote[]; optional?: GoldQuote[] };
}

const DEFAULT_DATA = '/work/shared/data';

// ---------- rebuilding an article's plain text from the shared corpora

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

/** TimeML: headline = <TITLE> (else the first paragraph); body = <TEXT> without tags, paragraphs at blank lines. */
export function rebuildTimeml(xml: string, published?: string): Article {
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const paras = decode(body.replace(/<[^>]+>/g, ''))
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(xml)?.[1];
  const headline = title ? decode(title.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() : paras.shift() ?? '';
  return makeArticle({ title: headline, body: paras, published: published ?? null });
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%]|\.\.\.|'s|'S|n't|'re|'ve|'ll|'d|'m|')$/;
const NO_SPACE_AFTER = /^[([{$#]$/;

/** MEANTIME (CAT XML): sentence 0 = headline, sentence 1 = dateline (dropped), the rest = one paragraph. */
export function rebuildMeantime(xml: string, published?: string): Article {
  const sentences: string[][] = [];
  for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    (sentences[+m[1]] ??= []).push(decode(m[2]));
  }
  let open = false; // inside a straight-quoted stretch: '"' toggles
  const joinTokens = (tokens: string[]) => {
    let out = '';
    let glue = true;
    for (const t of tokens) {
      let before = !glue && !NO_SPACE_BEFORE.test(t);
      let after = NO_SPACE_AFTER.test(t);
      if (t === '``' || t === '“') { after = true; }
      else if (t === "''" || t === '”') { before = false; }
      else if (t === '"') { if (open) before = false; else after = true; open = !open; }
      out += (before && out ? ' ' : '') + t;
      glue = after;
    }
    return out;
  };
  const title = joinTokens(sentences[0] ?? []);
  open = false;
  const body = sentences.slice(2).filter(Boolean).map(joinTokens).join(' ');
  return makeArticle({ title, body: [body], published: published ?? null });
}

export function rebuildArticle(g: GoldArticle, dataDir: string): Article {
  if (!g.source || !g.format) throw new Error('E_GOLD_SOURCE: a gold article needs "source" and "format"');
  const xml = readFileSync(join(dataDir, g.source), 'utf8');
  const article = g.format === 'timeml' ? rebuildTimeml(xml, g.published) : rebuildMeantime(xml, g.published);
  if (g.textSha256 && sha256(article.text) !== g.textSha256) {
    console.error(`warning: ${g.source}: rebuilt text differs from the gold's (sha256)`);
  }
  return article;
}

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

// ---------- matching

/** Compares quote texts without quote marks, case, or spacing. */
export const norm = (s: string | null | undefined) =>
  (s ?? '').normalize('NFC').toLowerCase().replace(/``|''|[\u201c\u201d"]/g, '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').replace(/^[\s,.]+|[\s,]+$/g, '').trim();

const list = <T>(x: T | T[] | null | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

function textMatch(g: GoldQuote, q: Quote): boolean {
  const a = norm(g.text), b = norm(q.text);
  return g.match === 'prefix' ? b.startsWith(a) : a === b || a.replace(/[.,!?]$/, '') === b.replace(/[.,!?]$/, '');
}

/** A speaker is right when a gold name equals the quote's speaker text or a name of its entity, or is contained in one. */
export function speakerMatch(g: GoldQuote, q: Quote, entities: readonly Entity[]): boolean {
  const names = [q.speakerName];
  const e = entities.find((x) => x.id === q.speaker);
  if (e) names.push(e.name, ...e.aliases, ...e.mentions.map((m) => m.text));
  const sys = names.map(norm).filter(Boolean);
  const gold = list(g.speaker).map(norm);
  if (gold.length === 0) return sys.length === 0;
  return gold.some((n) => sys.some((s) => s === n || ` ${s} `.includes(` ${n} `)));
}

export interface Score { gold: number; system: number; matched: number; speakerOk: number; optional: number }

export function scoreArticle(gold: GoldArticle, quotes: readonly Quote[], entities: readonly Entity[], log?: (s: string) => void): Score {
  const required = gold.quotes.required ?? [];
  const optional = gold.quotes.optional ?? [];
  const used = new Set<number>();
  let matched = 0, speakerOk = 0, opt = 0;
  for (const g of required) {
    // of the system quotes with these words, prefer one whose speaker is right
    const free = (q: Quote, k: number) => !used.has(k) && textMatch(g, q);
    let i = quotes.findIndex((q, k) => free(q, k) && speakerMatch(g, q, entities));
    if (i < 0) i = quotes.findIndex(free);
    if (i < 0) { log?.(`  miss  "${g.text}" (${list(g.speaker)[0] ?? '-'})`); continue; }
    used.add(i);
    matched++;
    if (speakerMatch(g, quotes[i], entities)) speakerOk++;
    else log?.(`  spkr  "${g.text}" gold ${list(g.speaker)[0] ?? '-'} / system ${quotes[i].speakerName ?? '-'}`);
  }
  quotes.forEach((q, k) => {
    if (used.has(k)) return;
    // optional quotes, and repeats of a gold quote's words (a headline echoing the story), as score-gold.mjs counts them
    if (optional.some((g) => textMatch(g, q)) || required.some((g) => textMatch(g, q))) { opt++; return; }
    log?.(`  extra "${q.text}" (${q.speakerName ?? '-'})`);
  });
  return { gold: required.length, system: quotes.length - opt, matched, speakerOk, optional: opt };
}

// ---------- the command

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const valued = new Set(['--text', '--published', '--data']);
  const goldPath = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
  if (!goldPath) {
    console.error('usage: npm run eval -- quotes GOLD.json [--text FILE] [--published DATE] [--data DIR] [--verbose]');
    return 2;
  }
  const verbose = args.includes('--verbose');
  const dataDir = option(args, '--data') ?? DEFAULT_DATA;
  let raw: { articles?: Record<string, GoldArticle> } & GoldArticle;
  try { raw = JSON.parse(readFileSync(goldPath, 'utf8')); } catch (err) {
    console.error(`eval quotes: cannot read the gold file ${goldPath} (${(err as Error).message})`);
    return 2;
  }
  const items: [string, GoldArticle, Article][] = [];
  if (raw.articles) {
    for (const [id, g] of Object.entries(raw.articles)) {
      try { items.push([id, g, rebuildArticle(g, dataDir)]); } catch (err) {
        console.error(`eval quotes: article ${id}: cannot rebuild its text from ${join(dataDir, g.source ?? '?')} (${(err as Error).message}); use --data DIR`);
        return 2;
      }
    }
  } else {
    const textFile = option(args, '--text');
    if (!textFile) { console.error('eval quotes: a single-article gold needs --text FILE'); return 2; }
    const published = option(args, '--published') ?? (raw as { published?: string }).published ?? null;
    let content: string;
    try { content = readFileSync(textFile, 'utf8'); } catch (err) {
      console.error(`eval quotes: cannot read ${textFile} (${(err as Error).message})`);
      return 2;
    }
    const [article] = readPlainText(content, { source: textFile, published }).articles;
    if (!article) { console.error(`eval quotes: no article in ${textFile}`); return 2; }
    items.push([textFile, raw, article]);
  }
  const total: Score = { gold: 0, system: 0, matched: 0, speakerOk: 0, optional: 0 };
  for (const [id, g, article] of items) {
    const doc = analyzeDocument(article);
    const lines: string[] = [];
    const s = scoreArticle(g, doc.quotes ?? [], doc.entities ?? [], (l) => lines.push(l));
    if (verbose) console.log(`${id}: gold ${s.gold} · system ${s.system} · matched ${s.matched} · speaker ${s.speakerOk}\n${lines.join('\n')}`);
    for (const k of Object.keys(total) as (keyof Score)[]) total[k] += s[k];
  }
  const p = total.system ? total.matched / total.system : 0;
  const r = total.gold ? total.matched / total.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`quotes: ${items.length} article(s) · gold ${total.gold} · system ${total.system} (+${total.optional} optional or repeated) · matched ${total.matched}`);
  console.log(`text    P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}`);
  console.log(`speaker ${total.speakerOk}/${total.matched} = ${pct(total.matched ? total.speakerOk / total.matched : 0)}% of found quotes · end-to-end ${pct(total.gold ? total.speakerOk / total.gold : 0)}% of gold`);
  return 0;
}
