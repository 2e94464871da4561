import { createRoute, z } from '@hono/zod-openapi';
import { apiError, ERROR } from '../errors.js';
import { AnalysisSchema, ArticleListRow, errors, json, Limit, Offset, Page, SearchHit, StoredArticleSchema } from '../schemas.js';
import { paged, type App, type Deps } from './types.js';

const Id = z.object({ id: z.string().regex(/^[0-9a-fA-F]{4,64}$/, 'expected an article id (at least 4 hex digits)').openapi({ example: '8590263499' }) });

const list = createRoute({
  method: 'get', path: '/api/articles', tags: ['articles'], summary: 'Stored articles, newest first',
  request: { query: z.object({ limit: Limit, offset: Offset }) },
  responses: { ...json(Page(ArticleListRow), 'a page of articles'), ...errors(400) },
});
const search = createRoute({
  method: 'get', path: '/api/search', tags: ['articles'], summary: 'Full-text search over titles and texts (all words must appear)',
  request: { query: z.object({ q: z.string().min(1, 'give some words to search for').max(500), limit: Limit }) },
  responses: { ...json(z.object({ items: z.array(SearchHit) }), 'matching articles, best first; the snippet marks matches with [ ]'), ...errors(400) },
});
const one = createRoute({
  method: 'get', path: '/api/articles/{id}', tags: ['articles'], summary: 'One article with its facts (an unambiguous id prefix is enough)',
  request: { params: Id },
  responses: { ...json(StoredArticleSchema, 'the article and its stored facts'), ...errors(400, 404, 409) },
});
const analysis = createRoute({
  method: 'get', path: '/api/articles/{id}/analysis', tags: ['articles'], summary: 'The analysis document of an article (SCHEMA.md shape)',
  request: { params: Id },
  responses: { ...json(AnalysisSchema, 'the analysis document as stored'), ...errors(400, 404, 409) },
});

export function register(app: App, { store }: Deps): void {
  app.openapi(list, async (c) => {
    const { limit, offset } = c.req.valid('query');
    return c.json(await paged(limit, offset, (n) => store.articles({ limit: n })), 200);
  });
  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ items: await store.search(q, limit) }, 200);
  });
  app.openapi(one, async (c) => {
    const got = await store.article(c.req.valid('param').id);
    if (got.found) return c.json(got.found, 200);
    return got.matches > 1 ? apiError(c, 409, ERROR.ambiguous, 'this id prefix matches several articles; give more characters') : apiError(c, 404, ERROR.notFound, 'no article with this id');
  });
  app.openapi(analysis, async (c) => {
    const got = await store.article(c.req.valid('param').id);
    if (!got.found) return got.matches > 1 ? apiError(c, 409, ERROR.ambiguous, 'this id prefix matches several articles; give more characters') : apiError(c, 404, ERROR.notFound, 'no article with this id');
    const doc = await store.analysis(got.found.article.id);
    return doc ? c.json(doc, 200) : apiError(c, 404, ERROR.notFound, 'no article with this id');
  });
}
