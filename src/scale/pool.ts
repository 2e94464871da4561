import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analysisArticle, analyze } from '../analyze/index.js';
import type { Analysis } from '../analyze/schema.js';
import { findRoot } from '../analyze/lexicon/root.js';
import type { Article } from '../ingest/article.js';
import { analyzeGroup, GROUP } from './group.js';

/**
 * The number of analyzer threads `dyad ingest` uses by default: $DYAD_WORKERS, else one per core but one, whose
 * core the main thread keeps busy reading and writing (every core is used; on two cores, two analyzer threads
 * beside the writer stored fewer articles per second than one).
 */
export function defaultWorkers(env: Record<string, string | undefined> = {}, cores = availableParallelism()): number {
  const n = Number(env.DYAD_WORKERS);
  return env.DYAD_WORKERS && Number.isInteger(n) && n >= 0 ? n : Math.max(1, cores - 1);
}

/** The compiled worker script: beside this file when running from dist/, else the build of it (tests run from src/). */
export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(here, '..', 'analyze-worker.js');
  return join(findRoot(), 'dist', 'src', 'scale', 'analyze-worker.js');
}

/**
 * The heap of one analyzer thread, in MB: old and young generation. V8 sizes a capped thread's young generation
 * from its old one (a few MB for 160), and grows a small old generation by a small factor: a group of articles
 * then outlives its scavenges, is promoted, and the thread ran five times as many full collections as the main
 * thread does for the same work (helper threads marking the whole heap each time). With 32 MB of young generation
 * most of a group dies young, and 220 MB of old generation leaves room to promote a full young generation. Measured
 * on BBC articles with two analyzer threads: 3–5% less CPU than 160/default for 10–15 MB more resident memory per
 * thread (300/64 saved 7% but cost 40–80 MB a thread: past the 500 MB an ingest on two threads may use).
 */
export const THREAD_HEAP_MB = 220;
export const THREAD_YOUNG_MB = 32;

/** json: the thread posts the whole analysis document as JSON text (analyzeJson) */
interface Pending { resolve(a: Analysis | string): void; reject(e: Error): void; article?: Article; retried?: boolean; json?: boolean }
interface Slot { worker: Worker; pending: Map<number, Pending>; dead: boolean }

export interface PoolOptions {
  /**
   * The calling thread analyzes too, a group at a time between its other work, whenever its queue is shorter than
   * the least busy thread's: for a caller with little else to do (`dyad analyze --workers N` only prints). Its
   * articles cross no thread boundary (no copy each way). Analyses come back the same.
   */
  inline?: boolean;
}

/**
 * Analyzes articles on `size` worker threads (node:worker_threads); `size` 0 analyzes on the calling thread.
 * Each call resolves with that article's analysis or rejects with the analysis error; the caller bounds how many
 * are in flight. A worker that dies is replaced and its articles in hand are sent to the new one, once.
 */
