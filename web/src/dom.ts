// Building the page from data: elements and text nodes only. Article data is untrusted, so nothing here ever
// parses HTML (no innerHTML, no insertAdjacentHTML): strings always become text nodes or attribute values.

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
    else if (/^on/i.test(k) || k === 'srcdoc' || k === 'style') throw new Error(`dom: attribute ${k} is not allowed`);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** An HTML element: h('a', { href: '#/x', class: 'y' }, 'text', child…) */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Only in-app hashes, same-site paths and http(s) URLs become links; anything else (javascript:, data:) goes nowhere. */
export function safeHref(href: string): string {
  if (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//'))) return href;
  try {
    const u = new URL(href);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch { /* not a URL */ }
  return '#';
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export const route = {
  dyad: (a: string, b: string) => `#/dyad/${encodeURIComponent(a)}-${encodeURIComponent(b)}`,
  actor: (name: string) => `#/actor/${encodeURIComponent(name)}`,
  article: (id: string, focus?: string) => `#/article/${encodeURIComponent(id)}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`,
};
