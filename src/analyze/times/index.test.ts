import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment } from '../sentences/index.js';
import { createDocument } from '../document.js';
import { createPipeline } from '../pipeline.js';
import { segmentStage } from '../sentences/index.js';
import { makeArticle } from '../../ingest/article.js';
import { findTimes, timesStage } from './index.js';

/** The times of one text, as "text=value" strings. */
function times(text: string, published: string | null = '2026-01-05'): string[] {
  return findTimes(text, segment(text).sentences, published).map((t) => `${t.text}=${t.value}`);
}
const one = (text: string, published: string | null = '2026-01-05'): string => times(text, published).join(' | ');

describe('findTimes: the sample article (published Monday 2026-01-05)', () => {
  const raw = readFileSync(new URL('../../../../shared/seed/lee-xi-beijing.txt', import.meta.url), 'utf8').replace(/\s*End of Article\s*$/, '');
  const found = times(raw);
  it.each([
    ['Monday', '2026-01-05'], ['Tuesday', '2026-01-06'], ['2019', '2019'], ['November', '2025-11'], ['last year', '2025'],
    ['later this month', '2026-01'], ['June', '2025-06'], ['four-day', 'P4D'], ['years', 'PXY'],
  ])('finds %s = %s', (text, value) => expect(found).toContain(`${text}=${value}`));
  it('finds nothing else', () => expect(new Set(found).size).toBe(9));
});

