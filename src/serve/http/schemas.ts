// Parameters and responses of the API, declared once: they validate requests and write the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { normalizeDate } from '../../ingest/article.js';

export const MODALITIES = ['asserted', 'planned', 'reported', 'hypothetical', 'negated'] as const;
export const PAGE = { default: 50, max: 200 } as const;

export const DateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((v) => normalizeDate(v) === v, 'not a calendar date').openapi({ example: '2026-01-05' });

const DYAD_RE = /^([A-Za-z]{3})[-–:/_ ]([A-Za-z]{3})$/;
export const DyadParam = z.string().regex(DYAD_RE, 'expected two ISO alpha-3 country codes, like KOR-CHN')
  .transform((v) => { const m = DYAD_RE.exec(v)!; return [m[1].toUpperCase(), m[2].toUpperCase()] as [string, string]; })
  .openapi({ type: 'string', example: 'KOR-CHN' });

/** Page sizes out of range are clamped (1 … 200), not refused; a non-number is refused. */
export const Limit = z.coerce.number().int('expected a whole number').optional()
  .transform((n) => Math.min(PAGE.max, Math.max(1, n ?? PAGE.default)))
  .openapi({ type: 'integer', description: `page size, clamped to 1…${PAGE.max} (default ${PAGE.default})`, example: 50 });
export const Offset = z.coerce.number().int('expected a whole number').min(0).max(1_000_000).optional().default(0)
  .openapi({ type: 'integer', example: 0 });

export const Period = { since: DateParam.optional(), until: DateParam.optional() };

export const Page = <T extends z.ZodTypeAny>(item: T) => z.object({
  items: z.array(item), offset: z.number().int(), limit: z.number().int(), next: z.number().int().nullable().openapi({ description: 'offset of the next page, or null' }),
});

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
}).openapi('Error');

const Span = z.object({ start: z.number().int(), end: z.number().int() });
const TextSpan = Span.extend({ text: z.string() });
const Side = z.object({ entity: z.string().nullable(), name: z.string(), country: z.string().nullable() });
const StoredSide = Side.extend({ actorId: z.number().int().nullable() });
const Direction = z.enum(['cooperative', 'conflictual', 'mixed']);

export const EventSchema = z.object({
  id: z.string(), type: z.string(), mode: z.string().nullable(), cameo: z.string(), goldstein: z.number(),
  source: Side, target: Side.nullable(), location: z.object({ name: z.string().nullable(), country: z.string().nullable() }).nullable(),
  date: z.string().nullable(), dateSource: z.enum(['text', 'published']).nullable(), modality: z.enum(MODALITIES),
  sentence: Span, trigger: TextSpan, confidence: z.number(),
}).openapi('Event');

export const EventRowSchema = EventSchema.extend({
  source: StoredSide, target: StoredSide.nullable(),
  articleId: z.string(), articleTitle: z.string(), published: z.string().nullable(), url: z.string().nullable(), sentenceText: z.string(),
}).openapi('StoredEvent');

export const QuoteSchema = TextSpan.extend({ speaker: z.string().nullable(), speakerName: z.string().nullable(), cue: TextSpan.nullable() }).openapi('Quote');
export const QuoteRowSchema = QuoteSchema.extend({
  articleId: z.string(), articleTitle: z.string(), published: z.string().nullable(), speakerActorId: z.number().int().nullable(),
}).openapi('StoredQuote');

const EntityType = z.enum(['PERSON', 'ORGANIZATION', 'LOCATION', 'COUNTRY', 'OTHER']);
export const ActorSchema = z.object({
  id: z.number().int(), name: z.string(), type: EntityType, country: z.string().nullable(), role: z.string().nullable(),
  articles: z.number().int(), mentions: z.number().int(), firstSeen: z.string().nullable(), lastSeen: z.string().nullable(),
}).openapi('Actor');
export const ActorDetailSchema = ActorSchema.extend({
  names: z.array(z.string()),
  roles: z.array(z.object({ role: z.string(), country: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable(), articles: z.number().int() })),
  events: z.number().int(), quotes: z.number().int(),
}).openapi('ActorDetail');

export const ArticleRecord = z.object({
  id: z.string(), title: z.string(), standfirst: z.string().nullable(), published: z.string().nullable(),
  source: z.string().nullable(), url: z.string().nullable(), lang: z.string(), text: z.string(),
}).openapi('ArticleRecord');
export const ArticleListRow = z.object({
  id: z.string(), title: z.string(), standfirst: z.string().nullable(), published: z.string().nullable(), source: z.string().nullable(),
  url: z.string().nullable(), ingestedAt: z.string(), events: z.number().int(), quotes: z.number().int(),
}).openapi('ArticleListItem');
export const SearchHit = z.object({
  id: z.string(), title: z.string(), published: z.string().nullable(), snippet: z.string(),
  source: z.string().nullable().optional(), url: z.string().nullable().optional(), story: z.string().nullable().optional(),
  events: z.number().int().optional().openapi({ description: 'events of the article matching the event filters' }),
}).openapi('SearchHit');
export const StorySchema = z.object({
  id: z.string().openapi({ description: 'the id of the story\'s first stored article' }), title: z.string(), articles: z.number().int(), articleIds: z.array(z.string()),
  first: z.string().nullable(), last: z.string().nullable(),
  topActors: z.array(z.object({ name: z.string(), type: z.string(), country: z.string().nullable(), articles: z.number().int() })),
  brief: z.array(z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })),
}).openapi('Story');

