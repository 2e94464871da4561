import type Database from 'better-sqlite3';
import type { EntityType, EventActor } from '../../analyze/schema.js';
import { firstLast, normTokenCount, normalizeName, tokenCount } from '../names.js';

/** An actor as the resolution rules see it: its id, current (fullest) name and country, if known. */
interface Candidate { id: number; name: string; country: string | null }
/** an actor in memory, with the token count of its name once asked (names are compared by it) */
interface Known extends Candidate { tokens?: number }

const compatible = (c: Candidate, country: string | null) => !c.country || !country || c.country === country;

/** Inserts `id` into a list kept in ascending order (the `ORDER BY id` of the queries it stands for), after equal ids. */
function insertSorted(ids: number[], id: number): void {
  let i = ids.length;
  while (i > 0 && ids[i - 1] > id) i--;
  ids.splice(i, 0, id);
}

/**
 * Actor resolution of the SQLite writer: one actor per real person (or organization, country …) across articles.
 *
 * A batch of articles names the same people again and again (a third of the lookups of a batch of 100 BBC articles
 * repeat one made earlier in it), so the answers of the lookup queries are kept in memory, and kept true: every
 * write of the resolver (a new actor, a name seen, a rename, a country) is applied to them as it is made to the
 * tables. That holds only while nothing else writes, so the memory lasts one write transaction: `begin` when it
 * starts (the write lock is held, no other connection can write until it ends), `forget` when anything else could
 * have changed actors (a rollback, an article replaced, an actor dropped). Knowing what is stored also saves the
 * writes that would change nothing (a name already recorded for the actor, a country already set).
 */
export function createActorResolver(db: Database.Database) {
  const st = {
    namesByNorm: db.prepare(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ? AND n.type = ? ORDER BY a.id`),
    namesAnyType: db.prepare(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ? ORDER BY a.id`),
    byFirstLast: db.prepare(`SELECT id, name, country FROM actors WHERE type = ? AND first_last = ? ORDER BY id`),
    newActor: db.prepare(`INSERT INTO actors (name, norm, first_last, type, country) VALUES (?, ?, ?, ?, ?)`),
    rename: db.prepare(`UPDATE actors SET name = ?, norm = ? WHERE id = ?`),
    setCountry: db.prepare(`UPDATE actors SET country = ? WHERE id = ? AND country IS NULL`),
    actorName: db.prepare(`INSERT OR IGNORE INTO actor_names (norm, type, actor_id, name) VALUES (?, ?, ?, ?)`),
  };

  /** the actors met in this transaction, by id: the lists below hold ids, so a rename or a country shows in all */
  const actors = new Map<number, Known>();
  /** ids of the actors named `norm` as `type` (actor_names), by `type \0 norm` */
  const named = new Map<string, number[]>();
  /** ids of the actors named `norm` as any type, one per actor_names row, by `norm` */
  const namedAnyType = new Map<string, number[]>();
  /** ids of the actors of `type` with these first and last name tokens, by `type \0 first last` */
  const byFirstLast = new Map<string, number[]>();

  function load(rows: Candidate[]): number[] {
    return rows.map((r) => {
      if (!actors.has(r.id)) actors.set(r.id, r);
      return r.id;
    });
  }
  function cached(map: Map<string, number[]>, key: string, query: () => Candidate[]): number[] {
    let ids = map.get(key);
    if (!ids) map.set(key, (ids = load(query())));
    return ids;
  }
  const firstCompatible = (ids: number[], country: string | null) => {
    for (const id of ids) {
      const c = actors.get(id)!;
      if (compatible(c, country)) return c;
    }
    return undefined;
  };

  function forget(): void {
    actors.clear();
    named.clear();
    namedAnyType.clear();
    byFirstLast.clear();
  }

  /** Records that `norm` names actor `id` as `type`, unless it is known to be recorded already. */
  function recordName(norm: string, type: EntityType, id: number, name: string): void {
    const ids = named.get(`${type}\0${norm}`);
    if (ids?.includes(id)) return; // INSERT OR IGNORE would change nothing
    if (st.actorName.run(norm, type, id, name).changes === 0) return;
    if (ids) insertSorted(ids, id);
    const any = namedAnyType.get(norm);
    if (any) insertSorted(any, id);
  }

  return {
    /** A write transaction starts: what is in memory may be out of date (another connection may have written). */
    begin: forget,
    /** Something other than the resolver changed actors or names, or the writes were rolled back. */
    forget,

    /**
     * The actor of an entity, created if new, keyed by the normalized name. A person also matches an actor of the
     * same type with the same first and last name tokens ("Recep Erdogan" = "Recep Tayyip Erdogan"), unless their
     * countries differ. The fullest name wins.
     */
    resolve(name: string, type: EntityType, country: string | null): number | null {
      const norm = normalizeName(name);
      if (!norm) return null;
      let found = firstCompatible(cached(named, `${type}\0${norm}`, () => st.namesByNorm.all(norm, type) as Candidate[]), country);
      const tokens = normTokenCount(norm); // tokenCount(name)
      if (!found && type === 'PERSON' && tokens >= 2) {
        const fl = firstLast(norm);
        found = firstCompatible(cached(byFirstLast, `${type}\0${fl}`, () => st.byFirstLast.all(type, fl) as Candidate[]), country);
      }
      let id: number;
      if (found) {
        id = found.id;
        if (tokens > (found.tokens ??= tokenCount(found.name))) {
          st.rename.run(name, norm, id);
          found.name = name;
          found.tokens = tokens;
        }
        if (country && found.country == null) { // the UPDATE sets a country only where none is stored
          st.setCountry.run(country, id);
          found.country = country;
        }
      } else {
        const fl = firstLast(norm);
        id = Number(st.newActor.run(name, norm, fl, type, country).lastInsertRowid);
        actors.set(id, { id, name, country: country ?? null, tokens });
        const sameFirstLast = byFirstLast.get(`${type}\0${fl}`);
        if (sameFirstLast) insertSorted(sameFirstLast, id);
      }
      recordName(norm, type, id, name);
      return id;
    },

    /** An event side without an entity is linked to an actor only if its exact name is already known. */
    ofSide(side: EventActor | null, byEntity: Map<string, number | null>): number | null {
      if (!side) return null;
      if (side.entity && byEntity.has(side.entity)) return byEntity.get(side.entity) ?? null;
      const norm = normalizeName(side.name ?? '');
      if (!norm) return null;
      return firstCompatible(cached(namedAnyType, norm, () => st.namesAnyType.all(norm) as Candidate[]), side.country)?.id ?? null;
    },
  };
}

export type ActorResolver = ReturnType<typeof createActorResolver>;
