// Test corpora for the scale-out tests: short news articles with real facts for the analysis to find.

const NAMES = [['Kenji Morioka', 'Japan', 'Japanese'], ['Claire Whitfield', 'Australia', 'Australian'], ['Rafael Antunes', 'Brazil', 'Brazilian'],
  ['Lucía Ferreyra', 'Argentina', 'Argentine'], ['Joseph Mwangi', 'Kenya', 'Kenyan'], ['Yonas Bekele', 'Ethiopia', 'Ethiopian']];

/** Short news articles naming ministers of two countries, a meeting, a date and a quote. */
export function corpus(n: number): string {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const [a, ca, da] = NAMES[i % NAMES.length];
    const [b, cb] = NAMES[(i + 1 + (i % 4)) % NAMES.length];
    lines.push(JSON.stringify({
      title: `${ca} and ${cb} hold talks, round ${i}`,
      text: `${da} Foreign Minister ${a} met ${b} of ${cb} in Geneva on Tuesday.\n"We made progress on trade," ${a} said after round ${i} of the talks.\nThe two will meet again in March.`,
      published: `2026-0${1 + (i % 9)}-1${i % 10}`,
    }));
  }
  return lines.join('\n') + '\n';
}

