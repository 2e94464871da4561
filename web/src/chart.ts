// The dyad timeline: per week or month, cooperative events up, conflictual events down, planned events as rings
// above; drawn as SVG (no chart library), each period a focusable group with its figures as a tooltip.
import { s } from './dom.js';
import type { Series } from './types.js';

const W = 900, H = 260, M = { top: 28, right: 34, bottom: 34, left: 40 };

export function timelineChart(series: Series, onPick?: (period: string) => void): SVGElement {
  const pts = series.points;
  const max = Math.max(1, ...pts.map((p) => Math.max(p.cooperative, p.conflictual)));
  const band = (W - M.left - M.right) / Math.max(1, pts.length);
  const mid = M.top + (H - M.top - M.bottom) / 2;
  const half = (H - M.top - M.bottom) / 2 - 4;
  const y = (n: number) => (n / max) * half;
  const barW = Math.max(2, Math.min(28, band * 0.6));
  const every = Math.max(1, Math.ceil(pts.length / 14));
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'group',
    'aria-label': `${series.dyad.join('–')} by ${series.by}: ${pts.reduce((n, p) => n + p.events, 0)} events over ${pts.length} ${series.by}s; cooperative up, conflictual down, planned as rings`,
  });
  // axis and scale
  svg.append(
    s('line', { x1: M.left, x2: W - M.right, y1: mid, y2: mid, class: 'axis' }),
    s('text', { x: M.left - 6, y: mid - half + 4, class: 'tick', 'text-anchor': 'end' }, String(max)),
    s('text', { x: M.left - 6, y: mid + half + 4, class: 'tick', 'text-anchor': 'end' }, String(max)),
    s('text', { x: M.left - 6, y: mid + 4, class: 'tick', 'text-anchor': 'end' }, '0'),
    s('text', { x: M.left, y: 14, class: 'legend coop' }, '▲ cooperative'),
    s('text', { x: M.left + 110, y: 14, class: 'legend conf' }, '▼ conflictual'),
    s('text', { x: M.left + 215, y: 14, class: 'legend plan' }, '○ planned'),
    s('text', { x: M.left + 310, y: 14, class: 'legend gold' }, '— Goldstein sum'),
  );
  pts.forEach((p, i) => {
    const cx = M.left + band * i + band / 2;
    const label = `${p.period}: ${p.cooperative} cooperative, ${p.conflictual} conflictual, ${p.events - p.cooperative - p.conflictual} neutral, Goldstein ${p.goldstein > 0 ? '+' : ''}${p.goldstein}${p.planned ? `, ${p.planned} planned` : ''}`;
    const g = s('g', { class: 'period', tabindex: 0, role: 'button', 'aria-label': label, 'data-period': p.period },
      s('title', {}, label),
      s('rect', { x: cx - band / 2, y: M.top, width: band, height: H - M.top - M.bottom, class: 'hit' }),
      p.cooperative ? s('rect', { x: cx - barW / 2, y: mid - y(p.cooperative), width: barW, height: y(p.cooperative), class: 'bar coop' }) : null,
      p.conflictual ? s('rect', { x: cx - barW / 2, y: mid, width: barW, height: y(p.conflictual), class: 'bar conf' }) : null,
      p.planned ? s('circle', { cx, cy: M.top - 4 + 0, r: Math.min(8, 3 + p.planned), class: 'planned' }) : null,
      i % every === 0 ? s('text', { x: cx, y: H - M.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, p.period) : null);
    if (onPick) {
      g.addEventListener('click', () => onPick(p.period));
      g.addEventListener('keydown', (ev) => {
        const k = (ev as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') { ev.preventDefault(); onPick(p.period); }
        if (k === 'ArrowRight' || k === 'ArrowLeft') {
          ev.preventDefault();
          const next = (k === 'ArrowRight' ? g.nextElementSibling : g.previousElementSibling) as SVGGElement | null;
          if (next?.classList.contains('period')) next.focus();
        }
      });
    }
    svg.append(g);
  });
  // the Goldstein sum of each period as a line on its own scale (right), drawn over the bars
  const gmax = Math.max(1, ...pts.map((p) => Math.abs(p.goldstein)));
  const gy = (v: number) => mid - (v / gmax) * half;
  const line = pts.map((p, i) => `${(M.left + band * i + band / 2).toFixed(1)},${gy(p.goldstein).toFixed(1)}`).join(' ');
  svg.append(
    s('polyline', { points: line, class: 'goldstein', 'aria-hidden': 'true' }),
    s('text', { x: W - M.right + 2, y: mid - half + 4, class: 'tick gold' }, `+${Math.round(gmax)}`),
    s('text', { x: W - M.right + 2, y: mid + half + 4, class: 'tick gold' }, `−${Math.round(gmax)}`),
  );
  return svg;
}
