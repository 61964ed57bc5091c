/**
 * Stable, synchronous, runtime-agnostic content hash used for item ids and chunk cache keys.
 * Not cryptographic: it only has to be deterministic across Node and Workers and collide
 * rarely, so two independent 32-bit FNV-1a lanes (different offset bases, the second lane
 * also mixing in the byte position) give 64 bits without needing WebCrypto's async API.
 */
const utf8 = new TextEncoder();

const fnvPrime = 0x01000193;
const laneOneOffset = 0x811c9dc5;
const laneTwoOffset = 0x050c5d1f;

function finalMix(value: number): number {
  // murmur3 fmix32: spreads the last bytes' influence over all output bits.
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 16 lowercase hex chars (64 bits) derived from the UTF-8 bytes of `text`. */
export function stableHash(text: string): string {
  const bytes = utf8.encode(text);
  let laneOne = laneOneOffset;
  let laneTwo = laneTwoOffset;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    laneOne = Math.imul(laneOne ^ byte, fnvPrime);
    laneTwo = Math.imul(laneTwo ^ ((byte + index) & 0xff), fnvPrime) ^ (laneTwo >>> 15);
  }
  laneOne = finalMix(laneOne ^ bytes.length);
  laneTwo = finalMix(laneTwo ^ Math.imul(bytes.length, 0x9e3779b1));
  return laneOne.toString(16).padStart(8, '0') + laneTwo.toString(16).padStart(8, '0');
}
