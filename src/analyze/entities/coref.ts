import type { Mention } from '../document.js';
import type { Entity, EntityType } from '../schema.js';
import { lexicon, personCountry } from '../lexicon/index.js';
import { roleText } from './mentions.js';

/**
 * Within-article coreference: clusters mentions into entities. Names join the fuller name they are part of
 * ("Lee" → "Lee Jae Myung"), role descriptions join the person who holds the role ("the Chinese leader"),
 * relational descriptions join the person they describe ("his predecessor"), pronouns join the subject
 * of their sentence or of the last sentence that named a person, and country names, demonyms and seats of
 * government used for a government join their country.
 */
interface Cluster {
  id: string;
  type: EntityType;
  key: string | null;
  name: string;
  /** the words of the name, without honorifics; compared only for person clusters made by clusterForName (others have none) */
  nameTokens: string[];
  country: string | null;
  role: string | null;
  leader: boolean;
  relationKeys: string[];
  mentions: number[];
  hasName: boolean;
}

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr)\.?$/;
const SPACES = /\s+/;
const LEADING_THE = /^the /i;
const QUALIFIER = /\((.*)\)/;
const TRAILING_QUALIFIER = /\s*\(.*\)$/;

const isHonorific = (w: string) => HONORIFIC.test(w);
const isNotHonorific = (w: string) => !isHonorific(w);
/** The words of a name without honorifics (the split words themselves when there are none). */
function nameTokens(s: string): string[] {
  const words = s.split(SPACES);
  return words.some(isHonorific) ? words.filter(isNotHonorific) : words;
}
const NO_TOKENS: string[] = [];

export interface Coreference { entities: Entity[]; mentionEntity: (string | null)[] }

