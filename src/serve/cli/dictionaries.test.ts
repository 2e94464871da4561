import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.js';
import type { Analysis } from '../../analyze/schema.js';
import { makeArticle } from '../../ingest/article.js';
import { actorCountry, actorName } from '../../analyze/events/petrarch-events.js';
import { pipelineFor, readPetrarchDictionaries } from './dictionaries.js';
import { main, type Io } from './main.js';

// PETRARCH2's validation dictionaries (MIT): verbs with their own codes (ATTACK [223]), actors such as ISRAELI_TROOPS [ISRMIL]
const VALIDATION = join(process.cwd(), '..', 'shared', 'data', 'petrarch2', 'validation');
const dir = mkdtempSync(join(tmpdir(), 'dyad-dicts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'Troops on the border\nA test article.\nIsraeli troops attacked Jordan on Monday, officials said.\nHamas gunmen accused Israel of breaking the truce.\n';

async function run(argv: string[]) {
  let out = '', err = '';
  const io: Io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; }, isTTY: false }, env: { DYAD_WORKERS: '0' } };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('--dictionaries DIR: events of the PETRARCH coder with the user\'s dictionaries', () => {
  it('reads the verbs, actors, agents and discards of a folder', () => {
    const d = readPetrarchDictionaries(VALIDATION);
    expect(d.verbs.byHead.get('ATTACKED')).toBeTruthy();
    expect(d.actors.entries.length).toBeGreaterThan(50);
    expect(d.discards).toBeTruthy();
    expect(actorName('ISRMIL', d)).toBe('Israeli Troops');
    expect(actorName('USAGOV', d)).toBe('President George W. Bush');
    expect(actorCountry('USAGOV')).toBe('USA');
    expect(actorCountry('ARN')).toBeNull(); // Arnor is no ISO 3166 country
  });

  it('adds each coding as an event marked coder "petrarch", after dyad\'s own, with names, countries, date, modality and evidence', () => {
    const pipeline = pipelineFor(VALIDATION);
    const a = analyze(makeArticle({ title: 'Troops on the border', standfirst: 'A test article.', body: ['Israeli troops attacked Jordan on Monday, officials said.', 'Hamas gunmen accused Israel of breaking the truce.'], published: '2026-01-07' }), pipeline);
    const p = a.events.filter((e) => e.coder === 'petrarch');
    const attack = p.find((e) => e.trigger.text === 'attacked')!;
    expect(attack).toMatchObject({
      cameo: '223', // the validation dictionary's own code: no PLOVER type, no Goldstein weight
      type: 'OTHER', goldstein: 0,
      source: { name: 'Israeli Troops', country: 'ISR' }, target: { name: 'Jordan', country: 'JOR', entity: expect.any(String) },
      date: '2026-01-05', dateSource: 'text', modality: 'asserted',
    });
    expect(a.article.text.slice(attack.trigger.start, attack.trigger.end)).toBe('attacked');
    expect(a.article.text.slice(attack.sentence.start, attack.sentence.end)).toBe('Israeli troops attacked Jordan on Monday, officials said.');
    // dyad's own events keep their place and say so; ids go on after them
    const own = a.events.filter((e) => e.coder === 'dyad');
    expect(own.length).toBeGreaterThan(0);
    expect(a.events.map((e) => e.id)).toEqual(a.events.map((_, i) => `v${i + 1}`));
    expect(a.events.indexOf(attack)).toBeGreaterThan(a.events.indexOf(own[own.length - 1]));
    // without the option, no PETRARCH events
    expect(analyze(makeArticle({ title: 'x', body: ['Israeli troops attacked Jordan on Monday.'], published: '2026-01-07' })).events.every((e) => e.coder === 'dyad')).toBe(true);
  });

  it('works from the command line, and a folder without dictionaries is a usage error', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, TEXT);
    const r = await run(['analyze', file, '--published', '2026-01-07', '--dictionaries', VALIDATION, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out) as Analysis;
    expect(a.events.some((e) => e.coder === 'petrarch' && e.source.country === 'ISR' && e.target?.country === 'JOR')).toBe(true);
    const bad = await run(['analyze', file, '--dictionaries', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no verbs, actors, agents dictionary/);
  });
});
