/**
 * A fast, stable, non-cryptographic string hash for article ids and translation cache keys.
 *
 * Why not SubtleCrypto: it is async and only exists in secure contexts, and the reader is also
 * served over plain http on a LAN. Two independent 32-bit FNV-1a-style lanes give 64 bits; with the
 * text length appended, accidental collisions are out of reach for the sizes we store.
 */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(h1)}${hex(h2)}-${text.length.toString(36)}`;
}
