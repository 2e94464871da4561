#!/usr/bin/env node
// Re-runs dyad on the hand-checked articles and compares with the verdicts in events.json:
// an event the checker saw keeps its verdict (same trigger offsets, type, source and target names);
// an event not seen before is counted as "unjudged" and listed, to be read by hand.
// usage: npm run build && node eval/event-check/compare.mjs [--list]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const check = JSON.parse(readFileSync(join(here, 'events.json'), 'utf8'));
// verdicts given later to events the first check did not see (same fields as events.json, keyed by article)
const recheckPath = join(here, 'recheck.json');
const recheck = existsSync(recheckPath) ? JSON.parse(readFileSync(recheckPath, 'utf8')) : { articles: {} };
const dump = process.argv.includes('--dump-new') ? [] : null;
const list = process.argv.includes('--list');
const key = (e) => `${e.trigger.start}|${e.type}|${e.source?.name}|${e.target?.name}|${e.modality}|${e.date ?? ""}`;
let accepted = 0, rejected = 0, unjudged = 0, removedAccepted = 0, removedRejected = 0;
for (const a of check.articles) {
  const input = join(root, a.input ?? a.article);
  const published = a.published ? ['--published', a.published] : [];
  const out = execFileSync(process.execPath, [join(root, 'bin', 'dyad.js'), 'analyze', input, '--jsonl', ...published], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const analysis = out.trim().split('\n').map((l) => JSON.parse(l)).find((x) => x.article.id === a.articleId) ?? JSON.parse(out.trim().split('\n')[0]);
  const old = new Map([...a.events, ...(recheck.articles[a.input ?? a.article] ?? [])].map((e) => [key(e), e]));
  const now = new Set();
  for (const e of analysis.events) {
    const k = key(e);
    now.add(k);
    const v = old.get(k);
    if (!v && dump) dump.push({ input: a.input ?? a.article, event: e.id, type: e.type, cameo: e.cameo, source: e.source, target: e.target, date: e.date, modality: e.modality, trigger: e.trigger, sentence: analysis.article.text.slice(e.sentence.start, e.sentence.end), verdict: null, note: '' });
    if (!v) { unjudged++; if (list) console.log(`NEW  ${a.input ?? a.article}  ${e.type} ${e.source.name}/${e.source.country} -> ${e.target?.name}/${e.target?.country} ${e.modality} ${e.date} | ${e.trigger.text} | ${analysis.article.text.slice(e.sentence.start, e.sentence.end).slice(0, 160)}`); }
    else if (v.verdict === 'accept') accepted++;
    else { rejected++; if (list) console.log(`BAD  ${(a.input ?? a.article).split('/').pop()}  ${e.type} ${e.source.name}/${e.source.country} -> ${e.target?.name}/${e.target?.country} ${e.modality} ${e.date} | ${e.trigger.text} | ${(v.note ?? '').slice(0, 140)} | ${analysis.article.text.slice(e.sentence.start, e.sentence.end).slice(0, 200)}`); }
  }
  for (const [k, v] of old) {
    if (now.has(k) || !a.events.includes(v)) continue;
    if (v.verdict === 'accept') { removedAccepted++; if (list) console.log(`LOST ${a.input ?? a.article}  ${v.type} ${v.source?.name} -> ${v.target?.name} ${v.modality} | ${v.trigger.text} | ${v.sentence.slice(0, 160)}`); }
    else removedRejected++;
  }
}
const judged = accepted + rejected;
console.log(`events now ${judged + unjudged}: judged ${judged} (accepted ${accepted}, rejected ${rejected}), new and unjudged ${unjudged}`);
console.log(`precision of judged events ${(100 * accepted / Math.max(1, judged)).toFixed(1)}% · dropped since the check: ${removedRejected} rejected, ${removedAccepted} accepted`);
if (dump) { writeFileSync(join(here, 'new-events.json'), JSON.stringify(dump, null, 1) + '\n'); console.log(`wrote ${dump.length} unjudged events to eval/event-check/new-events.json`); }
