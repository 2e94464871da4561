import { api } from '../api.js';
import { h, replace, route } from '../dom.js';
import { lines, runs, type Kind, type Mark } from '../highlight.js';
import type { ViewContext } from '../main.js';
import type { Analysis, Event } from '../types.js';
import { dyadLink, empty, fmt, modalityBadge, n, section } from '../ui.js';

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'entity', label: 'Entities' }, { kind: 'time', label: 'Times' }, { kind: 'quote', label: 'Quotes' },
  { kind: 'event', label: 'Event triggers' }, { kind: 'dup', label: 'Near-duplicates' },
];

const side = (s: Event['source'] | null) => (s ? `${s.name}${s.country ? ` (${s.country})` : ''}` : '—');

function marksOf(a: Analysis): Mark[] {
  const text = a.article.text;
  const marks: Mark[] = [];
  for (const e of a.entities) {
    const about = `${e.type} ${e.name}${e.country ? ` (${e.country})` : ''}${e.role ? `, ${e.role}` : ''}${e.aliases.length ? `; also “${e.aliases.slice(0, 4).join('”, “')}”` : ''}`;
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, kind: 'entity', info: about, cls: `e-${e.type}`, id: e.id });
  }
  for (const t of a.times) marks.push({ start: t.start, end: t.end, kind: 'time', info: `${t.type} ${t.value}${t.unresolved ? ' (unresolved: no publication date)' : ''}` });
  for (const q of a.quotes) marks.push({ start: q.start, end: q.end, kind: 'quote', info: `Quote by ${q.speakerName ?? 'an unknown speaker'}${q.cue ? ` (“${q.cue.text}”)` : ''}` });
  for (const e of a.events) {
    marks.push({
      start: e.trigger.start, end: e.trigger.end, kind: 'event', id: e.id, cls: `mod-${e.modality}`,
      info: `Event ${e.type}${e.mode ? `/${e.mode}` : ''} (CAMEO ${e.cameo}, Goldstein ${e.goldstein}): ${side(e.source)} → ${side(e.target)}; ${e.date ?? 'undated'}${e.dateSource === 'published' ? ' (publication date)' : ''}; ${e.modality}; confidence ${fmt(e.confidence)}`,
    });
  }
  for (const d of a.duplicates) {
    const first = text.slice(d.a.start, d.a.end);
    marks.push({ start: d.b.start, end: d.b.end, kind: 'dup', info: `Near-duplicate (similarity ${fmt(d.similarity)}) of “${first.length > 90 ? `${first.slice(0, 90)}…` : first}”` });
  }
  return marks;
}

/** The text as paragraphs of marked runs; hover or focus on a mark shows what dyad understood in `panel`. */
function body(a: Analysis, panel: HTMLElement): HTMLElement {
  const text = a.article.text;
  const show = (marks: Mark[]) => replace(panel, h('h2', {}, 'What dyad understood'), h('ul', {}, marks.map((m) => h('li', { class: `info k-${m.kind}` }, m.info))));
  const seen = new Set<Mark>();
  const blocks = lines(text, runs(text.length, marksOf(a))).map((line, i) => {
    const tag = i === 0 ? 'h1' : i === 1 && a.article.standfirst ? 'p' : 'p';
    const cls = i === 0 ? 'headline' : i === 1 && a.article.standfirst ? 'standfirst' : 'para';
    return h(tag, { class: cls }, line.map((r) => {
      const t = text.slice(r.start, r.end);
      if (r.marks.length === 0) return t;
      const starts = r.marks.filter((m) => !seen.has(m) && (m.kind === 'event' || m.kind === 'entity'));
      for (const m of r.marks) seen.add(m);
      const el = h('span', {
        class: ['hl', ...new Set(r.marks.flatMap((m) => [`k-${m.kind}`, m.cls ?? '']))].filter(Boolean).join(' '),
        title: r.marks.map((m) => m.info).join('\n'),
        tabindex: starts.length ? 0 : null,
        'data-event': r.marks.filter((m) => m.kind === 'event').map((m) => m.id).join(' ') || null,
      }, t);
      el.addEventListener('mouseenter', () => show(r.marks));
      el.addEventListener('focus', () => show(r.marks));
      return el;
    }));
  });
  return h('div', { class: 'article-text', lang: a.article.lang }, blocks);
}

function legend(container: HTMLElement): HTMLElement {
  return h('fieldset', { class: 'legend' }, h('legend', {}, 'Highlight'), KINDS.map(({ kind, label }) => {
    const box = h('input', { type: 'checkbox', checked: true, name: kind });
    box.addEventListener('change', () => container.classList.toggle(`hide-${kind}`, !box.checked));
    return h('label', { class: `key k-${kind}` }, box, ' ', h('span', { class: 'hl' }, label));
  }));
}

