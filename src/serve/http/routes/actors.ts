import { createRoute, z } from '@hono/zod-openapi';
import { apiError, ERROR } from '../errors.js';
import { ActorDetailSchema, ActorSchema, errors, EventRowSchema, json, Limit, Offset, Page, QuoteRowSchema } from '../schemas.js';
import { paged, type App, type Deps } from './types.js';

const list = createRoute({
  method: 'get', path: '/api/actors', tags: ['actors'], summary: 'Actors across articles, most seen first',
  request: { query: z.object({ type: z.enum(['PERSON', 'ORGANIZATION', 'LOCATION', 'COUNTRY', 'OTHER']).optional(), limit: Limit, offset: Offset }) },
  responses: { ...json(Page(ActorSchema), 'a page of actors'), ...errors(400) },
});
const one = createRoute({
  method: 'get', path: '/api/actors/{name}', tags: ['actors'], summary: 'The actor best matching a name: roles over time, events as source and target, quotes',
  request: { params: z.object({ name: z.string().min(1).max(200).openapi({ example: 'Xi Jinping' }) }) },
  responses: {
    ...json(z.object({
      actor: ActorDetailSchema,
      others: z.array(z.object({ id: z.number().int(), name: z.string(), country: z.string().nullable(), type: z.string() })).openapi({ description: 'other actors matching the name' }),
      asSource: z.array(EventRowSchema), asTarget: z.array(EventRowSchema), quotes: z.array(QuoteRowSchema),
    }), 'the actor'),
    ...errors(400, 404),
  },
});

const MAX = 500;

export function register(app: App, { store }: Deps): void {
  app.openapi(list, async (c) => {
    const { type, limit, offset } = c.req.valid('query');
    return c.json(await paged(limit, offset, (n) => store.actors({ type, limit: n })), 200);
  });
  app.openapi(one, async (c) => {
    const { name } = c.req.valid('param');
    const [actor, ...others] = await store.actor(name);
    if (!actor) return apiError(c, 404, ERROR.notFound, 'no actor with this name');
    const events = (await store.events({ actor: actor.name })).filter((e) => e.source.actorId === actor.id || e.target?.actorId === actor.id);
    const quotes = (await store.quotes({ speaker: actor.name })).filter((q) => q.speakerActorId === actor.id).slice(0, MAX);
    return c.json({
      actor, others: others.map(({ id, name: n, country, type }) => ({ id, name: n, country, type })),
      asSource: events.filter((e) => e.source.actorId === actor.id).slice(0, MAX),
      asTarget: events.filter((e) => e.target?.actorId === actor.id).slice(0, MAX),
      quotes,
    }, 200);
  });
}
