import type Database from 'better-sqlite3';
import { bandKeys, fromBlob, signatureOf, toBlob, type Signature } from '../stories/minhash.js';
import { compare } from '../stories/match.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** articles read from one LSH bucket; keeps a lookup near-constant however many copies a story has */
export const BUCKET_READ = 16;

/**
 * The story index of the SQLite engine. Each stored article gets a MinHash signature and LSH band keys; the
 * articles it meets in a band and that pass `compare` tell its story: it joins the story of the closest one. A
 * story's id is the id of its first stored article and never changes: articles join, stories never merge.
 * Grouping runs after the articles are stored (`sync`), for every write path, and catches up on open.
 */
export function createStoryIndex(db: Database.Database) {
  const st = {
    pending: db.prepare(`SELECT seq, id, text FROM articles WHERE seq > (SELECT COALESCE(MAX(seq), 0) FROM story_members) ORDER BY seq`),
    pendingGaps: db.prepare(`SELECT a.seq, a.id, a.text FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.seq`),
    // a bucket holding many articles (thousands of copies of one wire story) is read in part: enough to find its stories
    // the first articles stored, in the primary key's order (band, key, seq)
    inBand: db.prepare(`SELECT seq FROM story_bands WHERE band = ? AND key = ? LIMIT ${BUCKET_READ}`).pluck(),
    // an article in a band was grouped in the same transaction that put it there: its member row is there, read by
    // its seq without a step into the articles table (rows of several KB: past 100,000 articles one page read each)
    member: db.prepare(`SELECT article_id AS id, story_id FROM story_members WHERE seq = ?`),
    sig: db.prepare(`SELECT signature, size FROM story_signatures WHERE seq = ?`),
    storyOf: db.prepare(`SELECT story_id FROM story_members WHERE article_id = ?`).pluck(),
    addSig: db.prepare(`INSERT OR REPLACE INTO story_signatures (seq, signature, size) VALUES (?, ?, ?)`),
    addBand: db.prepare(`INSERT OR IGNORE INTO story_bands (band, key, seq) VALUES (?, ?, ?)`),
    addMember: db.prepare(`INSERT OR REPLACE INTO story_members (article_id, story_id, seq, similarity) VALUES (?, ?, ?, ?)`),
  };

  /**
   * Articles already indexed that share a band with the signature and tell the same story, best first; once an
   * article of a story matches, the story's other articles are not compared again.
   */
  function matches(sig: Signature, self: number): { id: string; story: string; similarity: number }[] {
    const seen = new Set<number>([self]);
    const found = new Set<string>();
    const out: { id: string; story: string; similarity: number }[] = [];
    bandKeys(sig).forEach((key, band) => {
      for (const seq of st.inBand.all(band, key) as number[]) {
        if (seen.has(seq)) continue;
        seen.add(seq);
        const member = st.member.get(seq) as Row | undefined;
        if (!member) continue;
        const id = member.id as string;
        const story = (member.story_id as string | null) ?? id;
        if (found.has(story)) continue;
        const r = st.sig.get(seq) as Row | undefined;
        if (!r) continue;
        const m = compare(sig, fromBlob(r.signature, r.size));
        if (m.same) { found.add(story); out.push({ id, story, similarity: m.similarity }); }
      }
    });
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  function assign(seq: number, id: string, text: string): string {
    const sig = signatureOf(text);
    const found = matches(sig, seq);
    st.addSig.run(seq, toBlob(sig), sig.size);
    bandKeys(sig).forEach((key, band) => st.addBand.run(band, key, seq));
    if (found.length === 0) { st.addMember.run(id, id, seq, null); return id; }
    // the story of the closest article; an article like two stories does not merge them (single-link merging
    // chains unrelated stories through mixed articles: 7,719 of 10,000 combined texts in one story, in a test)
    st.addMember.run(id, found[0].story, seq, found[0].similarity);
    return found[0].story;
  }

  const syncTx = db.transaction((all: boolean) => {
    const rows = (all ? st.pendingGaps : st.pending).all() as Row[];
    for (const r of rows) assign(r.seq, r.id, r.text);
    return rows.length;
  });

  return {
    /** Groups the articles stored since the last call (all ungrouped ones when `all`); returns how many. */
    sync(all = false): number { return syncTx.immediate(all); },
    storyOf(articleId: string): string | null { return (st.storyOf.get(articleId) as string | undefined) ?? null; },
    /** for benchmarks: the articles a text would join, without storing anything */
    lookup(text: string): { id: string; story: string; similarity: number }[] { return matches(signatureOf(text), -1); },
    /** for benchmarks: the same with a signature already made */
    lookupSignature(sig: Signature): { id: string; story: string; similarity: number }[] { return matches(sig, -1); },
  };
}

export type StoryIndex = ReturnType<typeof createStoryIndex>;
