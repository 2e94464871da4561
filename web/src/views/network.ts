import { api } from '../api.js';
import { h, replace, route, s } from '../dom.js';
import type { ViewContext } from '../main.js';
import type { Network } from '../types.js';
import { directionBadge, empty, n, section } from '../ui.js';

const W = 900, H = 560;

/** A deterministic force layout (Fruchterman–Reingold from a circle): the same data always draws the same. */
export function layout(net: Network): Map<string, { x: number; y: number }> {
  const n = net.nodes.length;
  const pos = new Map(net.nodes.map((node, i) => [node.id, { x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n) }]));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  for (let it = 0, temp = W / 10; it < 300; it++, temp *= 0.985) {
    const disp = new Map(net.nodes.map((node) => [node.id, { x: 0, y: 0 }]));
    for (const a of net.nodes) for (const b of net.nodes) {
      if (a.id >= b.id) continue;
      const pa = pos.get(a.id)!, pb = pos.get(b.id)!;
      const dx = pa.x - pb.x || 0.01, dy = pa.y - pb.y || 0.01;
      const d = Math.hypot(dx, dy);
      const f = (k * k) / d;
      const da = disp.get(a.id)!, db = disp.get(b.id)!;
      da.x += (dx / d) * f; da.y += (dy / d) * f; db.x -= (dx / d) * f; db.y -= (dy / d) * f;
    }
    for (const e of net.edges) {
      const pa = pos.get(e.source)!, pb = pos.get(e.target)!;
      const dx = pa.x - pb.x, dy = pa.y - pb.y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      const da = disp.get(e.source)!, db = disp.get(e.target)!;
      da.x -= (dx / d) * f; da.y -= (dy / d) * f; db.x += (dx / d) * f; db.y += (dy / d) * f;
    }
    for (const node of net.nodes) {
      const p = pos.get(node.id)!, d = disp.get(node.id)!;
      // gravity: loose groups stay near the middle instead of being pushed to the edges
      d.x += (W / 2 - p.x) * 0.6; d.y += (H / 2 - p.y) * 0.6;
      const len = Math.max(0.01, Math.hypot(d.x, d.y));
      p.x = Math.min(W - 60, Math.max(60, p.x + (d.x / len) * Math.min(len, temp)));
      p.y = Math.min(H - 30, Math.max(30, p.y + (d.y / len) * Math.min(len, temp)));
    }
  }
  return pos;
}

function graph(net: Network): SVGElement {
  const pos = layout(net);
  const names = new Map(net.nodes.map((n) => [n.id, n.name]));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'group', 'aria-label': `${net.nodes.length} actors, ${net.edges.length} links` });
  const edges = s('g', { class: 'edges' });
  for (const e of net.edges) {
    const a = pos.get(e.source)!, b = pos.get(e.target)!;
    edges.append(s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge dir-${e.direction}`, 'stroke-width': Math.min(8, 1 + e.events) },
      s('title', {}, `${names.get(e.source)} – ${names.get(e.target)}: ${n(e.events, 'event')}, Goldstein ${e.goldstein}, ${e.direction}`)));
  }
  svg.append(edges);
  for (const node of net.nodes) {
    const p = pos.get(node.id)!;
    const r = Math.min(18, 5 + 2 * Math.sqrt(node.events));
    svg.append(s('a', { href: route.actor(node.name), class: 'node', 'aria-label': `${node.name}${node.country ? `, ${node.country}` : ''}: ${n(node.events, 'event')}` },
      s('title', {}, `${node.name}${node.country ? ` (${node.country})` : ''}: ${n(node.events, 'event')}`),
      s('circle', { cx: p.x, cy: p.y, r }),
      s('text', { x: p.x, y: p.y - r - 4, 'text-anchor': 'middle' }, node.name)));
  }
  return svg;
}

/** Network: who interacts with whom in the period, edges coloured by cooperation and conflict. */
export async function network({ root, query, signal }: ViewContext): Promise<string> {
  const since = query.get('since') ?? undefined;
  const until = query.get('until') ?? undefined;
  const net = await api.network({ since, until, nodes: 60 }, signal);
  const names = new Map(net.nodes.map((n) => [n.id, n.name]));
  const form = h('form', { class: 'period', 'aria-label': 'Period' },
    h('label', {}, 'From ', h('input', { type: 'date', name: 'since', value: since ?? '' })),
    h('label', {}, ' to ', h('input', { type: 'date', name: 'until', value: until ?? '' })), ' ', h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const q = new URLSearchParams();
    for (const k of ['since', 'until']) if (f.get(k)) q.set(k, String(f.get(k)));
    location.hash = `#/network${q.size ? `?${q}` : ''}`;
  });
  const head = h('div', { class: 'view-head' }, h('h1', {}, 'Network of actors'),
    h('p', { class: 'muted' }, since || until ? `Events from ${since ?? 'the start'} to ${until ?? 'the end'}.` : 'All dated and undated events.', ' Edges: ',
      h('span', { class: 'key-coop' }, 'cooperative'), ', ', h('span', { class: 'key-conf' }, 'conflictual'), ', ', h('span', { class: 'key-mixed' }, 'mixed'), '; thicker is more events.'), form);
  if (net.edges.length === 0) {
    replace(root, head, empty('No events between two actors in this period.'));
    return 'Network';
  }
  const strongest = [...net.edges].sort((a, b) => b.events - a.events).slice(0, 30);
  replace(root, head, section('Who interacts with whom', h('figure', { class: 'chart-box' }, graph(net))),
    section('Strongest links', h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Actors', 'Events', 'Goldstein', 'Direction'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, strongest.map((e) => h('tr', {},
        h('td', {}, h('a', { href: route.actor(names.get(e.source)!) }, names.get(e.source)!), ' – ', h('a', { href: route.actor(names.get(e.target)!) }, names.get(e.target)!)),
        h('td', { class: 'num' }, e.events), h('td', { class: 'num' }, e.goldstein), h('td', {}, directionBadge(e.direction))))))));
  return 'Network';
}
