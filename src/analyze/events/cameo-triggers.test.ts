import { describe, expect, it } from 'vitest';
import { parseVerbDictionary } from './petrarch/index.js';
import { expandBlock, reduceVerbDictionary } from './cameo-triggers.js';
import { buildTriggerIndex, eventLexicon, type CameoCode } from './lexicon.js';
import { ploverOf } from './plover.js';

// a tiny PETRARCH verb dictionary with what CAMEO.2.0.txt holds: a [---] block, own codes, irregular and multi-word
// forms, simple and complex patterns, a no-event pattern, codes dyad leaves out
const TINY = `
&CURRENCY
+DOLLAR

---  SAY   [---]  ---
DECLARE
PRAISE [051]

---  PRAISE   [051]  ---
PRAISE
ACCLAIM
- * (FOR)                      [051]
- * + (FOR) &CURRENCY          [0211]

---  CALL   [041:041]  ---
CALL
+RING_UP {+RANG_UP +RUNG_UP}
- * (FOR)                      [020]
- * (FOR SANCTIONS)            [1312]
- * (ON)                       [020]
- * LIAR                       [111]
- * {CABINET MEETING}          [---]
- * (FOR &INVESTIGATION)       [090]
- PRESIDENT *                  [043]
- * TROUBLING                  [012]

---  KILL   [190]  ---
KILL
SLAY {SLEW SLAIN}
- * HIMSELF                    [---]

---  STATE   [010]  ---
STATE
`;

const keepCode = (c: string) => Number(c.slice(0, 2)) >= 2 && Number(c.slice(0, 2)) <= 20 && !c.startsWith('09');

describe('the reduction of a PETRARCH verb dictionary to dyad triggers', () => {
  const r = reduceVerbDictionary(parseVerbDictionary(TINY), { keepCode });
  const block = (name: string) => r.blocks.find((b) => b.block === name);
  const entries = (name: string) => expandBlock(block(name)!);

  it('gives each form the code of the first block listing it: "praise" stays in [---] SAY, whose own [051] it has', () => {
    // DECLARE codes nothing and the block has no pattern: it is not written
    expect(block('SAY')!.verbs).toEqual([{ cameo: '051', forms: ['praise', 'praises', 'praised', 'praising'] }]);
    expect(JSON.stringify(r.blocks)).not.toContain('declare');
    // PRAISE's own form list holds only what SAY did not take
    expect(block('PRAISE')!.verbs[0].forms).toEqual(['acclaim', 'acclaims', 'acclaimed', 'acclaiming']);
  });

  it('writes the regular inflections, the irregular ones and multi-word verbs', () => {
    const forms = block('CALL')!.verbs.flatMap((v) => v.forms);
    expect(forms).toEqual(expect.arrayContaining(['call', 'calls', 'called', 'calling', 'ring up', 'rang up', 'rung up']));
    expect(block('KILL')!.verbs[0].forms).toEqual(expect.arrayContaining(['kill', 'killed', 'slay', 'slew', 'slain']));
  });

  it('reduces "* (FOR)" to verb + particle and "* (FOR SANCTIONS)" to verb + particle + object; drops patterns with $ + % ^, synsets or words before the verb', () => {
    expect(block('CALL')!.patterns).toEqual([
      { particles: 'for', cameo: '020' },
      { particles: 'for', object: 'sanctions', cameo: '1312' },
      { particles: 'on', cameo: '020' },
      { object: 'liar', cameo: '111' },
      { object: 'cabinet meeting', cameo: null }, // [---]: codes nothing, and stops the plain "call"
      { object: 'troubling', cameo: null }, // 012 is left out: "called … troubling" is no phone call either
    ]);
    expect(block('PRAISE')!.patterns).toEqual([{ particles: 'for', cameo: '051' }]);
    const called = entries('CALL').filter((e) => e.words.startsWith('called'));
    expect(called).toEqual(expect.arrayContaining([
      { words: 'called', cameo: '041', object: null },
      { words: 'called for', cameo: '020', object: null },
      { words: 'called for', cameo: '1312', object: 'sanctions' },
      { words: 'called on', cameo: '020', object: null },
      { words: 'called', cameo: '111', object: 'liar' },
      { words: 'called', cameo: null, object: 'cabinet meeting' },
    ]));
  });

  it('keeps a no-event pattern where the plain verb codes ("killed himself"), leaves out 01 and 09 codes, and lists the codes used', () => {
    expect(block('KILL')!.patterns).toEqual([{ object: 'himself', cameo: null }]);
    expect(block('STATE')).toBeUndefined();
    expect(JSON.stringify(r.blocks)).not.toContain('"090"');
    expect(r.codes).toEqual(['020', '041', '051', '111', '1312', '190']);
  });

  it('takes only the code of a block alone when plainCode allows it, and applies the exclusions', () => {
    const r2 = reduceVerbDictionary(parseVerbDictionary(TINY), { keepCode, plainCode: (c) => c !== '041', excludeForms: new Set(['slay', 'slew']), excludeBlocks: new Set(['PRAISE']) });
    const call = r2.blocks.find((b) => b.block === 'CALL')!;
    expect(call.verbs).toEqual([{ cameo: null, forms: expect.arrayContaining(['call', 'called']) }]); // "041:041" would be its code
    expect(call.patterns.some((p) => p.cameo === '020')).toBe(true);
    expect(r2.blocks.find((b) => b.block === 'PRAISE')).toBeUndefined();
    expect(r2.blocks.find((b) => b.block === 'KILL')!.verbs[0].forms).not.toContain('slew');
  });
});

