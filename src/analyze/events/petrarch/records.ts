/**
 * PETRARCH validation records (PETR.UnitTest.records.xml): the `<Environment>` naming the dictionary files, and
 * each `<Sentence date id category>` with its `<Text>`, `<Parse>` and expected `<EventCoding sourcecode targetcode
 * eventcode>` (or `noevents="True"`, or `error="…"` for a record that must yield nothing).
 */

export interface Expected { source: string; target: string; code: string }
export interface UnitRecord {
  id: string; category: string; date: string | null; text: string; parse: string | null;
  expected: Expected[]; noEvents: boolean; error: string | null; line: number;
}
export interface RecordFile { verbFile: string | null; actorFiles: string[]; agentFile: string | null; discardFile: string | null; records: UnitRecord[] }

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = m[2] ?? m[3];
  return out;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function parseRecords(xml: string): RecordFile {
  const body = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const tag = (name: string) => [...body.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1].trim());
  const records: UnitRecord[] = [];
  for (const m of body.matchAll(/<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const a = attributes(m[1]);
    const inner = m[2];
    const expected: Expected[] = [];
    let noEvents = false;
    let error: string | null = null;
    for (const c of inner.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const e = attributes(c[1]);
      if (e.noevents !== undefined) { noEvents = /true/i.test(e.noevents); continue; }
      if (e.error !== undefined) { error = e.error; continue; }
      if (e.eventcode !== undefined) expected.push({ source: e.sourcecode ?? '', target: e.targetcode ?? '', code: e.eventcode });
    }
    const line = body.slice(0, m.index).split('\n').length;
    records.push({
      id: a.id ?? `line-${line}`, category: a.category ?? 'NONE', date: a.date ?? null,
      text: unescape((/<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1] ?? '').replace(/\s+/g, ' ').trim()),
      parse: /<Parse>([\s\S]*?)<\/Parse>/.exec(inner)?.[1] ?? null,
      expected, noEvents, error, line,
    });
  }
  return { verbFile: tag('Verbfile')[0] ?? null, actorFiles: tag('Actorfile'), agentFile: tag('Agentfile')[0] ?? null, discardFile: tag('Discardfile')[0] ?? null, records };
}
