import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error shape of the API: `{ "error": { "code", "message", "issues"? } }`, never a stack trace. */
export interface ApiError { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

export const ERROR = {
  badRequest: 'E_BAD_REQUEST', // a parameter or the body is not valid
  notFound: 'E_NOT_FOUND', // no such route, article or actor
  ambiguous: 'E_AMBIGUOUS', // an id prefix that matches several articles
  tooLarge: 'E_TOO_LARGE', // the body is over the limit
  unsupported: 'E_UNSUPPORTED_MEDIA', // a body of a type the route does not read
  rateLimited: 'E_RATE_LIMITED', // too many requests; see Retry-After
  forbidden: 'E_FORBIDDEN', // a cross-site write or an unexpected Host
  nothingStored: 'E_NOTHING_STORED', // an ingest batch of which no item could be stored
  notImplemented: 'E_NOT_IMPLEMENTED', // the store engine does not offer this query yet
  internal: 'E_INTERNAL', // a bug: logged on the server, not described to the client
} as const;

export function apiError<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string, issues?: ApiError['error']['issues']) {
  const body: ApiError = { error: { code, message, ...(issues ? { issues } : {}) } };
  return c.json(body, status);
}