export function resolveEntities(text: string, mentions: readonly Mention[]): Coreference {
  const lex = lexicon();
  const clusters: Cluster[] = [];
  const of: (Cluster | null)[] = new Array(mentions.length).fill(null);
  const byKey = new Map<string, Cluster>();
  const newCluster = (type: EntityType, name: string, key: string | null, tokens: string[] = NO_TOKENS): Cluster => {
    const c: Cluster = { id: '', type, key, name, nameTokens: tokens, country: null, role: null, leader: false, relationKeys: [], mentions: [], hasName: false };
    clusters.push(c);
    if (key) byKey.set(key, c);
    return c;
  };
  const join = (c: Cluster, i: number) => {
    const m = mentions[i];
    of[i] = c;
    c.mentions.push(i);
    if (m.country && !c.country) c.country = m.country;
    if (m.role && (!c.role || (m.kind === 'name' && m.full && c.role === 'leader'))) c.role = m.role;
    if (m.leader) c.leader = true;
  };
  const personAt = (i: number) => (of[i] && of[i]!.type === 'PERSON' ? of[i] : null);

  // appositions: "Lee's predecessor, impeached president Yoon Suk Yeol," and "X, the Israeli prime minister,"
  const apposition = new Map<number, number>();
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    let j = i + 1;
    while (j < mentions.length && mentions[j].start < a.end) j++;
    const b = mentions[j];
    if (!b || a.sentence !== b.sentence || !isComma(text, a.end, b.full?.start ?? b.start)) continue;
    if (a.kind === 'title' && !a.generic && b.kind === 'name' && b.type === 'PERSON') apposition.set(i, j);
    else if (a.kind === 'name' && a.type === 'PERSON' && b.kind === 'title' && !b.relation && !b.generic) apposition.set(j, i);
  }
  // a single word that is part of a person's name is that person, whatever type the tagger gave it ("Lee's priorities")
  // (the words of each person's name are kept for clusterForName)
  const personWords = new Set<string>();
  const tokensOf = new Array<string[] | undefined>(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type === 'PERSON' && m.kind === 'name') for (const w of (tokensOf[i] = nameTokens(m.text))) personWords.add(w);
  }
  const forName = (i: number) => clusterForName(tokensOf[i] ?? nameTokens(mentions[i].text), clusters, newCluster);
  const typeOf = (m: Mention): EntityType => (m.kind === 'name' && (m.type === 'LOCATION' || m.type === 'ORGANIZATION') && m.country == null && !m.text.includes(' ') && personWords.has(m.text) ? 'PERSON' : m.type);

  const done = new Uint8Array(mentions.length);
  const handle = (i: number): void => {
    if (done[i]) return;
    done[i] = 1;
    const m = mentions[i];
    if (of[i]) return;
    // a relational description needs its possessor resolved first ("Lee's predecessor", "his predecessor")
    if (m.relation?.possessor != null) handle(m.relation.possessor);
    if (m.type === 'COUNTRY' && m.country) {
      const key = `C:${m.country}`;
      join(byKey.get(key) ?? newCluster('COUNTRY', lex.countryName.get(m.country) ?? m.text, key), i);
      byKey.get(key)!.hasName = true;
      return;
    }
    if (m.kind === 'pronoun') {
      const c = pronounAntecedent(mentions, i, personAt);
      if (c) join(c, i);
      return;
    }
    if (m.kind === 'title') {
      let c: Cluster | null = null;
      if (m.relation) {
        const owner = m.relation.possessor != null ? personAt(m.relation.possessor) : null;
        const rkey = owner ? `${m.relation.noun}:${owner.id || clusters.indexOf(owner)}` : null;
        c = rkey ? clusters.find((x) => x.relationKeys.includes(rkey)) ?? null : null;
        const appo = apposition.get(i);
        if (!c && appo != null) {
          c = forName(appo);
          join(c, appo);
        }
        if (!c && owner && m.relation.noun !== 'counterpart') c = newCluster('PERSON', m.text, null);
        if (c && rkey && !c.relationKeys.includes(rkey)) c.relationKeys.push(rkey);
        if (c && owner) {
          if (!c.country && (m.relation.noun === 'predecessor' || m.relation.noun === 'successor')) c.country = owner.country;
          if (m.relation.noun === 'predecessor' && owner.role) {
            const base = c.role ?? owner.role;
            c.role = base.startsWith('former') ? base : roleText(base.replace(TRAILING_QUALIFIER, ''), true, QUALIFIER.exec(base)?.[1]);
          }
        }
      } else if (m.generic) {
        return;
      } else {
        const appo = apposition.get(i);
        if (appo != null) {
          c = of[appo] ?? forName(appo);
          if (!of[appo]) join(c, appo);
        } else c = roleHolder(mentions, i, clusters);
      }
      if (c) join(c, i);
      return;
    }
    // a name
    if (typeOf(m) === 'PERSON') {
      const appoTitle = apposition.size > 0 ? titleInApposition(apposition, i) : undefined;
      const c = forName(i);
      join(c, i);
      if (appoTitle != null && appoTitle > i && !of[appoTitle]) join(c, appoTitle);
      return;
    }
    const canonical = m.type === 'LOCATION' && m.country && lex.byFirst ? m.text.replace(LEADING_THE, '') : m.text.replace(LEADING_THE, '');
    const key = `${m.type}:${canonical.toLowerCase()}`;
    const c = byKey.get(key) ?? newCluster(m.type, canonical, key);
    c.hasName = true;
    join(c, i);
  };
  for (let i = 0; i < mentions.length; i++) handle(i);

  // number the entities that have a name, in order of first mention
  const kept = sortedBy(clusters.filter((c) => c.hasName && c.mentions.length > 0), byFirstMention);
  for (let k = 0; k < kept.length; k++) kept[k].id = `e${k + 1}`;
  // a well-known person the article gives no country keeps the one the people lexicon knows ("Tony Blair")
  for (const c of kept) if (c.type === 'PERSON' && !c.country) c.country = personCountry(c.name);
  const byStart = (a: number, b: number) => mentions[a].start - mentions[b].start;
  const entities: Entity[] = kept.map((c) => {
    // the cluster's mention indexes in text order (the sort is stable, as the sort of the mentions themselves was)
    const ms = sortedBy(c.mentions, byStart);
    const aliases: string[] = [];
    for (const i of ms) {
      const mm = mentions[i];
      if (mm.kind === 'pronoun') continue;
      if (mm.text !== c.name) addNew(aliases, mm.text);
      if (mm.full && mm.full.text !== c.name) addNew(aliases, mm.full.text);
    }
    return {
      id: c.id, name: c.name, type: c.type, country: c.country, role: c.type === 'PERSON' ? c.role : null,
      aliases, mentions: ms.map((i) => ({ start: mentions[i].start, end: mentions[i].end, text: mentions[i].text })),
    };
  });
  return { entities, mentionEntity: of.map((c) => (c && c.id ? c.id : null)) };
}

/** Whether text[from .. to) is ", " or " , ". */
function isComma(text: string, from: number, to: number): boolean {
  return (to - from === 2 && text.startsWith(', ', from)) || (to - from === 3 && text.startsWith(' , ', from));
}

