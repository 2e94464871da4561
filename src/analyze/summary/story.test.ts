import { describe, expect, it } from 'vitest';
import { storyBrief, type BriefArticle } from './story.js';

/** An article whose sentences are its lines (one paragraph each), with events on the given lines. */
function article(id: string, lines: string[], eventful: number[] = []): BriefArticle {
  const text = lines.join('\n');
  let at = 0;
  const sentences = lines.map((l, i) => { const s = { start: at, end: at + l.length, paragraph: i }; at += l.length + 1; return s; });
  return { id, text, sentences, events: eventful.map((i) => ({ sentence: sentences[i], modality: 'asserted' as const })) };
}

describe('storyBrief', () => {
  const a = article('a', [
    'Leaders meet in Geneva',
    'WASHINGTON, March 12 (Xinhua) --',
    'The foreign ministers of Kenya and Tanzania signed a border accord in Arusha on Friday after two days of talks.',
    'The accord ends a decade of disputes over the fishing grounds of Lake Victoria, officials said.',
    'Weather in the region was mild for the season, forecasters noted on Friday morning.',
  ], [2]);
  const b = article('b', [
    'Kenya, Tanzania end border row',
    'Kenya and Tanzania signed a border accord in Arusha on Friday, their foreign ministers said after two days of talks.',
    'The deal ends a decade of disputes over Lake Victoria fishing grounds.',
    '"This is a good day for both our peoples," the Kenyan minister told reporters in Arusha.',
  ], [1]);

  it('puts the most eventful and central sentences first, never two that restate each other, nor a dateline', () => {
    const brief = storyBrief([a, b]);
    expect(brief).toHaveLength(3);
    expect(brief[0].text).toMatch(/signed a border accord/);
    expect(brief.filter((s) => /signed a border accord/.test(s.text))).toHaveLength(1);
    expect(brief.map((s) => s.text)).not.toContain('WASHINGTON, March 12 (Xinhua) --');
    for (const s of brief) expect((s.articleId === 'a' ? a : b).text.slice(s.start, s.end)).toBe(s.text);
  });
});
