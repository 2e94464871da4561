// The dashboard: a hash router over five views. Each view renders into <main> from the API, with its own
// loading, empty and error states.
import './style.css';
import { replace } from './dom.js';
import { failure, loading } from './ui.js';
import { overview } from './views/overview.js';
import { dyad } from './views/dyad.js';
import { actor, actors } from './views/actor.js';
import { article, articles } from './views/article.js';
import { network } from './views/network.js';

export interface ViewContext { root: HTMLElement; params: string[]; query: URLSearchParams; signal: AbortSignal }
type View = { nav: string; title: string; what: string; render: (ctx: ViewContext) => Promise<string | void> };

const ROUTES: [RegExp, View][] = [
  [/^\/?$/, { nav: 'overview', title: 'Overview', what: 'the overview', render: overview }],
  [/^\/dyad\/([A-Za-z]{3})-([A-Za-z]{3})$/, { nav: 'overview', title: 'Dyad', what: 'the dyad', render: dyad }],
  [/^\/articles$/, { nav: 'articles', title: 'Articles', what: 'articles', render: articles }],
  [/^\/article\/([0-9a-fA-F]{4,64})$/, { nav: 'articles', title: 'Article', what: 'the article', render: article }],
  [/^\/actors$/, { nav: 'actors', title: 'Actors', what: 'actors', render: actors }],
  [/^\/actor\/(.+)$/, { nav: 'actors', title: 'Actor', what: 'the actor', render: actor }],
  [/^\/network$/, { nav: 'network', title: 'Network', what: 'the network', render: network }],
];

const main = document.getElementById('main') as HTMLElement;
let current: AbortController | null = null;

async function show(): Promise<void> {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const found = ROUTES.map(([re, view]) => ({ m: re.exec(path), view })).find((r) => r.m);
  if (!found) {
    replace(main, failureNotFound());
    main.dataset.shown = location.hash;
    return;
  }
  const { m, view } = found;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-nav]')) {
    if (a.dataset.nav === view.nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.title = `${view.title} · dyad`;
  main.setAttribute('aria-busy', 'true');
  replace(main, loading(view.what));
  const root = document.createElement('div');
  root.className = `view view-${view.nav}`;
  try {
    const params = m!.slice(1).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
    const title = await view.render({ root, params, query: new URLSearchParams(search), signal: ctl.signal });
    if (ctl.signal.aborted) return;
    if (title) document.title = `${title} · dyad`;
    replace(main, root);
  } catch (err) {
    if (ctl.signal.aborted || (err as Error).name === 'AbortError') return;
    replace(main, failure(err, () => void show()));
  } finally {
    if (!ctl.signal.aborted) {
      main.removeAttribute('aria-busy');
      main.dataset.shown = location.hash; // what is on screen (tests wait for it)
    }
  }
}

function failureNotFound(): HTMLElement {
  const p = document.createElement('p');
  p.className = 'state empty';
  p.textContent = 'There is no such page. Use the links above.';
  return p;
}

let first = true;
window.addEventListener('hashchange', () => { void show().then(() => { if (!first) main.focus({ preventScroll: true }); }); });

// "/" focuses the search box, Escape leaves it; the search goes to the articles view
const q = document.getElementById('q') as HTMLInputElement;
document.addEventListener('keydown', (ev) => {
  const t = ev.target as HTMLElement;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
  if (ev.key === '/' && !typing) { ev.preventDefault(); q.focus(); }
  if (ev.key === 'Escape' && t === q) q.blur();
});
document.getElementById('search')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  location.hash = `#/articles?q=${encodeURIComponent(q.value.trim())}`;
});

void show().then(() => { first = false; });
