/**
 * Near-duplicate detection with MinHash over word shingles and LSH banding.
 *
 * Two texts whose sets of k-word shingles have Jaccard similarity J agree on each MinHash position with
 * probability J. Positions are grouped into bands; two texts that agree on every position of at least one
 * band become candidates (probability 1 − (1 − J^rows)^bands), and candidates are then checked on the
 * whole signature.
 */
import { wordTokens } from "../segment/index.ts";
import { combine, hashString, mix32 } from "./hash.ts";

export interface MinHashOptions {
  /** Words per shingle (default 4). */
  shingle?: number;
  /** LSH bands (default 20). */
  bands?: number;
  /** MinHash positions per band (default 3). The signature has bands × rows positions. */
  rows?: number;
}

export const DEFAULT_SHINGLE = 4;
export const DEFAULT_BANDS = 20;
export const DEFAULT_ROWS = 3;

export interface Sketch {
  /** MinHash signature (bands × rows values). */
  signature: Int32Array;
  /** Number of distinct shingles of the text (for containment estimates). */
  shingles: number;
}

/** Per-position seeds: fixed, so signatures stored by one version stay comparable. */
function seeds(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = mix32(0x3c6ef372 + Math.imul(i + 1, 0x61c88647));
  return out;
}

const seedCache = new Map<number, Int32Array>();
function seedsFor(n: number): Int32Array {
  let s = seedCache.get(n);
  if (!s) {
    s = seeds(n);
    seedCache.set(n, s);
  }
  return s;
}

/** Distinct hashes of the k-word shingles of a text (lower-cased word tokens; punctuation ignored). */
export function shingleHashes(text: string, k = DEFAULT_SHINGLE): Int32Array {
  const toks = wordTokens(text);
  const words = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) words[i] = hashString(toks[i]!.norm);
  const set = new Set<number>();
  if (toks.length > 0 && toks.length < k) {
    let h = 0;
    for (let i = 0; i < toks.length; i++) h = combine(h, words[i]!);
    set.add(h);
  }
  for (let i = 0; i + k <= words.length; i++) {
    let h = 0;
    for (let j = 0; j < k; j++) h = combine(h, words[i + j]!);
    set.add(h);
  }
  return Int32Array.from(set);
}

/** MinHash sketch of a text. An empty text has an all-max signature and 0 shingles. */
export function sketchText(text: string, options: MinHashOptions = {}): Sketch {
  return sketchShingles(shingleHashes(text, options.shingle ?? DEFAULT_SHINGLE), options);
}

/** MinHash sketch of shingle hashes already computed (`shingleHashes`). */
export function sketchShingles(shingles: Int32Array, options: MinHashOptions = {}): Sketch {
  const n = (options.bands ?? DEFAULT_BANDS) * (options.rows ?? DEFAULT_ROWS);
  const s = seedsFor(n);
  const sig = new Int32Array(n).fill(0x7fffffff);
  for (let k = 0; k < shingles.length; k++) {
    const x = shingles[k]!;
    for (let i = 0; i < n; i++) {
      const h = mix32(x ^ s[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return { signature: sig, shingles: shingles.length };
}

/** LSH keys of a signature: one hash per band (band index mixed in, so bands never collide). */
export function bandKeys(signature: Int32Array, rows = DEFAULT_ROWS): Int32Array {
  const bands = Math.floor(signature.length / rows);
  const out = new Int32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < rows; r++) h = combine(h, signature[b * rows + r]!);
    out[b] = h;
  }
  return out;
}

/** Estimated Jaccard similarity of the shingle sets: share of equal signature positions. */
export function estimateJaccard(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

export interface Resemblance {
  /** Estimated Jaccard similarity of the two shingle sets. */
  jaccard: number;
  /** Estimated share of the smaller text's shingles found in the other (catches trimmed copies). */
  containment: number;
}

/** Jaccard and containment estimates of two sketches. */
export function resemblance(a: Sketch, b: Sketch): Resemblance {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  const jaccard = estimateJaccard(a.signature, b.signature);
  // |A ∩ B| = J (|A| + |B|) / (1 + J)
  const inter = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  const containment = Math.min(1, inter / Math.min(a.shingles, b.shingles));
  return { jaccard, containment };
}

export interface DuplicateOptions {
  /** Minimum estimated Jaccard for a near-duplicate (default 0.6). */
  jaccard?: number;
  /** Minimum estimated containment of the shorter text in the longer one (default 0.85). */
  containment?: number;
  /** Shorter texts than this many shingles are only exact duplicates (default 20). */
  minShingles?: number;
}

export const DEFAULT_DUP_JACCARD = 0.6;
export const DEFAULT_DUP_CONTAINMENT = 0.85;

/** Whether two sketches are near-duplicates: high Jaccard, or one text nearly contained in the other. */
export function isNearDuplicate(a: Sketch, b: Sketch, options: DuplicateOptions = {}): boolean {
  const minShingles = options.minShingles ?? 20;
  if (Math.min(a.shingles, b.shingles) < minShingles) {
    return a.shingles > 0 && a.shingles === b.shingles && estimateJaccard(a.signature, b.signature) === 1;
  }
  const r = resemblance(a, b);
  if (r.jaccard >= (options.jaccard ?? DEFAULT_DUP_JACCARD)) return true;
  // containment is estimated from Jaccard and the set sizes: too noisy when the sizes differ a lot
  const ratio = Math.min(a.shingles, b.shingles) / Math.max(a.shingles, b.shingles);
  return ratio >= 0.4 && r.containment >= (options.containment ?? DEFAULT_DUP_CONTAINMENT);
}
