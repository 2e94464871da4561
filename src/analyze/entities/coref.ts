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
  nameTokens: string[];
  country: string | null;
  role: string | null;
  leader: boolean;
  relationKeys: string[];
  mentions: number[];
  hasName: boolean;
}

const nameTokens = (s: string) => s.split(/\s+/).filter((w) => !/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(w));

export interface Coreference { entities: Entity[]; mentionEntity: (string | null)[] }

export function resolveEntities(text: string, mentions: readonly Mention[]): Coreference {
  const lex = lexicon();
  const clusters: Cluster[] = [];
  const of: (Cluster | null)[] = new Array(mentions.length).fill(null);
  const byKey = new Map<string, Cluster>();
  const newCluster = (type: EntityType, name: string, key: string | null): Cluster => {
    const c: Cluster = { id: '', type, key, name, nameTokens: nameTokens(name), country: null, role: null, leader: false, relationKeys: [], mentions: [], hasName: false };
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
    if (!b || a.sentence !== b.sentence) continue;
    const between = text.slice(a.end, b.full?.start ?? b.start);
    if (between !== ', ' && between !== ' , ') continue;
    if (a.kind === 'title' && !a.generic && b.kind === 'name' && b.type === 'PERSON') apposition.set(i, j);
    else if (a.kind === 'name' && a.type === 'PERSON' && b.kind === 'title' && !b.relation && !b.generic) apposition.set(j, i);
  }
  // a single word that is part of a person's name is that person, whatever type the tagger gave it ("Lee's priorities")
  const personWords = new Set<string>();
  for (const m of mentions) if (m.type === 'PERSON' && m.kind === 'name') for (const w of nameTokens(m.text)) personWords.add(w);
  const typeOf = (m: Mention): EntityType => (m.kind === 'name' && (m.type === 'LOCATION' || m.type === 'ORGANIZATION') && m.country == null && !m.text.includes(' ') && personWords.has(m.text) ? 'PERSON' : m.type);

  const done = new Array<boolean>(mentions.length).fill(false);
  const handle = (i: number): void => {
    if (done[i]) return;
    done[i] = true;
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
          c = clusterForName(mentions, appo, clusters, newCluster);
          join(c, appo);
        }
        if (!c && owner && m.relation.noun !== 'counterpart') c = newCluster('PERSON', m.text, null);
        if (c && rkey && !c.relationKeys.includes(rkey)) c.relationKeys.push(rkey);
        if (c && owner) {
          if (!c.country && (m.relation.noun === 'predecessor' || m.relation.noun === 'successor')) c.country = owner.country;
          if (m.relation.noun === 'predecessor' && owner.role) {
            const base = c.role ?? owner.role;
            c.role = base.startsWith('former') ? base : roleText(base.replace(/\s*\(.*\)$/, ''), true, /\((.*)\)/.exec(base)?.[1]);
          }
        }
      } else if (m.generic) {
        return;
      } else {
        const appo = apposition.get(i);
        if (appo != null) {
          c = of[appo] ?? clusterForName(mentions, appo, clusters, newCluster);
          if (!of[appo]) join(c, appo);
        } else c = roleHolder(mentions, i, clusters);
      }
      if (c) join(c, i);
      return;
    }
    // a name
    if (typeOf(m) === 'PERSON') {
      const appoTitle = [...apposition.entries()].find(([, n]) => n === i)?.[0];
      const c = clusterForName(mentions, i, clusters, newCluster);
      join(c, i);
      if (appoTitle != null && appoTitle > i && !of[appoTitle]) join(c, appoTitle);
      return;
    }
    const canonical = m.type === 'LOCATION' && m.country && lex.byFirst ? m.text.replace(/^the /i, '') : m.text.replace(/^the /i, '');
    const key = `${m.type}:${canonical.toLowerCase()}`;
    const c = byKey.get(key) ?? newCluster(m.type, canonical, key);
    c.hasName = true;
    join(c, i);
  };
  for (let i = 0; i < mentions.length; i++) handle(i);

  // number the entities that have a name, in order of first mention
  const kept = clusters.filter((c) => c.hasName && c.mentions.length > 0).sort((a, b) => a.mentions[0] - b.mentions[0]);
  kept.forEach((c, k) => { c.id = `e${k + 1}`; });
  // a well-known person the article gives no country keeps the one the people lexicon knows ("Tony Blair")
  for (const c of kept) if (c.type === 'PERSON' && !c.country) c.country = personCountry(c.name);
  const entities: Entity[] = kept.map((c) => {
    const ms = c.mentions.map((i) => mentions[i]).sort((a, b) => a.start - b.start);
    const aliases = new Set<string>();
    for (const mm of ms) {
      if (mm.kind === 'pronoun') continue;
      if (mm.text !== c.name) aliases.add(mm.text);
      if (mm.full && mm.full.text !== c.name) aliases.add(mm.full.text);
    }
    return {
      id: c.id, name: c.name, type: c.type, country: c.country, role: c.type === 'PERSON' ? c.role : null,
      aliases: [...aliases], mentions: ms.map((mm) => ({ start: mm.start, end: mm.end, text: mm.text })),
    };
  });
  return { entities, mentionEntity: of.map((c) => (c && c.id ? c.id : null)) };
}

/** The person cluster a name belongs to: the same name, or a fuller name it is the first or last part of. */
function clusterForName(mentions: readonly Mention[], i: number, clusters: Cluster[], make: (t: EntityType, n: string, k: string | null) => Cluster): Cluster {
  const m = mentions[i];
  const toks = nameTokens(m.text);
  let best: Cluster | null = null;
  for (let k = clusters.length - 1; k >= 0; k--) {
    const c = clusters[k];
    if (c.type !== 'PERSON' || !c.hasName) continue;
    const ct = c.nameTokens;
    const same = ct.length === toks.length && ct.every((w, j) => w === toks[j]);
    const part = toks.length < ct.length && (toks.every((w, j) => ct[j] === w) || toks.every((w, j) => ct[ct.length - toks.length + j] === w));
    const fuller = ct.length < toks.length && (ct.every((w, j) => toks[j] === w) || ct.every((w, j) => toks[toks.length - ct.length + j] === w));
    const sameEnds = toks.length >= 2 && ct.length >= 2 && toks[0] === ct[0] && toks[toks.length - 1] === ct[ct.length - 1];
    if (same || part || sameEnds) { best = c; break; }
    if (fuller && !best) best = c;
  }
  if (best) {
    if (toks.length > best.nameTokens.length) { best.name = toks.join(' '); best.nameTokens = toks; }
    return best;
  }
  const c = make('PERSON', toks.join(' '), null);
  c.hasName = true;
  return c;
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
    const last = Math.max(...c.mentions.filter((k) => k < i));
    if (last > bestAt) { best = c; bestAt = last; }
  }
  return best;
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
