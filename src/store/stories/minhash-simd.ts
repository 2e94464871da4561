/**
 * The minimums of a MinHash signature with WebAssembly SIMD: four permutations per instruction, about four times
 * faster than the scalar loop of `minhash.ts`, which it must equal bit for bit (minhash.test.ts compares them).
 *
 * For every permutation i and every distinct shingle hash s, min over s of mix(s ^ SEEDS[i]), where mix is murmur3's
 * 32-bit finalizer (xor-shift 16, multiply, xor-shift 13, multiply, xor-shift 16). Lane-wise 32-bit multiplication
 * keeps the low 32 bits, as Math.imul does, and the minimum is unsigned, as the scalar comparison of unsigned values.
 *
 * The module is a few hundred bytes assembled here, so there is no build step and nothing to download; `null` when
 * the runtime has no WebAssembly SIMD (the caller falls back to the scalar loop).
 */

/** memory layout (bytes): the seeds, the minimums written back, then the hashes */
const SEEDS_AT = 0;
const MINS_AT = 512;
const HASHES_AT = 1024;
const PAGE = 65536;

/** unsigned LEB128, as the binary format writes sizes, indices and offsets */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** signed LEB128, as `i32.const` writes its value */
function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// the instructions used, by their encodings in the core and SIMD specifications
const I32 = 0x7f;
const V128 = 0x7b;
const LOOP = [0x03, 0x40]; // a loop with no result
const END = 0x0b;
const BR_IF = 0x0d;
const get = (local: number) => [0x20, local];
const set = (local: number) => [0x21, local];
const tee = (local: number) => [0x22, local];
const i32Const = (n: number) => [0x41, ...sleb(n)];
const I32_ADD = 0x6a;
const I32_SHL = 0x74;
const I32_LT_U = 0x49;
const simd = (op: number) => [0xfd, ...uleb(op)];
const memarg = (alignLog2: number, offset: number) => [...uleb(alignLog2), ...uleb(offset)];
const v128Load = (offset: number) => [...simd(0x00), ...memarg(4, offset)];
const v128Load32Splat = [...simd(0x09), ...memarg(2, 0)];
const v128Store = (offset: number) => [...simd(0x0b), ...memarg(4, offset)];
const v128Const = (bytes: number[]) => [...simd(0x0c), ...bytes];
const I32X4_SPLAT = simd(0x11);
const V128_XOR = simd(0x51);
const I32X4_SHR_U = simd(0xad);
const I32X4_MUL = simd(0xb5);
const I32X4_MIN_U = simd(0xb7);

/**
 * `minhash(n)`: the minimums of the 128 permutations over the n (≥ 1) hashes at HASHES_AT, written at MINS_AT.
 * Sixteen permutations (four vectors of seeds) per pass over the hashes, eight passes.
 */
function assemble(): Uint8Array<ArrayBuffer> {
  // locals: 0 n (the parameter); 1 byte offset of the seed group, 2 hash pointer, 3 end of the hashes;
  // 4-7 seeds, 8-11 minimums, 12 the hash in every lane, 13 scratch, 14-15 the two multipliers
  const [group, ptr, end, seed0, min0, hash, x, mul1, mul2] = [1, 2, 3, 4, 8, 12, 13, 14, 15];
  const mix = (s: number, m: number) => [
    ...get(hash), ...get(s), ...V128_XOR, ...tee(x),
    ...get(x), ...i32Const(16), ...I32X4_SHR_U, ...V128_XOR, ...get(mul1), ...I32X4_MUL, ...tee(x),
    ...get(x), ...i32Const(13), ...I32X4_SHR_U, ...V128_XOR, ...get(mul2), ...I32X4_MUL, ...tee(x),
    ...get(x), ...i32Const(16), ...I32X4_SHR_U, ...V128_XOR,
    ...get(m), ...I32X4_MIN_U, ...set(m),
  ];
  const lanes = [0, 1, 2, 3];
  const code = [
    ...i32Const(0x85ebca6b), ...I32X4_SPLAT, ...set(mul1),
    ...i32Const(0xc2b2ae35), ...I32X4_SPLAT, ...set(mul2),
    ...get(0), ...i32Const(2), I32_SHL, ...i32Const(HASHES_AT), I32_ADD, ...set(end),
    ...LOOP, // over the groups of sixteen seeds
    ...lanes.flatMap((k) => [...get(group), ...v128Load(SEEDS_AT + 16 * k), ...set(seed0 + k)]),
    ...v128Const(Array(16).fill(0xff)), ...tee(min0), ...tee(min0 + 1), ...tee(min0 + 2), ...set(min0 + 3),
    ...i32Const(HASHES_AT), ...set(ptr),
    ...LOOP, // over the hashes
    ...get(ptr), ...v128Load32Splat, ...set(hash),
    ...lanes.flatMap((k) => mix(seed0 + k, min0 + k)),
    ...get(ptr), ...i32Const(4), I32_ADD, ...tee(ptr), ...get(end), I32_LT_U, BR_IF, 0,
    END,
    ...lanes.flatMap((k) => [...get(group), ...get(min0 + k), ...v128Store(MINS_AT + 16 * k)]),
    ...get(group), ...i32Const(64), I32_ADD, ...tee(group), ...i32Const(MINS_AT - SEEDS_AT), I32_LT_U, BR_IF, 0,
    END,
    END,
  ];
  const body = [2, 3, I32, 12, V128, ...code];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, [1, 0x60, 1, I32, 0]), // one type: (i32) -> ()
    ...section(3, [1, 0]), // one function, of that type
    ...section(5, [1, 0x00, 1]), // one memory, one page to start with
    ...section(7, [2, ...name('memory'), 0x02, 0, ...name('minhash'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

export interface SimdMinHash {
  /** The 128 minimums over distinct shingle hashes (at least one) into `mins`. */
  (hashes: Uint32Array, mins: Uint32Array): void;
}

/** WebAssembly memory is little-endian; typed arrays are in the machine's order */
const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The SIMD signature loop for these seeds, or null where WebAssembly SIMD is not available. */
export function createSimdMinHash(seeds: Uint32Array): SimdMinHash | null {
  if (seeds.length * 4 !== MINS_AT - SEEDS_AT) throw new Error(`minhash-simd: made for ${(MINS_AT - SEEDS_AT) / 4} permutations, not ${seeds.length}`);
  if (typeof WebAssembly === 'undefined' || !littleEndian) return null;
  const bytes = assemble();
  let exports: WebAssembly.Exports;
  try {
    if (!WebAssembly.validate(bytes)) return null;
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
  } catch {
    return null; // a runtime that will not compile WebAssembly here: the scalar loop
  }
  const memory = exports.memory as WebAssembly.Memory;
  const minhash = exports.minhash as (n: number) => void;
  new Uint32Array(memory.buffer, SEEDS_AT, seeds.length).set(seeds);
  return (hashes, mins) => {
    const needed = HASHES_AT + hashes.length * 4;
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    new Uint32Array(memory.buffer, HASHES_AT, hashes.length).set(hashes);
    minhash(hashes.length);
    mins.set(new Uint32Array(memory.buffer, MINS_AT, mins.length));
  };
}