describe('the trigger index: hand-kept entries win over generated ones', () => {
  const cameo = new Map<string, CameoCode>(['020', '040', '046', '050', '111', '041'].map((c) => [c, { code: c, name: c, goldstein: 0, ...ploverOf(c) }]));
  const hand = {
    verbs: [{ forms: ['negotiate'], cameo: '046', next: ['with'] }, { forms: ['meet', 'met'], cameo: '040' }],
    nouns: [{ forms: ['talks'], cameo: '040' }],
  };
  const generated = {
    blocks: [
      { block: 'BARGAIN', verbs: [{ cameo: '050', forms: ['negotiate', 'talks', 'bargain'] }], patterns: [{ particles: 'with', cameo: '050' }] },
      { block: 'CALL', verbs: [{ cameo: '041', forms: ['called'] }], patterns: [{ object: 'liar', cameo: '111' }, { particles: 'for', cameo: '020' }] },
    ],
  };
  const index = buildTriggerIndex(cameo, hand, generated);

  it('drops a generated entry whose words the hand-kept dictionary lists, as a verb or a noun', () => {
    expect(index.entriesOf('negotiate').filter((e) => e.words.length === 1).map((e) => [e.cameo, e.from])).toEqual([['046', 'hand']]);
    expect(index.entriesOf('talks').map((e) => [e.words.join(' '), e.from])).toEqual([['talks', 'hand'], ['talks with', 'cameo']]);
    expect(index.entriesOf('bargain').map((e) => [e.words.join(' '), e.cameo, e.from])).toEqual([['bargain with', '050', 'cameo'], ['bargain', '050', 'cameo']]);
  });

  it('tries the hand-kept entries of a word before any generated one, even a longer one ("negotiate with" stays 046)', () => {
    expect(index.entriesOf('negotiate').map((e) => [e.words.join(' '), e.cameo, e.from])).toEqual([['negotiate', '046', 'hand'], ['negotiate with', '050', 'cameo']]);
  });

  it('among generated entries: longest first, then an entry asking for an object before the plain one', () => {
    expect(index.entriesOf('called').map((e) => [e.words.join(' '), e.cameo, e.object?.[0].join(' ') ?? null])).toEqual([
      ['called for', '020', null], ['called', '111', 'liar'], ['called', '041', null],
    ]);
  });

  it('refuses a code cameo.json does not list', () => {
    expect(() => buildTriggerIndex(cameo, { verbs: [{ forms: ['x'], cameo: '999' }], nouns: [] })).toThrow(/E_LEXICON/);
  });
});

describe('the shipped dictionaries', () => {
  it('every code the generated triggers use is in cameo.json, with the PLOVER type and mode of dyad\'s mapping', () => {
    const { cameo, triggers } = eventLexicon();
    for (const s of triggers.allShapes()) if (s.cameo) expect(cameo.has(s.cameo), s.cameo).toBe(true);
    for (const c of cameo.values()) expect({ code: c.code, plover: c.plover, mode: c.mode }).toEqual({ code: c.code, ...ploverOf(c.code) });
    expect(triggers.entriesOf('congratulated').some((e) => e.cameo === '051' && e.from === 'cameo')).toBe(true);
  });
});
