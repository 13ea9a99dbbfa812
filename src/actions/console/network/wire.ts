/**
 * The size of a DNS response on the wire (RFC 1035 with name compression, plus the EDNS OPT
 * record), so dig's `MSG SIZE  rcvd:` matches the records it prints.
 */
import type { Rr } from './zone.ts';

const labels = (name: string): string[] => name.replace(/\.$/, '').split('.').filter(Boolean);

/** Tracks the names already written, the way a compressing encoder does. */
class Compressor {
  private readonly seen = new Set<string>();

  /** Bytes to write `name`: the labels not yet seen, then a pointer (or the root byte). */
  size(name: string): number {
    const ls = labels(name).map((l) => l.toLowerCase());
    let bytes = 0;
    for (let i = 0; i < ls.length; i++) {
      const suffix = ls.slice(i).join('.');
      if (this.seen.has(suffix)) return bytes + 2;
      this.seen.add(suffix);
      bytes += ls[i]!.length + 1;
    }
    return bytes + 1;
  }
}

function rdataSize(rr: Rr, c: Compressor): number {
  const f = rr.data.split(' ');
  switch (rr.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'SRV':
      // Targets of SRV records are not compressed (RFC 2782).
      return 6 + labels(f[3] ?? '').reduce((n, l) => n + l.length + 1, 1);
    case 'SOA':
      return c.size(f[0] ?? '.') + c.size(f[1] ?? '.') + 20;
    case 'MX':
      return 2 + c.size(f[1] ?? '.');
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return c.size(f[0] ?? '.');
    case 'TXT':
      return rr.data.length - 1;
  }
}

/** Header, question, the records of every section and an OPT record. */
export function messageSize(qname: string, sections: readonly Rr[]): number {
  const c = new Compressor();
  let bytes = 12 + c.size(qname) + 4;
  for (const rr of sections) bytes += c.size(rr.owner) + 10 + rdataSize(rr, c);
  return bytes + 11;
}
