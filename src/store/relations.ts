// Relations across the store: per dyad (an unordered pair of countries) and per day, week or month, from the
// stored events. Engine-independent: an engine fetches the candidate events (`RelationEventInput`) and tells which
// story each article belongs to; `aggregateRelations` does the counting, so every engine counts the same way.
import { directionOf } from '../analyze/relations/index.js';
import type { Direction, Modality } from '../analyze/schema.js';

export type RelationPeriodUnit = 'day' | 'week' | 'month';

export interface RelationsQuery {
  /** two ISO alpha-3 codes (either order); without it, every dyad, most active first */
  dyad?: [string, string];
  /** the period of the series (default month) */
  by?: RelationPeriodUnit;
  /** YYYY-MM-DD, inclusive, on the event's date (as `events()` filters); undated events are then left out */
  since?: string;
  until?: string;
  /** at most this many dyads (most active first) */
  limit?: number;
}

/** One stored event: the article it was coded in and its id there. */
export interface EventRef { articleId: string; eventId: string }

/** An event that counts, with what it counts as, and the events of the same story that restate it (not counted again). */
export interface CountedEvent extends RelationEventInput {
  story: string;
  repeats: EventRef[];
}

/** The figures of a set of events between two countries; `counted` holds the events behind every figure. */
export interface RelationFigures {
  /** events that happened (asserted or reported), each counted once per story */
  events: number;
  /** Goldstein > 0 and < 0; the rest are neutral */
  cooperative: number;
  conflictual: number;
  neutral: number;
  /** cooperative / events and conflictual / events (0 when there are none) */
  cooperativeShare: number;
  conflictualShare: number;
  goldstein: number;
  direction: Direction | null;
  /** events with the first country of the dyad as source, and with the second */
  fromFirst: number;
  fromSecond: number;
  /** PLOVER types, most frequent first */
  types: { type: string; events: number }[];
  counted: CountedEvent[];
  /** planned events, counted apart (once per story as well): what is announced, never what happened */
  planned: { events: number; types: { type: string; events: number }[]; counted: CountedEvent[] };
}

export interface RelationPeriod extends RelationFigures {
  /** 2026-01-05 (day), 2026-W02 (ISO week) or 2026-01 (month) */
  period: string;
}

export interface DyadSeries {
  dyad: [string, string];
  by: RelationPeriodUnit;
  /** periods with at least one event (happened or planned), in order */
  periods: RelationPeriod[];
  /** events with no date, or a date too coarse for the period (a month in a daily series) */
  undated: RelationFigures | null;
  total: RelationFigures & { articles: number; stories: number; first: string | null; last: string | null };
}

/** A candidate event as an engine fetches it: between two different countries, asserted, reported or planned. */
export interface RelationEventInput {
  articleId: string;
  eventId: string;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  modality: Modality;
  date: string | null;
  source: string;
  target: string;
}

export const HAPPENED: readonly Modality[] = ['asserted', 'reported'];
/** the modalities relations read: what happened, and (apart) what is planned */
export const RELATION_MODALITIES: readonly Modality[] = [...HAPPENED, 'planned'];

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week of a calendar date: "2026-W02" (the week's year can differ from the date's near New Year). */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  const dow = (t.getUTCDay() + 6) % 7; // Monday 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // the Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const week = 1 + Math.floor((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${pad(week)}`;
}

/** The period an event's date falls in, or null when the date is missing or too coarse for the unit. */
export function periodOf(date: string | null, by: RelationPeriodUnit): string | null {
  if (!date) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (day) return by === 'day' ? day[0] : by === 'month' ? `${day[1]}-${day[2]}` : isoWeek(day[0]);
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month && by === 'month') return date;
  const week = /^(\d{4})-W(\d{2})$/.exec(date);
  if (week && by === 'week') return date;
  return null;
}

/** Within one story, these restate one event: same type, mode, unordered country pair and date (what happened and what is planned apart). */
export function storyEventKey(e: RelationEventInput, story: string): string {
  const pair = [e.source, e.target].sort().join('|');
  const planned = e.modality === 'planned' ? 'planned' : 'happened';
  return `${story}|${planned}|${e.type}|${e.mode ?? ''}|${pair}|${e.date ?? ''}`;
}

const round = (x: number) => Math.round(x * 100) / 100;

