import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const words = (text: string, from?: number, to?: number) => tokenize(text, from, to).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('splits clitics, keeps abbreviations and initialisms whole, keeps offsets', () => {
    expect(words("Mr. Lee's aides don't say U.S. officials’re wrong.")).toEqual(['Mr.', 'Lee', "'s", 'aides', 'do', "n't", 'say', 'U.S.', 'officials', '’re', 'wrong', '.']);
    // a lone apostrophe is a token of its own
    expect(words("'s n't approx. 3.5 well-known AT&T -- ...")).toEqual(["'", 's', "n't", 'approx.', '3.5', 'well-known', 'AT&T', '--', '...']);
  });

  it('separates tokens at every kind of space, and tokenizes only [from, to)', () => {
    // no-break, thin, ideographic spaces, a byte-order mark, a tab
    expect(words('Seoul\u00a0and\u2009Beijing\u3000met\ufeff today\tagain')).toEqual(['Seoul', 'and', 'Beijing', 'met', 'today', 'again']);
    const text = 'first line\nXi met Lee.\nlast';
    const from = text.indexOf('Xi');
    expect(words(text, from, text.indexOf('\nlast'))).toEqual(['Xi', 'met', 'Lee', '.']);
    expect(words('   ')).toEqual([]);
    expect(words('é\u0301 😀 x')).toEqual(['é\u0301', '😀', 'x']);
  });
});
