// `npm run eval -- time DIR [--out OUTDIR] [--errors]`: TempEval-3 Task A figures for dyad's time tagger on TimeML (.tml) or MEANTIME (CAT .xml) files.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, dirname } from 'node:path';
import { findTimes } from '../src/analyze/times/index.js';
import { segment } from '../src/analyze/sentences/index.js';
import { addCounts, emptyCounts, figures, readGold, score, writeTimeML, type Counts } from './timeml.js';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.(tml|xml)$/i.test(name)) out.push(p);
  }
  return out;
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

function line(label: string, c: Counts, docs: number): string {
  const f = figures(c);
  return `${label.padEnd(14)} docs ${String(docs).padStart(4)}  gold ${String(c.gold).padStart(5)}  sys ${String(c.sys).padStart(5)}` +
    `  | strict P ${pct(f.strictP)} R ${pct(f.strictR)} F1 ${pct(f.strictF)}` +
    `  | relaxed P ${pct(f.relaxedP)} R ${pct(f.relaxedR)} F1 ${pct(f.relaxedF)}` +
    `  | type acc ${pct(f.typeAcc)} F1 ${pct(f.typeF)}  | value acc ${pct(f.valueAcc)} F1 ${pct(f.valueF)}`;
}

export async function run(args: string[]): Promise<number> {
  const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out');
  const outIdx = args.indexOf('--out');
  const outDir = outIdx >= 0 ? args[outIdx + 1] : null;
  const showErrors = args.includes('--errors');
  if (!dir) { console.error('usage: npm run eval -- time DIR [--out OUTDIR] [--errors]'); return 2; }
  if (!existsSync(dir)) { console.error(`eval time: no such directory: ${dir}`); return 2; }
  const files = listFiles(dir);
  if (!files.length) { console.error(`eval time: no .tml or .xml files under ${dir}`); return 2; }
  const parts = new Map<string, { c: Counts; docs: number }>();
  let total = emptyCounts();
  let ms = 0, words = 0;
  for (const file of files) {
    const rel = relative(dir, file);
    const part = rel.includes('/') ? rel.split('/')[0] : basename(dir);
    const doc = readGold(readFileSync(file, 'utf8'), basename(file).replace(/\.(tml|xml)$/i, ''));
    // a creation time written in the text but given no value: read it from its own words
    if (!doc.dct && doc.ignore.length) {
      const span = doc.ignore[0];
      const own = findTimes(doc.text.slice(span.start, span.end), [], null).find((t) => /^\d{4}-\d\d-\d\d/.test(t.value));
      if (own) doc.dct = own.value.slice(0, 10);
    }
    const { sentences } = segment(doc.text);
    const c0 = process.cpuUsage();
    const sys = findTimes(doc.text, sentences, doc.dct);
    const cu = process.cpuUsage(c0);
    ms += (cu.user + cu.system) / 1000;
    words += doc.text.split(/\s+/).length;
    const r = score(doc, sys);
    const p = parts.get(part) ?? { c: emptyCounts(), docs: 0 };
    p.c = addCounts(p.c, r.counts);
    p.docs++;
    parts.set(part, p);
    total = addCounts(total, r.counts);
    if (showErrors) {
      for (const g of r.missed) console.log(`MISS  ${doc.id}  "${g.text}" ${g.type} ${g.value}  dct=${doc.dct}  …${doc.text.slice(Math.max(0, g.start - 50), g.end + 30).replace(/\s+/g, ' ')}`);
      for (const t of r.spurious) console.log(`FP    ${doc.id}  "${t.text}" ${t.type} ${t.value}  …${doc.text.slice(Math.max(0, t.start - 50), t.end + 30).replace(/\s+/g, ' ')}`);
      for (const [g, t] of r.pairs) {
        if (g.value !== t.value) console.log(`VALUE ${doc.id}  gold "${g.text}"=${g.value} sys "${t.text}"=${t.value} dct=${doc.dct}  …${doc.text.slice(Math.max(0, g.start - 60), g.end + 30).replace(/\s+/g, ' ')}`);
        else if (g.start !== t.start || g.end !== t.end) console.log(`SPAN  ${doc.id}  gold "${g.text}" sys "${t.text}"`);
      }
    }
    if (outDir) {
      const target = join(outDir, rel.replace(/\.xml$/i, '.tml'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, writeTimeML(doc, sys));
    }
  }
  console.log(`TempEval-3 Task A (timex) on ${dir}: relaxed = spans overlap, strict = identical spans (one-to-one);`);
  console.log('type/value accuracy = share of relaxed matches with the gold attribute; value F1 = F1 counting as correct only relaxed matches whose value equals gold.');
  if (parts.size > 1) for (const [name, p] of parts) console.log(line(name, p.c, p.docs));
  console.log(line('TOTAL', total, files.length));
  console.log(`speed (CPU time of findTimes, first pass, JIT warm-up included): ${(ms / files.length).toFixed(3)} ms/doc, ${((ms / words) * 500).toFixed(3)} ms per 500 words (${files.length} docs, ${words} words)`);
  if (outDir) console.log(`wrote TimeML with dyad's TIMEX3 tags to ${outDir}`);
  return 0;
}
