import { makeArticle } from '../ingest/article.js';
import { analyzeDocument } from './index.js';
import type { Document } from './document.js';

/** Analyzes lines of text as one article (first line the headline, the rest paragraphs): for tests and examples. */
export function analyzeLines(lines: string[], published: string | null = '2026-01-05'): Document {
  const [title, ...body] = lines;
  return analyzeDocument(makeArticle({ title, body, published }));
}

/** The entity a surface form belongs to. */
export function entityNamed(doc: Document, form: string) {
  return (doc.entities ?? []).find((e) => e.name === form || e.aliases.includes(form) || e.mentions.some((m) => m.text === form));
}
