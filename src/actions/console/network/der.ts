/**
 * Just enough ASN.1 DER to write an X.509 certificate and read one back: `openssl s_client` prints
 * a real PEM block and `openssl x509` parses whatever PEM it is piped, so the two agree the way the
 * real tools do (a renewed certificate shows new dates because the bytes changed).
 */
export type Der = { tag: number; content: Uint8Array; children: Der[] };

const bytesOf = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0) & 0xff);

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export const tlv = (tag: number, content: readonly number[]): number[] => [
  tag,
  ...lengthBytes(content.length),
  ...content,
];

export const seq = (...items: number[][]): number[] => tlv(0x30, items.flat());
export const set = (...items: number[][]): number[] => tlv(0x31, items.flat());
export const int = (bytes: readonly number[]): number[] =>
  tlv(0x02, (bytes[0] ?? 0) & 0x80 ? [0, ...bytes] : [...bytes]);
export const nul = (): number[] => [0x05, 0x00];
export const utf8 = (text: string): number[] =>
  tlv(0x0c, Array.from(new TextEncoder().encode(text)));
export const printable = (text: string): number[] => tlv(0x13, bytesOf(text));
export const utcTimeDer = (text: string): number[] => tlv(0x17, bytesOf(text));
export const bitString = (bytes: readonly number[]): number[] => tlv(0x03, [0, ...bytes]);
export const octets = (bytes: readonly number[]): number[] => tlv(0x04, [...bytes]);
export const explicit = (n: number, inner: number[]): number[] => tlv(0xa0 | n, inner);

export function oid(dotted: string): number[] {
  const parts = dotted.split('.').map((p) => Number.parseInt(p, 10));
  const out = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [];
    let v = p;
    do {
      chunk.unshift((v & 0x7f) | (chunk.length > 0 ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...chunk);
  }
  return tlv(0x06, out);
}

export function oidText(content: Uint8Array): string {
  if (content.length === 0) return '';
  const parts = [Math.floor(content[0]! / 40), content[0]! % 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** Parses one DER value (and its children, for constructed tags); null on malformed input. */
export function parseDer(bytes: Uint8Array, from = 0): { node: Der; end: number } | null {
  if (from + 2 > bytes.length) return null;
  const tag = bytes[from]!;
  let len = bytes[from + 1]!;
  let at = from + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || at + n > bytes.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[at + i]!;
    at += n;
  }
  if (at + len > bytes.length) return null;
  const content = bytes.subarray(at, at + len);
  const children: Der[] = [];
  if (tag & 0x20) {
    let p = 0;
    while (p < content.length) {
      const child = parseDer(content, p);
      if (!child) return null;
      children.push(child.node);
      p = child.end;
    }
  }
  return { node: { tag, content, children }, end: at + len };
}

export const latin1 = (content: Uint8Array): string => String.fromCharCode(...content);

/** PEM armour: base64 in 64-column lines between BEGIN and END lines. */
export function toPem(label: string, der: readonly number[]): string {
  const b64 = btoa(String.fromCharCode(...der));
  const lines = b64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n') + '\n';
}

/** The first PEM block with that label in `text`, decoded; null if absent or not base64. */
export function fromPem(label: string, text: string): Uint8Array | null {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  if (!m) return null;
  const b64 = m[1]!.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
