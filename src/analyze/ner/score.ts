/** A named-entity chunk: tokens [start, end) of one sentence, with its type. */
export interface Chunk { type: string; start: number; end: number }

/**
 * The chunks of a BIO (IOB2) tag sequence, conlleval convention: a chunk starts at B-X, at I-X after O or after
 * a tag of another type, and ends before O, B-, or an I- of another type.
 */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const type = tag === 'O' ? '' : tag.slice(2);
    const continues = cur !== null && prefix === 'I' && type === cur.type;
    if (cur && !continues) { cur.end = i; out.push(cur); cur = null; }
    if (prefix !== 'O' && !continues) cur = { type, start: i, end: i + 1 };
  }
  if (cur) { cur.end = tags.length; out.push(cur); }
  return out;
}

export interface Counts { gold: number; predicted: number; correct: number }
export interface Prf extends Counts { precision: number; recall: number; f1: number }
export interface Score { overall: Prf; types: Record<string, Prf>; tokens: number; tokensCorrect: number }

function prf(c: Counts): Prf {
  const precision = c.predicted ? (100 * c.correct) / c.predicted : 0;
  const recall = c.gold ? (100 * c.correct) / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Exact-span scoring of predicted against gold tag sequences (one array per sentence), as conlleval does. */
export function score(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Score {
  const total: Counts = { gold: 0, predicted: 0, correct: 0 };
  const byType = new Map<string, Counts>();
  const count = (type: string): Counts => {
    let c = byType.get(type);
    if (!c) byType.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  let tokens = 0;
  let tokensCorrect = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s];
    const p = predicted[s];
    if (g.length !== p.length) throw new Error(`E_NER_LENGTH: sentence ${s} has ${g.length} gold and ${p.length} predicted tags`);
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) tokensCorrect++;
    const gc = chunks(g);
    const pc = chunks(p);
    const key = (c: Chunk): string => `${c.start}:${c.end}:${c.type}`;
    const goldKeys = new Set(gc.map(key));
    for (const c of gc) { total.gold++; count(c.type).gold++; }
    for (const c of pc) {
      total.predicted++;
      count(c.type).predicted++;
      if (goldKeys.has(key(c))) { total.correct++; count(c.type).correct++; }
    }
  }
  const types: Record<string, Prf> = {};
  for (const t of [...byType.keys()].sort()) types[t] = prf(byType.get(t)!);
  return { overall: prf(total), types, tokens, tokensCorrect };
}

/** A conlleval-like report of a score. */
export function formatScore(s: Score): string {
  const row = (name: string, p: Prf): string =>
    `${name.padEnd(8)} precision ${p.precision.toFixed(2).padStart(6)}  recall ${p.recall.toFixed(2).padStart(6)}  F1 ${p.f1.toFixed(2).padStart(6)}  (gold ${p.gold}, predicted ${p.predicted}, correct ${p.correct})`;
  const acc = s.tokens ? (100 * s.tokensCorrect) / s.tokens : 0;
  return [
    `tokens ${s.tokens}, token accuracy ${acc.toFixed(2)}%`,
    row('overall', s.overall),
    ...Object.entries(s.types).map(([t, p]) => row(t, p)),
  ].join('\n');
}