function typeCounts(events: readonly CountedEvent[]) {
  const m = new Map<string, number>();
  for (const e of events) m.set(e.type, (m.get(e.type) ?? 0) + 1);
  return [...m].map(([type, n]) => ({ type, events: n })).sort((a, b) => b.events - a.events || a.type.localeCompare(b.type));
}

function figures(dyad: [string, string], events: readonly CountedEvent[]): RelationFigures {
  const happened = events.filter((e) => e.modality !== 'planned');
  const planned = events.filter((e) => e.modality === 'planned');
  const cooperative = happened.filter((e) => e.goldstein > 0).length;
  const conflictual = happened.filter((e) => e.goldstein < 0).length;
  const goldstein = round(happened.reduce((s, e) => s + e.goldstein, 0));
  const n = happened.length;
  return {
    events: n, cooperative, conflictual, neutral: n - cooperative - conflictual,
    cooperativeShare: n ? round(cooperative / n) : 0, conflictualShare: n ? round(conflictual / n) : 0,
    goldstein, direction: n ? directionOf(goldstein, cooperative, conflictual) : null,
    fromFirst: happened.filter((e) => e.source === dyad[0]).length, fromSecond: happened.filter((e) => e.source === dyad[1]).length,
    types: typeCounts(happened), counted: happened,
    planned: { events: planned.length, types: typeCounts(planned), counted: planned },
  };
}

/**
 * Dyad series from candidate events, given in reading order (the first of repeated events is the one counted).
 * `storyOf` says which story an article belongs to: an event is counted once per story.
 */
export function aggregateRelations(rows: Iterable<RelationEventInput>, storyOf: (articleId: string) => string, q: RelationsQuery = {}): DyadSeries[] {
  const by = q.by ?? 'month';
  const byDyad = new Map<string, { dyad: [string, string]; events: CountedEvent[]; seen: Map<string, CountedEvent>; articles: Set<string> }>();
  for (const r of rows) {
    if (!r.source || !r.target || r.source === r.target || !RELATION_MODALITIES.includes(r.modality)) continue;
    const dyad = [r.source, r.target].sort() as [string, string];
    const key = dyad.join('-');
    let d = byDyad.get(key);
    if (!d) byDyad.set(key, (d = { dyad, events: [], seen: new Map(), articles: new Set() }));
    const story = storyOf(r.articleId);
    const k = storyEventKey(r, story);
    const first = d.seen.get(k);
    if (first) { first.repeats.push({ articleId: r.articleId, eventId: r.eventId }); continue; }
    const counted: CountedEvent = {
      articleId: r.articleId, eventId: r.eventId, story, type: r.type, mode: r.mode, cameo: r.cameo, goldstein: r.goldstein,
      modality: r.modality, date: r.date, source: r.source, target: r.target, repeats: [],
    };
    d.seen.set(k, counted);
    d.events.push(counted);
    d.articles.add(r.articleId);
  }
  const series: DyadSeries[] = [];
  for (const d of byDyad.values()) {
    const buckets = new Map<string, CountedEvent[]>();
    const undated: CountedEvent[] = [];
    for (const e of d.events) {
      const p = periodOf(e.date, by);
      if (p === null) { undated.push(e); continue; }
      const list = buckets.get(p);
      if (list) list.push(e); else buckets.set(p, [e]);
    }
    // calendar dates only (a year, a month or a day), so that they sort: not weeks, seasons or unresolved values
    const dates = d.events.map((e) => e.date?.slice(0, 10)).filter((x): x is string => !!x && /^\d{4}(?:-\d{2}){0,2}$/.test(x)).sort();
    const allRefs = d.events.flatMap((e) => [e.articleId, ...e.repeats.map((x) => x.articleId)]);
    series.push({
      dyad: d.dyad, by,
      periods: [...buckets].sort(([a], [b]) => a.localeCompare(b)).map(([period, events]) => ({ period, ...figures(d.dyad, events) })),
      undated: undated.length ? figures(d.dyad, undated) : null,
      total: {
        ...figures(d.dyad, d.events),
        articles: new Set(allRefs).size, stories: new Set(d.events.map((e) => e.story)).size,
        first: dates[0] ?? null, last: dates[dates.length - 1] ?? null,
      },
    });
  }
  series.sort((a, b) => b.total.events - a.total.events || b.total.planned.events - a.total.planned.events || b.total.stories - a.total.stories
    || a.dyad.join().localeCompare(b.dyad.join()));
  return q.limit ? series.slice(0, Math.max(1, Math.floor(q.limit))) : series;
}
