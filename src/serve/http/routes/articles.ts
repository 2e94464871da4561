import { createRoute, z } from '@hono/zod-openapi';
import { apiError, ERROR } from '../errors.js';
import { AnalysisSchema, ArticleListRow, DyadParam, errors, json, Limit, MODALITIES, Offset, Page, Period, SearchHit, StoredArticleSchema, StorySchema } from '../schemas.js';
import { paged, type App, type Deps } from './types.js';

const Id = z.object({ id: z.string().regex(/^[0-9a-fA-F]{4,64}$/, 'expected an article id (at least 4 hex digits)').openapi({ example: '8590263499' }) });

const list = createRoute({
  method: 'get', path: '/api/articles', tags: ['articles'], summary: 'Stored articles, newest first',
  request: { query: z.object({ limit: Limit, offset: Offset }) },
  responses: { ...json(Page(ArticleListRow), 'a page of articles'), ...errors(400) },
});
const SearchQuery = z.object({
  q: z.string().max(500).optional().openapi({ description: 'words that must all appear in the title or text' }),
  actor: z.string().min(1).max(200).optional().openapi({ description: 'the article names this actor, or one of its events has it as a party' }),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO alpha-3 country code').optional(),
  dyad: DyadParam.optional(), type: z.string().regex(/^[A-Za-z_]{2,20}$/, 'expected a PLOVER type, like CONSULT').optional(),
  modality: z.enum(MODALITIES).optional(), ...Period, limit: Limit, offset: Offset,
}).refine((v) => Boolean(v.q?.trim() || v.actor || v.country || v.dyad || v.type || v.modality || v.since || v.until), { message: 'give some words to search for, or a filter', path: ['q'] });
const search = createRoute({
  method: 'get', path: '/api/search', tags: ['articles'], summary: 'Full-text search over titles and texts (all words must appear), with filters',
  request: { query: SearchQuery },
  responses: { ...json(z.object({ items: z.array(SearchHit) }), 'matching articles, best first; the snippet marks matches with [ ]'), ...errors(400) },
});
const stories = createRoute({
  method: 'get', path: '/api/stories', tags: ['articles'], summary: 'Stories: near-duplicate articles grouped, largest and latest first, with a brief',
  request: { query: z.object({
    min: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'only stories with at least this many articles' }),
    article: z.string().regex(/^[0-9a-f]{64}$/, 'expected a full article id').optional().openapi({ description: 'the story of this article' }),
    limit: Limit, offset: Offset,
  }) },
  responses: { ...json(Page(StorySchema), 'a page of stories'), ...errors(400, 501) },
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
    const { q, limit, offset, ...filters } = c.req.valid('query');
    const text = q?.trim() || undefined;
    if (store.searchArticles) {
      return c.json({ items: await store.searchArticles({ text, ...filters, country: filters.country?.toUpperCase(), limit, offset }) }, 200);
    }
    // an engine without filtered search: words only
    return c.json({ items: text ? (await store.search(text, offset + limit)).slice(offset) : [] }, 200);
  });
  app.openapi(stories, async (c) => {
    if (!store.stories) return apiError(c, 501, ERROR.notImplemented, `the ${store.engine} engine does not group stories yet`);
    const { min, article, limit, offset } = c.req.valid('query');
    return c.json(await paged(limit, offset, (n) => store.stories!({ minArticles: min, ...(article ? { articleIds: [article] } : {}), limit: n })), 200);
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
