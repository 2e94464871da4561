import { describe, expect, it } from 'vitest';
import { actorCodesOn, parseActorDictionary } from './actors.js';
import { parseAgentDictionary, parseDiscards } from './agents.js';
import { parsePattern, parseVerbDictionary, synsetPhrases, verbInflections } from './verbs.js';

describe('verb dictionary', () => {
  const dict = parseVerbDictionary(`<!-- a comment
over two lines -->
&TIES
+MILITARY
+ECONOMIC
&BIGSYN
+&TIES
+CLOSER RELATIONS

--- BREAK [1717] ---
BREAK { BROKE BROKEN }   # irregular forms
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
WIRE_+TAP [1711]
- * TREATY  [161]
- + * IN_ $  [075]
- &TIES_* [902]

--- ABANDON [---] ---
ABANDON
- * [###]
`);
  it('reads synsets, nested synsets expanded', () => {
    expect(dict.synsets.get('TIES')).toEqual([['MILITARY'], ['ECONOMIC']]);
    expect(synsetPhrases(dict, 'BIGSYN')).toEqual([['MILITARY'], ['ECONOMIC'], ['CLOSER', 'RELATIONS']]);
  });
  it('reads verbs with regular and irregular forms and the block code', () => {
    const broke = dict.byHead.get('BROKE')!;
    expect(broke.map((f) => f.words.join(' '))).toEqual(['BROKE', 'BROKE DOWN']);
    expect(broke[0].code).toBe('1717');
    expect(dict.byHead.get('BREAKS')?.[0].words).toEqual(['BREAKS']);
    expect(dict.byHead.get('BREAKING')?.map((f) => f.words.join(' '))).toEqual(['BREAKING', 'BREAKING DOWN']);
  });
  it('marks the verb word of a multi-word verb with + and keeps its own code', () => {
    const tapped = dict.byHead.get('TAPPED')!;
    expect(tapped[0]).toMatchObject({ words: ['WIRE', 'TAPPED'], head: 1, code: '1711' });
  });
  it('reads patterns outward from the verb, with _ joining items', () => {
    const [treaty, inSource, synset] = dict.blocks[0].patterns;
    expect(treaty).toMatchObject({ before: [], after: [{ kind: 'word', word: 'TREATY', joined: false }], code: '161' });
    expect(inSource.before).toEqual([{ kind: 'target', joined: false }]);
    expect(inSource.after).toEqual([{ kind: 'word', word: 'IN', joined: false }, { kind: 'source', joined: true }]);
    expect(synset.before).toEqual([{ kind: 'synset', name: 'TIES', joined: true }]);
  });
  it('keeps a [###] code whose # is not a comment', () => {
    expect(dict.blocks[1].patterns[0].code).toBe('###');
    expect(dict.blocks[1].code).toBe('---');
    expect(dict.problems).toEqual([]);
  });
  it('reads ^ and % and the parenthesised phrases of the production dictionary', () => {
    expect(parsePattern('- % * (TO {BANNED PARTIES}) ^ $ [1722]')).toMatchObject({
      before: [{ kind: 'compound' }],
      after: [{ kind: 'word', word: 'TO' }, { kind: 'word', word: 'BANNED' }, { kind: 'word', word: 'PARTIES' }, { kind: 'skip' }, { kind: 'source' }],
      code: '1722',
    });
  });
  it('joins an item written against the * and separates items by tabs', () => {
    expect(parsePattern('- *SCEPTICAL   [012]')?.after).toEqual([{ kind: 'word', word: 'SCEPTICAL', joined: true }]);
    expect(parsePattern('- PROTESTOR\t*   [145]')?.before).toEqual([{ kind: 'word', word: 'PROTESTOR', joined: false }]);
  });
  it('makes regular inflections', () => {
    expect(verbInflections('RESTORE')).toEqual(expect.arrayContaining(['RESTORES', 'RESTORED', 'RESTORING']));
    expect(verbInflections('CARRY')).toEqual(expect.arrayContaining(['CARRIES', 'CARRIED', 'CARRYING']));
    expect(verbInflections('MARCH')).toContain('MARCHES');
    expect(verbInflections('DEPART')).not.toContain('DEPARTES');
  });
});

describe('actor dictionary', () => {
  const dict = parseActorDictionary(`ARNOR_  [ARN]
HAMAS WING [PSEHMSBRD]
GOLLUM  # comment
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
LORIEN  [ELR/GAL]
U.S.S.R
+USSR
	[USR <911226]
ZIMBABWE
	[RHO <790606]
	[ZBW]
`);
  const entry = (name: string) => dict.byFirst.get(name)![0].entry;
  it('reads names joined by _ or spaces, synonyms and codes on later lines', () => {
    expect(dict.byFirst.get('ARNOR')![0].words).toEqual(['ARNOR']);
    expect(dict.byFirst.get('HAMAS')![0].words).toEqual(['HAMAS', 'WING']);
    expect(entry('SMEAGOL')).toBe(entry('GOLLUM'));
    expect(entry('USSR').codes[0].codes).toEqual(['USR']);
  });
  it('picks the code of the date', () => {
    expect(actorCodesOn(entry('GOLLUM'), 19950101)).toEqual(['HOB']);
    expect(actorCodesOn(entry('GOLLUM'), 19950601)).toEqual(['HOBGOV']);
    expect(actorCodesOn(entry('GOLLUM'), 20010101)).toEqual(['HOBREB']);
    expect(actorCodesOn(entry('ZIMBABWE'), 19781223)).toEqual(['RHO']);
    expect(actorCodesOn(entry('ZIMBABWE'), 20010101)).toEqual(['ZBW']);
    expect(actorCodesOn(entry('USSR'), 19950101)).toEqual([]);
  });
  it('reads several actors in one code', () => {
    expect(actorCodesOn(entry('LORIEN'), null)).toEqual(['ELR', 'GAL']);
  });
});

describe('agent dictionary and discards', () => {
  const dict = parseAgentDictionary(`!PERSON! = MAN, WOMEN
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MSF {}  [NGO~]
MAIN_OPPOSITION_GROUP [~MOP]
CONGRESS!PERSON! [~LEG]
`);
  const find = (words: string) => (dict.byFirst.get(words.split(' ')[0]) ?? []).find((e) => e.words.join(' ') === words);
  it('reads suffix and prefix codes', () => {
    expect(find('POLICE')).toMatchObject({ prefix: '', suffix: 'COP' });
    expect(find('MSF')).toMatchObject({ prefix: 'NGO', suffix: '' });
  });
  it('makes regular plurals unless braces say otherwise', () => {
    expect(find('MAIN OPPOSITION GROUPS')?.suffix).toBe('MOP');
    expect(find('POLICES')).toBeUndefined();
    expect(find('GOLDEN GEESE')?.suffix).toBe('GGS');
    expect(find('GOLDEN GOOSES')).toBeUndefined();
  });
  it('substitutes !NAME! lists', () => {
    expect(find('CONGRESSMAN')?.suffix).toBe('LEG');
    expect(find('CONGRESSWOMEN')?.suffix).toBe('LEG');
  });
  it('reads story (+) and sentence discards', () => {
    expect(parseDiscards('+World Golf Championships # x\nBASEBALL\n')).toEqual({ story: [['WORLD', 'GOLF', 'CHAMPIONSHIPS']], sentence: [['BASEBALL']] });
  });
});
