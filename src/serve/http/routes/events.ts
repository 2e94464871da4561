import { createRoute, z } from '@hono/zod-openapi';
import { DyadParam, errors, EventRowSchema, json, Limit, MODALITIES, Offset, Page, Period, QuoteRowSchema } from '../schemas.js';
import { paged, type App, type Deps } from './types.js';

const ArticleId = z.string().regex(/^[0-9a-f]{64}$/, 'expected a full article id').optional();

export const EventQuery = z.object({
  dyad: DyadParam.optional(),
  actor: z.string().min(1).max(200).optional().openapi({ description: 'source or target actor, any part of the name', example: 'Xi Jinping' }),
  ...Period,
  type: z.string().regex(/^[A-Za-z_]{2,20}$/, 'expected a PLOVER type, like CONSULT').optional(),
  modality: z.enum(MODALITIES).optional(),
  article: ArticleId,
  limit: Limit, offset: Offset,
});

const events = createRoute({
  method: 'get', path: '/api/events', tags: ['events'], summary: 'Stored events with their evidence, filtered as in `dyad events`, paginated',
  request: { query: EventQuery },
  responses: { ...json(Page(EventRowSchema), 'a page of events, by date'), ...errors(400) },
});
const quotes = createRoute({
  method: 'get', path: '/api/quotes', tags: ['quotes'], summary: 'Stored quotes with their speakers, paginated',
  request: { query: z.object({ speaker: z.string().min(1).max(200).optional(), article: ArticleId, limit: Limit, offset: Offset }) },
  responses: { ...json(Page(QuoteRowSchema), 'a page of quotes'), ...errors(400) },
});

export function register(app: App, { store }: Deps): void {
  app.openapi(events, async (c) => {
    const { limit, offset, article, ...f } = c.req.valid('query');
    return c.json(await paged(limit, offset, (n) => store.events({ ...f, ...(article ? { articleIds: [article] } : {}), limit: n })), 200);
  });
  app.openapi(quotes, async (c) => {
    const { limit, offset, speaker, article } = c.req.valid('query');
    return c.json(await paged(limit, offset, (n) => store.quotes({ speaker, ...(article ? { articleIds: [article] } : {}), limit: n })), 200);
  });
}
