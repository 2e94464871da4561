import { describe, expect, it } from 'vitest';
import { codeSentence, type Dictionaries } from './coder.js';
import { parseActorDictionary } from './dictionary/actors.js';
import { parseAgentDictionary, parseDiscards } from './dictionary/agents.js';
import { parseVerbDictionary } from './dictionary/verbs.js';

const dicts: Dictionaries = {
  verbs: parseVerbDictionary(`
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * FULL_&TIETYPES TIES [902]
- NOT * RELATIONS [112]

--- ATTACK [190] ---
ATTACK

--- MEET [031:032] ---
MEET {MET}

--- AGREE [081] ---
AGREE
- % * [030:030]

--- FREE [066] ---
FREE
- + * FROM $ [066]

--- VISIT [042] ---
VISIT
`),
  actors: parseActorDictionary(`ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
MORDOR [MOR]
THE_SHIRE [FRO/BIL]
PRESIDENT_ARAGORN [ARNGOV]
SAM_GAMGEE [HOB]
	[HOBCIV <20080120]
	[HOBGOV 20121109-20130119]
`),
  agents: parseAgentDictionary(`POLICE {} [~COP]
MINISTER [~GOV]
MSF {} [NGO~]
OFFICIAL [~GOV]
`),
  discards: parseDiscards('+TYPHOON\nBASEBALL\n'),
};

const code = (text: string, date = '19950101', parse: string | null = null) =>
  codeSentence({ text, date, parse }, dicts).codings.map((c) => `${c.source}>${c.target}:${c.code}`).sort();

describe('PETRARCH-format coder on plain text', () => {
  it('codes the actor before the verb as source and the one after it as target', () => {
    expect(code('Arnor will restore ties with Gondor.')).toEqual(['ARN>GON:064']);
  });
  it('takes the best pattern, words between spaced items allowed, none between joined ones', () => {
    expect(code('Arnor will restore full military ties with Gondor.')).toEqual(['ARN>GON:902']);
    expect(code('Arnor will restore full new military ties with Gondor.')).toEqual(['ARN>GON:064']);
    expect(code('Arnor will restore full military and cultural ties with Gondor.')).toEqual(['ARN>GON:902']);
  });
  it('matches the words before the verb (negation as the dictionary says)', () => {
    expect(code('Arnor did not restore relations with Gondor.')).toEqual(['ARN>GON:112']);
  });
  it('combines agents with the country before or after them', () => {
    expect(code('Arnor police attacked Gondor.')).toEqual(['ARNCOP>GON:190']);
    expect(code('The minister of Arnor attacked Gondor.')).toEqual(['ARNGOV>GON:190']);
    expect(code('An MSF Arnor official attacked Gondor.')).toEqual(['NGOARNGOV>GON:190']);
    expect(code('Officials attacked Gondor.')).toEqual(['---GOV>GON:190']);
  });
  it('lets a later actor of the same phrase refine the first ("Arnor\'s President Aragorn")', () => {
    expect(code("Arnor's President Aragorn attacked Gondor.")).toEqual(['ARNGOV>GON:190']);
  });
  it('makes one coding per member of a compound actor', () => {
    expect(code('Arnor and Mordor attacked Gondor.')).toEqual(['ARN>GON:190', 'MOR>GON:190']);
    expect(code('Arnor attacked Gondor, Mordor and the Shire.')).toEqual(['ARN>BIL:190', 'ARN>FRO:190', 'ARN>GON:190', 'ARN>MOR:190']);
  });
  it('codes a pair code both ways and % among the members of a compound', () => {
    expect(code('Arnor met Gondor.')).toEqual(['ARN>GON:031', 'GON>ARN:032']);
    expect(code('Arnor and Gondor agree that the war is over.')).toEqual(['ARN>GON:030', 'GON>ARN:030']);
  });
  it('swaps the roles of a passive with "by", and follows $ and + of a pattern', () => {
    expect(code('Gondor was attacked by Arnor police.')).toEqual(['ARNCOP>GON:190']);
    expect(code('Gondor was freed from Mordor.')).toEqual(['MOR>GON:066']);
  });
  it('gives a dated actor the code of the sentence date', () => {
    expect(code('Sam Gamgee attacked Gondor.', '19950101')).toEqual(['HOBCIV>GON:190']);
    expect(code('Sam Gamgee attacked Gondor.', '20121225')).toEqual(['HOBGOV>GON:190']);
    expect(code('Sam Gamgee attacked Gondor.', '20100101')).toEqual(['HOB>GON:190']);
  });
  it('does not take a noun for a verb of the dictionary', () => {
    expect(code('Arnor will restore ties with Gondor during a visit to Mordor.')).toEqual(['ARN>GON:064']);
  });
  it('shares the subject between coordinated verbs and stops the target at "…, an official said"', () => {
    expect(code('Arnor attacked the city of Mordor on Monday and met Gondor, an official said.')).toEqual(['ARN>GON:031', 'ARN>MOR:190', 'GON>ARN:032']);
  });
  it('gives a subordinate clause its own subject, even one that is not an actor', () => {
    expect(code('Arnor will restore ties with Gondor after crowds attacked Mordor.')).toEqual(['ARN>GON:064']);
  });
  it('codes nothing in a discarded story or sentence', () => {
    expect(codeSentence({ text: 'Arnor attacked Gondor after a typhoon.', date: null }, dicts)).toMatchObject({ codings: [], error: 'storydiscard' });
    expect(codeSentence({ text: 'Arnor attacked Gondor at baseball.', date: null }, dicts)).toMatchObject({ codings: [], error: 'sentencediscard' });
  });
});

describe('PETRARCH-format coder with a parse tree', () => {
  const tree = `(ROOT (S (NP (NNP Arnor)) (VP (VP (VBD attacked) (NP (NNP Gondor))) (CC and) (VP (VBD met) (NP (NNP Mordor)))) (. .)))`;
  it('finds the subject of coordinated verbs in the tree', () => {
    expect(code('Arnor attacked Gondor and met Mordor.', '19950101', tree)).toEqual(['ARN>GON:190', 'ARN>MOR:031', 'MOR>ARN:032']);
  });
  it('reports an unbalanced tree and codes nothing', () => {
    expect(codeSentence({ text: 'Arnor attacked Gondor.', parse: '(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked)' }, dicts)).toMatchObject({ codings: [], error: 'bad_input_parse' });
  });
});
