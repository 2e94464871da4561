import { describe, expect, it } from 'vitest';
import { figures, readGold, readMeantime, readTimeML, score, writeTimeML } from './timeml.js';
import type { TimeExpr } from '../src/analyze/schema.js';

const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after a <TIMEX3 tid="t2" type="DURATION" value="P5Y">five year</TIMEX3> low.
</TEXT>
</TimeML>`;

const CAT = `<?xml version="1.0" ?><Document doc_id="1" doc_name="d" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">14</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">They</token>
<token number="7" sentence="2" t_id="8">met</token>
<token number="8" sentence="2" t_id="9">Monday</token>
<token number="9" sentence="2" t_id="10">.</token>
<token number="10" sentence="3" t_id="11">Later</token>
<token number="11" sentence="3" t_id="12">today</token>
<Markables>
<TIMEX3 m_id="9" type="DATE" value="2009-05-11" functionInDocument="NONE"><token_anchor t_id="9"/></TIMEX3>
<TIMEX3 m_id="16" type="DATE" value="2009-05-14" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
</Markables>
</Document>`;

const sys = (start: number, end: number, text: string, value: string, type: TimeExpr['type'] = 'DATE'): TimeExpr => ({ start, end, text, value, type });

describe('readTimeML', () => {
  const doc = readTimeML(TML, 'X1');
  it('strips tags and entities, keeping gold offsets in the plain text', () => {
    expect(doc.dct).toBe('1998-01-08');
    expect(doc.text).toContain('Stocks fell & rose yesterday');
    for (const g of doc.timexes) expect(doc.text.slice(g.start, g.end)).toBe(g.text);
    expect(doc.timexes.map((g) => [g.text, g.type, g.value])).toEqual([['yesterday', 'DATE', '1998-01-07'], ['five year', 'DURATION', 'P5Y']]);
  });
  it('is chosen by readGold for .tml content', () => expect(readGold(TML, 'X1').timexes).toHaveLength(2));
});

describe('readMeantime', () => {
  const doc = readMeantime(CAT, 'd');
  it('joins tokens back into text, one sentence a line, with no space before punctuation', () => {
    expect(doc.text).toBe('Talks end\nMay 14, 2009\nThey met Monday.\nLater today');
  });
  it('takes the creation time as the DCT, ignores its span, and bounds the scored text by the last annotated sentence', () => {
    expect(doc.dct).toBe('2009-05-14');
    expect(doc.timexes.map((g) => g.text)).toEqual(['Monday']);
    expect(doc.text.slice(doc.ignore[0].start, doc.ignore[0].end)).toBe('May 14, 2009');
    expect(doc.extent).toBe(doc.text.indexOf('Later') - 1);
  });
});

describe('score (TempEval-3 Task A)', () => {
  const doc = readTimeML(TML, 'X1');
  const y = doc.timexes[0], f = doc.timexes[1];
  it('counts strict, relaxed, type and value matches one to one', () => {
    const r = score(doc, [sys(y.start, y.end, 'yesterday', '1998-01-07'), sys(f.start - 2, f.end, 'a five year', 'P5Y', 'DATE'), sys(0, 6, 'Stocks', 'PXY')]);
    expect(r.counts).toEqual({ gold: 2, sys: 3, strict: 1, relaxed: 2, type: 1, value: 2 });
    const fig = figures(r.counts);
    expect(fig.relaxedP).toBeCloseTo(2 / 3);
    expect(fig.relaxedR).toBe(1);
    expect(fig.strictF).toBeCloseTo((2 * 0.5 * (1 / 3)) / (0.5 + 1 / 3));
    // value F1: precision 2/3, recall 2/2
    expect(fig.valueF).toBeCloseTo(0.8);
    expect(r.spurious.map((t) => t.text)).toEqual(['Stocks']);
  });
  it('drops system timexes on the creation time and beyond the annotated extent', () => {
    const m = readMeantime(CAT, 'd');
    const r = score(m, [sys(10, 22, 'May 14, 2009', '2009-05-14'), sys(m.text.indexOf('today'), m.text.length, 'today', '2009-05-14')]);
    expect(r.counts.sys).toBe(0);
  });
});

describe('writeTimeML', () => {
  it('writes the system tags inline, escaped, with the DCT, so the text reads back identically', () => {
    const doc = readTimeML(TML, 'X1');
    const y = doc.timexes[0];
    const out = writeTimeML(doc, [sys(y.start, y.end, 'yesterday', '1998-01-07')]);
    expect(out).toContain('<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>');
    expect(out).toContain('fell &amp; rose');
    const back = readTimeML(out, 'X1');
    expect(back.text).toBe(doc.text);
    expect(back.dct).toBe('1998-01-08');
    expect(back.timexes.map((g) => g.value)).toEqual(['1998-01-07']);
  });
});
