/**
 * dyad's mapping of CAMEO codes to PLOVER event types and modes: by the code's root (its first two digits), with
 * the finer codes that have a PLOVER mode of their own. data/lexicon/cameo.json holds the result for every code
 * dyad's dictionaries use; this is how codes are placed that it does not list (a user's PETRARCH dictionary).
 */

export interface PloverClass { plover: string | null; mode: string | null }

const ROOTS: Record<string, string | null> = {
  '01': null, '02': 'REQUEST', '03': 'COOPERATE', '04': 'CONSULT', '05': 'COOPERATE', '06': 'COOPERATE', '07': 'AID',
  '08': 'CONCEDE', '09': 'ACCUSE', '10': 'REQUEST', '11': 'ACCUSE', '12': 'REJECT', '13': 'THREATEN', '14': 'PROTEST',
  '15': 'MOBILIZE', '16': 'SANCTION', '17': 'COERCE', '18': 'ASSAULT', '19': 'ASSAULT', '20': 'ASSAULT',
};

/** codes (and their sub-codes) whose type differs from their root's, or that carry a mode */
const FINER: [string, string | null, string | null][] = [
  ['036', 'CONSULT', 'meet'], ['041', 'CONSULT', 'phone'], ['042', 'CONSULT', 'visit'], ['043', 'CONSULT', 'host'],
  ['044', 'CONSULT', 'meet'], ['045', 'CONSULT', 'mediate'], ['046', 'CONSULT', 'negotiate'], ['040', 'CONSULT', 'meet'],
  ['051', 'SUPPORT', null], ['052', 'SUPPORT', null], ['053', 'SUPPORT', null], ['054', 'SUPPORT', null],
  ['055', 'CONCEDE', 'apologize'], ['056', 'CONCEDE', null], ['057', 'AGREE', null],
  ['061', 'COOPERATE', 'economic'], ['062', 'COOPERATE', 'military'], ['063', 'COOPERATE', 'judicial'], ['064', 'COOPERATE', 'intelligence'],
  ['071', 'AID', 'economic'], ['072', 'AID', 'military'], ['073', 'AID', 'humanitarian'], ['074', 'AID', 'military'],
  ['087', 'RETREAT', null],
  ['09', 'ACCUSE', 'investigate'],
  ['10', 'REQUEST', 'demand'],
  ['112', 'ACCUSE', 'allege'], ['115', 'ACCUSE', 'allege'],
  ['141', 'PROTEST', 'demonstrate'], ['140', 'PROTEST', 'demonstrate'], ['143', 'PROTEST', 'strike'], ['145', 'PROTEST', 'riot'],
  ['161', 'SANCTION', 'relations'], ['163', 'SANCTION', 'embargo'], ['166', 'SANCTION', 'expel'],
  ['171', 'COERCE', 'seize'], ['173', 'COERCE', 'arrest'], ['174', 'COERCE', 'deport'],
  ['181', 'ASSAULT', 'abduct'], ['186', 'ASSAULT', 'assassinate'],
  ['191', 'ASSAULT', 'blockade'], ['192', 'ASSAULT', 'occupy'], ['195', 'ASSAULT', 'aerial'],
];

/** The PLOVER type and mode of a CAMEO code ("0234", "190", "20"); null type for statements (01) and unknown roots. */
export function ploverOf(code: string): PloverClass {
  let best: [string, string | null, string | null] | null = null;
  for (const f of FINER) if (code.startsWith(f[0]) && (!best || f[0].length > best[0].length)) best = f;
  if (best) return { plover: best[1], mode: best[2] };
  return { plover: ROOTS[code.slice(0, 2)] ?? null, mode: null };
}
