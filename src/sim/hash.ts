/**
 * A fingerprint of a state: FNV-1a (64-bit, as two 32-bit halves) over its canonical JSON. Two
 * runs are byte-for-byte the same exactly when their hashes agree at every step that matters.
 * The JSON is canonical because states are built with a fixed key order.
 */
import type { SimState } from './state.ts';

export function hashString(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Serialises a state: Infinity (a primary down until further notice) survives as a string. */
export function serializeState(s: SimState): string {
  return JSON.stringify(s, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
}

export function hashState(s: SimState): string {
  return hashString(serializeState(s));
}
