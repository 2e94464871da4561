// The model file: "DYADNER\0", format version (u32), header length (u32), JSON header, gzip'd body with
// quantized sparse weights and the lexicons (keys are hashes; no training text is stored).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ByteReader, ByteWriter } from './binary.js';
import { FEATURE_VERSION } from './features.js';
import { LABEL_COUNT, LABELS } from './labels.js';
import type { Lexicon } from './lexicon.js';

export const MAGIC = 'DYADNER\0';
export const FORMAT_VERSION = 1;

export interface ModelHeader {
  format: number;
  featureVersion: number;
  labels: string[];
  /** log2 of the number of feature buckets */
  bits: number;
  /** weight = int16 · scale */
  scale: number;
  /** weights below this magnitude were dropped */
  prune: number;
  /** beam width the model was trained for and decodes with (1: greedy) */
  beam: number;
  counts: { rows: number; clusters: number; caseClass: number; gazetteer: number };
  training: Record<string, unknown>;
}

export interface Model { header: ModelHeader; weights: Float32Array; lexicon: Lexicon }

function writeMap(w: ByteWriter, map: Map<number, number>, value: (v: number) => void): void {
  const keys = [...map.keys()].sort((a, b) => a - b);
  w.varint(keys.length);
  let last = 0;
  for (const k of keys) { w.varint(k - last); last = k; }
  for (const k of keys) value(map.get(k)!);
}

function readMap(r: ByteReader, value: () => number): Map<number, number> {
  const n = r.varint();
  const keys = new Array<number>(n);
  let last = 0;
  for (let i = 0; i < n; i++) keys[i] = last += r.varint();
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) map.set(keys[i], value());
  return map;
}

/** Serializes weights (pruned below `prune`, quantized to int16) and lexicons. */
export function encodeModel(weights: Float32Array, bits: number, beam: number, lexicon: Lexicon, prune: number, training: Record<string, unknown>): Uint8Array {
  let maxAbs = 0;
  for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 32767 || 1;
  const body = new ByteWriter();
  const buckets = 1 << bits;
  let rows = 0;
  const rowBody = new ByteWriter();
  let last = 0;
  for (let b = 0; b < buckets; b++) {
    let mask = 0;
    for (let y = 0; y < LABEL_COUNT; y++) {
      const v = weights[b * LABEL_COUNT + y];
      if (Math.abs(v) >= prune && Math.round(v / scale) !== 0) mask |= 1 << y;
    }
    if (!mask) continue;
    rows++;
    rowBody.varint(b - last);
    last = b;
    rowBody.varint(mask);
    for (let y = 0; y < LABEL_COUNT; y++) if (mask & (1 << y)) rowBody.i16(Math.round(weights[b * LABEL_COUNT + y] / scale));
  }
  body.varint(rows);
  body.bytes(rowBody.result());
  writeMap(body, lexicon.clusters, (v) => body.u16(v));
  writeMap(body, lexicon.caseClass, (v) => body.u8(v));
  writeMap(body, lexicon.gazetteer, (v) => body.u8(v));
  const header: ModelHeader = {
    format: FORMAT_VERSION, featureVersion: FEATURE_VERSION, labels: [...LABELS], bits, scale, prune, beam,
    counts: { rows, clusters: lexicon.clusters.size, caseClass: lexicon.caseClass.size, gazetteer: lexicon.gazetteer.size },
    training,
  };
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(MAGIC));
  out.u32(FORMAT_VERSION);
  const json = new TextEncoder().encode(JSON.stringify(header));
  out.u32(json.length);
  out.bytes(json);
  out.bytes(gzipSync(body.result(), { level: 9 }));
  return out.result();
}

/** Parses a model file; throws a coded error when the file is not a model this code can use. */
export function decodeModel(data: Uint8Array, source = 'model'): Model {
  const r = new ByteReader(data);
  const magic = new TextDecoder().decode(r.bytes(MAGIC.length));
  if (magic !== MAGIC) throw new Error(`E_NER_MODEL_MAGIC: ${source} is not a dyad NER model`);
  const format = r.u32();
  if (format !== FORMAT_VERSION) throw new Error(`E_NER_MODEL_VERSION: ${source} has format ${format}, this code reads ${FORMAT_VERSION}`);
  const header = JSON.parse(new TextDecoder().decode(r.bytes(r.u32()))) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`E_NER_MODEL_FEATURES: ${source} was trained with features v${header.featureVersion}, this code computes v${FEATURE_VERSION}`);
  }
  if (!(header.beam >= 1 && header.beam <= 64)) throw new Error(`E_NER_MODEL_HEADER: ${source} has beam width ${header.beam}`);
  if (header.labels.join(' ') !== LABELS.join(' ')) throw new Error(`E_NER_MODEL_LABELS: ${source} has labels ${header.labels.join(' ')}`);
  const body = new ByteReader(gunzipSync(data.subarray(r.pos)));
  const weights = new Float32Array((1 << header.bits) * LABEL_COUNT);
  const rows = body.varint();
  let b = 0;
  for (let i = 0; i < rows; i++) {
    b += body.varint();
    const mask = body.varint();
    for (let y = 0; y < LABEL_COUNT; y++) if (mask & (1 << y)) weights[b * LABEL_COUNT + y] = body.i16() * header.scale;
  }
  const clusters = readMap(body, () => body.u16());
  const caseClass = readMap(body, () => body.u8());
  const gazetteer = readMap(body, () => body.u8());
  return { header, weights, lexicon: { clusters, caseClass, gazetteer } };
}

/** The package root: the nearest directory above this module holding package.json. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`E_NER_MODEL_PATH: no package.json above ${from}`);
    dir = up;
  }
}

export function defaultModelPath(): string {
  return process.env.DYAD_NER_MODEL ?? join(packageRoot(), 'models', 'ner.bin');
}

export function loadModel(path = defaultModelPath()): Model {
  let data: Uint8Array;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new Error(`E_NER_MODEL_MISSING: cannot read ${path} (run \`npm run train:ner\`): ${(err as Error).message}`);
  }
  return decodeModel(data, path);
}
