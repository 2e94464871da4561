import type { Analysis, ArticleRecord, Entity, EntityType, Event, Modality, Quote, Relation, TimeExpr } from '../analyze/schema.js';
import type { DyadSeries, RelationsQuery } from './relations.js';

/** What storing one article did. */
export type AddResult = 'added' | 'present' | 'replaced';

/** What storing each article of a batch did, or why it was not stored (the others still were). */
export type BatchResult = AddResult | Error;

export interface AddOptions {
  /** an article already stored has its facts deleted and stored again from this analysis (same transaction) */
  replace?: boolean;
}

export interface EventFilter {
  /** two ISO alpha-3 codes; matches either direction */
  dyad?: [string, string];
  /** an actor's name or part of it (source or target) */
  actor?: string;
  /** YYYY-MM-DD, inclusive, on the event's date */
  since?: string;
  until?: string;
  /** PLOVER type, e.g. CONSULT */
  type?: string;
  modality?: Modality;
  /** only events of these articles */
  articleIds?: readonly string[];
  limit?: number;
}

export interface QuoteFilter { speaker?: string; articleIds?: readonly string[]; limit?: number }

export interface EventActorRow { name: string; country: string | null; entity: string | null; actorId: number | null }

/** A stored event with its article and evidence. */
export interface EventRow extends Omit<Event, 'source' | 'target'> {
  articleId: string;
  articleTitle: string;
  published: string | null;
  url: string | null;
  source: EventActorRow;
  target: EventActorRow | null;
  /** the text of `sentence` */
  sentenceText: string;
}

export interface QuoteRow extends Quote {
  articleId: string;
  articleTitle: string;
  published: string | null;
  speakerActorId: number | null;
}

