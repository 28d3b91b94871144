/** Small, fast, deterministic 32-bit hashes (not cryptographic): term ids, shingles, MinHash. */

/** FNV-1a over the UTF-16 code units of a string, as a signed 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** MurmurHash3's 32-bit finaliser: a good bijective mix of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combines two 32-bit hashes into one (order matters). */
export function combine(a: number, b: number): number {
  return mix32((Math.imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
}
