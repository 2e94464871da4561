import { describe, expect, it } from 'vitest';
import { segment } from './index.js';

const words = (text: string) => segment(text).tokens.map((t) => t.text);
const sentenceTexts = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('splits clitics, keeps abbreviations and hyphenated words whole', () => {
    expect(words("Lee’s four-day visit to the U.S. didn't end.")).toEqual(['Lee', '’s', 'four-day', 'visit', 'to', 'the', 'U.S.', 'did', "n't", 'end', '.']);
  });

  it('keeps numbers with separators whole', () => {
    expect(words('It cost $1,200.50 on 2026-01-05.')).toEqual(['It', 'cost', '$', '1,200.50', 'on', '2026-01-05', '.']);
  });

  it('splits sentences at terminal punctuation but not after a title abbreviation', () => {
    expect(sentenceTexts('Mr. Kim met Dr. Park. They talked. Then they left!')).toEqual(['Mr. Kim met Dr. Park.', 'They talked.', 'Then they left!']);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(sentenceTexts('He said: “We are ready.” The talks ended.')).toEqual(['He said: “We are ready.”', 'The talks ended.']);
  });

  it('keeps a middle initial with its period, as CoNLL does', () => {
    expect(words('Robert M. Gates spoke.')).toEqual(['Robert', 'M.', 'Gates', 'spoke', '.']);
  });

  it('does not split after a middle initial', () => {
    expect(sentenceTexts('Robert M. Gates met reporters. He left.')).toEqual(['Robert M. Gates met reporters.', 'He left.']);
  });

  it('leaves an opening straight quote to the sentence it opens', () => {
    expect(sentenceTexts('He spoke. "We are ready," he said.')).toEqual(['He spoke.', '"We are ready," he said.']);
  });

  it('treats each line as its own paragraph and numbers sentences by paragraph', () => {
    const seg = segment('Headline here\nFirst para. Second sentence.\nLast');
    expect(seg.paragraphs).toHaveLength(3);
    expect(seg.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('keeps every token inside its sentence and every offset true to the text', () => {
    const text = 'A “quoted” word. Another one?\nYes.';
    const seg = segment(text);
    for (const t of seg.tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      const s = seg.sentences[t.sentence];
      expect(t.start >= s.start && t.end <= s.end).toBe(true);
    }
  });
});
