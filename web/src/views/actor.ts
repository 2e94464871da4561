import { api, ApiError } from '../api.js';
import { h, replace, route } from '../dom.js';
import type { ViewContext } from '../main.js';
import { empty, eventList, quoteList, section } from '../ui.js';

/** Actor view: roles over time, events as source and as target, quotes. */
export async function actor({ root, params, signal }: ViewContext): Promise<string> {
  const name = params[0];
  let data;
  try {
    data = await api.actor(name, signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      replace(root, h('h1', {}, name), empty('No actor with this name is stored.', 'See the list of actors.'), h('p', {}, h('a', { href: '#/actors' }, 'All actors')));
      return name;
    }
    throw err;
  }
  const { actor: a, asSource, asTarget, quotes, others } = data;
  const roles = a.roles.length
    ? h('table', { class: 'data roles' },
      h('thead', {}, h('tr', {}, ['Role', 'Country', 'From', 'To', 'Articles'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, a.roles.map((r) => h('tr', {}, h('td', {}, r.role), h('td', {}, r.country ?? '—'), h('td', {}, r.from ?? 'undated'), h('td', {}, r.to ?? 'undated'), h('td', { class: 'num' }, r.articles)))))
    : empty('No role seen for this actor.');
  replace(root,
    h('div', { class: 'view-head' },
      h('h1', {}, a.name, a.country ? h('span', { class: 'sub' }, ` ${a.country}`) : null),
      h('p', { class: 'muted' }, `${a.type}${a.role ? ` · ${a.role}` : ''} · ${a.articles} articles · ${a.mentions} mentions · seen ${a.firstSeen ?? '?'} to ${a.lastSeen ?? '?'}`),
      a.names.length > 1 ? h('p', { class: 'muted' }, 'Also written: ', a.names.filter((n) => n !== a.name).join('; ')) : null,
      others.length ? h('p', { class: 'muted' }, 'Other actors with this name: ', others.map((o, i) => [i ? ', ' : '', h('a', { href: route.actor(o.name) }, o.name), o.country ? ` (${o.country})` : ''])) : null),
    h('div', { class: 'grid' },
      section('Roles over time', roles),
      section(`Quotes (${quotes.length})`, quotes.length ? quoteList(quotes) : empty('No quotes from this actor.'))),
    h('div', { class: 'grid' },
      section(`As source (${asSource.length})`, asSource.length ? eventList(asSource) : empty('No events with this actor as source.')),
      section(`As target (${asTarget.length})`, asTarget.length ? eventList(asTarget) : empty('No events with this actor as target.'))));
  return a.name;
}

/** Actors: the most seen first. */
export async function actors({ root, query, signal }: ViewContext): Promise<string> {
  const type = query.get('type') ?? undefined;
  const page = await api.actors({ type, limit: 200 }, signal);
  const types = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION'];
  replace(root,
    h('div', { class: 'view-head' }, h('h1', {}, 'Actors'),
      h('p', { class: 'toggle' }, h('a', { href: '#/actors', 'aria-current': type ? null : 'true' }, 'all'),
        types.map((t) => [' · ', h('a', { href: `#/actors?type=${t}`, 'aria-current': type === t ? 'true' : null }, t.toLowerCase())]))),
    page.items.length
      ? h('table', { class: 'data actors' },
        h('thead', {}, h('tr', {}, ['Name', 'Type', 'Country', 'Role', 'Articles', 'Mentions', 'Last seen'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.items.map((a) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: route.actor(a.name) }, a.name)), h('td', {}, a.type), h('td', {}, a.country ?? '—'),
          h('td', {}, a.role ?? ''), h('td', { class: 'num' }, a.articles), h('td', { class: 'num' }, a.mentions), h('td', {}, a.lastSeen ?? '')))))
      : empty('No actors yet.', 'Ingest articles first.'));
  return 'Actors';
}
