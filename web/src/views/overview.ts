import { api } from '../api.js';
import { h, replace } from '../dom.js';
import type { ViewContext } from '../main.js';
import type { DyadActivity } from '../types.js';
import { directionBadge, dyadLink, empty, eventList, fmt, n, section } from '../ui.js';

const ARROW = { rising: '▲', falling: '▼', steady: '■' } as const;

function movement(d: DyadActivity): HTMLElement {
  const text = d.movement === 'steady' ? 'steady' : `${d.movement} (${d.trend > 0 ? '+' : ''}${fmt(d.trend)})`;
  return h('span', { class: `move move-${d.movement}`, title: 'Goldstein sum against the period of the same length before' }, h('span', { 'aria-hidden': 'true' }, ARROW[d.movement]), ' ', text);
}

function dyadTable(rows: DyadActivity[]): HTMLElement {
  return h('table', { class: 'data dyads' },
    h('caption', { class: 'visually-hidden' }, 'Most active dyads of the period'),
    h('thead', {}, h('tr', {}, ['Dyad', 'Events', 'Planned', 'Goldstein', 'Direction', 'Movement'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((d) => h('tr', { 'data-dyad': d.dyad.join('-') },
      h('th', { scope: 'row' }, dyadLink(d.dyad[0], d.dyad[1])),
      h('td', { class: 'num' }, d.events), h('td', { class: 'num' }, d.planned), h('td', { class: 'num' }, fmt(d.goldstein)),
      h('td', {}, directionBadge(d.events ? d.direction : null)), h('td', {}, movement(d))))));
}

const moverList = (rows: DyadActivity[], none: string) => rows.length
  ? h('ul', { class: 'movers' }, rows.map((d) => h('li', {}, dyadLink(d.dyad[0], d.dyad[1]), ' ', movement(d))))
  : h('p', { class: 'muted' }, none);

/** Overview: the most active dyads of the period, rising and falling, recent events. */
export async function overview({ root, query, signal }: ViewContext): Promise<string> {
  const since = query.get('since') ?? undefined;
  const until = query.get('until') ?? undefined;
  const data = await api.overview({ since, until }, signal);
  const c = data.counts;

  const form = h('form', { class: 'period', 'aria-label': 'Period' },
    h('label', {}, 'From ', h('input', { type: 'date', name: 'since', value: data.period.since, required: true })),
    h('label', {}, ' to ', h('input', { type: 'date', name: 'until', value: data.period.until, required: true })),
    ' ', h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = `#/?since=${encodeURIComponent(String(f.get('since')))}&until=${encodeURIComponent(String(f.get('until')))}`;
  });

  const head = h('div', { class: 'view-head' },
    h('h1', {}, 'Overview'),
    h('p', { class: 'counts' }, `${n(c.articles, 'article')} · ${n(c.events, 'event')} · ${n(c.quotes, 'quote')} · ${n(c.actors, 'actor')}`),
    form);

  if (c.articles === 0) {
    replace(root, head, empty('The database holds no articles yet.', 'Add some with "dyad ingest FILE…", or POST them to /api/ingest, then reload.'));
    return 'Overview';
  }
  const rising = data.dyads.filter((d) => d.movement === 'rising').sort((a, b) => b.trend - a.trend).slice(0, 5);
  const falling = data.dyads.filter((d) => d.movement === 'falling').sort((a, b) => a.trend - b.trend).slice(0, 5);
  replace(root, head,
    h('div', { class: 'grid' },
      section(`Most active dyads, ${data.period.since} to ${data.period.until}`,
        data.dyads.length ? dyadTable(data.dyads) : empty('No events between two countries in this period.', 'Try a longer period.')),
      h('div', { class: 'stack' },
        section('Warming', moverList(rising, 'No dyad more cooperative than in the period before.')),
        section('Cooling', moverList(falling, 'No dyad more conflictual than in the period before.')))),
    section('Recent events', data.recent.length ? eventList(data.recent, { evidence: false }) : empty('No dated events up to the end of the period.')));
  return 'Overview';
}
