/**
 * Penn Treebank parse trees as given in PETRARCH records: `(ROOT (S (NP (NNP Arnor)) (VP …)))`.
 * The coder reads the words and part-of-speech tags from the leaves, and uses the constituents only to find a
 * verb's subject (the NP before its VP inside a clause) and the extent of its VP.
 */

export interface TreeNode { label: string; children: TreeNode[]; word: string | null; start: number; end: number; parent: TreeNode | null }
export interface Token { word: string; upper: string; pos: string | null }

export class TreeError extends Error { code = 'E_PETRARCH_PARSE'; }

export function parseTree(text: string): { root: TreeNode; tokens: Token[] } {
  const parts = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const tokens: Token[] = [];
  const node = (parent: TreeNode | null): TreeNode => {
    if (parts[i] !== '(') throw new TreeError(`expected "(" at item ${i}`);
    i++;
    const label = parts[i] !== '(' && parts[i] !== ')' ? parts[i++] : '';
    const n: TreeNode = { label, children: [], word: null, start: tokens.length, end: tokens.length, parent };
    while (i < parts.length && parts[i] !== ')') {
      if (parts[i] === '(') n.children.push(node(n));
      else {
        n.word = parts[i++];
        tokens.push({ word: n.word, upper: n.word.toUpperCase(), pos: label });
      }
    }
    if (parts[i] !== ')') throw new TreeError('unbalanced parentheses: the tree is not closed');
    i++;
    n.end = tokens.length;
    return n;
  };
  const root = node(null);
  if (i !== parts.length) throw new TreeError('unbalanced parentheses: text after the tree');
  return { root, tokens };
}

/** The preterminal (tag) node of leaf `k`. */
export function leafNode(root: TreeNode, k: number): TreeNode | null {
  let n = root;
  for (;;) {
    if (n.word !== null) return n;
    const c = n.children.find((x) => x.start <= k && k < x.end);
    if (!c) return null;
    n = c;
  }
}

const CLAUSE = /^(S|SQ|SINV|SBARQ)(-|$)/;

/**
 * The token span of the subject of the word at leaf `k`: climbing from it, the nearest NP before it inside a
 * clause; a VP that modifies a noun ("a woman believed linked to …") takes that noun; a prepositional phrase or
 * a clause inside a noun phrase ("after leaving X", "efforts to stop X") has no subject of its own.
 */
export function subjectSpan(root: TreeNode, k: number): [number, number] | null {
  let cur = leafNode(root, k);
  while (cur && cur.parent) {
    const p: TreeNode = cur.parent;
    const idx = p.children.indexOf(cur);
    if (CLAUSE.test(p.label)) {
      for (let j = idx - 1; j >= 0; j--) {
        const c = p.children[j];
        if (c.label.startsWith('NP')) return [c.start, c.end];
        // "Gondor launched … and [shelling …]": a clause without a subject shares the one of the clause before
        if (CLAUSE.test(cur.label) && CLAUSE.test(c.label)) {
          const np = c.children.find((x) => x.label.startsWith('NP'));
          if (np) return [np.start, np.end];
        }
      }
    } else if (p.label.startsWith('NP') && !cur.label.startsWith('NP')) {
      if (!cur.label.startsWith('VP')) return null;
      for (let j = idx - 1; j >= 0; j--) if (p.children[j].label.startsWith('NP')) return [p.children[j].start, p.children[j].end];
      return null;
    } else if (p.label.startsWith('PP') && !cur.label.startsWith('IN') && !cur.label.startsWith('TO')) return null;
    cur = p;
  }
  return null;
}

/** Whether the word at leaf `k` heads a verb phrase (a gerund inside a noun phrase does not). */
export function headsVerbPhrase(root: TreeNode, k: number): boolean {
  const n = leafNode(root, k);
  return !!n?.parent && /^(VP|S|SQ|SINV)/.test(n.parent.label);
}

/** The token span of the smallest VP holding leaf `k`. */
export function verbPhraseSpan(root: TreeNode, k: number): [number, number] | null {
  let cur = leafNode(root, k);
  while (cur && !cur.label.startsWith('VP')) cur = cur.parent;
  return cur ? [cur.start, cur.end] : null;
}

/** Tokens of plain text, Treebank-like: clitics (n't, 's) and punctuation apart; `_` joins nothing ("Dol_Amroth"). */
export function tokenizeText(text: string): Token[] {
  const words = text
    .replace(/_/g, ' ')
    .replace(/([a-z])n't\b/gi, "$1 n't")
    .replace(/(\w)('s|'S|’s)\b/g, '$1 $2')
    .replace(/([,;:!?()"])/g, ' $1 ')
    .replace(/\.(\s*)$/, ' .$1')
    .split(/\s+/)
    .filter(Boolean);
  return words.map((w) => ({ word: w, upper: w.toUpperCase(), pos: null }));
}
