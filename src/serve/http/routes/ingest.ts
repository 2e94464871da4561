import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { analyze } from '../../../analyze/index.js';
import { readJsonRecord } from '../../../ingest/jsonl.js';
import { isError } from '../../../ingest/problem.js';
import { apiError, ERROR } from '../errors.js';
import { DateParam, errors, IngestResultSchema, json } from '../schemas.js';
import type { App, Deps } from './types.js';

type Item = z.infer<typeof IngestResultSchema>['items'][number];

const Record = z.object({
  title: z.string(), text: z.union([z.string(), z.array(z.string())]).optional(), body: z.union([z.string(), z.array(z.string())]).optional(),
  published: z.string().optional(), url: z.string().optional(), source: z.string().optional(), standfirst: z.string().optional(),
}).openapi('ArticleInput', { description: 'one article, as a line of a JSONL file: "text" or "body" is required' });

const JSONL = /^application\/(x-ndjson|jsonl|x-jsonlines|jsonlines)\b/i;

export function register(app: App, { store, maxBody, maxBatch }: Deps): void {
  app.openAPIRegistry.registerPath({
    method: 'post', path: '/api/ingest', tags: ['ingest'],
    summary: `Analyze and store one article (JSON object), several (JSON array) or a JSON Lines batch (application/x-ndjson); at most ${maxBatch} articles and ${maxBody} bytes`,
    request: {
      query: z.object({ published: DateParam.optional().openapi({ description: 'publication date for articles that carry none' }) }),
      body: { required: true, content: { 'application/json': { schema: z.union([Record, z.array(Record)]) }, 'application/x-ndjson': { schema: z.string() } } },
    },
    responses: { ...json(IngestResultSchema, 'what happened to each item; an article already stored is "present"'), ...errors(400, 413, 415, 422) },
  });

  app.post('/api/ingest', bodyLimit({ maxSize: maxBody, onError: (c) => apiError(c, 413, ERROR.tooLarge, `the body is over ${maxBody} bytes`) }), async (c) => {
    const published = c.req.query('published');
    if (published !== undefined && !DateParam.safeParse(published).success) return apiError(c, 400, ERROR.badRequest, 'published: expected a date as YYYY-MM-DD', [{ path: 'published', message: 'expected a date as YYYY-MM-DD' }]);
    const type = c.req.header('content-type') ?? '';
    let lines: string[];
    if (JSONL.test(type)) {
      lines = (await c.req.text()).split(/\r?\n/);
    } else if (/^application\/json\b/i.test(type)) {
      let value: unknown;
      try { value = JSON.parse(await c.req.text()); } catch { return apiError(c, 400, ERROR.badRequest, 'the body is not valid JSON'); }
      lines = (Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(v));
    } else {
      return apiError(c, 415, ERROR.unsupported, 'send application/json (an article or an array of articles) or application/x-ndjson (one article a line)');
    }
    const numbered = lines.map((line, i) => ({ line, item: i + 1 })).filter((l) => l.line.trim() !== '');
    if (numbered.length === 0) return apiError(c, 400, ERROR.badRequest, 'the body holds no article');
    if (numbered.length > maxBatch) return apiError(c, 413, ERROR.tooLarge, `at most ${maxBatch} articles in one request`);

    const out = { added: 0, present: 0, failed: 0, ids: [] as string[], items: [] as Item[] };
    for (const { line, item } of numbered) {
      const got = readJsonRecord(line, item, { source: 'api', published: published ?? null });
      const problems = got.problems.map((p) => ({ code: p.code, message: p.message }));
      if (!got.article || got.problems.some(isError)) { out.failed++; out.items.push({ item, status: 'failed', problems }); continue; }
      const { article } = got;
      try {
        const status = (await store.hasArticle(article.id)) ? 'present' : await store.addArticle(analyze(article));
        const s = status === 'added' ? 'added' : 'present';
        out[s]++;
        out.ids.push(article.id);
        out.items.push({ item, status: s, id: article.id, problems });
      } catch (err) {
        console.error(`dyad serve: ingest item ${item}: ${(err as Error).stack ?? err}`);
        out.failed++;
        out.items.push({ item, status: 'failed', id: article.id, problems: [...problems, { code: 'E_ANALYZE', message: 'this article could not be analyzed or stored' }] });
      }
    }
    return c.json(out, out.ids.length === 0 ? 422 : 200);
  });
}