export class AnalyzerPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;
  private readonly inline: boolean;
  /** the calling thread's own queue (inline) */
  private readonly here: { article: Article; p: Pending }[] = [];
  private hereScheduled = false;

  constructor(readonly size: number = defaultWorkers(), opts: PoolOptions = {}) {
    this.inline = (opts.inline ?? false) && size > 0;
    if (size > 0 && !existsSync(workerScript())) throw new Error(`E_WORKER: ${workerScript()} is missing (run npm run build)`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // a capped old generation makes each thread collect early: resident memory stays near what it needs (models,
    // lexicons, caches: well under the cap); a thread that reaches it dies and is replaced (see fail)
    const slot: Slot = { worker: new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB } }), pending: new Map(), dead: false };
    // a worker posts the results of a group of articles together
    slot.worker.on('message', (results: { seq: number; layers?: Omit<Analysis, 'article'>; json?: string; error?: string }[]) => {
      for (const m of results) {
        const p = slot.pending.get(m.seq);
        if (!p) continue;
        slot.pending.delete(m.seq);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else if (m.json !== undefined) p.resolve(m.json);
        else p.resolve((p.article ? { article: analysisArticle(p.article), ...m.layers } : m.layers) as Analysis);
      }
    });
    const fail = (err: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      const pending = [...slot.pending.values()];
      slot.pending.clear();
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
      // the articles in hand go to the new thread once (a thread that ran out of memory starts afresh); a second
      // failure is the article's
      for (const p of pending) {
        if (p.article && !p.retried && !this.closed) this.dispatch(p.article, { ...p, retried: true });
        else p.reject(err);
      }
    };
    slot.worker.on('error', (err) => fail(new Error(`E_WORKER: a worker thread failed: ${err.message}`)));
    slot.worker.on('exit', (code) => fail(new Error(`E_WORKER: a worker thread exited (${code})`)));
    return slot;
  }

  /** Resolves once every worker has loaded the models and analyzed a first article (for timing the steady state). */
  async warm(article: Article): Promise<void> {
    if (this.size === 0) { analyze(article); return; }
    await Promise.all(this.slots.map((slot, i) => new Promise<void>((resolve, reject) => {
      const seq = this.seq++;
      slot.pending.set(seq, { resolve: () => resolve(), reject });
      slot.worker.postMessage({ seq, article: { ...article, id: `${article.id}-${i}` } });
    })));
  }

  /** Articles being analyzed right now. */
  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.pending.size, this.here.length);
  }

  analyze(article: Article): Promise<Analysis> {
    if (this.closed) return Promise.reject(new Error('E_WORKER: the pool is closed'));
    if (this.size === 0) {
      // on this thread, one at a time: a stop signal seen during an analysis stops the reading right after it
      try { return Promise.resolve(analyze(article)); } catch (err) { return Promise.reject(err as Error); }
    }
    return new Promise<Analysis>((resolve, reject) => this.dispatch(article, { resolve: resolve as (a: Analysis | string) => void, reject, article }));
  }

  /**
   * The analysis document as JSON text, as JSON.stringify(analyze(article)) gives it: made on the thread, so that
   * printing it (`dyad analyze --jsonl --workers N`) costs this thread a copy of the string, not a clone of the
   * analysis and a stringify.
   */
  analyzeJson(article: Article): Promise<string> {
    if (this.closed) return Promise.reject(new Error('E_WORKER: the pool is closed'));
    if (this.size === 0) {
      try { return Promise.resolve(JSON.stringify(analyze(article))); } catch (err) { return Promise.reject(err as Error); }
    }
    return new Promise<string>((resolve, reject) => this.dispatch(article, { resolve: resolve as (a: Analysis | string) => void, reject, article, json: true }));
  }

  /** Sends an article to the least busy thread (this one too, when inline). */
  private dispatch(article: Article, p: Pending): void {
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    if (this.inline && this.here.length < slot.pending.size) {
      this.here.push({ article, p });
      if (!this.hereScheduled) { this.hereScheduled = true; setImmediate(this.analyzeHere); }
      return;
    }
    const seq = this.seq++;
    slot.pending.set(seq, p);
    // its paragraphs stay here: the analysis reads its text
    slot.worker.postMessage({ seq, article: { ...article, body: [] }, ...(p.json ? { json: true } : {}) });
  }

  /** A group of this thread's queue, stage by stage as the threads do; the event loop runs between groups. */
  private readonly analyzeHere = (): void => {
    this.hereScheduled = false;
    const jobs = this.here.splice(0, GROUP);
    const results = analyzeGroup(jobs.map((j) => j.article));
    jobs.forEach(({ p }, i) => {
      const r = results[i];
      if (r instanceof Error) p.reject(r);
      else p.resolve(p.json ? JSON.stringify(r) : r);
    });
    if (this.here.length && !this.hereScheduled) { this.hereScheduled = true; setImmediate(this.analyzeHere); }
  };

  async close(): Promise<void> {
    this.closed = true;
    for (const { p } of this.here.splice(0)) p.reject(new Error('E_WORKER: the pool is closed'));
    await Promise.all(this.slots.map(async (s) => { s.dead = true; await s.worker.terminate(); }));
  }
}
