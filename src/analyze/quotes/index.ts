import type { Stage } from '../pipeline.js';
import type { Document } from '../document.js';
import type { Quote, Span } from '../schema.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import { makeContext, tokenAt, type Context } from './context.js';
import { attributionAfter, attributionBefore, attributionDash, attributionColon, attributionFinal, type Attribution } from './attribution.js';
import { resolveSpeaker, type Speaker } from './speaker.js';
import { notSpeech, speechLike, wordCount } from './speech.js';

/**
 * Quotations and who said them: direct quotes (whole or partial) between quote marks, told apart from titles,
 * nicknames and scare quotes; each with the cue that attributes it ("said", "calling it", "according to") and
 * its speaker, found through the mention that is the cue's subject, or else the last speaker still talking.
 */
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'mentionEntity'],
  assigns: ['quotes'],
  run: (doc) => ({ quotes: findQuotes(doc) }),
};

/** How many sentences back the last speaker may have spoken to go on talking. */
const CONTINUE_SENTENCES = 3;

export function findQuotes(doc: Document): Quote[] {
  const spans = findQuoteSpans(doc.text, doc.paragraphs ?? linesOf(doc.text));
  const c = makeContext(doc, spans);
  if (c.tokens.length === 0) return [];
  const out: Quote[] = [];
  const unattributed: QuoteSpan[] = [];
  let previous: Speaker | null = null;
  let previousSentence = -Infinity;
  let previousCue: Quote['cue'] = null;
  let previousEnd = -1;
  for (const q of spans) {
    const open = tokenAt(c.tokens, q.open.start);
    const after = tokenAt(c.tokens, q.close ? q.close.end : q.end);
    if (open >= c.tokens.length) continue;
    const sentence = c.sent[open];
    const content = doc.text.slice(q.start, q.end);
    const words = wordCount(content);
    if (notSpeech(c, content, words, open, after)) continue;
    const att = attribute(c, q, content, words, open, after);
    let speaker: Speaker | null = null;
    let cue: Quote['cue'] = null;
    const recent: Speaker | null = previous && sentence - previousSentence <= CONTINUE_SENTENCES ? previous : null;
    if (att) {
      cue = att.cue ? cueSpan(c, att.cue) : null;
      speaker = att.subject ? resolveSpeaker(c, att.subject, previous, previousEnd) : recent;
      if (!att.subject && recent) cue = previousCue;
    } else {
      if (!speechLike(c, content, words, open)) { unattributed.push(q); continue; }
      if (recent) { speaker = recent; cue = previousCue; }
      else {
        // the speaker of the sentence before ("Mr. Price said … . “We don't need the cash.”")
        const prevEnd = c.sentenceStart[sentence] - 1;
        const prevAtt = prevEnd >= 0 ? attributionBefore(c, prevEnd, 40) : null;
        if (prevAtt?.subject) { speaker = resolveSpeaker(c, prevAtt.subject, previous, previousEnd); cue = prevAtt.cue ? cueSpan(c, prevAtt.cue) : null; }
      }
    }
    out.push(toQuote(doc.text, q, speaker, cue));
    if (speaker?.speakerName) { previous = speaker; previousCue = cue; previousEnd = q.close?.end ?? q.end; }
    previousSentence = c.sent[Math.max(open, Math.min(after, c.tokens.length) - 1)];
  }
  // a short quote repeated from an attributed one (a headline or standfirst echoing the story) keeps its speaker
  const echoed = unattributed.length ? attributedByText(out) : null;
  for (const q of unattributed) {
    const same = echoed!.get(norm(doc.text.slice(q.start, q.end)));
    if (same) out.push({ ...toQuote(doc.text, q, null, null), speaker: same.speaker, speakerName: same.speakerName });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The first quote with a speaker for each normalized text, each text normalized once (not once per unattributed
 * quote). The echoes pushed after it never come first: each repeats a text already in the map.
 */
function attributedByText(quotes: readonly Quote[]): Map<string, Quote> {
  const out = new Map<string, Quote>();
  for (const o of quotes) {
    if (!o.speakerName) continue;
    const text = norm(o.text);
    if (!out.has(text)) out.set(text, o);
  }
  return out;
}

function attribute(c: Context, q: QuoteSpan, content: string, words: number, open: number, after: number): Attribution | null {
  const endsSentence = content.endsWith('.');
  return (q.close ? attributionDash(c, after) : null)
    ?? (q.close && !endsSentence ? attributionAfter(c, after) : null)
    ?? attributionBefore(c, open, words <= 3 && !afterAs(c, open) ? 15 : 30)
    ?? (q.close ? attributionFinal(c, after) : null)
    ?? attributionColon(c, open);
}

/** "described … as (being) a “…”": a verb that takes "as" may stand further away. */
function afterAs(c: Context, open: number): boolean {
  let k = open - 1;
  while (k >= 0 && ARTICLE_OR_BEING.test(c.lower[k])) k--;
  if (c.lower[k] !== 'as') return false;
  const floor = c.sentenceStart[c.sent[open]];
  for (let m = k - 1; m >= floor && m > k - 30; m--) if (AS_VERBS.has(c.lower[m])) return true;
  return false;
}
const ARTICLE_OR_BEING = /^(?:a|an|the|being)$/;
const AS_VERBS = new Set(['described', 'describes', 'describing', 'characterized', 'characterised', 'labelled', 'labeled', 'dismissed', 'praised', 'hailed', 'branded', 'termed', 'denounced', 'criticized', 'criticised', 'condemned']);

function cueSpan(c: Context, [from, to]: [number, number]): Quote['cue'] {
  const start = c.tokens[from].start, end = c.tokens[to - 1].end;
  return { start, end, text: c.text.slice(start, end) };
}

function toQuote(text: string, q: QuoteSpan, speaker: Speaker | null, cue: Quote['cue']): Quote {
  return { start: q.start, end: q.end, text: text.slice(q.start, q.end), speaker: speaker?.speaker ?? null, speakerName: speaker?.speakerName ?? null, cue };
}

const norm = (s: string) => s.toLowerCase().replace(NOT_WORD, ' ').trim();
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

function linesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) { if (line.length) out.push({ start, end: start + line.length }); start += line.length + 1; }
  return out;
}