/** Article reader: the text with entities, times, quotes and event triggers highlighted by kind. */
export async function article({ root, params, query, signal }: ViewContext): Promise<string> {
  const a = await api.analysis(params[0], signal);
  const art = a.article;
  const panel = h('aside', { class: 'panel understood', 'aria-live': 'polite' }, h('h2', {}, 'What dyad understood'),
    h('p', { class: 'muted' }, 'Point at or tab to a highlighted word.'));
  const text = body(a, panel);
  const meta = h('p', { class: 'meta muted' },
    art.published ? `Published ${art.published}` : 'No publication date', art.source ? ` · ${art.source}` : '',
    art.url ? [' · ', h('a', { href: art.url, rel: 'noopener noreferrer nofollow', class: 'source-link' }, 'source')] : null,
    ` · ${n(a.entities.length, 'entity')}, ${n(a.times.length, 'time')}, ${n(a.quotes.length, 'quote')}, ${n(a.events.length, 'event')}`);
  const events = a.events.length
    ? h('ol', { class: 'events compact' }, a.events.map((e) => h('li', {},
      h('a', { href: route.article(art.id, e.id) }, e.trigger.text), ' ', `${e.type}${e.mode ? `/${e.mode}` : ''} ${side(e.source)} → ${side(e.target)} `,
      h('span', { class: 'date' }, e.date ?? 'undated'), ' ', modalityBadge(e.modality))))
    : empty('No events found in this article.');
  const entities = a.entities.length
    ? h('ul', { class: 'entities' }, a.entities.map((e) => h('li', {}, h('span', { class: `hl k-entity e-${e.type}` }, e.type[0]), ' ',
      e.type === 'PERSON' || e.type === 'ORGANIZATION' ? h('a', { href: route.actor(e.name) }, e.name) : e.name,
      e.country ? ` (${e.country})` : '', e.role ? `, ${e.role}` : '')))
    : empty('No entities found.');
  const relations = a.relations.length ? h('ul', {}, a.relations.map((r) => h('li', {}, dyadLink(r.dyad[0], r.dyad[1]), ` ${r.direction}, ${n(r.events, 'event')}`))) : null;

  replace(root,
    h('div', { class: 'reader' },
      h('article', { class: 'panel' }, legend(text), meta, text),
      h('div', { class: 'stack side' }, panel,
        section('Events', events), relations ? section('Relations', relations) : null, section('Entities', entities))));

  const focus = query.get('focus');
  if (focus) {
    setTimeout(() => { // once the view is on the page
      const el = [...root.querySelectorAll<HTMLElement>('[data-event]')].find((x) => x.dataset.event!.split(' ').includes(focus));
      if (el) { el.classList.add('focused'); el.scrollIntoView({ block: 'center' }); el.focus({ preventScroll: true }); }
    });
  }
  return art.title;
}

/** Articles: the newest first, or the hits of a search. */
export async function articles({ root, query, signal }: ViewContext): Promise<string> {
  const q = query.get('q')?.trim() ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const head = h('div', { class: 'view-head' }, h('h1', {}, q ? 'Search' : 'Articles'), q ? h('p', { class: 'muted' }, 'Articles with all of: ', h('strong', {}, q)) : null);
  if (q) {
    const { items } = await api.search(q, signal);
    replace(root, head, items.length ? h('ol', { class: 'articles' }, items.map((a) => h('li', {},
      h('a', { href: route.article(a.id) }, a.title), ' ', h('span', { class: 'muted' }, a.published ?? ''),
      h('p', { class: 'snippet' }, a.snippet.replace(/[[\]]/g, ''))))) : empty('No article has all these words.'));
    return `Search: ${q}`;
  }
  const page = await api.articles({ limit: 50, offset }, signal);
  const pager = h('p', { class: 'pager' },
    offset > 0 ? h('a', { href: `#/articles?offset=${Math.max(0, offset - 50)}` }, '← newer') : null, ' ',
    page.next !== null ? h('a', { href: `#/articles?offset=${page.next}` }, 'older →') : null);
  replace(root, head, page.items.length ? [h('ol', { class: 'articles' }, page.items.map((a) => h('li', {},
    h('a', { href: route.article(a.id) }, a.title), ' ', h('span', { class: 'muted' }, `${a.published ?? 'undated'} · ${n(a.events, 'event')} · ${n(a.quotes, 'quote')}`),
    a.standfirst ? h('p', { class: 'snippet' }, a.standfirst) : null))), pager]
    : empty('No articles yet.', 'Add some with "dyad ingest FILE…" or POST /api/ingest.'));
  return 'Articles';
}
