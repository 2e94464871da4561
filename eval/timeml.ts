// Readers for gold temporal annotation (TimeML .tml, MEANTIME CAT XML), the TempEval-3 Task A scorer, and a TimeML writer.
import type { TimeExpr } from '../src/analyze/schema.js';

export interface GoldTimex { start: number; end: number; text: string; type: string; value: string }
export interface GoldDoc {
  id: string;
  text: string;
  dct: string | null;
  timexes: GoldTimex[];
  /** spans that hold the creation time inside the text: neither gold nor counted against the system */
  ignore: { start: number; end: number }[];
  /** the original DCT element, for writing TimeML back */
  dctXml: string;
  /** where annotation stops (MEANTIME annotates only the first sentences); system timexes from here on are not scored */
  extent?: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : ENTITIES[e] ?? all);
}
export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Reads one TimeML document: strips every tag from <TEXT> (or the body after </DCT>), keeping gold TIMEX3 offsets in the plain text. */
export function readTimeML(xml: string, id: string): GoldDoc {
  const dctXml = /<DCT>[\s\S]*?<\/DCT>/.exec(xml)?.[0] ?? '';
  const dctTag = /<TIMEX3\b[^>]*>/.exec(dctXml)?.[0];
  const dct = dctTag ? attrs(dctTag).value ?? null : null;
  const textMatch = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  const body = textMatch ? textMatch[1] : xml.slice(xml.indexOf('</DCT>') + 6);
  let text = '';
  const timexes: GoldTimex[] = [];
  const ignore: { start: number; end: number }[] = [];
  const open: { start: number; a: Record<string, string> }[] = [];
  const re = /<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (m[5] !== undefined) { text += unescapeXml(m[5]); continue; }
    if (m[2] !== 'TIMEX3' || m[4]) continue;
    if (!m[1]) open.push({ start: text.length, a: attrs(m[3]) });
    else {
      const o = open.pop();
      if (!o) continue;
      const span = { start: o.start, end: text.length };
      if (o.a.functionInDocument === 'CREATION_TIME') ignore.push(span);
      else timexes.push({ ...span, text: text.slice(span.start, span.end), type: o.a.type ?? '', value: o.a.value ?? '' });
    }
  }
  return { id, text, dct: dct ? dct.slice(0, 10) : null, timexes, ignore, dctXml };
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|’s|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;

/** Reads one MEANTIME (CAT XML) document: tokens joined back into text (one sentence a line), TIMEX3 markables by token anchors. */
export function readMeantime(xml: string, id: string): GoldDoc {
  const tokens = new Map<string, { start: number; end: number; sentence: number }>();
  const sentenceEnd = new Map<number, number>();
  let text = '';
  let lastSentence: string | null = null;
  let prevTok = '';
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]);
    const word = unescapeXml(m[2]);
    if (lastSentence !== null) {
      if (a.sentence !== lastSentence) text += '\n';
      else if (!NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(prevTok)) text += ' ';
    }
    lastSentence = a.sentence;
    tokens.set(a.t_id, { start: text.length, end: text.length + word.length, sentence: +a.sentence });
    text += word;
    sentenceEnd.set(+a.sentence, text.length);
    prevTok = word;
  }
  const timexes: GoldTimex[] = [];
  const ignore: { start: number; end: number }[] = [];
  let dct: string | null = null;
  let dctXml = '';
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const a = attrs(m[1]);
    const anchors = [...m[2].matchAll(/t_id="(\d+)"/g)].map((t) => tokens.get(t[1])).filter((t) => t !== undefined);
    if (a.functionInDocument === 'CREATION_TIME') {
      dct = normalizeDct(a.value);
      dctXml = `<DCT><TIMEX3 tid="t0" type="${a.type ?? 'DATE'}" value="${a.value ?? ''}" temporalFunction="false" functionInDocument="CREATION_TIME">${a.value ?? ''}</TIMEX3></DCT>`;
      if (anchors.length) ignore.push({ start: Math.min(...anchors.map((t) => t.start)), end: Math.max(...anchors.map((t) => t.end)) });
      continue;
    }
    if (!anchors.length) continue;
    const start = Math.min(...anchors.map((t) => t.start)), end = Math.max(...anchors.map((t) => t.end));
    timexes.push({ start, end, text: text.slice(start, end), type: a.type ?? '', value: a.value ?? '' });
  }
  timexes.sort((x, y) => x.start - y.start);
  // MEANTIME annotates only the opening sentences: the last sentence holding any markable bounds the scored text
  const markables = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  let lastMarked = -1;
  for (const t of markables.matchAll(/t_id="(\d+)"/g)) lastMarked = Math.max(lastMarked, tokens.get(t[1])?.sentence ?? -1);
  const extent = lastMarked >= 0 ? sentenceEnd.get(lastMarked) : undefined;
  return { id, text, dct, timexes, ignore, dctXml, extent };
}

