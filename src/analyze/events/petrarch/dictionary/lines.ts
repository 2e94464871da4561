/**
 * Shared reading of PETRARCH dictionary files: `<!-- … -->` comment blocks (possibly over several lines),
 * `#` comments to the end of the line, blank lines dropped. Each kept line carries its 1-based line number.
 */
export interface DictLine { text: string; line: number; indented: boolean }

export function dictionaryLines(source: string): DictLine[] {
  const out: DictLine[] = [];
  let inComment = false;
  const raw = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    let s = raw[i];
    if (inComment) {
      const end = s.indexOf('-->');
      if (end < 0) continue;
      s = s.slice(end + 3);
      inComment = false;
    }
    // "<!-- … -->" and the malformed "<! -- … -->" open a comment; it may close on a later line
    for (;;) {
      const open = s.search(/<!\s*--/);
      if (open < 0) break;
      const close = s.indexOf('-->', open);
      if (close < 0) { s = s.slice(0, open); inComment = true; break; }
      s = s.slice(0, open) + s.slice(close + 3);
    }
    // '#' starts a comment, except inside a [code] ("[###]")
    const hash = s.search(/#(?![^[]*\])/);
    if (hash >= 0) s = s.slice(0, hash);
    if (!s.trim()) continue;
    out.push({ text: s.trim(), line: i + 1, indented: /^\s/.test(s) });
  }
  return out;
}

/** A dictionary phrase ("PRIME_MINISTER", "HAMAS WING", "ARNOR_") as upper-case words. */
export function phraseWords(phrase: string): string[] {
  return phrase.trim().toUpperCase().split(/[\s_]+/).filter(Boolean);
}

/** `YYMMDD` (19YY from 30, else 20YY) or `YYYYMMDD` as a comparable number YYYYMMDD. */
export function dictionaryDate(s: string): number {
  const d = s.trim();
  if (/^\d{8}$/.test(d)) return Number(d);
  if (/^\d{6}$/.test(d)) return Number((Number(d.slice(0, 2)) >= 30 ? '19' : '20') + d);
  throw new Error(`E_PETRARCH_DATE: "${s}" is not a YYMMDD or YYYYMMDD date`);
}