describe('findTimes: kinds of expression', () => {
  it('reads absolute dates in the usual news forms', () => {
    expect(one('The deal was signed on January 5, 2026.')).toBe('January 5, 2026=2026-01-05');
    expect(one('Talks resumed on 5 January.')).toBe('5 January=2026-01-05');
    expect(one('The ceasefire began Jan. 5 at dawn.')).toBe('Jan. 5=2026-01-05');
    expect(one('The figures cover 2013-W12.')).toBe('2013-W12=2013-W12');
    expect(one('Exports fell in the 1990s.')).toBe('the 1990s=199');
    expect(one('The plant is due to open in mid-2020.')).toBe('mid-2020=2020');
  });
  it('reads relative days, weeks, months and years against the publication date', () => {
    expect(one('Officials met yesterday.')).toBe('yesterday=2026-01-04');
    expect(one('He will speak tonight.')).toBe('tonight=2026-01-05TNI');
    expect(one('Ministers meet this week.')).toBe('this week=2026-W02');
    expect(one('Elections are planned next month.')).toBe('next month=2026-02');
    expect(one('The bank was founded a year ago.')).toBe('a year ago=2025');
    expect(one('Prices rose earlier this year.')).toBe('earlier this year=2026');
    expect(one('Sales fell in the third quarter.')).toBe('the third quarter=2025-Q3');
  });
  it('reads parts of days, clock times and joins a clock time to its day', () => {
    expect(one('They met Friday afternoon.', '2013-03-25')).toBe('Friday afternoon=2013-03-22TAF');
    expect(one('The vote closes at 3 p.m.')).toBe('3 p.m.=2026-01-05T15:00');
    expect(one('Polls close at 10 p.m. Wednesday.')).toBe('10 p.m. Wednesday=2026-01-07T22:00');
  });
  it('reads durations, vague references and sets', () => {
    expect(one('The talks lasted three months.')).toBe('three months=P3M');
    expect(one('Troops must leave within 24 hours.')).toBe('24 hours=PT24H');
    expect(one('Prices have doubled over the past two years.')).toBe('the past two years=P2Y');
    expect(one('Refugees lived in camps for 2 1/2 years.')).toBe('2 1/2 years=P2Y6M');
    expect(one('Such talks failed in the past.')).toBe('the past=PAST_REF');
    expect(one('The region is now calm.')).toBe('now=PRESENT_REF');
    expect(one('The minister recently resigned.')).toBe('recently=PAST_REF');
    expect(one('The envoys meet every week.')).toBe('every week=P1W');
    expect(one('The paper is published daily.')).toBe('daily=P1D');
  });
  it('reads durations with "more", "additional", "trading", "a hundred", "couple of" and "and a half"', () => {
    expect(one('The navy may keep the port for 20 more years.')).toBe('20 more years=P20Y');
    expect(one('The lease can be renewed for an additional year.')).toBe('an additional year=P1Y');
    expect(one('Eight trading days after the crash, shares recovered.')).toBe('Eight trading days=P8D');
    expect(one('The firm returned to profit after several quarters of losses.')).toBe('several quarters=PXQ');
    expect(one('The economy shrank after two consecutive quarters of decline.')).toBe('two consecutive quarters=P2Q');
    expect(one('Funds hold more than a quarter of the bonds.')).toBe('');
    expect(one('A minute and a half later, the pilot radioed the tower.')).toBe('A minute and a half=PT1M30S');
    expect(one('The crown has ruled the islands for almost a hundred years.')).toBe('a hundred years=P100Y');
    expect(one('Prices should rise over the next couple of years.')).toBe('the next couple of years=P2Y');
    expect(one('The strike came barely a month after the merger.')).toBe('a month=P1M');
  });
  it('reads "earlier in the year" as the year of writing and "the fiscal year ended ..." as a year-long period', () => {
    expect(one('Floods delayed planting earlier in the year.', '1989-10-26')).toBe('earlier in the year=1989');
    expect(one('Prices will be cut later in the month.', '1989-10-26')).toBe('later in the month=1989-10');
    expect(one('In the fiscal year ended Jan. 31, the chain lost money.', '1989-10-31')).toBe('the fiscal year=P1Y | Jan. 31=1989-01-31');
  });
  it('reads "at midday" as noon, "will one day" as the future, and leaves the idiom "high noon" alone', () => {
    expect(one('The envoy lands at midday.')).toBe('midday=2026-01-05T12:00');
    expect(one('The midday heat kept crowds away.')).toBe('');
    expect(one('Fusion could one day power whole cities.')).toBe('one day=FUTURE_REF');
    expect(one('The strike lasted one day.')).toBe('one day=P1D');
    expect(one('For the rebels, high noon has arrived.')).toBe('');
  });
  it('joins a month or a season to a year said in words (broadcast transcripts)', () => {
    expect(one('The first bomb went off in March nineteen ninety-six.')).toBe('March nineteen ninety-six=1996-03');
    expect(one('Oil was that cheap in the winter of nineteen eighty-six.')).toBe('the winter of nineteen eighty-six=1986-WI');
    expect(one('Oil was that cheap in the winter of 1986.')).toBe('the winter of 1986=1986-WI');
  });
  it('reads "mid-afternoon" after a preposition or before a day word, and "day-long" as a duration', () => {
    expect(one('By mid afternoon, the rebels had withdrawn.')).toBe('mid afternoon=2026-01-05TAF');
    expect(one('Shares were up 2% at mid-afternoon yesterday.')).toBe('mid-afternoon yesterday=2026-01-04TAF');
    expect(one('The mid-afternoon lull is gone.')).toBe('');
    expect(one('The envoys left a day-long meeting without a deal.')).toBe('day-long=P1D');
    expect(one('It ended a years-long feud.')).toBe('years-long=PXY');
  });
  it('reads a 24-hour clock time followed by a time zone, and no year in "the 5000 mark"', () => {
    expect(one('As of 14:48 UTC, the index was down 3%.')).toBe('14:48 UTC=2026-01-05T14:48Z');
    expect(one('The score was 14:48 at half time.')).toBe('');
    expect(one('The index fell below the 5000 mark.')).toBe('');
    expect(one('Sales were lower in the 1988 period.', '1989-10-26')).toBe('the 1988 period=1988');
  });
  it('marks the duration of "a few days later" and reads "the last half of the \'80s" as the decade', () => {
    expect(one('A few days later, the rival bid was withdrawn.')).toBe('A few days=PXD');
    expect(one('Three days later, the rival bid was withdrawn.')).toBe('Three days=P3D');
    expect(one('Sales were flat through the last half of the \'80s.')).toBe("the '80s=198");
    expect(one('Sales were flat in the last half.', '1989-10-26')).toBe('the last half=1989-H2');
  });
  it('reads "the weeks ahead" as an open stretch of weeks', () => {
    expect(one('Funds may have to sell bonds in the weeks ahead.')).toBe('the weeks ahead=PXW');
    expect(one('The road ahead is long.')).toBe('');
  });
  it('reads "for the past few weeks" as a stretch of weeks and "in the past few weeks" as a past reference', () => {
    expect(one('For the past few weeks, the ministry has stayed silent.')).toBe('the past few weeks=PXW');
    expect(one('Rates have fallen in the past few weeks.')).toBe('the past few weeks=PAST_REF');
  });
  it('leaves ages, amounts and modal "may" alone', () => {
    expect(times('The 44-year-old leader, 52 years old, may resign.')).toEqual([]);
    expect(times('About 2000 people marched; Iraq imports about three-quarters of its food.')).toEqual([]);
  });
});

