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
  /** stored articles, newest publication date first */
  articles(filter?: { limit?: number; offset?: number }): Promise<ArticleListRow[]>;
  /** the analysis document of an article as it was stored (SCHEMA.md shape), by full id */
  analysis(id: string): Promise<Analysis | null>;
  counts(): Promise<Counts>;
  /** every event, flat, for export; streamed */
  exportRows(): AsyncIterable<ExportRow>;
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
