import type { VerbDictionary, VerbPattern } from './petrarch/dictionary/verbs.js';

/**
 * Reduces a PETRARCH verb dictionary (CAMEO.2.0.txt) to dyad trigger entries (data/lexicon/event-triggers-cameo.json):
 *
 * - every surface form of a verb (the regular inflections the loader makes and the irregular ones the file lists;
 *   multi-word verbs as written, "shoot down", "met with") takes the code PETRARCH gives it when no pattern matches:
 *   that of the first form in the file, so a form first listed in a `[---]` block codes nothing;
 * - a pattern `- * WORDS [code]` with nothing before the verb and only plain words after it (no `$ + % ^`, no
 *   synset) becomes a more specific entry: leading particles or prepositions ("* (FOR)", "* _DOWN") join the form
 *   ("call for"), and the remaining words are an object that must follow within a few words ("ask … help");
 * - a reduced pattern coded `[---]` or with a code dyad leaves out becomes a no-event entry, so that the plain form
 *   does not code what PETRARCH would not ("killed himself", "faced problems" → 012);
 * - only codes whose root is kept (`keepCode`) are written, and forms, codes or blocks listed in the exclusions are
 *   dropped.
 */

/** A pattern reduced to "verb + particles" and/or "verb … object"; cameo null: codes nothing. */
export interface ReducedPattern { particles?: string; object?: string; cameo: string | null }
/** A PETRARCH verb block: its verbs grouped by the code they take alone (null: none), and its reduced patterns. */
export interface ReducedBlock { block: string; verbs: { cameo: string | null; forms: string[] }[]; patterns: ReducedPattern[] }
export interface Reduction { blocks: ReducedBlock[]; codes: string[] }
export interface ReduceOptions {
  keepCode: (code: string) => boolean;
  /** codes a verb may take alone, without a pattern (default: keepCode); broad codes ("040 consult") are safer through patterns only */
  plainCode?: (code: string) => boolean;
  excludeForms?: ReadonlySet<string>;
  excludeBlocks?: ReadonlySet<string>;
  /** forms that code only through a pattern, never alone ("called" is seldom a phone call, "called for" is an appeal) */
  patternOnlyForms?: ReadonlySet<string>;
}

/** words that join the verb when a pattern puts them right after it ("call for", "back down") */
export const PARTICLES = new Set(['ON', 'UPON', 'FOR', 'WITH', 'AGAINST', 'TO', 'UP', 'OFF', 'AT', 'BY', 'OUT', 'DOWN', 'INTO', 'OVER', 'FROM', 'IN', 'AWAY', 'BACK', 'ABOUT', 'THROUGH', 'ACROSS', 'AROUND', 'TOWARD', 'TOWARDS', 'BEHIND', 'OF', 'AS', 'ALONG', 'APART', 'ASIDE']);

const CODE = /^\d{2,4}$/;
const FORM = /^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$/;

/** A pattern's first code ("043:042" → "043"), or "---" for no event, or null when it is not a plain code. */
function patternCode(p: VerbPattern): string | null {
  const c1 = p.code.split(':')[0].trim();
  if (/^-+$/.test(c1)) return '---';
  return CODE.test(c1) ? c1 : null;
}

