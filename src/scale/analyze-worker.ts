// A worker thread of the analyzer pool: analyzes the articles it is sent and posts each analysis (its layers, or the
// error's message) back with the article's sequence number. Articles that arrive together are analyzed together, stage by
// stage (analyzeMany: each stage stays in the caches for the group), at most GROUP at a time, and their results go
// back in one message. Pure: no storage here.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../ingest/article.js';
import { analyzeGroup, GROUP } from './group.js';

/** json: post the whole analysis document as JSON text instead of its layers */
export interface Job { seq: number; article: Article; json?: boolean }


if (parentPort) {
  const port = parentPort;
  const queue: Job[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const jobs = queue.splice(0, GROUP);
    const results = analyzeGroup(jobs.map((j) => j.article));
    // one message for the group: each message costs both threads a wake-up and a clone of its own. An analysis goes
    // without its `article`, which the pool has (analysisArticle): the text need not be copied back; a job that asks
    // for JSON (AnalyzerPool.analyzeJson, for printing) gets the whole document as JSON text
    port.postMessage(jobs.map(({ seq, json }, i) => {
      const r = results[i];
      if (r instanceof Error) return { seq, error: r.message };
      if (json) return { seq, json: JSON.stringify(r) };
      const { article: _, ...layers } = r;
      return { seq, layers };
    }));
    if (queue.length && !scheduled) { scheduled = true; setImmediate(flush); }
  };
  port.on('message', (job: Job) => {
    queue.push(job);
    if (!scheduled) { scheduled = true; setImmediate(flush); }
  });
}
