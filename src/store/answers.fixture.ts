// For the tests of schema migrations in both engines: everything a user can ask a store, to compare a migrated
// store with one written fresh.
import type { Store } from './store.js';

/** The tables holding an article's facts (keyed by its seq since SQLite schema 4, PostgreSQL 5). */
export const FACT_TABLES = ['entities', 'mentions', 'times', 'quotes', 'events', 'relations', 'actor_roles'];

/** Every query's answer on the store's articles (up to 1,000 of them). */
export async function storeAnswers(s: Store) {
  const list = await s.articles({ limit: 1000 });
  const articles = [];
  for (const a of list) articles.push({ lookup: await s.article(a.id), analysis: await s.analysis(a.id), story: await s.storyOf!(a.id) });
  const exported = [];
  for await (const r of s.exportRows()) exported.push(r);
  const actors = await s.actors();
  return {
    list, articles, exported, actors,
    actor: await Promise.all(actors.slice(0, 5).map((a) => s.actor(a.name))),
    events: await s.events(), quotes: await s.quotes(), dyads: await s.dyads(), relations: await s.relations(),
    dyadsOf: await s.dyads({ articleIds: list.slice(0, 2).map((a) => a.id) }),
    eventsOf: await s.events({ articleIds: list.slice(0, 2).map((a) => a.id) }),
    quotesOf: await s.quotes({ articleIds: list.map((a) => a.id) }),
    stories: await s.stories!(), storiesOf: await s.stories!({ articleIds: [list[0].id] }), counts: await s.counts(),
    search: await s.searchArticles!({ actor: actors[0]?.name, limit: 50 }),
    searchCountry: await s.searchArticles!({ country: 'TR', limit: 50 }),
    searchWords: await s.searchArticles!({ text: 'minister', limit: 50 }),
  };
}
