// Pieces every view uses: states (loading, empty, error), badges, event and quote lists.
import { ApiError } from './api.js';
import { h, route } from './dom.js';
import type { Direction, EventRow, QuoteRow } from './types.js';

export const loading = (what: string) => h('p', { class: 'state loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`);

export const empty = (message: string, hint?: string) => h('div', { class: 'state empty', role: 'status' }, h('p', {}, message), hint ? h('p', { class: 'hint' }, hint) : null);

export function failure(err: unknown, retry: () => void): HTMLElement {
  const message = err instanceof ApiError ? err.message : 'Something went wrong while showing this view.';
  if (!(err instanceof ApiError)) console.error(err);
  return h('div', { class: 'state error', role: 'alert' },
    h('p', {}, h('strong', {}, 'Could not load this view. '), message),
    h('button', { type: 'button', onclick: retry }, 'Try again'));
}

export const section = (title: string, ...children: (Node | string | null)[]) => h('section', { class: 'panel' }, h('h2', {}, title), ...children);

export const directionBadge = (d: Direction | null) => h('span', { class: `badge dir-${d ?? 'none'}` }, d ?? 'no events');

export const modalityBadge = (m: string) => h('span', { class: `badge mod-${m}`, title: MODALITY_TEXT[m] ?? m }, m);

const MODALITY_TEXT: Record<string, string> = {
  asserted: 'the text says it happened', planned: 'announced or scheduled: not (yet) happened', reported: 'someone is reported to say it happened',
  hypothetical: 'a possibility or condition', negated: 'the text says it did not happen',
};

export const dyadLink = (a: string, b: string) => h('a', { href: route.dyad(a, b), class: 'dyad' }, `${a}–${b}`);

const side = (s: EventRow['source'] | null) => s
  ? h('span', { class: 'actor' }, h('a', { href: route.actor(s.name) }, s.name), s.country ? h('span', { class: 'cc' }, ` ${s.country}`) : null)
  : h('span', { class: 'muted' }, '—');

/** "2026-01-05", or the publication date marked * when the text gave none, or "undated". */
export function eventDate(e: Pick<EventRow, 'date' | 'dateSource'>): HTMLElement {
  if (!e.date) return h('span', { class: 'date muted' }, 'undated');
  return h('span', { class: 'date', title: e.dateSource === 'published' ? 'the publication date: the text gives none' : 'the date the text gives' }, e.date, e.dateSource === 'published' ? '*' : '');
}

/** The evidence sentence with the trigger marked: offsets relative to the sentence. */
export function evidence(e: EventRow): HTMLElement {
  const from = e.trigger.start - e.sentence.start;
  const to = e.trigger.end - e.sentence.start;
  const t = e.sentenceText;
  const ok = from >= 0 && to <= t.length && from < to;
  return h('blockquote', { class: 'evidence' }, ok ? [t.slice(0, from), h('mark', { class: 'k-event' }, t.slice(from, to)), t.slice(to)] : t);
}

/** One event as a list item: date, type, parties, modality, then its sentence, linked to the article reader. */
export function eventItem(e: EventRow, opts: { evidence?: boolean } = {}): HTMLElement {
  return h('li', { class: `event mod-${e.modality}`, 'data-event': `${e.articleId}:${e.id}` },
    h('div', { class: 'event-head' },
      eventDate(e), ' ',
      h('span', { class: 'etype', title: `CAMEO ${e.cameo}, Goldstein ${e.goldstein}` }, e.type, e.mode ? `/${e.mode}` : '', h('span', { class: 'cameo' }, ` ${e.cameo}`)), ' ',
      side(e.source), h('span', { class: 'arrow', 'aria-label': 'to' }, ' → '), side(e.target), ' ',
      modalityBadge(e.modality), ' ',
      h('a', { href: route.article(e.articleId, e.id), class: 'evidence-link', title: `read the evidence in "${e.articleTitle}"` }, 'evidence')),
    opts.evidence === false ? null : evidence(e));
}

export const eventList = (events: EventRow[], opts: { evidence?: boolean } = {}) => h('ol', { class: 'events' }, events.map((e) => eventItem(e, opts)));

export const quoteList = (quotes: QuoteRow[]) => h('ol', { class: 'quotes' }, quotes.map((q) => h('li', {},
  h('q', {}, q.text), ' ',
  h('span', { class: 'muted' }, '— ', q.speakerName ? h('a', { href: route.actor(q.speakerName) }, q.speakerName) : 'unknown speaker', q.cue ? ` (${q.cue.text})` : ''), ' ',
  h('a', { href: route.article(q.articleId), class: 'evidence-link' }, q.published ?? 'article'))));

export const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** "1 event", "2 events", "1 entity", "3 entities" */
export const n = (count: number, word: string, many = word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`) => `${count} ${count === 1 ? word : many}`;
