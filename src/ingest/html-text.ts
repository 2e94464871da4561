import { parseHTML } from 'linkedom';
import { normalizeLine } from './article.js';

/** Elements whose text is never content: scripts, styles, embedded objects, forms, hidden templates. */
export const INERT = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, form, button, select, textarea, input, title, head';

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'figure', 'figcaption', 'hr', 'br', 'address', 'center', 'body', 'html']);

// a DOM node as linkedom gives it (the project builds without the DOM library types)
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/**
 * The text of an element as paragraphs: one per block element (p, li, h2 …, or a run of inline text between
 * blocks), whitespace collapsed. Script, style and other inert elements are never read.
 */
export function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    const line = normalizeLine(dropTags(run).replace(/\s+/g, ' '));
    if (line) out.push(line);
    run = '';
  };
  const visit = (node: DomNode) => {
    if (node.nodeType === 3) { run += node.textContent ?? ''; return; }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toLowerCase();
    if (INERT.split(', ').includes(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i]);
    if (block) flush();
    else if (name === 'img') run += ' ';
  };
  visit(root);
  flush();
  return out;
}

/**
 * Removes what looks like markup from extracted text (a `<script>` written as text, an escaped `<img onerror>`):
 * news prose does not hold tags, and text that reaches the store must be clean whatever the page did.
 */
export function dropTags(s: string): string {
  return s.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<\/?[a-z][\w:-]*(\s[^<>]*)?\/?>|<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>/gi, ' ');
}

/** Parses an HTML fragment (a feed item's content, say) into paragraphs of clean text; nothing in it runs. */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return html.split(/\n\s*\n|\r?\n/).map((p) => normalizeLine(p.replace(/\s+/g, ' '))).filter(Boolean);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll(INERT)) el.remove();
  return paragraphsOf(document.body as unknown as DomNode);
}

/** Decodes the few character references a regex-read XML text holds (TimeML and the like). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'nbsp') return '\u00A0';
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