/** The particles and object words of a simple pattern, or null when the pattern is not "verb + words". */
export function reducePattern(p: VerbPattern): { particles: string[]; object: string[] } | null {
  if (p.before.length || !p.after.length) return null;
  if (!p.after.every((i) => i.kind === 'word')) return null;
  const words = p.after.map((i) => (i.kind === 'word' ? i.word : ''));
  if (words.some((w) => !/^[A-Z][A-Z'-]*$/.test(w))) return null;
  const particles: string[] = [];
  let k = 0;
  // "* (FOR …)": a leading preposition or particle joins the verb; "*_DOWN" joins it whatever the word
  while (k < words.length && (PARTICLES.has(words[k]) || (k === 0 && p.after[0].joined)) && particles.length < 2) particles.push(words[k++]);
  return { particles, object: words.slice(k) };
}

export function reduceVerbDictionary(dict: VerbDictionary, opts: ReduceOptions): Reduction {
  const excludeForms = opts.excludeForms ?? new Set<string>();
  const excludeBlocks = opts.excludeBlocks ?? new Set<string>();
  const kept = (code: string | null): code is string => code !== null && CODE.test(code) && opts.keepCode(code);
  // each surface form belongs to the first block that lists it, with the code it takes there (file order)
  const blockIndex = new Map(dict.blocks.map((b, i) => [b, i]));
  const all = [...dict.byHead.values()].flat().sort((a, b) => blockIndex.get(a.block)! - blockIndex.get(b.block)!);
  const owner = new Map<string, { block: number; code: string | null }>();
  for (const f of all) {
    // the file's old ";" comments and stray commas inside braces are not forms
    const surface = f.words.join(' ').toLowerCase().replace(/\s*;.*$/, '');
    if (!FORM.test(surface)) continue;
    // "041:041", "042:043": the first code is the verb's (the second codes the reverse direction in PETRARCH)
    if (!owner.has(surface)) owner.set(surface, { block: blockIndex.get(f.block)!, code: f.code?.split(':')[0].trim() || null });
  }
  const blocks: ReducedBlock[] = [];
  const codes = new Set<string>();
  dict.blocks.forEach((b, bi) => {
    if (excludeBlocks.has(b.name)) return;
    const verbs = new Map<string, { cameo: string | null; forms: string[] }>();
    for (const [surface, o] of owner) {
      if (o.block !== bi || excludeForms.has(surface)) continue;
      const cameo = kept(o.code) && (opts.plainCode ?? opts.keepCode)(o.code) && !opts.patternOnlyForms?.has(surface) ? o.code : null;
      const key = String(cameo);
      const v = verbs.get(key);
      if (v) v.forms.push(surface); else verbs.set(key, { cameo, forms: [surface] });
    }
    if (!verbs.size) return;
    const patterns: ReducedPattern[] = [];
    const seen = new Set<string>();
    for (const p of b.patterns) {
      const r = reducePattern(p);
      const code = patternCode(p);
      if (!r || !code) continue;
      const particles = r.particles.join(' ').toLowerCase();
      const object = r.object.join(' ').toLowerCase();
      const key = `${particles}|${object}`;
      if (seen.has(key)) continue; // the first in the file wins, as in PETRARCH
      seen.add(key);
      patterns.push({ ...(particles ? { particles } : {}), ...(object ? { object } : {}), cameo: kept(code) ? code : null });
    }
    // a pattern that codes nothing matters only where a plainer entry would code something
    const coded = (p: ReducedPattern) => p.cameo !== null;
    const hasPlain = [...verbs.values()].some((v) => v.cameo !== null);
    const useful = patterns.filter((p) => coded(p) || hasPlain || (p.object && patterns.some((q) => coded(q) && q.particles === p.particles && !q.object)));
    if (!hasPlain && !useful.some(coded)) return;
    // forms that code nothing alone matter only through the block's patterns
    if (!useful.length) for (const [k, v] of verbs) if (v.cameo === null) verbs.delete(k);
    for (const v of verbs.values()) if (v.cameo) codes.add(v.cameo);
    for (const p of useful) if (p.cameo) codes.add(p.cameo);
    blocks.push({ block: b.name, verbs: [...verbs.values()], patterns: useful });
  });
  return { blocks, codes: [...codes].sort() };
}

/** The trigger entries of a reduced block: each form alone, then each form with each pattern; forms excluded are skipped. */
export function expandBlock(b: ReducedBlock, excludeForms: ReadonlySet<string> = new Set()): { words: string; cameo: string | null; object: string | null }[] {
  const out: { words: string; cameo: string | null; object: string | null }[] = [];
  for (const v of b.verbs) {
    for (const f of v.forms) {
      if (v.cameo) out.push({ words: f, cameo: v.cameo, object: null });
      for (const p of b.patterns) {
        const words = p.particles ? `${f} ${p.particles}` : f;
        if (excludeForms.has(words)) continue;
        out.push({ words, cameo: p.cameo, object: p.object ?? null });
      }
    }
  }
  return out;
}
