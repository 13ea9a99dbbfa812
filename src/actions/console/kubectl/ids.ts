/** Stable identifiers the runtime would show: container IDs, image digests, resource versions. */
import { clusterNames } from '../../../sim/index.ts';
import type { KPod } from './model.ts';

/** 64 hex digits derived from a text (eight FNV-1a words). */
export function hex64(seed: string): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    // FNV-1a of near-identical texts shares digits; murmur3's finaliser scatters them.
    let h = clusterNames.fnv1a32(`${i}:${seed}`);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/** A new container (and ID) on every restart. */
export const containerId = (p: KPod): string => `containerd://${hex64(`${p.uid}/${p.restarts}`)}`;

/** `registry.example.com/shop/api@sha256:…` for an image reference. */
export function imageId(image: string): string {
  const at = image.lastIndexOf(':');
  const repo = at > image.lastIndexOf('/') ? image.slice(0, at) : image;
  return `${repo}@sha256:${hex64(image)}`;
}

/** An etcd revision that only ever grows with sim time. */
export const resourceVersion = (name: string, t: number): string =>
  String(48_213_000 + Math.floor(Math.max(0, t) / 1000) * 7 + (clusterNames.fnv1a32(name) % 7));