describe('findTimes: tense chooses past or future for partial dates', () => {
  it('takes the previous month after a past verb and the coming one after a future verb', () => {
    expect(one('Lee took office in June.')).toBe('June=2025-06');
    expect(one('Lee will visit Tokyo in June.')).toBe('June=2026-06');
  });
  it('takes the coming weekday for a plan and the past one for a report', () => {
    expect(one('He is scheduled to meet Li on Tuesday.', '2026-01-07')).toBe('Tuesday=2026-01-13');
    expect(one('He met Li on Tuesday.', '2026-01-07')).toBe('Tuesday=2026-01-06');
  });
  it('takes the publication day for its own weekday in the past tense', () => {
    expect(one('Lee met Xi in Beijing on Monday.')).toBe('Monday=2026-01-05');
  });
  it('reads "to be held" as future and "had been due to" as past', () => {
    expect(one('The summit is to be held on Friday.', '2026-01-07')).toBe('Friday=2026-01-09');
    expect(one('The offer had been due to expire Friday.', '2026-01-07')).toBe('Friday=2026-01-02');
  });
  it('keeps a deadline after a past verb ahead: "was extended to Nov. 16"', () => {
    expect(one('The offer was extended to Nov. 16.', '1989-10-30')).toBe('Nov. 16=1989-11-16');
  });
  it('keeps a weekday deadline ahead with a clock time between: "until 9 a.m. Tuesday"', () => {
    expect(one('Officials have given the family until 9 a.m. Tuesday to sign.', '2000-04-03')).toBe('9 a.m. Tuesday=2000-04-04T09:00');
  });
  it('puts a bare clock time on the day last spoken of', () => {
    expect(one('He was shot on Oct. 23, 1998. The shot was fired at 10 p.m. from the woods.', '1999-04-19'))
      .toBe('Oct. 23, 1998=1998-10-23 | 10 p.m.=1998-10-23T22:00');
    expect(one('The blast occurred at 10:35 a.m.', '1998-08-08')).toBe('10:35 a.m.=1998-08-08T10:35');
  });
  it('takes a quoted title after a name for no date: ABC\'s "This Week"', () => {
    expect(one('Baker, speaking on ABC News\' "This Week," said the request was made.', '1990-08-13')).toBe('');
    expect(one('He said: "This week we will vote."', '1990-08-13')).toBe('This week=1990-W33');
  });
  it('lets the nearest reading place a date after "agreed to acquire" (the later act the past verb does not place)', () => {
    expect(one('Thermo Electron agreed to acquire the line for $22 million in February.', '1989-10-30')).toBe('February=1990-02');
    expect(one('It completed its agreement to acquire the bank in January.', '1989-11-02')).toBe('January=1990-01');
    expect(one('Thermo Electron acquired the line for $22 million in February.', '1989-10-30')).toBe('February=1989-02');
  });
  it('reads a past verb after "that" and a plural noun as a relative clause: "shootings that injured doctors in November"', () => {
    expect(one('Kopp is a suspect in sniper shootings that injured abortion doctors in November.', '1999-05-06')).toBe('November=1998-11');
  });
  it('lets the nearest reading place a day after "planned" used as a verb', () => {
    expect(one('Protesters planned a large demonstration on Saturday.', '2000-01-07')).toBe('Saturday=2000-01-08');
    expect(one('The sale is scheduled to close Monday.', '1989-11-02')).toBe('Monday=1989-11-06');
  });
  it('reads a day named before "planned" or "agreed to" as the day of that past act', () => {
    expect(one('On Saturday, the government planned a donor conference.', '2000-01-05')).toBe('Saturday=2000-01-01');
    expect(one('On Friday, the two firms agreed to merge.', '2000-01-05')).toBe('Friday=1999-12-31');
    expect(one('The government planned a donor conference on Saturday.', '2000-01-05')).toBe('Saturday=2000-01-08');
  });
  it('reads "over the weekend" without a future verb as the weekend just gone', () => {
    // Monday 1989-10-30: "continued" carries no tense the tagger trusts, so only "over" decides
    expect(one('Over the weekend, the bidder continued its campaign.', '1989-10-30')).toBe('the weekend=1989-W43-WE');
    expect(one('The bidder will press its campaign over the weekend.', '1989-10-30')).toBe('the weekend=1989-W44-WE');
  });
  it('gives "a year earlier" the quarter under discussion until another period takes over', () => {
    expect(one('Third-quarter net rose 5%. For the first nine months, profit was $9 million, compared with $7 million a year earlier.', '1989-10-26'))
      .toBe('Third-quarter=1989-Q3 | the first nine months=P9M | a year earlier=1988');
    expect(one('Third-quarter net rose to $5 million from $4 million a year earlier.', '1989-10-26')).toBe('Third-quarter=1989-Q3 | a year earlier=1988-Q3');
  });
  it('keeps the quarter under discussion past a contrasted quarter ("a weak second quarter") and a forecast one', () => {
    expect(one('Third-quarter profit rose to $5 million. After a weak second quarter, sales recovered. Analysts expect the slump to ' +
      'return in the fourth quarter. In the year-ago period, the company lost money.', '1989-11-01'))
      .toBe('Third-quarter=1989-Q3 | second quarter=1989-Q2 | the fourth quarter=1989-Q4 | the year-ago period=1988-Q3');
  });
  it('joins "the quarter a year ago" and "the same month a year earlier" into one period a year back', () => {
    expect(one('Third-quarter net fell. For the quarter a year ago, the bank earned $5 million.', '1989-10-26'))
      .toBe('Third-quarter=1989-Q3 | the quarter a year ago=1988-Q3');
    expect(one('Car sales fell 35% in January, compared with the same month a year earlier.', '2009-02-03'))
      .toBe('January=2009-01 | the same month a year earlier=2008-01');
  });
  it('reads "the year-earlier nine months" as a nine-month stretch', () => {
    expect(one('Net for the year-earlier nine months included a one-time gain.', '1989-10-26')).toBe('the year-earlier nine months=P9M');
    expect(one('Third-quarter net rose. The year-earlier results were restated.', '1989-10-26')).toBe('Third-quarter=1989-Q3 | year-earlier=1988-Q3');
  });
  it('reads "the previous Friday" from the day last spoken of', () => {
    expect(one('The index fell on Friday. It was down 4.5% from the previous Friday.', '1989-10-30'))
      .toBe('Friday=1989-10-27 | the previous Friday=1989-10-20');
  });
});

