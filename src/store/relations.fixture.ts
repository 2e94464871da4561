// A small corpus for relations across the store (store and CLI tests): Korea–China events over two months, a
// headline that restates its body, an article that repeats another (the same story, once stories are kept),
// planned, reported, hypothetical and negated events, and one Japan–China event. Spans are found in the text.
import { makeArticle } from '../ingest/article.js';
import type { Analysis, Event, Modality } from '../analyze/schema.js';

interface Spec { trigger: string; nth?: number; cameo: string; type: string; mode?: string; goldstein: number; source: string; target: string; date: string | null; modality?: Modality }

const NAMES: Record<string, string> = { KOR: 'South Korea', CHN: 'China', JPN: 'Japan' };

function analysis(title: string, body: string[], published: string, specs: Spec[]): Analysis {
  const article = makeArticle({ title, body, published });
  const { body: _body, ...record } = article;
  const text = article.text;
  const events: Event[] = specs.map((s, i) => {
    let start = -1;
    for (let k = 0; k <= (s.nth ?? 0); k++) start = text.indexOf(s.trigger, start + 1);
    if (start < 0) throw new Error(`relations fixture: "${s.trigger}" not in text`);
    const sStart = text.lastIndexOf('\n', start) + 1;
    const nl = text.indexOf('\n', start);
    return {
      id: `v${i + 1}`, type: s.type, mode: s.mode ?? null, cameo: s.cameo, goldstein: s.goldstein,
      source: { entity: null, name: NAMES[s.source], country: s.source }, target: { entity: null, name: NAMES[s.target], country: s.target },
      location: null, date: s.date, dateSource: s.date ? 'text' : null, modality: s.modality ?? 'asserted',
      sentence: { start: sStart, end: nl < 0 ? text.length : nl }, trigger: { start, end: start + s.trigger.length, text: s.trigger }, confidence: 0.8,
    };
  });
  return { article: record, sentences: [], entities: [], times: [], quotes: [], events, relations: [], duplicates: [], summary: [] };
}

const meet = { cameo: '040', type: 'CONSULT', mode: 'meet', goldstein: 1 };
const sign = { cameo: '057', type: 'AGREE', goldstein: 8 };
const protest = { cameo: '111', type: 'ACCUSE', goldstein: -2 };
const sanction = { cameo: '163', type: 'SANCTION', mode: 'embargo', goldstein: -8 };

/** Four articles; the second repeats the first (same story). */
export function relationsCorpus(): Analysis[] {
  const a1 = analysis('South Korea meets China in Beijing', ['South Korea met China in Beijing on Monday.', 'South Korea signed a trade pact with China.', 'South Korea will meet China again on Tuesday.'], '2026-01-05', [
    { trigger: 'meets', ...meet, source: 'KOR', target: 'CHN', date: '2026-01-05' }, // the headline restates the body: counted once
    { trigger: 'met', ...meet, source: 'KOR', target: 'CHN', date: '2026-01-05' },
    { trigger: 'signed', ...sign, source: 'CHN', target: 'KOR', date: '2026-01-05' },
    { trigger: 'meet', nth: 1, ...meet, source: 'KOR', target: 'CHN', date: '2026-01-06', modality: 'planned' },
  ]);
  const a2 = analysis('China and South Korea hold talks', ['China met South Korea in Beijing on Monday, the agency said.', 'China will meet South Korea again on Tuesday.'], '2026-01-06', [
    { trigger: 'met', ...meet, source: 'CHN', target: 'KOR', date: '2026-01-05' },
    { trigger: 'meet', nth: 0, ...meet, source: 'CHN', target: 'KOR', date: '2026-01-06', modality: 'planned' },
  ]);
  const a3 = analysis('Seoul protests to Beijing', ['South Korea protested to China on January 19.', 'China reportedly imposed sanctions on South Korea.', 'South Korea could protest again.', 'China did not sign the deal with Japan.'], '2026-01-20', [
    { trigger: 'protested', ...protest, source: 'KOR', target: 'CHN', date: '2026-01-19' },
    { trigger: 'imposed sanctions', ...sanction, source: 'CHN', target: 'KOR', date: '2026-01-20', modality: 'reported' },
    { trigger: 'protest', nth: 2, ...protest, source: 'KOR', target: 'CHN', date: null, modality: 'hypothetical' },
    { trigger: 'sign', nth: 0, ...sign, source: 'CHN', target: 'JPN', date: '2026-01-20', modality: 'negated' },
  ]);
  const a4 = analysis('Japan and China sign; Seoul meets Beijing', ['Japan signed an accord with China on February 2.', 'South Korea met China in February.', 'South Korea met China.'], '2026-02-03', [
    { trigger: 'signed', ...sign, source: 'JPN', target: 'CHN', date: '2026-02-02' },
    { trigger: 'met', nth: 0, ...meet, source: 'KOR', target: 'CHN', date: '2026-02' },
    { trigger: 'met', nth: 1, ...meet, source: 'KOR', target: 'CHN', date: null },
  ]);
  return [a1, a2, a3, a4];
}
