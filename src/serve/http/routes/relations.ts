import { createRoute, z } from '@hono/zod-openapi';
import { activeDyads, actorNetwork, previousPeriod, resolvePeriod } from '../activity.js';
import { CountsSchema, DyadActivitySchema, DyadParam, errors, EventRowSchema, json, NetworkSchema, Period, SeriesSchema } from '../schemas.js';
import { toSeries } from '../series.js';
import type { App, Deps } from './types.js';

const PeriodOut = z.object({ since: z.string(), until: z.string() });
const periodDoc = 'default: the 90 days up to the latest dated event between two countries in the store; events counted once per story';

const overview = createRoute({
  method: 'get', path: '/api/overview', tags: ['relations'], summary: 'The most active dyads of a period, rising and falling, and recent events',
  request: { query: z.object(Period) },
  responses: { ...json(z.object({ period: PeriodOut, counts: CountsSchema, dyads: z.array(DyadActivitySchema), recent: z.array(EventRowSchema) }), `the overview (${periodDoc})`), ...errors(400) },
});
const relations = createRoute({
  method: 'get', path: '/api/relations', tags: ['relations'], summary: 'Every dyad of the period with its activity and movement',
  request: { query: z.object(Period) },
  responses: { ...json(z.object({ period: PeriodOut, items: z.array(DyadActivitySchema) }), `dyads, most active first (${periodDoc})`), ...errors(400) },
});
const series = createRoute({
  method: 'get', path: '/api/relations/{dyad}/series', tags: ['relations'], summary: 'A dyad\'s cooperation/conflict series by week or month (either direction)',
  request: { params: z.object({ dyad: DyadParam }), query: z.object({ by: z.enum(['week', 'month']).optional().default('month'), ...Period }) },
  responses: { ...json(SeriesSchema, 'one point per period, gaps filled; planned events counted apart'), ...errors(400) },
});
const network = createRoute({
  method: 'get', path: '/api/network', tags: ['relations'], summary: 'Who interacts with whom: actors and their edges, coloured by cooperation/conflict',
  request: { query: z.object({ ...Period, dyad: DyadParam.optional(), nodes: z.coerce.number().int().optional().transform((n) => Math.min(150, Math.max(2, n ?? 60))) }) },
  responses: { ...json(NetworkSchema, 'the actor network of the period (all dates when none given)'), ...errors(400) },
});

export function register(app: App, { store }: Deps): void {
  /** the period asked for (or the default) and its dyads, most active first */
  const dyadsOf = async (since?: string, until?: string) => {
    const period = resolvePeriod(since && until ? [] : await store.relations(), since, until);
    const [current, previous] = await Promise.all([store.relations({ ...period }), store.relations({ ...previousPeriod(period) })]);
    return { period, dyads: activeDyads(current, previous) };
  };
  app.openapi(overview, async (c) => {
    const { since, until } = c.req.valid('query');
    const { period, dyads } = await dyadsOf(since, until);
    const recent = (await store.events({ ...period })).slice(-12).reverse();
    return c.json({ period, counts: await store.counts(), dyads: dyads.slice(0, 20), recent }, 200);
  });
  app.openapi(relations, async (c) => {
    const { since, until } = c.req.valid('query');
    const { period, dyads } = await dyadsOf(since, until);
    return c.json({ period, items: dyads }, 200);
  });
  app.openapi(series, async (c) => {
    const { dyad } = c.req.valid('param');
    const { by, since, until } = c.req.valid('query');
    const [s] = await store.relations({ dyad, by, since, until });
    return c.json(toSeries(dyad, by, s), 200);
  });
  app.openapi(network, async (c) => {
    const { since, until, dyad, nodes } = c.req.valid('query');
    return c.json(actorNetwork(await store.events({ since, until, dyad }), nodes), 200);
  });
}
