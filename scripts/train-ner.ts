// `npm run train:ner`: trains the named-entity tagger from CoNLL-2003 train.txt (plus word clusters and case
// profiles from the unlabeled news in ../shared) and writes models/ner.bin. Deterministic for a given seed.
//   node dist/scripts/train-ner.js [--shared DIR] [--out FILE] [--epochs 12] [--runs 4] [--beam 8] [--bits 20]
//     [--seed 1] [--folds 10] [--prune 0.01] [--contexts 1500] [--min-count 3] [--dev]
//     [--no-unlabeled] [--no-clusters] [--no-gazetteer]
// --dev scores valid.txt after every epoch and at the end (a progress display; valid.txt is never trained on).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConll } from '../src/analyze/ner/conll.js';
import { LABEL_COUNT } from '../src/analyze/ner/labels.js';
import { emptyLexicon } from '../src/analyze/ner/lexicon.js';
import { decodeModel, encodeModel, packageRoot } from '../src/analyze/ner/model.js';
import { formatScore } from '../src/analyze/ner/score.js';
import { caseProfiles } from '../src/analyze/ner/train/casing.js';
import { buildClusters } from '../src/analyze/ner/train/clusters.js';
import { unlabeledLines } from '../src/analyze/ner/train/corpus.js';
import { evaluate, memoryModel } from '../src/analyze/ner/train/evaluate.js';
import { FoldedGazetteer } from '../src/analyze/ner/train/gazetteer.js';
import { prepare, train } from '../src/analyze/ner/train/trainer.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const args = process.argv.slice(2);
const root = packageRoot();
const shared = resolve(option(args, '--shared', join(root, '..', 'shared')));
const epochs = Number(option(args, '--epochs', '12'));
const bits = Number(option(args, '--bits', '20'));
const seed = Number(option(args, '--seed', '1'));
const folds = Number(option(args, '--folds', '10'));
const prune = Number(option(args, '--prune', '0.01'));
const out = resolve(option(args, '--out', join(root, 'models', 'ner.bin')));
const showDev = args.includes('--dev');
const t0 = performance.now();
const secs = (): string => ((performance.now() - t0) / 1000).toFixed(1);

const trainSet = readConll(join(shared, 'data', 'conll2003', 'train.txt'));
const devSet = showDev ? readConll(join(shared, 'data', 'conll2003', 'valid.txt')) : [];
console.log(`train: ${trainSet.length} sentences`);

const lexicon = emptyLexicon();
if (!args.includes('--no-unlabeled')) {
  // Unlabeled text: the shared news corpora and the words (not the labels) of train.txt.
  const lines = [...unlabeledLines(shared), ...trainSet.map((s) => s.words)];
  console.log(`unlabeled: ${lines.length} lines, ${lines.reduce((a, l) => a + l.length, 0)} tokens [${secs()} s]`);
  lexicon.caseClass = caseProfiles(lines);
  if (!args.includes('--no-clusters')) lexicon.clusters = buildClusters(lines, { seed, contexts: Number(option(args, '--contexts', '1500')), minCount: Number(option(args, '--min-count', '3')) });
  console.log(`lexicons: ${lexicon.clusters.size} clustered words, ${lexicon.caseClass.size} case profiles [${secs()} s]`);
}
const gazetteer = FoldedGazetteer.build(trainSet, folds);
const noGaz = args.includes('--no-gazetteer');
const examples = prepare(trainSet, lexicon, (i) => (noGaz ? () => 0 : gazetteer.lookupExcluding(gazetteer.foldOf(i, trainSet.length))));
if (!noGaz) lexicon.gazetteer = gazetteer.all();
console.log(`features ready [${secs()} s]`);

const runs = Number(option(args, '--runs', '4'));
const beam = Number(option(args, '--beam', '8'));
const weights = new Float32Array((1 << bits) * LABEL_COUNT);
for (let run = 0; run < runs; run++) {
  const perceptron = train(examples, {
    bits, epochs, seed: seed + run, beam,
    onEpoch: (epoch, p, mistakes) => {
      let line = `run ${run + 1} epoch ${epoch}: ${mistakes} token mistakes [${secs()} s]`;
      if (showDev) line += `  dev F1 ${evaluate(memoryModel(p.averaged(), bits, beam, lexicon), devSet).overall.f1.toFixed(2)}`;
      console.log(line);
    },
  });
  const w = perceptron.averaged();
  for (let i = 0; i < w.length; i++) weights[i] += w[i] / runs;
}
const trainSeconds = Number(secs());
const data = encodeModel(weights, bits, beam, lexicon, prune, { data: 'conll2003/train.txt', epochs, seed, runs, folds, sentences: trainSet.length });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, data);
console.log(`wrote ${out}: ${(data.length / 1e6).toFixed(2)} MB, trained in ${trainSeconds} s`);
if (showDev) console.log(formatScore(evaluate(decodeModel(data), devSet)));