const Entity = z.object({
  id: z.string(), name: z.string(), type: EntityType, country: z.string().nullable(), role: z.string().nullable(),
  aliases: z.array(z.string()), mentions: z.array(TextSpan),
});
const Relation = z.object({ dyad: z.tuple([z.string(), z.string()]), events: z.number().int(), goldstein: z.number(), direction: Direction, eventIds: z.array(z.string()) });
export const StoredArticleSchema = z.object({
  article: ArticleRecord.extend({ ingestedAt: z.string() }),
  entities: z.array(Entity.extend({ actorId: z.number().int().nullable() })),
  times: z.array(TextSpan.extend({ type: z.string(), value: z.string(), unresolved: z.boolean().optional() })),
  quotes: z.array(QuoteSchema), events: z.array(EventSchema), relations: z.array(Relation),
}).openapi('StoredArticle');
export const AnalysisSchema = z.object({
  article: ArticleRecord,
  sentences: z.array(Span.extend({ paragraph: z.number().int() })),
  entities: z.array(Entity),
  times: z.array(TextSpan.extend({ type: z.string(), value: z.string(), unresolved: z.boolean().optional() })),
  quotes: z.array(QuoteSchema), events: z.array(EventSchema), relations: z.array(Relation),
  duplicates: z.array(z.object({ a: Span, b: Span, similarity: z.number() })),
  summary: z.array(TextSpan),
}).openapi('Analysis', { description: 'the analysis document of SCHEMA.md' });

export const DyadActivitySchema = z.object({
  dyad: z.tuple([z.string(), z.string()]), events: z.number().int(), planned: z.number().int(), goldstein: z.number(), direction: Direction.nullable(),
  trend: z.number().openapi({ description: 'Goldstein sum of the period minus that of the period of the same length before it' }),
  movement: z.enum(['rising', 'falling', 'steady']),
}).openapi('DyadActivity');
export const SeriesSchema = z.object({
  dyad: z.tuple([z.string(), z.string()]), by: z.enum(['week', 'month']), undated: z.number().int(),
  total: z.object({ events: z.number().int(), planned: z.number().int(), goldstein: z.number(), articles: z.number().int(), stories: z.number().int() }),
  points: z.array(z.object({ period: z.string(), events: z.number().int(), cooperative: z.number().int(), conflictual: z.number().int(), goldstein: z.number(), planned: z.number().int() })),
}).openapi('DyadSeries');
export const NetworkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), country: z.string().nullable(), actorId: z.number().int().nullable(), events: z.number().int() })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), events: z.number().int(), goldstein: z.number(), direction: Direction })),
}).openapi('Network');
export const CountsSchema = z.object({
  articles: z.number().int(), entities: z.number().int(), actors: z.number().int(), mentions: z.number().int(), times: z.number().int(),
  quotes: z.number().int(), events: z.number().int(), relations: z.number().int(),
}).openapi('Counts');
export const IngestResultSchema = z.object({
  added: z.number().int(), present: z.number().int(), failed: z.number().int(), ids: z.array(z.string()),
  items: z.array(z.object({
    item: z.number().int().openapi({ description: '1-based line (JSONL) or array index + 1' }),
    status: z.enum(['added', 'present', 'failed']), id: z.string().optional(),
    problems: z.array(z.object({ code: z.string(), message: z.string() })),
  })),
}).openapi('IngestResult');

type ErrorCode = 400 | 404 | 409 | 413 | 415 | 422 | 429 | 501;
type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof ErrorBody } } };
/** The usual error responses of a route (429 always), for the document and for the handlers' types. */
export function errors<C extends ErrorCode>(...codes: C[]): { [K in C | 429]: ErrorResponse } {
  return Object.fromEntries([...codes, 429].map((code) => [code, { description: ERROR_TEXT[code as ErrorCode], content: { 'application/json': { schema: ErrorBody } } }])) as { [K in C | 429]: ErrorResponse };
}
const ERROR_TEXT = { 501: 'not available on this store engine', 400: 'invalid parameters', 404: 'not found', 409: 'ambiguous id prefix', 413: 'body too large', 415: 'unsupported body type', 422: 'nothing in the batch could be stored', 429: 'too many requests (see Retry-After)' } as const;
export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });
