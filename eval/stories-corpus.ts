// Builds the story-grouping test corpus (eval/stories/corpus.jsonl) from real articles: the MEANTIME Wikinews
// texts (CC BY 4.0) in ../shared/data/meantime. Each seed article is told again as other outlets would:
// syndicated copies with small edits, rewrites (new headline, paraphrased lead, paragraphs reordered, cut or
// added, condensed) and a copy under another headline; the other MEANTIME articles, on the same companies and
// markets, are the unrelated stories on the same actors. Deterministic: a seeded generator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/ingest/article.js';
import { readMeantime } from '../src/ingest/timeml.js';
import { rng } from '../src/random.js';

export interface CorpusRecord {
  title: string; body: string[]; published: string | null; source: string; url: string | null;
  /** gold: the story the record tells (the seed's MEANTIME file), and how it was made */
  story: string; variant: string; origin: string;
}

/** word swaps an editor makes when rewriting a lead or tidying a wire copy */
const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'], [/\bannounced\b/g, 'revealed'], [/\bcompany\b/g, 'firm'], [/\bpercent\b/g, 'per cent'],
  [/\bincrease\b/g, 'rise'], [/\bdecrease\b/g, 'fall'], [/\bbillion\b/g, 'bn'], [/\bmillion\b/g, 'm'], [/\bon Monday\b/g, 'earlier this week'],
  [/\bon Tuesday\b/g, 'this week'], [/\bon Wednesday\b/g, 'midweek'], [/\bon Thursday\b/g, 'late in the week'], [/\bon Friday\b/g, 'at the end of the week'],
  [/\bhowever\b/gi, 'though'], [/\babout\b/g, 'around'], [/\bplans\b/g, 'intends'], [/\bshares\b/g, 'stock'], [/\bbought\b/g, 'acquired'],
  [/\bU\.S\.\b/g, 'US'], [/\bthe United States\b/g, 'America'], [/\bcar\b/g, 'vehicle'], [/\bworkers\b/g, 'employees'], [/\bbig\b/g, 'large'],
];

const sentencesOf = (p: string) => p.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [p];
const swap = (s: string, next: () => number, share: number) => SWAPS.reduce((t, [re, to]) => (next() < share ? t.replace(re, to) : t), s);

/** A lead said another way: its clauses turned around where there is a comma, words swapped, attribution moved. */
function paraphraseLead(lead: string, title: string, next: () => number): string {
  const s = swap(lead, next, 0.9).replace(/[.!?]+$/, '');
  const comma = s.indexOf(', ');
  const turned = comma > 20 && comma < s.length - 20 ? `${s.slice(comma + 2)}, ${s.slice(0, comma).replace(/^(The|A|An|It|In|On|This)\b/, (w) => w.toLowerCase())}` : s;
  const opener = ['In a development reported today', 'According to reports', 'In news this week', 'As expected by analysts'][Math.floor(next() * 4)];
  const lower = (x: string) => x.replace(/^(The|A|An|It|In|On|This|These|Its|Their|But|And|At|After)\b/, (w) => w.toLowerCase());
  return next() < 0.5 ? `${opener}, ${lower(turned)}.` : `${turned.replace(/^[a-z]/, (c) => c.toUpperCase())}, ${['sources said', 'reports say', 'it emerged'][Math.floor(next() * 3)]}.`;
}

function shuffle<T>(xs: T[], next: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

const shift = (date: string | null, days: number) => (date ? new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10) : null);

/** Paragraphs of a MEANTIME article (one sentence each in the source) regrouped into paragraphs of two or three. */
function paragraphs(a: Article, next: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.body.length;) { const n = a.body.length - i <= 3 ? a.body.length - i : 2 + Math.floor(next() * 2); out.push(a.body.slice(i, i + n).join(' ')); i += n; }
  return out;
}

