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
  /** for a name preceded by its title, the index of the title-bearing span start */
  sentence: number;
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