export interface ActorRow {
  id: number;
  name: string;
  type: EntityType;
  country: string | null;
  /** the latest role seen, by article date */
  role: string | null;
  articles: number;
  mentions: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface RoleSpan { role: string; country: string | null; from: string | null; to: string | null; articles: number }

export interface ActorDetail extends ActorRow {
  names: string[];
  roles: RoleSpan[];
  events: number;
  quotes: number;
}

/** An article as stored, with its facts rebuilt from the tables. */
export interface StoredArticle {
  article: ArticleRecord & { ingestedAt: string };
  entities: (Entity & { actorId: number | null })[];
  times: TimeExpr[];
  quotes: Quote[];
  events: Event[];
  relations: Relation[];
}

/** Dyad totals across the corpus. */
export interface DyadRow { dyad: [string, string]; articles: number; events: number; goldstein: number; direction: Relation['direction'] }

export interface SearchHit { id: string; title: string; published: string | null; snippet: string }

/** Full-text search with filters (all optional; at least words or one filter). Event filters match one event. */
export interface SearchQuery {
  /** words that must all appear in the title or text (no FTS syntax needed) */
  text?: string;
  /** the article names this actor (any known form of the name), or one of its events has it as source or target */
  actor?: string;
  /** ISO alpha-3: the article names an entity of this country or has an event with it as a party */
  country?: string;
  /** an event between these two countries, either direction */
  dyad?: [string, string];
  /** an event of this PLOVER type */
  type?: string;
  modality?: Modality;
  /** YYYY-MM-DD inclusive, on the publication date (and on the event's date when an event filter is given) */
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

/** A search result: the article, a snippet of the matching text, its story, and how many of its events match. */
export interface SearchResult extends SearchHit { source: string | null; url: string | null; story: string | null; events: number }

/** A story: near-duplicate articles (copies, syndicated edits, rewrites) grouped, with a three-sentence brief. */
export interface StoryRow {
  /** the id of the story's first stored article; stable as articles join */
  id: string;
  title: string;
  articles: number;
  articleIds: string[];
  first: string | null;
  last: string | null;
  topActors: { name: string; type: string; country: string | null; articles: number }[];
  brief: { articleId: string; start: number; end: number; text: string }[];
}

export interface StoryFilter {
  /** only stories with at least this many articles (default 1) */
  minArticles?: number;
  /** the stories of these articles */
  articleIds?: readonly string[];
  limit?: number;
  offset?: number;
}

/** One article in a listing, newest publication date first. */
export interface ArticleListRow { id: string; title: string; standfirst: string | null; published: string | null; source: string | null; url: string | null; ingestedAt: string; events: number; quotes: number }

export interface Counts { articles: number; entities: number; actors: number; mentions: number; times: number; quotes: number; events: number; relations: number }

export type ArticleLookup = { found: StoredArticle } | { found: null; matches: number };

/**
 * The store: every query the CLI and the HTTP API share. Asynchronous so that a PostgreSQL engine can follow;
 * the SQLite engine answers synchronously underneath.
 */
export interface Store {
  readonly engine: string;
  /**
   * Stores one analysed article and all its facts in one transaction; an article already present is left as is
   * ('present'), unless `replace` is set ('replaced').
   */
  addArticle(analysis: Analysis, opts?: AddOptions): Promise<AddResult>;
  /**
   * Stores many articles in one transaction where the engine can (fewer commits: faster), each article still all
   * of its facts or none; one article's failure is its result and does not stop the others.
   */
  addArticles(analyses: readonly Analysis[], opts?: AddOptions): Promise<BatchResult[]>;
  hasArticle(id: string): Promise<boolean>;
  /** by full id or an unambiguous prefix */
  article(idOrPrefix: string): Promise<ArticleLookup>;
  events(filter?: EventFilter): Promise<EventRow[]>;
  quotes(filter?: QuoteFilter): Promise<QuoteRow[]>;
  actors(filter?: { type?: string; limit?: number }): Promise<ActorRow[]>;
  /** actors matching a name, best match first */
  actor(name: string): Promise<ActorDetail[]>;
  /** dyads across the corpus, or across the given articles */
  dyads(filter?: { articleIds?: readonly string[] }): Promise<DyadRow[]>;
  /** relations per dyad and per day/week/month, each event counted once per story, planned events apart (relations.ts) */
  relations(query?: RelationsQuery): Promise<DyadSeries[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  // Corpus-level queries (issue 7). Optional while an engine has not implemented them yet (SQLite has).
  /** full-text search with filters (actor, country, dyad, event type, modality, dates), best match first */
  searchArticles?(query: SearchQuery): Promise<SearchResult[]>;
  /** stories (near-duplicate articles grouped), largest and latest first */
  stories?(filter?: StoryFilter): Promise<StoryRow[]>;
  /** the story of a stored article (null when it is not stored or not grouped yet) */
  storyOf?(articleId: string): Promise<string | null>;
  /** stored articles, newest publication date first */
  articles(filter?: { limit?: number; offset?: number }): Promise<ArticleListRow[]>;
  /** the analysis document of an article as it was stored (SCHEMA.md shape), by full id */
  analysis(id: string): Promise<Analysis | null>;
  counts(): Promise<Counts>;
  /** every event, flat, for export; streamed */
  exportRows(): AsyncIterable<ExportRow>;
  /**
   * Brings what is derived from the stored articles (their stories) up to date now, for other processes reading
   * the store; an engine that derives it as it writes has none. Reads in this process and `close` do it anyway.
   */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

/** One flat event row of an export: GDELT-like columns plus what dyad adds. */
export interface ExportRow {
  event_id: string;
  article_id: string;
  date: string | null;
  date_source: string | null;
  sqldate: string | null;
  actor1_name: string;
  actor1_country: string | null;
  actor1_actor_id: number | null;
  actor2_name: string | null;
  actor2_country: string | null;
  actor2_actor_id: number | null;
  event_code: string;
  event_root_code: string;
  quad_class: number | null;
  goldstein: number;
  plover_type: string;
  plover_mode: string | null;
  modality: string;
  confidence: number;
  location_name: string | null;
  location_country: string | null;
  trigger: string;
  trigger_start: number;
  trigger_end: number;
  sentence_start: number;
  sentence_end: number;
  source_url: string | null;
  published: string | null;
}
