// A worker thread of the analyzer pool: analyzes the articles it is sent, one at a time, and posts each analysis
// (or the error's message) back with the article's sequence number. Pure: no storage here.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze/index.js';
import type { Article } from '../ingest/article.js';

export interface Job { seq: number; article: Article }

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ seq, article }: Job) => {
    try {
      port.postMessage({ seq, analysis: analyze(article) });
    } catch (err) {
      port.postMessage({ seq, error: (err as Error)?.message ?? String(err) });
    }
  });
}