describe('findTimes: without a publication date', () => {
  it('keeps relative values unresolved, never guessed from the clock', () => {
    const t = findTimes('Lee met Xi on Monday and will return in November.', [], null);
    expect(t.map((x) => [x.text, x.value, x.unresolved])).toEqual([['Monday', 'XXXX-WXX-1', true], ['November', 'XXXX-11', true]]);
  });
  it('resolves absolute dates anyway', () => {
    const t = findTimes('The treaty of March 5, 1946 still holds.', [], null);
    expect(t[0]).toMatchObject({ value: '1946-03-05' });
    expect(t[0].unresolved).toBeUndefined();
  });
});

describe('findTimes: offsets', () => {
  it('gives spans whose text is the slice of the document', () => {
    const text = 'Héllo “world” — talks on Monday, then again next week.';
    for (const t of findTimes(text, [], '2026-01-05')) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('timesStage', () => {
  it('assigns the times layer in the pipeline', () => {
    const doc = createPipeline([segmentStage, timesStage]).run(createDocument(makeArticle({ title: 'Talks', body: 'They met on Monday.', published: '2026-01-05' })));
    expect(doc.times?.map((t) => t.value)).toEqual(['2026-01-05']);
  });
});

describe('findTimes: cost grows linearly with the text', () => {
  it('handles 100,000 characters of dates in one "sentence" quickly (no quadratic overlap or tense scans)', () => {
    const text = 'January February March on Monday, the past two years; '.repeat(2000);
    const t0 = performance.now();
    const found = findTimes(text, [], '2026-01-05');
    expect(found.length).toBeGreaterThan(5000);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
