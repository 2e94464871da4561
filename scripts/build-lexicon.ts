// Builds data/lexicon/countries.json from the `world-countries` package (ISO 3166-1 names, demonyms, capitals)
// and data/lexicon/country-overrides.json (press usage and seats of government kept by hand).
// Run: npm run build && node dist/scripts/build-lexicon.js
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findRoot } from '../src/analyze/lexicon/root.js';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string; cca3: string; independent?: boolean;
  altSpellings: string[]; capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}
export interface CountryEntry { iso3: string; name: string; names: string[]; demonyms: string[]; seats: string[] }

const root = findRoot();
const require = createRequire(import.meta.url);
const world = require('world-countries') as WorldCountry[];
const overrides = JSON.parse(readFileSync(join(root, 'data/lexicon/country-overrides.json'), 'utf8')) as {
  add: Record<string, { names?: string[]; demonyms?: string[]; seats?: string[] }>;
  drop: { names: string[]; seats: string[] };
};
const latin = (s: string) => /^[A-Za-z][A-Za-z .'’-]*$/.test(s) && !s.includes(',');
const uniq = (xs: string[]) => [...new Set(xs)];

const out: CountryEntry[] = [];
for (const c of world) {
  const add = overrides.add[c.cca3] ?? {};
  const names = uniq([c.name.common, c.name.official, ...c.altSpellings.filter((s) => latin(s) && s.length > 3), ...(add.names ?? [])])
    .filter((n) => !overrides.drop.names.includes(n) || (add.names ?? []).includes(n));
  const dem = c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
  const demonyms = uniq([...dem, ...(add.demonyms ?? [])].filter((d) => d && latin(d)));
  const seats = uniq([...c.capital.filter(latin), ...(add.seats ?? [])]).filter((s) => !overrides.drop.seats.includes(s));
  out.push({ iso3: c.cca3, name: c.name.common, names, demonyms, seats });
}
// A demonym or name shared by several entries ("French": France and the French Southern Lands) belongs to the
// sovereign UN member that bears it: drop it from the others.
const rank = (iso3: string) => {
  const c = world.find((w) => w.cca3 === iso3)!;
  return (c as { unMember?: boolean }).unMember ? 0 : c.independent ? 1 : 2;
};
for (const field of ['demonyms', 'names'] as const) {
  const owner = new Map<string, CountryEntry>();
  for (const c of [...out].sort((a, b) => rank(a.iso3) - rank(b.iso3))) {
    c[field] = c[field].filter((d) => {
      const o = owner.get(d);
      if (o && o !== c) return false;
      owner.set(d, c);
      return true;
    });
  }
}
// Plural demonyms ("Americans", "Israelis", "South Koreans") name a country's people.
for (const c of out) c.demonyms = uniq([...c.demonyms, ...c.demonyms.filter((d) => /[nie]$/.test(d)).map((d) => `${d}s`)]);
// Ensure a common English short name sits first where the ISO name differs (Türkiye → also Turkey).
out.sort((a, b) => a.iso3.localeCompare(b.iso3));
writeFileSync(join(root, 'data/lexicon/countries.json'), JSON.stringify({ version: 1, generatedBy: 'scripts/build-lexicon.ts', countries: out }, null, 1) + '\n');
console.log(`wrote ${out.length} countries to data/lexicon/countries.json`);
