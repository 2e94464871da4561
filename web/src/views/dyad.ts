import { api } from '../api.js';
import { timelineChart } from '../chart.js';
import { h, replace, route } from '../dom.js';
import type { ViewContext } from '../main.js';
import { periodOf } from '../period.js';
import type { EventRow } from '../types.js';
import { empty, eventList, n, section } from '../ui.js';

const MODALITIES = ['asserted', 'reported', 'planned', 'hypothetical', 'negated'];

async function allEvents(dyad: string, signal: AbortSignal): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for (let offset: number | null = 0; offset !== null && out.length < 2000;) {
    const page = await api.events({ dyad, limit: 200, offset }, signal);
    out.push(...page.items);
    offset = page.next;
  }
  return out;
}

/** Dyad view: the timeline of cooperation and conflict, and the events under it, filtered; planned events apart. */
export async function dyad({ root, params, query, signal }: ViewContext): Promise<string> {
  const [a, b] = params.map((p) => p.toUpperCase());
  const by = query.get('by') === 'week' ? 'week' : 'month';
  const [series, events] = await Promise.all([api.series(`${a}-${b}`, by, signal), allEvents(`${a}-${b}`, signal)]);
  const name = `${a}–${b}`;
  const head = h('div', { class: 'view-head' },
    h('h1', {}, name, h('span', { class: 'sub' }, ' relations')),
    h('p', { class: 'muted' }, `Events between ${a} and ${b}, either direction. `, h('a', { href: route.dyad(b, a) }, `${b}–${a}`), ' is the same dyad.'));
  if (events.length === 0) {
    replace(root, head, empty(`No events between ${a} and ${b} are stored.`, 'Check the country codes (ISO alpha-3, like KOR and CHN) or ingest more articles.'));
    return name;
  }

  const byLinks = h('p', { class: 'toggle', role: 'group', 'aria-label': 'Group by' }, 'By ',
    h('a', { href: `${route.dyad(a, b)}?by=month`, 'aria-current': by === 'month' ? 'true' : null }, 'month'), ' · ',
    h('a', { href: `${route.dyad(a, b)}?by=week`, 'aria-current': by === 'week' ? 'true' : null }, 'week'));

  const types = [...new Set(events.map((e) => e.type))].sort();
  const typeSel = h('select', { name: 'type' }, h('option', { value: '' }, 'all types'), types.map((t) => h('option', { value: t }, t)));
  const modSel = h('select', { name: 'modality' }, h('option', { value: '' }, 'all modalities'), MODALITIES.map((m) => h('option', { value: m }, m)));
  let period: string | null = null;
  const periodNote = h('span', { class: 'period-note' });
  const filters = h('form', { class: 'filters', 'aria-label': 'Filter events' },
    h('label', {}, 'Type ', typeSel), ' ', h('label', {}, 'Modality ', modSel), ' ', periodNote);
  const happenedBox = h('div', {});
  const plannedBox = h('div', {});

  const render = () => {
    const keep = events.filter((e) => (!typeSel.value || e.type === typeSel.value) && (!modSel.value || e.modality === modSel.value)
      && (!period || periodOf(e.date, by) === period));
    const planned = keep.filter((e) => e.modality === 'planned');
    const rest = keep.filter((e) => e.modality !== 'planned');
    replace(periodNote, period ? ['Only ', h('strong', {}, period), ' ', h('button', { type: 'button', onclick: () => { period = null; render(); } }, 'show all periods')] : []);
    replace(happenedBox, h('h2', {}, `Events (${rest.length})`), rest.length ? eventList(rest) : empty('No events match these filters.'));
    replace(plannedBox, h('h2', {}, `Planned (${planned.length})`), h('p', { class: 'muted' }, 'Announced or scheduled: not counted as having happened.'),
      planned.length ? eventList(planned) : empty('No planned events match these filters.'));
  };
  typeSel.addEventListener('change', render);
  modSel.addEventListener('change', render);
  render();

  const chart = series.points.length
    ? timelineChart(series, (p) => { period = p; render(); happenedBox.scrollIntoView({ block: 'start' }); })
    : empty('None of these events has a date precise enough for a timeline.');
  replace(root, head,
    section(`Cooperation and conflict by ${by}`, byLinks, h('figure', { class: 'chart-box' }, chart,
      h('figcaption', { class: 'muted' }, `Bars count events that happened (asserted or reported), each once per story; rings mark planned events; the dashed line is the Goldstein sum. ${series.undated ? `${n(series.undated, 'event')} without a date precise enough to place. ` : ''}Select a ${by} to list its events.`))),
    filters,
    h('div', { class: 'grid' }, h('section', { class: 'panel happened' }, happenedBox), h('section', { class: 'panel planned-events' }, plannedBox)));
  return name;
}
