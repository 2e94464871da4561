// Cutting an article's text into runs by the spans that cover them, so that overlapping layers (a name inside a
// quote, a trigger inside a near-duplicate sentence) can all be shown at once. Pure: no DOM.

export type Kind = 'entity' | 'time' | 'quote' | 'event' | 'dup';

export interface Mark { start: number; end: number; kind: Kind; /** what dyad understood, one line */ info: string; /** extra classes */ cls?: string; id?: string }

export interface Run { start: number; end: number; marks: Mark[] }

/** Runs covering [0, text.length) in order; each run is covered by the same marks throughout. Bad spans are dropped. */
export function runs(length: number, marks: readonly Mark[]): Run[] {
  const ok = marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = new Set<number>([0, length]);
  for (const m of ok) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    out.push({ start, end, marks: ok.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/** Runs split at newlines, grouped by line (one line of the text: headline, standfirst, then a paragraph each). */
export function lines(text: string, all: readonly Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of all) {
    let from = r.start;
    for (let nl = text.indexOf('\n', from); nl !== -1 && nl < r.end; nl = text.indexOf('\n', from)) {
      if (nl > from) out[out.length - 1].push({ ...r, start: from, end: nl });
      out.push([]);
      from = nl + 1;
    }
    if (from < r.end) out[out.length - 1].push({ ...r, start: from, end: r.end });
  }
  return out;
}
