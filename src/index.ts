// dyad's library: the pure analysis, the readers, and the store.
export { analyze, analyzeDocument, analyzeMany, defaultPipeline, toAnalysis } from './analyze/index.js';
export { makeArticle, type Article, type ArticleInput } from './ingest/article.js';
export { readPlainText } from './ingest/plaintext.js';
export { readFile, readPaths, collect, type IngestItem, type ReadOptions } from './ingest/read.js';
export { formatProblem, type Problem } from './ingest/problem.js';
export { openStore } from './store/index.js';
export type * from './store/index.js';
export type * from './analyze/schema.js';
