// A small hand-made corpus with every kind of fact, for the store's and the CLI's tests (and a future PostgreSQL
// engine's: one store contract, the same fixture). Spans are found by searching the text, so they are right by construction.
import { makeArticle } from '../ingest/article.js';
import type { Analysis, Entity, Event, Modality, TextSpan } from '../analyze/schema.js';

function at(text: string, needle: string, from = 0): TextSpan {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

function sentenceOf(text: string, span: TextSpan) {
  const start = text.lastIndexOf('\n', span.start) + 1;
  const nl = text.indexOf('\n', span.end);
  return { start, end: nl < 0 ? text.length : nl };
}

interface Side { entity: string | null; name: string; country: string | null }
function event(text: string, id: string, trigger: string, type: string, cameo: string, goldstein: number, source: Side, target: Side | null, date: string | null, modality: Modality, mode: string | null = null): Event {
  const t = at(text, trigger);
  return {
    id, type, mode, cameo, goldstein, source, target, location: null, date, dateSource: date ? 'text' : null, modality,
    sentence: sentenceOf(text, t), trigger: t, confidence: 0.8,
  };
}

function entity(text: string, id: string, name: string, type: Entity['type'], country: string | null, role: string | null, forms: string[]): Entity {
  return { id, name, type, country, role, aliases: forms.filter((f) => f !== name), mentions: forms.map((f) => at(text, f)) };
}

function empty(article: ReturnType<typeof makeArticle>): Analysis {
  const { body: _body, ...record } = article;
  return { article: record, sentences: [], entities: [], times: [], quotes: [], events: [], relations: [], duplicates: [], summary: [] };
}

/** Three articles: a Turkey–Greece meeting, a planned follow-up, and a Korea–China visit with a quote and an emoji. */
export function fixtureCorpus(): Analysis[] {
  const a1 = makeArticle({
    title: 'Recep Tayyip Erdogan meets Greek prime minister in Ankara',
    standfirst: 'The two leaders discussed maritime borders.',
    body: ['Turkish President Recep Tayyip Erdogan met Greek Prime Minister Kyriakos Mitsotakis in Ankara on Tuesday.', 'Erdogan said the talks were “frank and useful”.'],
    published: '2025-12-04', url: 'https://example.org/tr-gr', source: 'Fixture Wire',
  });
  const x1 = empty(a1);
  const t1 = a1.text;
  x1.sentences = [{ ...sentenceOf(t1, at(t1, 'Turkish President')), paragraph: 2 }];
  x1.entities = [
    entity(t1, 'e1', 'Recep Tayyip Erdogan', 'PERSON', 'TUR', 'President', ['Recep Tayyip Erdogan', 'Erdogan said']),
    entity(t1, 'e2', 'Kyriakos Mitsotakis', 'PERSON', 'GRC', 'Prime Minister', ['Kyriakos Mitsotakis']),
  ];
  x1.entities[0].mentions[1] = at(t1, 'Erdogan', t1.indexOf('Erdogan said'));
  x1.entities[0].aliases = ['Erdogan'];
  x1.times = [{ ...at(t1, 'on Tuesday'), type: 'DATE', value: '2025-12-02' }];
  x1.quotes = [{ ...at(t1, 'frank and useful'), speaker: 'e1', speakerName: 'Recep Tayyip Erdogan', cue: at(t1, 'said') }];
  x1.events = [event(t1, 'v1', 'met', 'CONSULT', '040', 1, { entity: 'e1', name: 'Recep Tayyip Erdogan', country: 'TUR' }, { entity: 'e2', name: 'Kyriakos Mitsotakis', country: 'GRC' }, '2025-12-02', 'asserted', 'meet')];
  x1.events[0].location = { name: 'Ankara', country: 'TUR' };
  x1.relations = [{ dyad: ['TUR', 'GRC'], events: 1, goldstein: 1, direction: 'cooperative', eventIds: ['v1'] }];

  const a2 = makeArticle({
    title: 'Erdogan to visit Athens next month',
    body: ['Turkish President Recep Erdogan is scheduled to visit Athens in January, officials said.'],
    published: '2025-12-20',
  });
  const x2 = empty(a2);
  const t2 = a2.text;
  x2.entities = [
    entity(t2, 'e1', 'Recep Erdogan', 'PERSON', 'TUR', 'President', ['Recep Erdogan']),
    entity(t2, 'e2', 'Greece', 'COUNTRY', 'GRC', null, ['Athens']),
  ];
  x2.entities[1].aliases = ['Athens'];
  x2.times = [{ ...at(t2, 'in January'), type: 'DATE', value: '2026-01' }];
  x2.events = [event(t2, 'v1', 'visit', 'CONSULT', '042', 1.9, { entity: 'e1', name: 'Recep Erdogan', country: 'TUR' }, { entity: 'e2', name: 'Greece', country: 'GRC' }, '2026-01', 'planned', 'visit')];
  x2.relations = [{ dyad: ['GRC', 'TUR'], events: 1, goldstein: 1.9, direction: 'cooperative', eventIds: ['v1'] }];

  const a3 = makeArticle({
    title: 'Seoul protests Chinese coast guard move 🚢',
    standfirst: 'South Korea lodged a protest with China.',
    body: ['South Korea’s foreign ministry protested to Beijing on Monday 🇰🇷 over a coast guard structure, and Foreign Minister Cho Hyun urged “restraint”.'],
    published: '2026-01-12', url: 'https://example.org/kr-cn, "quoted"', source: 'Fixture Wire',
  });
  const x3 = empty(a3);
  const t3 = a3.text;
  x3.entities = [
    entity(t3, 'e1', 'South Korea', 'COUNTRY', 'KOR', null, ['South Korea', 'Seoul']),
    entity(t3, 'e2', 'China', 'COUNTRY', 'CHN', null, ['China', 'Beijing']),
    entity(t3, 'e3', 'Cho Hyun', 'PERSON', 'KOR', 'Foreign Minister', ['Cho Hyun']),
  ];
  x3.times = [{ ...at(t3, 'on Monday'), type: 'DATE', value: '2026-01-12' }];
  x3.quotes = [{ ...at(t3, 'restraint'), speaker: 'e3', speakerName: 'Cho Hyun', cue: at(t3, 'urged') }];
  x3.events = [
    event(t3, 'v1', 'protested', 'ACCUSE', '111', -2, { entity: 'e1', name: 'South Korea', country: 'KOR' }, { entity: 'e2', name: 'China', country: 'CHN' }, '2026-01-12', 'asserted'),
    event(t3, 'v2', 'urged', 'REQUEST', '10', -5, { entity: 'e3', name: 'Cho Hyun', country: 'KOR' }, { entity: null, name: 'China', country: 'CHN' }, '2026-01-12', 'asserted'),
  ];
  x3.relations = [{ dyad: ['KOR', 'CHN'], events: 2, goldstein: -7, direction: 'conflictual', eventIds: ['v1', 'v2'] }];
  x3.summary = [at(t3, 'South Korea lodged a protest with China.')];
  return [x1, x2, x3];
}
