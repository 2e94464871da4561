import type { Article } from '../ingest/article.js';
import type { Duplicate, Entity, Event, Quote, Relation, Sentence, Span, TextSpan, TimeExpr, EntityType } from './schema.js';

/** One token of the text; `sentence` is the index of its sentence. */
export interface Token { start: number; end: number; text: string; sentence: number }

/** A span that names or describes something, before mentions are clustered into entities. */
export interface Mention extends TextSpan {
  /** name: a proper name; title: a role description ("the Chinese leader"); demonym: "South Korean"; pronoun: "he" */
  kind: 'name' | 'title' | 'demonym' | 'pronoun';
  type: EntityType;
  country: string | null;
  role: string | null;
  /** index of the sentence holding the mention */
  sentence: number;
  /** the whole titled phrase ("South Korean President Lee Jae Myung") when a name carries a title */
  full?: TextSpan;
  /** the role word is a head of state or government ("leader", "president") */
  leader?: boolean;
  /** "former", "late", "predecessor": the role is no longer held */
  former?: boolean;
  /** a qualifier of the role, such as "impeached" or "acting" */
  qualifier?: string;
  /** a relational description: "X's predecessor", "his counterpart"; possessor is a mention index */
  relation?: { noun: string; possessor: number | null };
  /** an indefinite description that names no one in particular ("a South Korean leader") */
  generic?: boolean;
  /** a place named as a place ("in Beijing"), not as its government ("Beijing's ban") */
  locative?: boolean;
  /** token index range [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * One immutable document that the stages of the pipeline enrich, one layer each.
 * A layer is absent until the stage that assigns it has run.
 */
export interface Document {
  readonly article: Article;
  readonly text: string;
  readonly paragraphs?: readonly Span[];
  readonly sentences?: readonly Sentence[];
  readonly tokens?: readonly Token[];
  /** BIO named-entity tags, one per token (PER, LOC, ORG, MISC) */
  readonly nerTags?: readonly string[];
  readonly mentions?: readonly Mention[];
  readonly entities?: readonly Entity[];
  /** for each mention index, the id of its entity (or null) */
  readonly mentionEntity?: readonly (string | null)[];
  readonly times?: readonly TimeExpr[];
  readonly quotes?: readonly Quote[];
  readonly events?: readonly Event[];
  readonly relations?: readonly Relation[];
  readonly duplicates?: readonly Duplicate[];
  readonly summary?: readonly TextSpan[];
}

export type Layer = Exclude<keyof Document, 'article' | 'text'>;

export function createDocument(article: Article): Document {
  return Object.freeze({ article, text: article.text });
}

/** Read a layer that a stage declared in `requires`; throws a coded programmer error if it is missing. */
export function layer<K extends Layer>(doc: Document, name: K): NonNullable<Document[K]> {
  const value = doc[name];
  if (value === undefined) throw new Error(`E_LAYER_MISSING: layer "${name}" has not been assigned yet`);
  return value as NonNullable<Document[K]>;
}

/** The text a span covers. */
export function spanText(doc: Document, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
