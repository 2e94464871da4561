import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_VERSION } from './features.js';
import { LABELS } from './labels.js';
import { emptyLexicon } from './lexicon.js';
import { decodeModel, defaultModelPath, encodeModel, FORMAT_VERSION, loadModel, packageRoot } from './model.js';

describe('model file', () => {
  it('round-trips weights (quantized, pruned) and lexicons', () => {
    const bits = 4;
    const weights = new Float32Array((1 << bits) * LABELS.length);
    weights[0] = 1.5;
    weights[20] = -0.75;
    weights[30] = 0.0001; // pruned
    const lexicon = emptyLexicon();
    lexicon.clusters.set(123456789, 0xabc);
    lexicon.caseClass.set(42, 3);
    lexicon.gazetteer.set(4000000000, 0b1010);
    const model = decodeModel(encodeModel(weights, bits, 8, lexicon, 0.01, { test: true }));
    expect(model.header).toMatchObject({ format: FORMAT_VERSION, featureVersion: FEATURE_VERSION, bits, beam: 8 });
    expect(model.weights[0]).toBeCloseTo(1.5, 4);
    expect(model.weights[20]).toBeCloseTo(-0.75, 4);
    expect(model.weights[30]).toBe(0);
    expect(model.lexicon.clusters.get(123456789)).toBe(0xabc);
    expect(model.lexicon.caseClass.get(42)).toBe(3);
    expect(model.lexicon.gazetteer.get(4000000000)).toBe(0b1010);
  });

  it('refuses a file that is not a model, and a model of another format version', () => {
    expect(() => decodeModel(new TextEncoder().encode('hello world, not a model'))).toThrow(/E_NER_MODEL_MAGIC/);
    const data = encodeModel(new Float32Array(16 * LABELS.length), 4, 1, emptyLexicon(), 0, {});
    new DataView(data.buffer).setUint32(8, FORMAT_VERSION + 1, true);
    expect(() => decodeModel(data)).toThrow(/E_NER_MODEL_VERSION/);
  });

  it('ships a model in models/ whose header this code accepts', () => {
    expect(defaultModelPath()).toBe(join(packageRoot(), 'models', 'ner.bin'));
    const size = readFileSync(defaultModelPath()).length;
    expect(size).toBeLessThan(15e6);
    const model = loadModel();
    expect(model.header.labels).toEqual([...LABELS]);
    expect(model.header.counts.rows).toBeGreaterThan(10000);
    expect(model.lexicon.gazetteer.size).toBeGreaterThan(1000);
  });
});
