// The analysis document: the public contract of ../../shared/SCHEMA.md (add fields, never rename them).
// Offsets are [start, end) in UTF-16 code units of `article.text`.

export interface Span { start: number; end: number }
export interface TextSpan extends Span { text: string }

export interface ArticleRecord {
  id: string;
  title: string;
  standfirst: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  text: string;
  /** the story (near-duplicate articles grouped by the store) the article belongs to; null from the pure analysis */
  story?: string | null;
}

export interface Sentence extends Span { paragraph: number }

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'COUNTRY' | 'OTHER';

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  country: string | null;
  role: string | null;
  aliases: string[];
  mentions: TextSpan[];
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpr extends TextSpan {
  type: TimeType;
  /** TIMEX3-style value: 2026-01-05, 2025-11, 2013-W12, P4D, PAST_REF, … ; "XXXX-…" when it cannot be resolved. */
  value: string;
  /** true when the value depends on the publication date and none was given. */
  unresolved?: boolean;
}

export interface Quote extends TextSpan {
  speaker: string | null;
  speakerName: string | null;
  cue: TextSpan | null;
}

export type Modality = 'asserted' | 'planned' | 'reported' | 'hypothetical' | 'negated';

export interface EventActor { entity: string | null; name: string; country: string | null }

export interface Event {
  id: string;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  source: EventActor;
  target: EventActor | null;
  location: { name: string | null; country: string | null } | null;
  date: string | null;
  dateSource: 'text' | 'published' | null;
  modality: Modality;
  sentence: Span;
  trigger: TextSpan;
  confidence: number;
  /** which coder found it: dyad's own, or PETRARCH with the user's dictionaries (`--dictionaries DIR`) */
  coder?: 'dyad' | 'petrarch';
}

export type Direction = 'cooperative' | 'conflictual' | 'mixed';

export interface Relation {
  dyad: [string, string];
  events: number;
  goldstein: number;
  direction: Direction;
  /** ids of the events counted */
  eventIds: string[];
}

export interface Duplicate { a: Span; b: Span; similarity: number }

export interface Analysis {
  article: ArticleRecord;
  sentences: Sentence[];
  entities: Entity[];
  times: TimeExpr[];
  quotes: Quote[];
  events: Event[];
  relations: Relation[];
  duplicates: Duplicate[];
  summary: TextSpan[];
}
