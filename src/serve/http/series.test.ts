import { describe, expect, it } from 'vitest';
import type { EventRow } from '../../store/store.js';
import { activeDyads, actorNetwork, previousPeriod, resolvePeriod } from './activity.js';
import { isoWeek, nextPeriod, periodOf } from './period.js';
import { toSeries } from './series.js';

function ev(date: string | null, goldstein: number, modality: EventRow['modality'] = 'asserted', [a, b] = ['KOR', 'CHN'], names = ['Lee', 'Xi']): EventRow {
  return {
    id: 'v1', type: 'CONSULT', mode: null, cameo: '040', goldstein, location: null, date, dateSource: 'text', modality,
    source: { entity: 'e1', name: names[0], country: a, actorId: 1 }, target: { entity: 'e2', name: names[1], country: b, actorId: 2 },
    sentence: { start: 0, end: 1 }, trigger: { start: 0, end: 1, text: 'm' }, confidence: 1,
    articleId: 'x', articleTitle: 't', published: null, url: null, sentenceText: 'm',
  };
}

describe('periods', () => {
  it('names ISO weeks, the Thursday deciding the year', () => {
    expect(isoWeek('2026-01-05')).toBe('2026-W02');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
  it('places a month-only date in its month only; a bare year nowhere', () => {
    expect(periodOf('2025-11', 'month')).toBe('2025-11');
    expect(periodOf('2025-11', 'week')).toBeNull(); // too coarse for a week, as the store counts
    expect(periodOf('2025', 'month')).toBeNull();
    expect(periodOf(null, 'week')).toBeNull();
  });
  it('steps over the end of a year', () => {
    expect(nextPeriod('2025-12', 'month')).toBe('2026-01');
    expect(nextPeriod('2020-W53', 'week')).toBe('2021-W01');
    expect(nextPeriod('2025-W52', 'week')).toBe('2026-W01');
  });
});

describe('a dyad series', () => {
  it('takes the store\'s periods and fills the quiet ones', () => {
    const fig = (events: number, goldstein: number, planned = 0) => ({
      events, cooperative: events, conflictual: 0, neutral: 0, cooperativeShare: 1, conflictualShare: 0, goldstein, direction: 'cooperative' as const,
      fromFirst: 0, fromSecond: 0, types: [], counted: [], planned: { events: planned, types: [], counted: [] },
    });
    const s = toSeries(['KOR', 'CHN'], 'month', {
      dyad: ['CHN', 'KOR'], by: 'month',
      periods: [{ period: '2025-11', ...fig(1, 4) }, { period: '2026-01', ...fig(2, 5, 2) }],
      undated: fig(1, 1), total: { ...fig(3, 9, 2), articles: 2, stories: 1, first: '2025-11', last: '2026-01-06' },
    });
    expect(s.dyad).toEqual(['CHN', 'KOR']);
    expect(s.points.map((p) => [p.period, p.events, p.planned])).toEqual([['2025-11', 1, 0], ['2025-12', 0, 0], ['2026-01', 2, 2]]);
    expect(s.undated).toBe(1);
    expect(s.total).toEqual({ events: 3, planned: 2, goldstein: 9, articles: 2, stories: 1 });
    expect(toSeries(['KOR', 'CHN'], 'week', undefined).points).toEqual([]);
  });
});

describe('the overview and the network', () => {
  const total = (goldstein: number, events: number, last: string | null, planned = 0) => ({
    dyad: ['CHN', 'KOR'] as [string, string], by: 'month' as const, periods: [], undated: null,
    total: { events, cooperative: 0, conflictual: 0, neutral: 0, cooperativeShare: 0, conflictualShare: 0, goldstein, direction: null, fromFirst: 0, fromSecond: 0, types: [], counted: [], planned: { events: planned, types: [], counted: [] }, articles: 1, stories: 1, first: null, last },
  });
  it('takes the 90 days up to the latest dated relation event by default, never the clock', () => {
    expect(resolvePeriod([total(1, 1, '2026-01-05'), total(1, 1, '2025-11')])).toEqual({ since: '2025-10-08', until: '2026-01-05' });
    expect(resolvePeriod([], '2026-01-01', '2026-01-31')).toEqual({ since: '2026-01-01', until: '2026-01-31' });
    expect(previousPeriod({ since: '2026-01-01', until: '2026-01-31' })).toEqual({ since: '2025-12-01', until: '2025-12-31' });
  });
  it('ranks dyads by activity and says whether each warmed or cooled against the period before', () => {
    const usa = { ...total(-5, 1, null), dyad: ['USA', 'IRN'] as [string, string] };
    const rows = activeDyads([total(4, 1, null, 1), usa], [total(8, 1, null)]);
    expect(rows.map((r) => [r.dyad.join('-'), r.events, r.planned, r.movement, r.trend])).toEqual([['CHN-KOR', 1, 1, 'falling', -4], ['IRN-USA', 1, 0, 'falling', -5]]);
  });
  it('joins both directions of a pair into one edge, coloured by its Goldstein sum', () => {
    const net = actorNetwork([ev('2026-01-05', 4), ev('2026-01-06', -1, 'asserted', ['CHN', 'KOR'], ['Xi', 'Lee']), ev(null, 3, 'hypothetical')]);
    expect(net.nodes).toHaveLength(2);
    expect(net.edges).toEqual([{ source: 'a1', target: 'a2', events: 2, goldstein: 3, direction: 'mixed' }]);
  });
});
