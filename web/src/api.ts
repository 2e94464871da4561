// The API client: JSON in, typed values out; an error response becomes an ApiError with the server's message.
import type { ActorView, Analysis, Network, Overview, Page, EventRow, ArticleItem, SearchHit, Actor, Series, QuoteRow } from './types.js';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

type Params = Record<string, string | number | undefined | null>;

async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, String(v));
  const url = q.size ? `${path}?${q}` : path;
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'The server cannot be reached. Is "dyad serve" still running?');
  }
  const body = await res.json().catch(() => null) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `The server answered ${res.status}.`);
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  overview: (p: { since?: string; until?: string }, signal?: AbortSignal) => get<Overview>('/api/overview', p, signal),
  series: (dyad: string, by: 'week' | 'month', signal?: AbortSignal) => get<Series>(`/api/relations/${enc(dyad)}/series`, { by }, signal),
  events: (p: Params, signal?: AbortSignal) => get<Page<EventRow>>('/api/events', p, signal),
  quotes: (p: Params, signal?: AbortSignal) => get<Page<QuoteRow>>('/api/quotes', p, signal),
  articles: (p: Params, signal?: AbortSignal) => get<Page<ArticleItem>>('/api/articles', p, signal),
  search: (q: string, signal?: AbortSignal) => get<{ items: SearchHit[] }>('/api/search', { q, limit: 50 }, signal),
  analysis: (id: string, signal?: AbortSignal) => get<Analysis>(`/api/articles/${enc(id)}/analysis`, {}, signal),
  actors: (p: Params, signal?: AbortSignal) => get<Page<Actor>>('/api/actors', p, signal),
  actor: (name: string, signal?: AbortSignal) => get<ActorView>(`/api/actors/${enc(name)}`, {}, signal),
  network: (p: Params, signal?: AbortSignal) => get<Network>('/api/network', p, signal),
};
