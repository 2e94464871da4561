import { describe, expect, it } from 'vitest';
import { analyzeLines, entityNamed } from '../testing.js';

describe('entities', () => {
  it('reads role and country from a title before a name', () => {
    const doc = analyzeLines(['Talks in Ankara', 'German Chancellor Olaf Scholz met Turkish President Recep Tayyip Erdogan in Ankara on Friday.']);
    expect(entityNamed(doc, 'Olaf Scholz')).toMatchObject({ type: 'PERSON', country: 'DEU', role: 'Chancellor' });
    expect(entityNamed(doc, 'Recep Tayyip Erdogan')).toMatchObject({ type: 'PERSON', country: 'TUR', role: 'President' });
  });

  it('merges a surname, a role description and a pronoun into the full name', () => {
    const doc = analyzeLines([
      'Summit news',
      'Israeli Prime Minister Benjamin Netanyahu arrived in Washington on Monday.',
      'Netanyahu said the talks were useful. The Israeli leader added that he would return soon.',
    ]);
    const e = entityNamed(doc, 'Benjamin Netanyahu')!;
    expect(e).toMatchObject({ country: 'ISR', role: 'Prime Minister' });
    expect(e.aliases).toEqual(expect.arrayContaining(['Netanyahu', 'The Israeli leader']));
    expect(e.mentions.map((m) => m.text)).toContain('he');
  });

  it('treats a capital named as a place as a location and as its government otherwise', () => {
    const doc = analyzeLines(['Trade row', 'Officials met in Tokyo on Monday. Seoul criticised Tokyo over the export rules.']);
    expect(entityNamed(doc, 'Tokyo')?.type).toBe('LOCATION');
    const korea = doc.entities!.find((e) => e.country === 'KOR')!;
    expect(korea.type).toBe('COUNTRY');
    expect(korea.aliases).toContain('Seoul');
  });

  it('links a predecessor named in apposition, with the country and a former role', () => {
    const doc = analyzeLines(['Politics', 'French President Emmanuel Macron met voters. Macron’s predecessor, Francois Hollande, was critical of the plan.']);
    const e = entityNamed(doc, 'Francois Hollande')!;
    expect(e.country).toBe('FRA');
    expect(e.role).toMatch(/^former president/);
  });

  it('gives demonyms to their country and does not make sentence-initial words into names', () => {
    const doc = analyzeLines(['Markets', 'Experts say Japanese exporters are worried. Regional banks agreed.']);
    expect(entityNamed(doc, 'Japanese')?.country).toBe('JPN');
    expect(doc.entities!.some((e) => e.name === 'Experts' || e.name === 'Regional')).toBe(false);
  });

  it('never lets a name run across a lower-case word, whatever the tagger says', async () => {
    const { nerSpans } = await import('./mentions.js');
    const words = ['Lee', 'met', 'Xi', 'and', 'Ursula', 'von', 'der', 'Leyen', 'at', 'Bank', 'of', 'England'];
    const tags = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'I-ORG'];
    expect(nerSpans(tags, 0, words.length, words).map((s) => words.slice(s.start, s.end).join(' '))).toEqual(['Lee', 'Xi', 'Ursula von der Leyen', 'Bank of England']);
  });

  it('keeps a person a person when a later sentence names them without their title', () => {
    const doc = analyzeLines(['Talks', 'Chinese President Xi Jinping arrived on Sunday.', 'He met Xi Jinping on Monday.']);
    const e = entityNamed(doc, 'Xi Jinping')!;
    expect(e.type).toBe('PERSON');
    expect(e.mentions.filter((m) => m.text === 'Xi Jinping')).toHaveLength(2);
  });

  it('knows the country of a well-known person the article gives none', () => {
    const doc = analyzeLines(['Talks', 'Tony Blair met Bill Clinton in London.']);
    expect(entityNamed(doc, 'Tony Blair')?.country).toBe('GBR');
    expect(entityNamed(doc, 'Bill Clinton')?.country).toBe('USA');
  });

  it('keeps every mention offset true to the text', () => {
    const doc = analyzeLines(['A', 'Chinese Premier Li Qiang told his Japanese counterpart that Beijing’s position had not changed.']);
    for (const e of doc.entities!) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  });
});