export function buildCorpus(meantimeDir: string, seeds = 30, seed = 20260125): CorpusRecord[] {
  const next = rng(seed);
  const articles: { file: string; topic: string; a: Article }[] = [];
  const root = join(meantimeDir, 'intra-doc_annotation');
  for (const topic of readdirSync(root).sort()) {
    for (const f of readdirSync(join(root, topic)).filter((x) => x.endsWith('.xml')).sort()) {
      const items = readMeantime(readFileSync(join(root, topic, f), 'utf8'), { source: f });
      const it = items[0];
      if (it?.kind === 'article' && it.article.body.length >= 6) articles.push({ file: f.replace(/\.xml$/, ''), topic, a: it.article });
    }
  }
  // seeds spread across the four topics; the rest stay single (unrelated stories on the same actors)
  const seedSet = new Set(shuffle(articles.map((_, i) => i), next).slice(0, seeds));
  const out: CorpusRecord[] = [];
  const rec = (x: (typeof articles)[number], variant: string, title: string, body: string[], days: number, source: string): CorpusRecord =>
    ({ title, body, published: shift(x.a.published, days), source, url: null, story: x.file, variant, origin: `meantime/${x.topic}/${x.file}.xml` });
  articles.forEach((x, i) => {
    const paras = paragraphs(x.a, next);
    out.push(rec(x, 'original', x.a.title, paras, 0, 'Wikinews'));
    if (!seedSet.has(i)) return;
    const sameTopic = articles.filter((y, j) => y.topic === x.topic && j !== i);
    const background = sameTopic[Math.floor(next() * sameTopic.length)];
    // 1. syndicated copy: dateline added, a few words changed, last paragraph cut
    out.push(rec(x, 'syndicated', x.a.title.toUpperCase().slice(0, 1) + x.a.title.slice(1), [`(Wire) ${swap(paras[0], next, 0.3)}`, ...paras.slice(1, -1).map((p) => swap(p, next, 0.15))], 0, 'Wire Service'));
    // 2. copy under another headline, with an editor's note added
    out.push(rec(x, 'retitled', `${['UPDATE', 'Breaking', 'Analysis'][Math.floor(next() * 3)]}: ${swap(x.a.title, next, 1)}`, [...paras, 'This story has been updated with additional reporting.'], 1, 'Daily Digest'));
    // 3. rewrite: paraphrased lead, paragraphs reordered, a quarter cut
    const body = paras.slice(1);
    const kept = shuffle(body, next).filter(() => next() > 0.25);
    out.push(rec(x, 'rewrite', swap(x.a.title, next, 1).replace(/^(\S+ \S+)/, (m) => `${m}:`), [paraphraseLead(paras[0], x.a.title, next), ...(kept.length ? kept : body)], 1, 'Outlet Three'));
    // 4. rewrite: sentences reordered within and across paragraphs, words swapped, a background paragraph from another story on the same actors
    if (next() < 0.7) {
      const sents = shuffle(body.flatMap(sentencesOf), next).map((s) => swap(s, next, 0.4));
      const half = Math.ceil(sents.length / 2);
      const bg = paragraphs(background.a, next)[1] ?? paragraphs(background.a, next)[0];
      out.push(rec(x, 'rewrite-background', `${x.a.title.split(' ').slice(0, 6).join(' ')} …`, [paraphraseLead(paras[0], x.a.title, next), sents.slice(0, half).join(' '), sents.slice(half).join(' '), `Background: ${bg}`], 2, 'Outlet Four'));
    }
    // 5. condensed rewrite: a paraphrased lead and under half of the other sentences, reordered and reworded
    if (next() < 0.5) {
      const sents = shuffle(body.flatMap(sentencesOf), next).filter(() => next() < 0.45).map((s) => swap(s, next, 0.6));
      out.push(rec(x, 'condensed', swap(x.a.title, next, 1), [paraphraseLead(paras[0], x.a.title, next), ...(sents.length ? [sents.join(' ')] : [])], 3, 'Outlet Five'));
    }
    // 6. a short brief: the lead and the next paragraph only
    if (next() < 0.5) out.push(rec(x, 'brief', `In brief: ${x.a.title}`, paras.slice(0, 2), 0, 'Briefs'));
  });
  return out;
}
