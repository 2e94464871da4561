import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plaintext.js';
import { createDocument, type Document, type Mention } from '../document.js';
import type { Entity, EntityType } from '../schema.js';
import { segment } from '../sentences/index.js';
import { analyzeDocument } from '../index.js';
import { findQuotes, quotesStage } from './index.js';

interface Person { id: string; name: string; type?: EntityType; forms: string[] }

/**
 * A hand-built document: the headline and paragraphs given, segmented; a mention for every whole-word occurrence
 * of each entity's forms (a form in lower case is a title); every he/she a pronoun mention, unresolved unless
 * `resolved` maps its offset to an entity.
 */
function handDocument(title: string, body: string[], people: Person[] = [], resolved: Record<number, string> = {}): Document {
  const article = makeArticle({ title, body });
  const seg = segment(article.text);
  const text = article.text;
  const found: [Mention, string | null][] = [];
  const add = (start: number, end: number, kind: Mention['kind'], type: EntityType, id: string | null) => {
    const t0 = seg.tokens.findIndex((t) => t.start >= start);
    let t1 = t0;
    while (t1 < seg.tokens.length && seg.tokens[t1].start < end) t1++;
    found.push([{ start, end, text: text.slice(start, end), kind, type, country: null, role: null, sentence: seg.tokens[t0].sentence, tokenStart: t0, tokenEnd: t1 }, id]);
  };
  for (const p of people) {
    for (const form of [...p.forms].sort((a, b) => b.length - a.length)) {
      const re = new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
      for (const m of text.matchAll(re)) {
        const start = m.index!, end = start + form.length;
        if (found.some(([x]) => x.start < end && start < x.end)) continue;
        add(start, end, /^\p{Ll}/u.test(form) ? 'title' : 'name', p.type ?? 'PERSON', p.id);
      }
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}])(?:he|she|He|She)(?![\p{L}])/gu)) add(m.index!, m.index! + m[0].length, 'pronoun', 'PERSON', resolved[m.index!] ?? null);
  found.sort((a, b) => a[0].start - b[0].start);
  const entities: Entity[] = people.map((p) => ({
    id: p.id, name: p.name, type: p.type ?? 'PERSON', country: null, role: null, aliases: p.forms,
    mentions: found.filter(([, id]) => id === p.id).map(([m]) => ({ start: m.start, end: m.end, text: m.text })),
  }));
  return Object.freeze({
    ...createDocument(article),
    paragraphs: seg.paragraphs, sentences: seg.sentences, tokens: seg.tokens,
    mentions: found.map(([m]) => m), mentionEntity: found.map(([, id]) => id), entities,
  });
}

/** "text → speaker" for each quote of a one-paragraph story. */
function quotes(body: string | string[], people: Person[] = []): string[] {
  const doc = handDocument('Headline', Array.isArray(body) ? body : [body], people);
  return findQuotes(doc).map((q) => `${q.text} → ${q.speakerName ?? '-'}`);
}

const LEE: Person = { id: 'e1', name: 'Lee Jae Myung', forms: ['Lee Jae Myung', 'Lee', 'South Korean President Lee Jae Myung'] };
const XI: Person = { id: 'e2', name: 'Xi Jinping', forms: ['Xi Jinping', 'Xi', 'the Chinese leader'] };

