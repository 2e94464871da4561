// `npm run eval -- petrarch RECORDS.xml [--failures] [--verbs] [--text]`: PETRARCH2's unit-test records coded by
// dyad's PETRARCH-format coder; a record passes when its set of codings equals the expected set exactly.
// --failures lists the failing records (expected vs got), --verbs adds the verbs and patterns found,
// --text ignores the records' parse trees and codes the plain text.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  codeSentence, mergeActorDictionaries, parseActorDictionary, parseAgentDictionary, parseDiscards, parseRecords, parseVerbDictionary,
  type Dictionaries, type UnitRecord,
} from '../src/analyze/events/petrarch/index.js';

const fmt = (c: { source: string; target: string; code: string }) => `${c.source || '∅'}→${c.target || '∅'} ${c.code}`;

function expectedSet(r: UnitRecord): string[] {
  return r.error || r.noEvents ? [] : [...new Set(r.expected.map(fmt))].sort();
}

export async function run(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) { console.error('usage: npm run eval -- petrarch RECORDS.xml [--failures] [--verbs] [--text]'); return 2; }
  const showFailures = args.includes('--failures');
  const showVerbs = args.includes('--verbs');
  const textOnly = args.includes('--text');
  let xml: string;
  try { xml = readFileSync(file, 'utf8'); } catch (e) { console.error(`petrarch: cannot read ${file}: ${(e as Error).message}`); return 2; }
  const recs = parseRecords(xml);
  const dir = dirname(resolve(file));
  const read = (name: string | null, what: string): string => {
    if (!name) throw new Error(`the records file names no ${what} file`);
    return readFileSync(resolve(dir, name), 'utf8');
  };
  let dicts: Dictionaries;
  try {
    dicts = {
      verbs: parseVerbDictionary(read(recs.verbFile, 'verb')),
      actors: mergeActorDictionaries(recs.actorFiles.map((f) => parseActorDictionary(read(f, 'actor')))),
      agents: parseAgentDictionary(read(recs.agentFile, 'agent')),
      discards: recs.discardFile ? parseDiscards(read(recs.discardFile, 'discard')) : undefined,
    };
  } catch (e) { console.error(`petrarch: ${(e as Error).message}`); return 2; }
  const byCat = new Map<string, { pass: number; total: number }>();
  let pass = 0;
  const failures: string[] = [];
  for (const r of recs.records) {
    const res = codeSentence({ text: r.text, parse: textOnly ? null : r.parse, date: r.date }, dicts);
    const got = [...new Set(res.codings.map(fmt))].sort();
    const want = expectedSet(r);
    // an error record passes with no codings, and with the same error when it is one the coder detects
    const detected = ['bad_input_parse', 'storydiscard', 'sentencediscard'];
    const sameError = !r.error || !detected.includes(r.error) || res.error === r.error;
    const ok = sameError && got.length === want.length && got.every((g, i) => g === want[i]);
    const c = byCat.get(r.category) ?? { pass: 0, total: 0 };
    c.total++;
    if (ok) { c.pass++; pass++; } else {
      failures.push(`${r.id} [${r.category}] ${r.date ?? ''} ${r.text}\n  expected: ${want.join(', ') || (r.error ? `(${r.error})` : '(none)')}\n  got:      ${got.join(', ') || (res.error ? `(${res.error})` : '(none)')}` +
        (showVerbs ? `\n  verbs:    ${res.verbs.join('; ')}` : ''));
    }
    byCat.set(r.category, c);
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
  if (showFailures) console.log(failures.join('\n') + '\n');
  console.log(`PETRARCH unit-test records${textOnly ? ' (plain text, trees ignored)' : ''}: ${pass}/${recs.records.length} exactly as expected (${pct(pass, recs.records.length)}%)`);
  for (const [cat, c] of [...byCat].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${cat.padEnd(10)} ${String(c.pass).padStart(3)}/${String(c.total).padEnd(3)} ${pct(c.pass, c.total).padStart(5)}%`);
  const problems = [...dicts.verbs.problems, ...dicts.actors.problems, ...dicts.agents.problems];
  if (problems.length) console.log(`dictionary problems: ${problems.length} (first: ${problems[0]})`);
  return 0;
}
