/**
 * The model file: magic bytes, a format version, an endianness probe, a JSON header naming
 * each typed array, the arrays (4-byte aligned), and an FNV-1a checksum of everything before it.
 * Log-probabilities are quantized to 16 bits (steps of 1/2048 nat); word ids take 16 bits when they fit.
 */

export const MAGIC = new Uint8Array([0x56, 0x49, 0x52, 0x4d, 0x0d, 0x0a, 0x1a, 0x0a]); // "VIRM\r\n\x1a\n"
export const FORMAT_VERSION = 1;
const ENDIAN_PROBE = 0x01020304;
const LOG_STEP = 2048;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** How an array is stored: `ids` and `counts` (u16 or u32 by range), `logprob` (quantized u16), `u32`. */
export type ArrayKind = 'ids' | 'counts' | 'logprob' | 'u32';

export interface ArraySpec {
  name: string;
  kind: ArrayKind;
}

interface StoredArray {
  name: string;
  type: 'u16' | 'u32' | 'q16';
  length: number;
}

/** A model's parts before they become bytes: a JSON-able header and named numeric arrays. */
export interface ModelParts {
  header: Record<string, unknown>;
  arrays: Record<string, Uint32Array | Float32Array>;
}

function fnv1a(bytes: Uint8Array, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

function encodeArray(values: Uint32Array | Float32Array, kind: ArrayKind): { type: StoredArray['type']; data: Uint8Array } {
  if (kind === 'logprob') {
    const q = new Uint16Array(values.length);
    for (let i = 0; i < values.length; i++) q[i] = Math.min(65535, Math.max(0, Math.round(-(values[i] as number) * LOG_STEP)));
    return { type: 'q16', data: new Uint8Array(q.buffer) };
  }
  let max = 0;
  for (const x of values) max = Math.max(max, x);
  if ((kind === 'ids' || kind === 'counts') && max < 65536) return { type: 'u16', data: new Uint8Array(Uint16Array.from(values).buffer) };
  return { type: 'u32', data: new Uint8Array(Uint32Array.from(values).buffer) };
}

/** Serialize model parts; `specs` says how each array is stored. */
export function writeParts(parts: ModelParts, specs: readonly ArraySpec[]): Uint8Array {
  const encoded = specs.map((s) => {
    const values = parts.arrays[s.name];
    if (!values) throw new Error(`model array ${s.name} is missing`);
    return { name: s.name, length: values.length, ...encodeArray(values, s.kind) };
  });
  const header = new TextEncoder().encode(
    JSON.stringify({ ...parts.header, arrays: encoded.map(({ name, type, length }) => ({ name, type, length })) }),
  );
  const pad = (n: number) => (n + 3) & ~3;
  let size = MAGIC.length + 12 + pad(header.length);
  for (const e of encoded) size += pad(e.data.length);
  const out = new Uint8Array(size + 4);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, ENDIAN_PROBE, true);
  view.setUint32(16, header.length, true);
  out.set(header, 20);
  let at = 20 + pad(header.length);
  for (const e of encoded) {
    out.set(e.data, at);
    at += pad(e.data.length);
  }
  view.setUint32(size, fnv1a(out, size), true);
  return out;
}

/**
 * A stored 16-bit array as the model uses it: ids as 32-bit, quantized log-probabilities as floats. Plain
 * loops: this runs once per array on a cold start, where `TypedArray.from` with a mapping function is slow.
 */
function widen(stored: Uint16Array, logprob: boolean): Uint32Array | Float32Array {
  const n = stored.length;
  if (!logprob) {
    const ids = new Uint32Array(n);
    for (let i = 0; i < n; i++) ids[i] = stored[i] as number;
    return ids;
  }
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = -(stored[i] as number) / LOG_STEP;
  return values;
}

function fail(why: string): never {
  throw new Error(`not a vi-restore model: ${why}`);
}

/** Parse and check model bytes; throws a clear error, never returns half a model. */
export function readParts(bytes: Uint8Array): ModelParts {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('loadModel: bytes must be a Uint8Array');
  if (bytes.length < MAGIC.length + 16) fail(`only ${bytes.length} bytes, too short for the header`);
  if (bytes.length > MAX_FILE_BYTES) fail(`${bytes.length} bytes, more than the ${MAX_FILE_BYTES} a model may have`);
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) fail('wrong magic bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== FORMAT_VERSION) fail(`format version ${version}, this library reads ${FORMAT_VERSION}`);
  if (view.getUint32(12, true) !== ENDIAN_PROBE) fail('byte order check failed');
  const end = bytes.length - 4;
  if (view.getUint32(end, true) !== fnv1a(bytes, end)) fail('checksum mismatch (file truncated or corrupt)');
  const headerLength = view.getUint32(16, true);
  if (20 + headerLength > end) fail('header runs past the end');
  const { arrays: stored, ...header } = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + headerLength))) as {
    arrays: StoredArray[];
  };
  const arrays: ModelParts['arrays'] = {};
  let at = 20 + ((headerLength + 3) & ~3);
  for (const a of stored) {
    const width = a.type === 'u32' ? 4 : 2;
    const byteLength = a.length * width;
    if (at + byteLength > end) fail(`array ${a.name} runs past the end`);
    const copy = new Uint8Array(byteLength);
    copy.set(bytes.subarray(at, at + byteLength));
    if (a.type === 'u32') arrays[a.name] = new Uint32Array(copy.buffer);
    else arrays[a.name] = widen(new Uint16Array(copy.buffer), a.type === 'q16');
    at += (byteLength + 3) & ~3;
  }
  return { header, arrays };
}