describe('quotes: who said what', () => {
  it('attributes a quote to the cue after it, in either order ("…,” Kavan said / said Mr. X)', () => {
    expect(quotes('“It is for me very symbolic,” Kavan said.', [{ id: 'k', name: 'Jan Kavan', forms: ['Jan Kavan', 'Kavan'] }]))
      .toEqual(['It is for me very symbolic → Jan Kavan']);
    expect(quotes('"We\'ve been listed as a candidate for so long," said Mr. Price.')).toEqual(["We've been listed as a candidate for so long → Mr. Price"]);
    expect(quotes('“Hallelujah,” exclaimed Albright, a daughter of Czechoslovakia.')).toEqual(['Hallelujah → Albright']);
  });

  it('attributes a quote to the cue before it ("X said: “…”", "according to")', () => {
    expect(quotes('Polish Foreign Minister Bronislaw Geremek said: “We should keep the door of the alliance open.”'))
      .toEqual(['We should keep the door of the alliance open. → Polish Foreign Minister Bronislaw Geremek']);
    expect(quotes('The talks were “constructive and candid”, according to the statement.')).toEqual(['constructive and candid → the statement']);
  });

  it('reads an epigraph dash, an absolute "with X saying" and a chain of appositions', () => {
    expect(quotes('“Maybe we can build a wall around him.” ― Steve Quinlan.')).toEqual(['Maybe we can build a wall around him. → Steve Quinlan']);
    expect(quotes('USAF officials defended the award, with UBS analyst David Strauss saying “The key decision was the amount of fuel.”'))
      .toEqual(['The key decision was the amount of fuel. → UBS analyst David Strauss']);
    expect(quotes('Jose Basulto, founder of Brothers to the Rescue, a Cuban exile group, called the ruling “outrageous.”'))
      .toEqual(['outrageous. → Jose Basulto']);
  });

  it('reads names with abbreviations, party tags and nicknames after a quote', () => {
    expect(quotes('“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.'))
      .toEqual(['Our assumption is that the veto will be overridden → Senate Majority Leader Mitch McConnell']);
    expect(quotes('"One of the brightest members of the entire Congress," Rep. Elijah E. Cummings (D-Md.) said in an interview.'))
      .toEqual(['One of the brightest members of the entire Congress → Rep. Elijah E. Cummings']);
  });

  it('does not take a possessor for the speaker', () => {
    const obama: Person = { id: 'o', name: 'Barack Obama', forms: ['Barack Obama', 'Obama'] };
    expect(quotes('“My reaction, that was outrageous,” Obama’s former campaign strategist said.', [obama]))
      .toEqual(['My reaction, that was outrageous → Obama’s former campaign strategist']);
  });

  it('lets a statement speak ("…,” the statement said)', () => {
    expect(quotes('“Both sides agreed to deepen cooperation,” the statement said.')).toEqual(['Both sides agreed to deepen cooperation → the statement']);
  });

  it('keeps an office as the speaker text and links the principal it speaks for', () => {
    const pm: Person = { id: 'pm', name: 'Keir Starmer', forms: ['Keir Starmer', 'the prime minister'] };
    const doc = handDocument('Headline', ['“We will not comment on leaks,” the prime minister’s office said.'], [pm]);
    expect(findQuotes(doc).map((q) => [q.text, q.speakerName, q.speaker])).toEqual([['We will not comment on leaks', 'the prime minister’s office', 'pm']]);
  });

  it('finds partial quotes inside reported speech and gives them to the subject of the cue', () => {
    expect(quotes('Lee met Xi in Beijing on Monday, calling for a “new phase” in South Korea–China relations.', [LEE, XI])).toEqual(['new phase → Lee Jae Myung']);
    expect(quotes('Lee described the trip as a “crucial opportunity” for the “full-scale restoration” of bilateral ties.', [LEE]))
      .toEqual(['crucial opportunity → Lee Jae Myung', 'full-scale restoration → Lee Jae Myung']);
    expect(quotes('Xi urged Lee to make “correct strategic choices”.', [LEE, XI])).toEqual(['correct strategic choices → Xi Jinping']);
    expect(quotes('Obama described the bankruptcy of Chrysler, and the bankruptcy of General Motors that he envisioned, as being “quick, surgical, bankruptcies”.'))
      .toEqual(['quick, surgical, bankruptcies → Obama']);
    expect(quotes('The phone drew attention when Xi jokingly suggested Lee check for a “backdoor” during a meeting.', [LEE, XI])).toEqual(['backdoor → Xi Jinping']);
  });

  it('gives the quote of a participle to the subject of the main verb', () => {
    expect(quotes('Lee also posted a selfie featuring both leaders and their wives, calling it “the shot of a lifetime”.', [LEE, XI]))
      .toEqual(['the shot of a lifetime → Lee Jae Myung']);
    expect(quotes('Calling the mother “an excellent girl,” President Fidel Castro said she had been “practically kidnapped”.', [{ id: 'c', name: 'Fidel Castro', forms: ['Fidel Castro', 'Castro'] }]))
      .toEqual(['an excellent girl → Fidel Castro', 'practically kidnapped → Fidel Castro']);
  });

  it('lets the last speaker go on talking in the next sentence and the next paragraph', () => {
    const price: Person = { id: 'p', name: 'Robert M. Price', forms: ['Robert M. Price', 'Mr. Price'] };
    expect(quotes('Mr. Price said future restructuring would be a question of strategy. "We don\'t need the cash."', [price]))
      .toEqual(["We don't need the cash. → Robert M. Price"]);
    expect(quotes(['“They are not going to buy me,” said Juan Miguel Gonzalez.', '“What is important for me is that they return the boy.”']))
      .toEqual(['They are not going to buy me → Juan Miguel Gonzalez', 'What is important for me is that they return the boy. → Juan Miguel Gonzalez']);
  });

  it('reads a quote that runs over a paragraph break as one quote', () => {
    const q = quotes(['“I am the father of Elian,” Gonzalez said. “Immigration has said that I am the only one who can speak for him', '“Why should it be delayed? I am the father.”']);
    expect(q).toHaveLength(2);
    expect(q[1]).toMatch(/^Immigration has said .*\n“Why should it be delayed\? I am the father\. → Gonzalez$/);
  });

  it('resolves a pronoun that coreference left open to the last person named', () => {
    const dudley: Person = { id: 'd', name: 'Susan Dudley', forms: ['Susan Dudley'] };
    expect(quotes('Susan Dudley assailed the remarks. “They are at best being disingenuous,” she said.', [dudley])).toEqual(['They are at best being disingenuous → Susan Dudley']);
    // the last speaker goes on, unless someone else has been named since
    expect(quotes('“Send him back,” said Marsha Raeber. The crowd grew. Police watched. “There are rules in this country,” she added.'))
      .toEqual(['Send him back → Marsha Raeber', 'There are rules in this country → Marsha Raeber']);
    expect(quotes('“Send him back,” said Marsha Raeber. Susan Dudley disagreed. “They are disingenuous,” she said.', [dudley]))
      .toEqual(['Send him back → Marsha Raeber', 'They are disingenuous → Susan Dudley']);
    // a resolved pronoun speaks for its entity, whoever was named last
    const doc = handDocument('Headline', ['Xi met Lee. “We are neighbours,” he said.'], [LEE, XI]);
    const he = doc.text.indexOf('he said');
    const resolved = handDocument('Headline', ['Xi met Lee. “We are neighbours,” he said.'], [LEE, XI], { [he]: 'e2' });
    expect(findQuotes(doc)[0].speaker).toBe('e1');
    expect(findQuotes(resolved)[0].speaker).toBe('e2');
  });

  it('reports no scare quotes, titles, nicknames or so-called terms', () => {
    expect(quotes('Intel’s chip has flaws, but the "bugs" aren’t expected to hurt Intel.')).toEqual([]);
    expect(quotes('The so-called “comfort women” issue has long divided the two countries.')).toEqual([]);
    expect(quotes('Churchill warned about it in his famous “Iron Curtain” speech at Westminster College.')).toEqual([]);
    expect(quotes('Secretary of State James Baker said on ABC’s “This Week With David Brinkley” that talks would go on.')).toEqual([]);
    expect(quotes('Granma compared Elian with revolutionary icon Ernesto “Che” Guevara.')).toEqual([]);
    expect(quotes('In a tradition he has kept for 40 years, Rep. Robert C. "Bobby" Scott threw open his house.')).toEqual([]);
    expect(quotes('"We must act," Pence said on CNN\'s "State of the Union."')).toEqual(['We must act → Pence']);
    expect(quotes('Over five billion applications, commonly called “apps,” have been bought.')).toEqual([]);
    expect(quotes('The film “Parasite” won four Oscars, and “Transition” is a reference to the restructuring.')).toEqual([]);
  });

  it('keeps the echo of an attributed quote in the standfirst', () => {
    const doc = handDocument('Lee meets Xi', ['Lee shared a selfie with Xi, signalling a “new phase” in relations.', 'Lee met Xi on Monday, calling for a “new phase” in relations.'], [LEE, XI]);
    expect(findQuotes(doc).map((q) => `${q.text} → ${q.speakerName}`)).toEqual(['new phase → Lee Jae Myung', 'new phase → Lee Jae Myung']);
  });

  it('is a pipeline stage that assigns the quotes layer, with spans that are the quoted words', () => {
    const doc = handDocument('Headline', ['“Nobody wants the boy to be separated from his father,” said Ninoska Perez.']);
    const { quotes: qs } = quotesStage.run(doc) as { quotes: { start: number; end: number; text: string; cue: { text: string } | null }[] };
    expect(qs).toHaveLength(1);
    expect(doc.text.slice(qs[0].start, qs[0].end)).toBe(qs[0].text);
    expect(qs[0].cue?.text).toBe('said');
  });
});