/** The first title (in the map's order) in apposition to the name mention i. */
function titleInApposition(apposition: ReadonlyMap<number, number>, i: number): number | undefined {
  for (const [title, name] of apposition) if (name === i) return title;
  return undefined;
}

const byFirstMention = (a: Cluster, b: Cluster) => a.mentions[0] - b.mentions[0];

/** Sorts items in place, unless they are in order already (as most are: the sort's copies are then not made). */
function sortedBy<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < items.length; k++) if (compare(items[k - 1], items[k]) > 0) return items.sort(compare);
  return items;
}

/** Appends a string not yet in the list (a Set's order, without a Set). */
function addNew(list: string[], s: string): void {
  if (!list.includes(s)) list.push(s);
}

/** The person cluster a name (its words: toks) belongs to: the same name, or a fuller name it is the first or last part of. */
function clusterForName(toks: string[], clusters: Cluster[], make: (t: EntityType, n: string, k: string | null, tokens: string[]) => Cluster): Cluster {
  let best: Cluster | null = null;
  for (let k = clusters.length - 1; k >= 0; k--) {
    const c = clusters[k];
    if (c.type !== 'PERSON' || !c.hasName) continue;
    const ct = c.nameTokens;
    const same = ct.length === toks.length && wordsAt(ct, toks, 0);
    const part = toks.length < ct.length && (wordsAt(ct, toks, 0) || wordsAt(ct, toks, ct.length - toks.length));
    const fuller = ct.length < toks.length && (wordsAt(toks, ct, 0) || wordsAt(toks, ct, toks.length - ct.length));
    const sameEnds = toks.length >= 2 && ct.length >= 2 && toks[0] === ct[0] && toks[toks.length - 1] === ct[ct.length - 1];
    if (same || part || sameEnds) { best = c; break; }
    if (fuller && !best) best = c;
  }
  if (best) {
    if (toks.length > best.nameTokens.length) { best.name = toks.join(' '); best.nameTokens = toks; }
    return best;
  }
  // the new cluster's words are those of its name, nameTokens(name): toks, except [''] for a name of honorifics alone ("Dr")
  const c = make('PERSON', toks.join(' '), null, toks.length > 0 ? toks : nameTokens(''));
  c.hasName = true;
  return c;
}

/** Whether `words` holds `part` from index `at` on. */
function wordsAt(words: readonly string[], part: readonly string[], at: number): boolean {
  for (let j = 0; j < part.length; j++) if (words[at + j] !== part[j]) return false;
  return true;
}

/** "the Chinese leader", "the president": the most recently mentioned person holding that role (and country). */
function roleHolder(mentions: readonly Mention[], i: number, clusters: Cluster[]): Cluster | null {
  const m = mentions[i];
  const role = (m.role ?? '').toLowerCase();
  let best: Cluster | null = null;
  let bestAt = -1;
  for (const c of clusters) {
    if (c.type !== 'PERSON' || !c.hasName) continue;
    if (m.country && c.country !== m.country) continue;
    const cr = (c.role ?? '').toLowerCase();
    const fits = role === 'leader' ? c.leader : cr === role || cr.startsWith(role);
    if (!fits || cr.startsWith('former')) continue;
    const last = lastBefore(c.mentions, i);
    if (last > bestAt) { best = c; bestAt = last; }
  }
  return best;
}

/** The greatest of the mention indexes below i, -1 if none is. */
function lastBefore(indexes: readonly number[], i: number): number {
  let last = -1;
  for (const k of indexes) if (k < i && k > last) last = k;
  return last;
}

/** A pronoun's antecedent: the subject of its sentence if named before it, else of the last sentence naming a person. */
function pronounAntecedent(mentions: readonly Mention[], i: number, personAt: (k: number) => Cluster | null): Cluster | null {
  const s = mentions[i].sentence;
  for (let k = 0; k < i; k++) {
    if (mentions[k].sentence === s && mentions[k].kind !== 'pronoun' && personAt(k)) return personAt(k);
  }
  for (let k = i - 1; k >= 0; k--) {
    if (mentions[k].sentence >= s) continue;
    const ps = mentions[k].sentence;
    // the first person mentioned in that sentence
    let first: Cluster | null = null;
    for (let j = k; j >= 0 && mentions[j].sentence === ps; j--) if (personAt(j)) first = personAt(j);
    if (first) return first;
    while (k > 0 && mentions[k - 1].sentence === ps) k--;
  }
  return null;
}
