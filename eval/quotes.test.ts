import { describe, expect, it } from 'vitest';
import { rebuildMeantime, rebuildTimeml, scoreArticle, speakerMatch } from './quotes.js';
import type { Entity, Quote } from '../src/analyze/schema.js';

const quote = (text: string, speakerName: string | null, speaker: string | null = null): Quote => ({ start: 0, end: 0, text, speaker, speakerName, cue: null });

describe('quotes eval', () => {
  it('rebuilds a TimeML article: title, tags stripped, paragraphs at blank lines', () => {
    const xml = '<TimeML><TITLE>Blasts rock embassies</TITLE><TEXT>\nNAIROBI (AP) _\n\n``It was a <EVENT eid="e1">bomb</EVENT>,\'\'\nsaid an official &amp; aide.\n</TEXT></TimeML>';
    expect(rebuildTimeml(xml).text).toBe("Blasts rock embassies\nNAIROBI (AP) _\n``It was a bomb,'' said an official & aide.");
  });

  it('rebuilds a MEANTIME article from its tokens, quotes and clitics attached', () => {
    const tok = (s: number, t: string) => `<token sentence="${s}">${t}</token>`;
    const xml = [tok(0, 'GM'), tok(0, 'plans'), tok(1, 'June'), tok(1, '4'), tok(2, 'He'), tok(2, 'said'), tok(2, '``'), tok(2, 'We'), tok(2, 'do'), tok(2, "n't"), tok(2, 'quit'), tok(2, '.'), tok(2, "''"), tok(3, 'He'), tok(3, 'called'), tok(3, 'it'), tok(3, '&quot;'), tok(3, 'GM'), tok(3, "'s"), tok(3, 'plan'), tok(3, '&quot;'), tok(3, '.')].join('\n');
    expect(rebuildMeantime(xml).text).toBe("GM plans\nHe said ``We don't quit.'' He called it \"GM's plan\".");
  });

  it('counts a speaker right by name, alias or a whole-word part of the speaker text', () => {
    const e: Entity = { id: 'e1', name: 'Fidel Castro', type: 'PERSON', country: null, role: null, aliases: ['Castro'], mentions: [] };
    expect(speakerMatch({ text: 'x', speaker: ['Castro'] }, quote('x', 'Fidel Castro', 'e1'), [e])).toBe(true);
    expect(speakerMatch({ text: 'x', speaker: ['Marlin Fitzwater'] }, quote('x', 'White House spokesman Marlin Fitzwater'), [])).toBe(true);
    expect(speakerMatch({ text: 'x', speaker: ['Castro'] }, quote('x', 'Castroville'), [])).toBe(false);
  });

  it('scores text by normalized words, one system quote per gold quote (a right speaker first), repeats and optional ones neutral', () => {
    const gold = { quotes: { required: [{ text: 'It was a bomb,', speaker: ['official'] }, { text: 'new phase', speaker: 'Lee' }], optional: [{ text: 'boy hero', speaker: null }] } };
    const s = scoreArticle(gold, [quote('It was a bomb', 'an official'), quote('new phase', 'Xi'), quote('new phase', 'Lee'), quote('boy hero', null), quote('bugs', null)], []);
    expect(s).toEqual({ gold: 2, system: 3, matched: 2, speakerOk: 2, optional: 2 });
  });
});