/** A creation time as YYYY-MM-DD: ISO as is; "03-02-2009" (day-month-year, as a few MEANTIME files write it); else null. */
export function normalizeDct(v: string | undefined): string | null {
  if (!v) return null;
  if (/^\d{4}-\d\d-\d\d/.test(v)) return v.slice(0, 10);
  const m = /^(\d\d)-(\d\d)-(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** Chooses the reader by content. */
export function readGold(xml: string, id: string): GoldDoc {
  return /<token\b[^>]*t_id=/.test(xml) ? readMeantime(xml, id) : readTimeML(xml, id);
}

export interface Counts { gold: number; sys: number; strict: number; relaxed: number; type: number; value: number }
export const emptyCounts = (): Counts => ({ gold: 0, sys: 0, strict: 0, relaxed: 0, type: 0, value: 0 });
export function addCounts(a: Counts, b: Counts): Counts {
  return { gold: a.gold + b.gold, sys: a.sys + b.sys, strict: a.strict + b.strict, relaxed: a.relaxed + b.relaxed, type: a.type + b.type, value: a.value + b.value };
}

export interface Pairing { counts: Counts; pairs: [GoldTimex, TimeExpr][]; missed: GoldTimex[]; spurious: TimeExpr[] }

/**
 * TempEval-3 Task A: a system timex matches a gold one when their spans overlap (relaxed) or are identical (strict),
 * one to one; type and value are judged on the relaxed matches. System timexes inside an ignored span are dropped.
 */
export function score(doc: GoldDoc, sys: readonly TimeExpr[]): Pairing {
  const system = sys.filter((t) => !doc.ignore.some((i) => t.start < i.end && i.start < t.end) && (doc.extent === undefined || t.start < doc.extent));
  const used = new Set<number>();
  const counts = emptyCounts();
  counts.gold = doc.timexes.length;
  counts.sys = system.length;
  const pairs: [GoldTimex, TimeExpr][] = [];
  const missed: GoldTimex[] = [];
  for (const g of doc.timexes) {
    let best = -1;
    for (let i = 0; i < system.length; i++) {
      const t = system[i];
      if (used.has(i) || !(t.start < g.end && g.start < t.end)) continue;
      if (best < 0 || (t.start === g.start && t.end === g.end)) best = i;
    }
    if (best < 0) { missed.push(g); continue; }
    used.add(best);
    const t = system[best];
    pairs.push([g, t]);
    counts.relaxed++;
    if (t.start === g.start && t.end === g.end) counts.strict++;
    if (t.type === g.type) counts.type++;
    if (t.value === g.value) counts.value++;
  }
  return { counts, pairs, missed, spurious: system.filter((_, i) => !used.has(i)) };
}

export interface Figures { strictP: number; strictR: number; strictF: number; relaxedP: number; relaxedR: number; relaxedF: number; typeAcc: number; valueAcc: number; typeF: number; valueF: number }

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const div = (a: number, b: number): number => (b === 0 ? 0 : a / b);
/** Value F1 (TempEval-3): precision = relaxed matches with the gold value / system timexes, recall = the same / gold timexes. */
export function figures(c: Counts): Figures {
  const sP = div(c.strict, c.sys), sR = div(c.strict, c.gold), rP = div(c.relaxed, c.sys), rR = div(c.relaxed, c.gold);
  return {
    strictP: sP, strictR: sR, strictF: f1(sP, sR), relaxedP: rP, relaxedR: rR, relaxedF: f1(rP, rR),
    typeAcc: div(c.type, c.relaxed), valueAcc: div(c.value, c.relaxed),
    typeF: f1(div(c.type, c.sys), div(c.type, c.gold)), valueF: f1(div(c.value, c.sys), div(c.value, c.gold)),
  };
}

/** A TimeML document with the system's TIMEX3 tags inline, for an independent TempEval-3 scorer. */
export function writeTimeML(doc: GoldDoc, sys: readonly TimeExpr[]): string {
  let out = '';
  let at = 0;
  let tid = 1;
  const kept = sys.filter((t) => !doc.ignore.some((i) => t.start < i.end && i.start < t.end));
  for (const t of kept) {
    if (t.start < at) continue;
    out += escapeXml(doc.text.slice(at, t.start));
    out += `<TIMEX3 tid="t${tid++}" type="${t.type}" value="${escapeXml(t.value)}">${escapeXml(doc.text.slice(t.start, t.end))}</TIMEX3>`;
    at = t.end;
  }
  out += escapeXml(doc.text.slice(at));
  return `<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n<DOCID>${escapeXml(doc.id)}</DOCID>\n\n${doc.dctXml}\n\n<TEXT>${out}</TEXT>\n\n</TimeML>\n`;
}
