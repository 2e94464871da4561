import { analyzeMany } from '../analyze/index.js';
import type { Analysis } from '../analyze/schema.js';
import type { Article } from '../ingest/article.js';

/**
 * Articles an analyzer thread analyzes together at most, stage by stage (`analyzeMany`). Every layer of a group stays
 * alive until the group's last stage has run, so a larger group outlives more of the thread's young-generation
 * collections: its objects are copied, then promoted, then marked by full collections on V8's helper threads. Two
 * analyzer threads on BBC articles (CPU of every thread of the process, per article, three runs each): groups of 32
 * spent 400–470 µs on the helper threads, groups of 8 100–250 µs, and the process peaked 30–40 MB lower (about 300
 * MB instead of 340); one pinned core ran as fast with 8 as with 32 (the stage-by-stage locality is kept).
 */
export const GROUP = 8;

/**
 * Up to GROUP articles analyzed together (analyzeMany), as the analyzer threads and an inline pool run them: each
 * article's analysis or its error; should the group itself fail, that error for each.
 */
export function analyzeGroup(articles: readonly Article[]): (Analysis | Error)[] {
  try {
    return analyzeMany(articles);
  } catch (err) {
    return articles.map(() => (err instanceof Error ? err : new Error(String(err))));
  }
}
