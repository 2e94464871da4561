// What every response gets (security headers) and what every request passes (rate limit, Host and cross-site checks).
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { apiError, ERROR } from './errors.js';

/** A strict policy: only our own scripts and styles, no inline code, no framing, no plugins. */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('Content-Security-Policy', CSP);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Cross-Origin-Resource-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
};

export interface RateLimit { /** requests per window and client */ max: number; windowMs: number }

/** A fixed-window counter per client address: over the limit, 429 with Retry-After (seconds). */
export function rateLimit(limit: RateLimit, name: string): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = Date.now();
    let key = 'local';
    try { key = getConnInfo(c).remote.address ?? 'unknown'; } catch { /* in-process requests have no socket */ }
    let w = windows.get(key);
    if (!w || now - w.start >= limit.windowMs) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= limit.windowMs) windows.delete(k);
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    if (++w.count > limit.max) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((w.start + limit.windowMs - now) / 1000))));
      return apiError(c, 429, ERROR.rateLimited, `too many ${name} requests; try again later`);
    }
    await next();
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Bound to a loopback address, only loopback Host names are served (a DNS-rebinding page cannot read the API);
 * writes from another site are refused (Sec-Fetch-Site / Origin), so a web page cannot post articles.
 */
export function originGuard(host: string): MiddlewareHandler {
  const loopback = LOOPBACK.has(host);
  return async (c, next) => {
    const hostHeader = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    if (loopback && hostHeader && !LOOPBACK.has(hostHeader)) return apiError(c, 403, ERROR.forbidden, 'unexpected Host header');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const self = new URL(c.req.url).origin;
      if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== self && !sameHost(origin, c.req.header('host')))) {
        return apiError(c, 403, ERROR.forbidden, 'cross-site writes are not accepted');
      }
    }
    await next();
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try { return new URL(origin).host === host; } catch { return false; }
}
