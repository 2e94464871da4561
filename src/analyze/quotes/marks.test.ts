import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './marks.js';

/** The quoted stretches of a text whose paragraphs are its lines. */
function quoted(text: string): string[] {
  const paragraphs: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) { paragraphs.push({ start, end: start + line.length }); start += line.length + 1; }
  return findQuoteSpans(text, paragraphs).map((q) => text.slice(q.start, q.end));
}

describe('quote marks', () => {
  it('pairs curly double quotes and drops the comma before the attribution', () => {
    expect(quoted('“Hungary has come home,” said Foreign Minister Janos Martonyi.')).toEqual(['Hungary has come home']);
  });

  it('pairs straight double quotes, even with spaces inside the marks', () => {
    expect(quoted('"We don\'t need the cash," said Mr. Price, using the chip as their " brains " anyway.')).toEqual(["We don't need the cash", 'brains']);
  });

  it('pairs typewriter `` and \'\' marks', () => {
    expect(quoted("``It was definitely a bomb,'' said a U.S. Embassy official.")).toEqual(['It was definitely a bomb']);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(quoted('Lee’s ’90s rock ’n’ roll and the workers’ union met Xi’s “new phase”.')).toEqual(['new phase']);
  });

  it('keeps a quote nested in a quote inside the outer one', () => {
    expect(quoted("``Well may we say `God save the Queen,' for nothing will save the republic,'' said David Mitchell."))
      .toEqual(["Well may we say `God save the Queen,' for nothing will save the republic"]);
    expect(quoted('“It is, as he said, ‘a new phase’ for us,” Lee said.')).toEqual(['It is, as he said, ‘a new phase’ for us']);
  });

  it('reads single quotes as quotes where a text quotes with single marks only', () => {
    expect(quoted('Xi calls for ‘correct strategic choices’\nLee’s trip went well.')).toEqual(['correct strategic choices']);
  });

  it('runs a quote over sentences and over a paragraph left open and reopened', () => {
    expect(quoted('He said, “We will do it right. And we will do it once.”')).toEqual(['We will do it right. And we will do it once.']);
    const q = quoted('“I am the father of Elian,” he said. “Immigration has said that I am the only one\n“Why should it be delayed? I am the father.”');
    expect(q).toEqual(['I am the father of Elian', 'Immigration has said that I am the only one\n“Why should it be delayed? I am the father.']);
  });

  it('ends an unclosed quote where a new one opens, or at the end of its paragraph', () => {
    expect(quoted("Replied Richard Boucher, ``We haven't analyzed it. ``We believe his words cannot distract the world.''"))
      .toEqual(["We haven't analyzed it.", 'We believe his words cannot distract the world.']);
    expect(quoted('General Lichte said “This will be an American tanker.\nBoeing had agreed.')).toEqual(['This will be an American tanker.']);
  });
});
