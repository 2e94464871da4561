/** Content words of a passage, for comparing passages: lower-cased, without function words, crude plural folding. */
const STOP = new Set(('a an the and or but of to in on at by for with from as is are was were be been being has have had do does did ' +
  'it its this that these those he she they them his her their him we our you your i me my who whom which what when where while ' +
  'not no so than then there here also into over after before during about against between since until up down out off very just ' +
  'said says will would can could may might should must more most other some such only own same too s').split(' '));

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    out.add(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

/** Overlap of two word sets relative to the smaller one (containment), and the number of shared words. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): { score: number; shared: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return { score: small.size ? shared / small.size : 0, shared };
}
