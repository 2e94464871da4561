import { describe, expect, it } from 'vitest';
import type { EventRow } from '../../store/store.js';
import { activeDyads, actorNetwork, resolvePeriod } from './activity.js';
import { isoWeek, nextPeriod, periodOf } from './period.js';
import { dyadSeries } from './series.js';

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
  it('places a month-only date in its month, or in the week of its first day; a bare year nowhere', () => {
    expect(periodOf('2025-11', 'month')).toBe('2025-11');
    expect(periodOf('2025-11', 'week')).toBe('2025-W44');
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
  it('counts events that happened by period, planned ones apart, and fills quiet periods', () => {
    const s = dyadSeries([ev('2025-11-20', 2), ev('2026-01-05', 4), ev('2026-01-06', -2), ev('2026-01-06', 1, 'planned'), ev(null, 3), ev('2026-01-07', 5, 'negated')], ['KOR', 'CHN'], 'month');
    expect(s.dyad).toEqual(['CHN', 'KOR']);
    expect(s.points.map((p) => p.period)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(s.points[2]).toEqual({ period: '2026-01', events: 2, cooperative: 1, conflictual: 1, goldstein: 2, planned: 1 });
    expect(s.undated).toBe(1);
  });
});

describe('the overview and the network', () => {
  it('takes the 90 days up to the latest dated event by default, never the clock', () => {
    expect(resolvePeriod([ev('2026-01-05', 1), ev('2025-11', 1)])).toEqual({ since: '2025-10-08', until: '2026-01-05' });
  });
  it('ranks dyads by activity and says whether each warmed or cooled against the period before', () => {
    const events = [ev('2026-01-05', 4), ev('2026-01-06', 1, 'planned'), ev('2025-12-01', 8), ev('2026-01-02', -5, 'asserted', ['USA', 'IRN'])];
    const rows = activeDyads(events, { since: '2026-01-01', until: '2026-01-31' });
    expect(rows.map((r) => [r.dyad.join('-'), r.events, r.planned, r.movement, r.trend])).toEqual([['CHN-KOR', 1, 1, 'falling', -4], ['IRN-USA', 1, 0, 'falling', -5]]);
  });
  it('joins both directions of a pair into one edge, coloured by its Goldstein sum', () => {
    const net = actorNetwork([ev('2026-01-05', 4), ev('2026-01-06', -1, 'asserted', ['CHN', 'KOR'], ['Xi', 'Lee']), ev(null, 3, 'hypothetical')]);
    expect(net.nodes).toHaveLength(2);
    expect(net.edges).toEqual([{ source: 'a1', target: 'a2', events: 2, goldstein: 3, direction: 'mixed' }]);
  });
});
