import { makeArticle, normalizeDate, normalizeLine } from './article.js';
import { decodeEntities, dropTags } from './html-text.js';
import { PROBLEM, problem } from './problem.js';
import type { TextItem } from './plaintext.js';

export interface XmlDocOptions { source: string; published?: string | null }

const inner = (xml: string, tag: string) => new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i').exec(xml)?.[1] ?? null;
const stripTags = (s: string) => dropTags(decodeEntities(s.replace(/<[^>]*>/g, '')));
/** PTB-style quotes (`` and '') as the straight quotes the quote finder reads. */
const quotes = (s: string) => s.replace(/``|''/g, '"');

/**
 * A TimeML document (TimeBank, AQUAINT, TempEval .tml): the text of <TEXT> with its annotations dropped,
 * paragraphs at blank lines, the headline from <TITLE> (else the first short paragraph, else the DOCID), and the
 * publication date from the document creation time (<DCT>).
 */
export function readTimeMl(xml: string, opts: XmlDocOptions): TextItem[] {
  const text = inner(xml, 'TEXT');
  if (text == null) return [{ kind: 'problem', problem: problem(PROBLEM.NO_TEXT, 'a TimeML document without <TEXT>', opts.source, 1) }];
  const paras = stripTags(text).split(/\n\s*\n/).map((p) => normalizeLine(quotes(p).replace(/\s+/g, ' '))).filter(Boolean);
  if (paras.length === 0) return [{ kind: 'problem', problem: problem(PROBLEM.NO_TEXT, 'the <TEXT> of this TimeML document is empty', opts.source, 1) }];
  const dct = inner(xml, 'DCT');
  const dctValue = dct ? /value="([^"]+)"/.exec(dct)?.[1] ?? stripTags(dct) : null;
  const titleTag = inner(xml, 'TITLE');
  let title = titleTag ? normalizeLine(quotes(stripTags(titleTag)).replace(/\s+/g, ' ')) : '';
  let body = paras;
  if (!title && paras.length > 1 && paras[0].length <= 120 && !/[.!?]["']?$/.test(paras[0])) { title = paras[0]; body = paras.slice(1); }
  if (!title) title = normalizeLine(stripTags(inner(xml, 'DOCID') ?? '')) || paras[0].slice(0, 100);
  const line = (xml.slice(0, xml.search(/<TEXT[\s>]/i)).match(/\n/g)?.length ?? 0) + 1;
  return [{ kind: 'article', line, article: makeArticle({ title, body, published: normalizeDate(dctValue) ?? opts.published ?? null, source: opts.source }) }];
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'S)$/;
const NO_SPACE_AFTER = /^[([{$£€]$/;

/** Joins tokens into text: no space before closing punctuation and clitics, nor inside paired straight quotes. */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  let openQuote = false;
  let glue = true;
  for (const raw of tokens) {
    const t = raw === '``' || raw === "''" ? '"' : raw;
    let space = !glue;
    if (NO_SPACE_BEFORE.test(t)) space = false;
    if (t === '"') { if (openQuote) space = false; openQuote = !openQuote; }
    out += (space && out ? ' ' : '') + t;
    glue = NO_SPACE_AFTER.test(t) || (t === '"' && openQuote);
  }
  return out;
}

/**
 * A MEANTIME (NewsReader CAT) document: tokens with their sentence numbers. Sentence 0 is the headline; a
 * following sentence that is only a date ("May 14, 2009") is the publication date; every other sentence is a
 * paragraph of the body (the format keeps no paragraphs). The url attribute of <Document> is kept.
 */
export function readMeantime(xml: string, opts: XmlDocOptions): TextItem[] {
  const sentences = new Map<number, string[]>();
  const re = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([\s\S]*?)<\/token>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const n = Number(m[1]);
    if (!sentences.has(n)) sentences.set(n, []);
    sentences.get(n)!.push(dropTags(decodeEntities(m[2])).trim());
  }
  const ordered = [...sentences.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => normalizeLine(detokenize(t.filter(Boolean))));
  if (ordered.length === 0) return [{ kind: 'problem', problem: problem(PROBLEM.NO_TEXT, 'a MEANTIME document without tokens', opts.source, 1) }];
  const [title, ...rest] = ordered;
  let published = opts.published ?? null;
  if (rest.length > 1 && /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(rest[0])) {
    const t = Date.parse(`${rest[0]} UTC`);
    if (!Number.isNaN(t)) { published = new Date(t).toISOString().slice(0, 10); rest.shift(); }
  }
  const head = /<Document\b[^>]*>/.exec(xml)?.[0] ?? '';
  const url = /\burl="([^"]+)"/.exec(head)?.[1] ?? null;
  return [{ kind: 'article', line: 1, article: makeArticle({ title, body: rest.length ? rest : [title], published, url: url ? decodeEntities(url) : null, source: opts.source }) }];
}
