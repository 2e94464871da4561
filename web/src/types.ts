// The shapes the HTTP API returns (see /api/openapi.json); kept apart from the server's code on purpose.

export type Modality = 'asserted' | 'planned' | 'reported' | 'hypothetical' | 'negated';
export type Direction = 'cooperative' | 'conflictual' | 'mixed';
export interface Span { start: number; end: number }
export interface TextSpan extends Span { text: string }
export interface Side { entity: string | null; name: string; country: string | null; actorId?: number | null }

export interface Event {
  id: string; type: string; mode: string | null; cameo: string; goldstein: number;
  source: Side; target: Side | null; location: { name: string | null; country: string | null } | null;
  date: string | null; dateSource: 'text' | 'published' | null; modality: Modality;
  sentence: Span; trigger: TextSpan; confidence: number;
}
export interface EventRow extends Event { articleId: string; articleTitle: string; published: string | null; url: string | null; sentenceText: string }
export interface Quote extends TextSpan { speaker: string | null; speakerName: string | null; cue: TextSpan | null }
export interface QuoteRow extends Quote { articleId: string; articleTitle: string; published: string | null; speakerActorId: number | null }
export interface Page<T> { items: T[]; offset: number; limit: number; next: number | null }

export interface Entity { id: string; name: string; type: string; country: string | null; role: string | null; aliases: string[]; mentions: TextSpan[] }
export interface TimeExpr extends TextSpan { type: string; value: string; unresolved?: boolean }
export interface Relation { dyad: [string, string]; events: number; goldstein: number; direction: Direction }
export interface Analysis {
  article: { id: string; title: string; standfirst: string | null; published: string | null; source: string | null; url: string | null; lang: string; text: string };
  sentences: (Span & { paragraph: number })[];
  entities: Entity[]; times: TimeExpr[]; quotes: Quote[]; events: Event[]; relations: Relation[];
  duplicates: { a: Span; b: Span; similarity: number }[];
  summary: TextSpan[];
}
export interface ArticleItem { id: string; title: string; standfirst: string | null; published: string | null; source: string | null; url: string | null; events: number; quotes: number }
export interface SearchHit { id: string; title: string; published: string | null; snippet: string }

export interface Actor { id: number; name: string; type: string; country: string | null; role: string | null; articles: number; mentions: number; firstSeen: string | null; lastSeen: string | null }
export interface ActorDetail extends Actor {
  names: string[]; roles: { role: string; country: string | null; from: string | null; to: string | null; articles: number }[]; events: number; quotes: number;
}
export interface ActorView { actor: ActorDetail; others: { id: number; name: string; country: string | null; type: string }[]; asSource: EventRow[]; asTarget: EventRow[]; quotes: QuoteRow[] }

export interface DyadActivity { dyad: [string, string]; events: number; planned: number; goldstein: number; direction: Direction | null; trend: number; movement: 'rising' | 'falling' | 'steady' }
export interface Counts { articles: number; entities: number; actors: number; quotes: number; events: number; relations: number }
export interface Overview { period: { since: string; until: string }; counts: Counts; dyads: DyadActivity[]; recent: EventRow[] }
export interface SeriesPoint { period: string; events: number; cooperative: number; conflictual: number; goldstein: number; planned: number }
export interface Series { dyad: [string, string]; by: 'week' | 'month'; points: SeriesPoint[]; undated: number; total: { events: number; planned: number; goldstein: number; articles: number; stories: number } }
export interface Network {
  nodes: { id: string; name: string; country: string | null; actorId: number | null; events: number }[];
  edges: { source: string; target: string; events: number; goldstein: number; direction: Direction }[];
}
