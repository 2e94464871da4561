import type { Article } from '../ingest/article.js';
import { createDocument, type Document } from './document.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import type { Analysis } from './schema.js';
import { segmentStage } from './sentences/index.js';
import { nerStage } from './ner/index.js';
import { entitiesStage } from './entities/index.js';
import { timesStage } from './times/index.js';
import { quotesStage } from './quotes/index.js';
import { eventsStage } from './events/index.js';
import { relationsStage } from './relations/index.js';
import { duplicatesStage } from './duplicates/index.js';
import { summaryStage } from './summary/index.js';

/** The stages of the analysis, in order; the order is checked when the pipeline is built. */
export const defaultPipeline: Pipeline = createPipeline([
  segmentStage,
  nerStage,
  entitiesStage,
  timesStage,
  quotesStage,
  eventsStage,
  duplicatesStage,
  relationsStage,
  summaryStage,
]);

/** Runs the pipeline and returns the layers of a document. */
export function analyzeDocument(article: Article, pipeline: Pipeline = defaultPipeline): Document {
  return pipeline.run(createDocument(article));
}

/** The analysis document of SCHEMA.md for one article. Pure: no storage, no network. */
export function analyze(article: Article, pipeline: Pipeline = defaultPipeline): Analysis {
  return toAnalysis(analyzeDocument(article, pipeline));
}

/**
 * The analyses of several articles at once, stage by stage across them (see Pipeline.runMany): each the same as
 * analyze(article) would give, or the error analyzing it threw. On one core groups of 8 and of 32 run as fast; on
 * several threads 8 leave the collector far less to do (src/scale/group.ts).
 */
export function analyzeMany(articles: readonly Article[], pipeline: Pipeline = defaultPipeline): (Analysis | Error)[] {
  return pipeline.runMany(articles.map((a) => createDocument(a))).map((d) => (d instanceof Error ? d : toAnalysis(d)));
}

/** The `article` of an analysis document: the article's own fields (its text, not its paragraphs), no story yet. */
export function analysisArticle(a: Article): Analysis['article'] {
  return { id: a.id, title: a.title, standfirst: a.standfirst, published: a.published, source: a.source, url: a.url, lang: a.lang, text: a.text, story: null };
}

export function toAnalysis(doc: Document): Analysis {
  return {
    article: analysisArticle(doc.article),
    sentences: [...(doc.sentences ?? [])],
    entities: [...(doc.entities ?? [])],
    times: [...(doc.times ?? [])],
    quotes: [...(doc.quotes ?? [])],
    events: [...(doc.events ?? [])],
    relations: [...(doc.relations ?? [])],
    duplicates: [...(doc.duplicates ?? [])],
    summary: [...(doc.summary ?? [])],
  };
}
