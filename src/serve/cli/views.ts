// How facts look in the terminal: the column sets every command shares.
import type { Event, Quote } from '../../analyze/schema.js';
import type { ActorRow, DyadRow, EventRow, QuoteRow } from '../../store/store.js';
import { shortId, type Column } from './table.js';

const side = (s: { name: string; country: string | null } | null) => (s ? `${s.name}${s.country ? ` (${s.country})` : ''}` : '');

export const eventColumns: Column<Event>[] = [
  { header: 'DATE', value: (e) => (e.date ? `${e.date}${e.dateSource === 'published' ? '*' : ''}` : null) },
  { header: 'TYPE', value: (e) => e.type + (e.mode ? `/${e.mode}` : '') },
  { header: 'CAMEO', value: (e) => e.cameo },
  { header: 'SOURCE', value: (e) => side(e.source), max: 32 },
  { header: 'TARGET', value: (e) => side(e.target), max: 32 },
  { header: 'MODALITY', value: (e) => e.modality },
  { header: 'TRIGGER', value: (e) => e.trigger.text, max: 24 },
];

export const storedEventColumns: Column<EventRow>[] = [...(eventColumns as Column<EventRow>[]), { header: 'ARTICLE', value: (e) => shortId(e.articleId) }];

export const quoteColumns: Column<Quote>[] = [
  { header: 'SPEAKER', value: (q) => q.speakerName, max: 28 },
  { header: 'CUE', value: (q) => q.cue?.text, max: 16 },
  { header: 'QUOTE', value: (q) => `“${q.text}”`, max: 70 },
];

export const storedQuoteColumns: Column<QuoteRow>[] = [
  { header: 'PUBLISHED', value: (q) => q.published },
  ...(quoteColumns as Column<QuoteRow>[]),
  { header: 'ARTICLE', value: (q) => shortId(q.articleId) },
];

export const actorColumns: Column<ActorRow>[] = [
  { header: 'NAME', value: (a) => a.name, max: 34 },
  { header: 'TYPE', value: (a) => a.type },
  { header: 'COUNTRY', value: (a) => a.country },
  { header: 'ROLE', value: (a) => a.role, max: 28 },
  { header: 'ARTICLES', value: (a) => a.articles, align: 'right' },
  { header: 'MENTIONS', value: (a) => a.mentions, align: 'right' },
  { header: 'FIRST SEEN', value: (a) => a.firstSeen },
  { header: 'LAST SEEN', value: (a) => a.lastSeen },
];

export const dyadColumns: Column<DyadRow>[] = [
  { header: 'DYAD', value: (d) => d.dyad.join('–') },
  { header: 'ARTICLES', value: (d) => d.articles, align: 'right' },
  { header: 'EVENTS', value: (d) => d.events, align: 'right' },
  { header: 'GOLDSTEIN', value: (d) => d.goldstein.toFixed(1), align: 'right' },
  { header: 'DIRECTION', value: (d) => d.direction },
];
