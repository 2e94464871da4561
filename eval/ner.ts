// `npm run eval -- ner FILE [--out PRED] [--model MODEL] [--margin M]`: tags a CoNLL file with the shipped model and prints
// exact-span precision/recall/F1 (conlleval convention) overall and per type; --out writes "token gold predicted".
import { writeFileSync } from 'node:fs';
import { formatPredictions, readConll } from '../src/analyze/ner/conll.js';
import { loadModel } from '../src/analyze/ner/model.js';
import { formatScore, score } from '../src/analyze/ner/score.js';
import { Tagger } from '../src/analyze/ner/tagger.js';

export async function run(args: string[]): Promise<number> {
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!file) {
    console.error('usage: npm run eval -- ner FILE [--out PRED] [--model MODEL] [--margin M]');
    return 2;
  }
  const sentences = readConll(file);
  const model = loadModel(flag('--model'));
  const margin = flag('--margin');
  const tagger = new Tagger(model, model.header.beam, margin === undefined ? undefined : Number(margin));
  const t0 = performance.now();
  const predicted = sentences.map((s) => tagger.tag(s.words));
  const seconds = (performance.now() - t0) / 1000;
  const s = score(sentences.map((x) => x.tags), predicted);
  console.log(`${file}: ${sentences.length} sentences`);
  console.log(formatScore(s));
  console.log(`tagged ${s.tokens} tokens in ${seconds.toFixed(2)} s (${Math.round(s.tokens / seconds)} tokens/s, first pass, model loaded beforehand)`);
  const out = flag('--out');
  if (out) {
    writeFileSync(out, formatPredictions(sentences, predicted) + '\n');
    console.log(`wrote ${out}`);
  }
  return 0;
}
