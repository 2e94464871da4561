import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EntityType, EventActor } from '../../analyze/schema.js';
import { rng } from '../../random.js';
import { firstLast, normalizeName, tokenCount } from '../names.js';
import { createActorResolver } from './actors.js';
import { migrate } from './migrations.js';

function openDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db);
  db.pragma('foreign_keys = ON');
  return db;
}

/** The resolution rules as plain queries, asked afresh each time: what the resolver's memory must agree with. */
function plainResolver(db: Database.Database) {
  type Candidate = { id: number; name: string; country: string | null };
  const compatible = (c: Candidate, country: string | null) => !c.country || !country || c.country === country;
  const q = (sql: string) => db.prepare(sql);
  const byNorm = q(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ? AND n.type = ? ORDER BY a.id`);
  const anyType = q(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ? ORDER BY a.id`);
  const byFl = q(`SELECT id, name, country FROM actors WHERE type = ? AND first_last = ? ORDER BY id`);
  return {
    resolve(name: string, type: EntityType, country: string | null): number | null {
      const norm = normalizeName(name);
      if (!norm) return null;
      let found = (byNorm.all(norm, type) as Candidate[]).find((c) => compatible(c, country));
      if (!found && type === 'PERSON' && tokenCount(name) >= 2) found = (byFl.all(type, firstLast(norm)) as Candidate[]).find((c) => compatible(c, country));
      let id: number;
      if (found) {
        id = found.id;
        if (tokenCount(name) > tokenCount(found.name)) q(`UPDATE actors SET name = ?, norm = ? WHERE id = ?`).run(name, norm, id);
        if (country) q(`UPDATE actors SET country = ? WHERE id = ? AND country IS NULL`).run(country, id);
      } else {
        id = Number(q(`INSERT INTO actors (name, norm, first_last, type, country) VALUES (?, ?, ?, ?, ?)`).run(name, norm, firstLast(norm), type, country).lastInsertRowid);
      }
      q(`INSERT OR IGNORE INTO actor_names (norm, type, actor_id, name) VALUES (?, ?, ?, ?)`).run(norm, type, id, name);
      return id;
    },
    ofSide(side: EventActor | null): number | null {
      if (!side) return null;
      const norm = normalizeName(side.name ?? '');
      const rows = norm ? (anyType.all(norm) as Candidate[]) : [];
      return rows.find((c) => compatible(c, side.country))?.id ?? null;
    },
  };
}

const tables = (db: Database.Database) => ({
  actors: db.prepare('SELECT * FROM actors ORDER BY id').all(),
  names: db.prepare('SELECT rowid, * FROM actor_names ORDER BY rowid').all(),
});

describe('actor resolution with the lookups of a transaction in memory', () => {
  it('gives the ids and tables of the plain queries on random sequences of names', () => {
    const random = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    // short and long forms of the same people (renames, first-last matches), shared surnames, types, countries
    const names = ['Ana Lopez', 'Ana Maria Lopez', 'Ana M. Lopez', 'Lopez', 'Ana Garcia Lopez', 'Pedro Lopez', 'Pedro Sanchez', 'Pedro Luis Sanchez',
      'Sanchez', 'Acme', 'Acme Corp', 'Spain', 'Ana Lopez’s', 'ANA LÓPEZ', ''];
    const types: EntityType[] = ['PERSON', 'PERSON', 'PERSON', 'ORG', 'GPE'];
    const countries = [null, null, 'ESP', 'MEX', 'ESP'];
    for (let round = 0; round < 40; round++) {
      const cached = openDb();
      const plain = openDb();
      const resolver = createActorResolver(cached);
      const reference = plainResolver(plain);
      resolver.begin();
      for (let i = 0; i < 60; i++) {
        if (random() < 0.2) {
          const side = { entity: null, name: pick(names), country: pick(countries) };
          expect(resolver.ofSide(side, new Map())).toBe(reference.ofSide(side));
        } else {
          const [name, type, country] = [pick(names), pick(types), pick(countries)];
          expect(resolver.resolve(name, type, country)).toBe(reference.resolve(name, type, country));
        }
      }
      expect(tables(cached)).toEqual(tables(plain));
      cached.close();
      plain.close();
    }
  });

  it('sees a rename and a country made earlier in the same transaction', () => {
    const db = openDb();
    const r = createActorResolver(db);
    r.begin();
    const short = r.resolve('Ana Lopez', 'PERSON', null);
    expect(r.resolve('Ana Maria Lopez', 'PERSON', null)).toBe(short); // first and last name: the same person, renamed
    expect(db.prepare('SELECT name FROM actors WHERE id = ?').pluck().get(short)).toBe('Ana Maria Lopez');
    // the fuller name is not replaced by the shorter one, read from memory
    expect(r.resolve('Ana Lopez', 'PERSON', 'ESP')).toBe(short);
    expect(db.prepare('SELECT name, country FROM actors WHERE id = ?').get(short)).toEqual({ name: 'Ana Maria Lopez', country: 'ESP' });
    // the country now set keeps a namesake from elsewhere apart
    expect(r.resolve('Ana Lopez', 'PERSON', 'MEX')).not.toBe(short);
    expect(r.ofSide({ entity: null, name: 'Ana Maria Lopez', country: 'ESP' }, new Map())).toBe(short);
    db.close();
  });

  it('forgets what a rolled-back write made, and what another connection wrote between transactions', () => {
    const db = openDb();
    const r = createActorResolver(db);
    db.transaction(() => {
      r.begin();
      try {
        db.transaction(() => {
          r.resolve('Pedro Sanchez', 'PERSON', 'ESP');
          throw new Error('the article fails');
        })();
      } catch {
        r.forget();
      }
      // the rolled-back actor is not handed out: a new one is made
      const id = r.resolve('Pedro Sanchez', 'PERSON', 'ESP');
      expect(db.prepare('SELECT id FROM actors').pluck().all()).toEqual([id]);
    }).immediate();

    // another connection renames the actor and names it otherwise between two transactions of this one
    db.prepare(`UPDATE actors SET name = 'Pedro Luis Sanchez Perez' WHERE id = 1`).run();
    db.prepare(`INSERT INTO actor_names (norm, type, actor_id, name) VALUES ('sanchez', 'PERSON', 1, 'Sanchez')`).run();
    db.transaction(() => {
      r.begin();
      expect(r.resolve('Sanchez', 'PERSON', null)).toBe(1);
      r.resolve('Pedro Luis Sanchez', 'PERSON', null); // shorter than the stored name: no rename
      expect(db.prepare('SELECT name FROM actors WHERE id = 1').pluck().get()).toBe('Pedro Luis Sanchez Perez');
    }).immediate();
    db.close();
  });
});