describe('quotes: odd input', () => {
  it('keeps every span inside the text and equal to its words, whatever the marks', () => {
    const odd = ['"', '“”', "'''", 'a ”b“ c', '"a" "b" "c', '“A,” he said.\n“', 'x’ ’x', '«a» said X.', '“' + 'a '.repeat(2000), '"He said, \'I\'m "fine"\'"'];
    for (const body of odd) {
      const doc = handDocument('T', [body]);
      for (const q of findQuotes(doc)) {
        expect(q.start >= 0 && q.start < q.end && q.end <= doc.text.length).toBe(true);
        expect(doc.text.slice(q.start, q.end)).toBe(q.text);
        if (q.cue) expect(doc.text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
      }
    }
  });
});

describe('quotes: the sample article', () => {
  const sample = '/work/shared/seed/lee-xi-beijing.txt';
  const gold = JSON.parse(readFileSync('/work/shared/seed/expected.json', 'utf8')).quotes.required as { text: string; speaker: string }[];
  const content = readFileSync(sample, 'utf8');
  const article = readPlainText(content, { source: sample, published: '2026-01-05' }).articles[0];

  it('finds the seven quotes with their speakers, and nothing else, on a hand-built document', () => {
    const doc = handDocument(article.title, [article.standfirst!, ...article.body], [LEE, XI, { id: 'e3', name: 'Yoon Suk Yeol', forms: ['Yoon Suk Yeol'] }]);
    const found = findQuotes(doc);
    for (const g of gold) expect(found.some((q) => q.text === g.text && q.speakerName === g.speaker), g.text).toBe(true);
    expect(found.every((q) => gold.some((g) => g.text === q.text))).toBe(true);
  });

  it('finds them through the real pipeline', () => {
    const doc = analyzeDocument(article);
    const names = (id: string | null) => doc.entities?.find((e) => e.id === id)?.name;
    for (const g of gold) expect(doc.quotes!.some((q) => q.text === g.text && names(q.speaker) === g.speaker), g.text).toBe(true);
    expect(doc.quotes!.every((q) => gold.some((g) => g.text === q.text))).toBe(true);
  });
});
