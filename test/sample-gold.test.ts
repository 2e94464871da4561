// End to end: the sample article through `dyad analyze`, scored by the project's gold scorer.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const sample = join(shared, 'seed', 'lee-xi-beijing.txt');
const bin = join(import.meta.dirname, '..', 'bin', 'dyad.js');

describe.skipIf(!existsSync(sample) && !process.env.CI)('the sample article against its gold', () => {
  it('finds at least 70% of the required items with zero violations', () => {
    const json = execFileSync(process.execPath, [bin, 'analyze', sample, '--published', '2026-01-05', '--json'], { encoding: 'utf8' });
    const out = join(mkdtempSync(join(tmpdir(), 'dyad-gold-')), 'analysis.json');
    writeFileSync(out, json);
    const report = execFileSync(process.execPath, [join(shared, 'tools', 'score-gold.mjs'), join(shared, 'seed', 'expected.json'), out], { encoding: 'utf8' });
    const total = /TOTAL required (\d+)\/(\d+) \((\d+)%\) · violations (\d+)/.exec(report);
    expect(total, report).not.toBeNull();
    expect(Number(total![3]), report).toBeGreaterThanOrEqual(70);
    expect(Number(total![4]), report).toBe(0);
  });
});
