import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../testing.js';

const events = (...lines: string[]) => analyzeLines(['Headline', ...lines]).events!;

describe('events', () => {
  it('codes a meeting with source, target, countries, date from the text and location', () => {
    const [e] = events('German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.');
    expect(e).toMatchObject({ type: 'CONSULT', mode: 'meet', cameo: '040', modality: 'asserted', date: '2026-01-02', dateSource: 'text' });
    expect(e.source.country).toBe('DEU');
    expect(e.target?.country).toBe('FRA');
    expect(e.location?.name).toBe('Paris');
  });

  it('marks scheduled meetings as planned and never as happened', () => {
    const [e] = events('Italian Prime Minister Giorgia Meloni is scheduled to meet Indian Prime Minister Narendra Modi next week.');
    expect(e.modality).toBe('planned');
  });

  it('marks modal, negated and reported events', () => {
    expect(events('Egypt may sign a deal with Israel.')[0]?.modality).toBe('hypothetical');
    expect(events('Iran did not attack Israel.')[0]?.modality).toBe('negated');
    expect(events('Russia reportedly attacked Ukraine.')[0]?.modality).toBe('reported');
  });

  it('reads the agent of a passive verb after "by"', () => {
    const [e] = events('Turkish activists were detained by Israeli police near Gaza on Monday.').filter((x) => x.cameo === '173');
    expect(e?.source.country).toBe('ISR');
    expect(e?.target?.country).toBe('TUR');
  });

  it('codes a nominal visit with "by" and "to"', () => {
    const [e] = events('It is the first visit by a Japanese leader to Australia since 2019.');
    expect(e).toMatchObject({ type: 'CONSULT', mode: 'visit' });
    expect([e.source.country, e.target?.country]).toEqual(['JPN', 'AUS']);
    expect(e.date).toBe('2026-01-05');
    expect(e.dateSource).toBe('published');
  });

  it('leaves a planned event without a date in the text undated', () => {
    const [e] = events('Canada plans to sign a trade agreement with Mexico.');
    expect(e.modality).toBe('planned');
    expect(e.date).toBeNull();
  });

  it('gives the Goldstein weight of the CAMEO code and a conflictual type to a criticism', () => {
    const [e] = events('India criticised Pakistan over the attack.');
    expect(e).toMatchObject({ type: 'ACCUSE', cameo: '111', goldstein: -2 });
  });

  it('takes a coordinated subject as both parties', () => {
    const [e] = events('Japan and Australia signed a logistics pact on Tuesday.');
    expect(e).toMatchObject({ type: 'AGREE', date: '2025-12-30' });
    expect([e.source.country, e.target?.country].sort()).toEqual(['AUS', 'JPN']);
  });

  it('does not take the partner of a sanction named after "with" as its target', () => {
    const found = events('Canada said it was coordinating the sanctions with Britain.');
    expect(found.filter((e) => e.type === 'SANCTION' && e.target?.country === 'GBR')).toEqual([]);
  });

  it('does not take a possessive pronoun as a party', () => {
    const found = events('Mr Balls said the chancellor would meet his fiscal rules.');
    expect(found.filter((e) => e.target?.name === 'his' || e.target?.entity === e.source.entity)).toEqual([]);
    expect(found.every((e) => !/^(?:his|her|their)$/i.test(e.target?.name ?? ''))).toBe(true);
  });

  it('does not make the place or victim of a condemned attack its target', () => {
    expect(events('The Cypriot government strongly condemned two terrorist bomb attacks in Kenya and Tanzania.')).toEqual([]);
    expect(events('The Security Council condemned the bombing of the U.S. embassies in Kenya.')).toEqual([]);
  });

  it('takes the agent a conflict noun names, or codes nothing', () => {
    const [e] = events('Iraq’s invasion of Kuwait shocked the region.');
    expect(e).toMatchObject({ type: 'ASSAULT' });
    expect([e.source.country, e.target?.country]).toEqual(['IRQ', 'KWT']);
  });

  it('treats an event that is asked for or dated after publication as not yet happened', () => {
    expect(events('Albright invited Polish Foreign Minister Bronislaw Geremek to visit the United States.').find((e) => e.cameo === '042')?.modality).toBe('hypothetical');
    expect(events('Arafat will meet Albright on Friday.')[0]?.modality).toBe('planned');
    expect(events('Arafat and Albright meet on January 9.')[0]?.modality).toBe('planned');
  });

  it('does not take the speaker after the object for one more party', () => {
    const found = events('Sytenko is expected to visit Baghdad, Gremitskikh said on Tuesday.');
    expect(found.map((e) => e.target?.name)).not.toContain('Gremitskikh');
  });

  it('treats what a party seeks as not yet happened', () => {
    expect(events('South Korea seeks improved ties with China.')[0]?.modality ?? 'none').not.toBe('asserted');
  });

  it('treats a promised event as planned', () => {
    expect(events('Turkey pledged to sign an agreement with Greece.').find((e) => e.cameo === '057')?.modality).toBe('planned');
  });

  it('codes lifting sanctions as a concession', () => {
    const [e] = events('The United States is lifting sanctions on Cuba.');
    expect(e).toMatchObject({ type: 'CONCEDE', cameo: '081' });
  });

  it('codes one event when a party is named twice in apposition', () => {
    const found = events('Brazilian Foreign Minister Rafael Antunes spoke by telephone with his Argentine counterpart, Lucía Ferreyra, on Sunday.');
    expect(found.filter((e) => e.cameo === '041')).toHaveLength(1);
  });

  it('codes a verb that asks for an object phrase only where the phrase follows within its clause', () => {
    expect(events('Japan offered Vietnam technology on Monday.').map((e) => e.cameo)).toEqual(['030']);
    expect(events('Japan offered, after a long debate, technology to Vietnam.')).toEqual([]);
    expect(events('Japan offered nothing to Vietnam on Monday.')).toEqual([]);
  });

  it('keeps trigger and sentence offsets true to the text', () => {
    const doc = analyzeLines(['Headline', 'Brazil signed an agreement with Argentina on Tuesday.']);
    for (const e of doc.events!) {
      expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(e.trigger.start >= e.sentence.start && e.trigger.end <= e.sentence.end).toBe(true);
    }
  });
});
