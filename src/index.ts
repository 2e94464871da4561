export { analyze, analyzeDocument, defaultPipeline } from './analyze/index.js';
export { makeArticle, type Article, type ArticleInput } from './ingest/article.js';
export { readPlainText } from './ingest/plaintext.js';
export type * from './analyze/schema.js';
