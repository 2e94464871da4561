// The dashboard's built files (dist/web, made by `npm run build`), served from a list taken at start-up: only files
// that exist there can be asked for, so no path can reach outside it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.map': 'application/json', '.woff2': 'font/woff2',
};

/** dist/web of the package this file belongs to (from dist/src/serve/http or src/serve/http alike). */
export function defaultWebRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return existsSync(join(dir, 'dist', 'web', 'index.html')) ? join(dir, 'dist', 'web') : null;
    dir = dirname(dir);
  }
  return null;
}

function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set('/' + relative(root, path).split(sep).join('/'), path);
    }
  };
  walk(root);
  return files;
}

export function serveDashboard(root: string | null): MiddlewareHandler {
  const files = root ? listFiles(root) : new Map<string, string>();
  const cache = new Map<string, Buffer>();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = files.get(path);
    if (!file) {
      if (path === '/index.html') return c.text('The dashboard is not built: run "npm run build" (the API under /api works).', 503);
      return next();
    }
    let body = cache.get(file);
    if (!body) { body = readFileSync(file); cache.set(file, body); }
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    // hashed asset names never change; the page itself is always asked for again
    c.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(new Uint8Array(body), 200);
  };
}
