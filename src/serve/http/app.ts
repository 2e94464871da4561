import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../../store/store.js';
import { apiError, ERROR } from './errors.js';
import { originGuard, rateLimit, securityHeaders, type RateLimit } from './guard.js';
import * as actors from './routes/actors.js';
import * as articles from './routes/articles.js';
import * as events from './routes/events.js';
import * as ingest from './routes/ingest.js';
import * as relations from './routes/relations.js';
import type { Deps } from './routes/types.js';
import { defaultWebRoot, serveDashboard } from './static.js';

export interface AppOptions {
  store: Store;
  /** the address the server listens on: on a loopback address only loopback Host headers are served */
  host?: string;
  /** the dashboard's built files; default dist/web of this package */
  webRoot?: string | null;
  /** largest ingest body in bytes (default 5 MB) */
  maxBody?: number;
  /** most articles in one ingest request (default 1000) */
  maxBatch?: number;
  /** per client address (defaults: 600 API requests a minute, 60 ingests a minute) */
  rateLimit?: { api?: RateLimit; ingest?: RateLimit };
  /** where internal errors are logged (default stderr) */
  log?: (message: string) => void;
}

/** The HTTP API and the dashboard as one Hono app; `fetch` it in process or serve it (`server.ts`). */
export function createApp(opts: AppOptions): OpenAPIHono {
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const deps: Deps = { store: opts.store, maxBody: opts.maxBody ?? 5 * 1024 * 1024, maxBatch: opts.maxBatch ?? 1000 };
  const app = new OpenAPIHono({
    // invalid parameters: 400 with each problem named, in the API's one error shape
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return apiError(c, 400, ERROR.badRequest, issues.map((i) => `${i.path || 'request'}: ${i.message}`).join('; '), issues);
    },
  });

  app.use('*', securityHeaders);
  app.use('*', originGuard(opts.host ?? '127.0.0.1'));
  app.use('/api/*', rateLimit(opts.rateLimit?.api ?? { max: 600, windowMs: 60_000 }, 'API'));
  app.use('/api/ingest', rateLimit(opts.rateLimit?.ingest ?? { max: 60, windowMs: 60_000 }, 'ingest'));

  for (const routes of [articles, events, actors, relations, ingest]) routes.register(app, deps);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'dyad', version: '0.1.0', description: 'Events, quotes, actors and dyad relations read from news articles, each with its evidence. Errors: { "error": { "code", "message", "issues"? } }.' },
  });

  app.use('*', serveDashboard(opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot));
  app.notFound((c) => apiError(c, 404, ERROR.notFound, c.req.path.startsWith('/api/') ? 'no such API route (see /api/openapi.json)' : 'not found'));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) return apiError(c, err.status as 400, ERROR.badRequest, err.message || 'bad request');
    log(`dyad serve: internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return apiError(c, 500, ERROR.internal, 'internal error');
  });
  return app;
}
