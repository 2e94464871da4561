import en from './lexicon/en.json' with { type: 'json' };

/** The English time lexicon (lexicon/en.json) and the regex alternations built once from it. */
export const LEX = en;

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so that an alternation prefers "september" over "sep". */
export const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');
const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);

export const MONTHS: Record<string, number> = en.months;
export const WEEKDAYS: Record<string, number> = en.weekdays;
export const NUMBERS: Record<string, number> = en.numbers;
export const UNITS: Record<string, string> = en.units;
export const PARTS_OF_DAY: Record<string, string> = en.partsOfDay;
export const SEASONS: Record<string, string> = en.seasons;
export const SETS: Record<string, string> = en.sets;
export const REFS: Record<string, string> = en.refs;
export const HOLIDAYS: Record<string, string> = en.holidays;
export const ORDINALS: Record<string, number> = en.ordinals;

const monthFull = Object.keys(MONTHS).filter((k) => k.length > 4 || k === 'may' || k === 'june' || k === 'july');
const monthAbbr = Object.keys(MONTHS).filter((k) => k.length <= 4 && !monthFull.includes(k));
/** Capitalized month names ("January", "JANUARY"), and abbreviations with an optional period ("Jan.", "Sept"). */
export const MONTH_FULL_RE = alt([...monthFull.map(cap), ...monthFull.map((w) => w.toUpperCase())]);
export const MONTH_ABBR_RE = `(?:${alt(monthAbbr.map(cap))})\\.?`;
export const MONTH_RE = `(?:${MONTH_FULL_RE}|${MONTH_ABBR_RE})`;
export const WEEKDAY_RE = alt(Object.keys(WEEKDAYS).filter((k) => k.length > 4).map(cap));

const small = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const SMALL = small.join('|'), TEENS = teens.join('|'), TENS = tens.join('|');
/** A cardinal: digits ("24", "5 1/2", "2.5"), words ("twenty-four", "twenty four"), "a", "a couple of", "a hundred". */
export const NUM_RE = `(?:\\d+(?:\\.\\d+)?(?: 1/2)?|(?:${tens.join('|')})(?:[- ](?:${small.join('|')}))?|${teens.join('|')}|${small.join('|')}|a half|a couple of|couple of|a hundred|a dozen|dozen|a|an|half(?: a)?)`;
/** The words a NUM_RE match may begin with (see Rule.starts; '#' a digit). */
export const NUM_STARTS: readonly string[] = ['#', ...tens, ...teens, ...small, 'a', 'an', 'couple', 'dozen', 'half'];
export const VAGUE_RE = alt(en.vagueQuantities);
export const VAGUE_STARTS: readonly string[] = en.vagueQuantities;
const units = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'centurie', 'millennium', 'millennia'];
export const UNIT_RE = `(?:${units.join('|')})`;
export const UNIT_STARTS: readonly string[] = units;
export const PART_OF_DAY_RE = alt(Object.keys(PARTS_OF_DAY));
export const SEASON_RE = alt(Object.keys(SEASONS));
export const ORDINAL_RE = alt(Object.keys(ORDINALS));

/** A year in words: "nineteen ninety-six", "nineteen hundred and five", "two thousand and one" (no groups). */
export const SPELLED_YEAR_RE = `(?:nineteen (?:hundred(?: and)? )?(?:(?:${TENS})(?:[- ](?:${SMALL}))?|${TEENS}|${SMALL})|two thousand(?:(?: and)? (?:${TEENS}|${SMALL}))?)`;
/** Reads a year matched by SPELLED_YEAR_RE. */
export function parseSpelledYear(s: string): number {
  const w = s.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('two thousand')) { const rest = w.slice(12).replace(/^ (?:and )?/, ''); return 2000 + (rest ? parseNumber(rest) ?? 0 : 0); }
  return 1900 + (parseNumber(w.replace(/^nineteen (?:hundred(?: and)? )?/, '')) ?? 0);
}

/** Reads a cardinal matched by NUM_RE. */
export function parseNumber(s: string): number | null {
  const w = s.toLowerCase().replace(/-/g, ' ').trim();
  if (/^\d/.test(w)) {
    const [a, b] = w.split(' ');
    return parseFloat(a) + (b === '1/2' ? 0.5 : 0);
  }
  if (w in NUMBERS) return NUMBERS[w];
  const parts = w.split(' ');
  if (parts.length === 2 && parts[0] in NUMBERS && parts[1] in NUMBERS) return NUMBERS[parts[0]] + NUMBERS[parts[1]];
  if (w === 'half a') return 0.5;
  return null;
}

export const TENSE_FUTURE = new Set(en.tense.future);
export const TENSE_PAST = new Set(en.tense.past);
export const TENSE_PRESENT = new Set(en.tense.present);
export const NOT_PAST_ED = new Set(en.tense.notPastEd);
export const NOT_YEAR_NOUNS = new Set(en.verbsNotYears);
