/**
 * The certificates the TLS endpoints serve: the shop's edge certificate (its `notAfter` is the
 * sim's `certNotAfterEpochMs`, so a renewal shows new dates) and the payment provider's. Built as
 * DER so `openssl x509` can read them back from the PEM block.
 */
import type { SimState } from '../../../sim/index.ts';
import type { Der } from './der.ts';
import {
  bitString,
  explicit,
  fromPem,
  int,
  latin1,
  nul,
  octets,
  oid,
  oidText,
  parseDer,
  printable,
  seq,
  set,
  tlv,
  toPem,
  utcTimeDer,
  utf8,
} from './der.ts';
import { word } from './draw.ts';
import { utcTime } from './stamps.ts';
import { epochMsFromCivil } from '../../../sim/time.ts';

const civil = epochMsFromCivil;

const DAY = 86_400_000;

/** A certificate's facts; distinguished names in OpenSSL's `C = US, O = …, CN = …` form. */
export type CertInfo = {
  subject: string;
  issuer: string;
  notBefore: number;
  notAfter: number;
  serialHex: string;
  key: 'EC' | 'RSA2048' | 'RSA4096';
  sans: readonly string[];
};

export type Chain = { leaf: CertInfo; intermediate: CertInfo; root: string };

const ISRG_ROOT = 'C = US, O = Internet Security Research Group, CN = ISRG Root X1';
const DIGICERT_ROOT =
  'C = US, O = DigiCert Inc, OU = www.digicert.com, CN = DigiCert Global Root G2';
const DIGICERT_CA = 'C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1';

const serialOf = (seed: string, bytes: number): string => {
  let hex = '';
  for (let i = 0; hex.length < bytes * 2; i++)
    hex += word('serial', seed, i).toString(16).padStart(8, '0');
  return `0${hex.slice(1, bytes * 2)}`.toUpperCase();
};

/** The chain a TLS endpoint presents, or null when the host serves no TLS. */
export function chainFor(s: SimState, host: string): Chain | null {
  const h = host.toLowerCase();
  const start = s.config.startEpochMs;
  if (h === s.config.domain || h === `www.${s.config.domain}`) {
    const notAfter = s.certNotAfterEpochMs;
    // Let's Encrypt: 90-day certificates, issued by the R11 intermediate.
    return {
      leaf: {
        subject: `CN = ${s.config.domain}`,
        issuer: s.config.edge.certIssuer,
        notBefore: notAfter - 90 * DAY,
        notAfter,
        serialHex: serialOf(`${s.config.domain}/${notAfter}`, 18),
        key: 'EC',
        sans: [s.config.domain, `www.${s.config.domain}`],
      },
      intermediate: {
        subject: s.config.edge.certIssuer,
        issuer: ISRG_ROOT,
        notBefore: civil(2024, 3, 13),
        notAfter: civil(2027, 3, 12, 23, 59, 59),
        serialHex: serialOf('r11', 16),
        key: 'RSA2048',
        sans: [],
      },
      root: ISRG_ROOT,
    };
  }
  if (h === s.config.payments.host) {
    return {
      leaf: {
        subject: `C = US, ST = California, L = San Francisco, O = Paystream Inc., CN = ${h}`,
        issuer: DIGICERT_CA,
        notBefore: start - 120 * DAY,
        notAfter: start + 245 * DAY,
        serialHex: serialOf(h, 16),
        key: 'RSA2048',
        sans: [h, `*.${h.split('.').slice(1).join('.')}`],
      },
      intermediate: {
        subject: DIGICERT_CA,
        issuer: DIGICERT_ROOT,
        notBefore: civil(2021, 3, 30),
        notAfter: civil(2031, 3, 29, 23, 59, 59),
        serialHex: serialOf('digicert-ca1', 16),
        key: 'RSA2048',
        sans: [],
      },
      root: DIGICERT_ROOT,
    };
  }
  return null;
}

export const expired = (s: SimState, cert: CertInfo): boolean =>
  s.config.startEpochMs + s.t > cert.notAfter;

/** Whether a certificate is valid for a host name (exact or one-label wildcard). */
export function matchesHost(cert: CertInfo, host: string): boolean {
  // A trailing dot (an absolute name) is not part of the name the certificate is checked for.
  const h = host.toLowerCase().replace(/\.$/, '');
  return cert.sans.some(
    (san) =>
      san === h ||
      (san.startsWith('*.') &&
        h.endsWith(san.slice(1)) &&
        !h.slice(0, -san.length + 1).includes('.')),
  );
}

/** `C = US, O = X` → `C=US; O=X`, as curl prints names. */
export const curlDn = (dn: string): string => dn.replace(/ = /g, '=').replace(/, /g, '; ');

// ---- DER encoding and decoding of the certificate.

const ATTRS: Record<string, string> = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
};
const ATTR_NAMES = Object.fromEntries(Object.entries(ATTRS).map(([k, v]) => [v, k]));

function nameDer(dn: string): number[] {
  const rdns = dn.split(', ').map((part) => {
    const [k, v] = part.split(' = ') as [string, string];
    const value = k === 'C' ? printable(v) : utf8(v);
    return set(seq(oid(ATTRS[k] ?? ATTRS.CN!), value));
  });
  return seq(...rdns);
}

const hexBytes = (hex: string): number[] =>
  (hex.match(/../g) ?? []).map((b) => Number.parseInt(b, 16));

function keyBytes(seed: string, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < n; i++) {
    const w = word('key', seed, i);
    out.push(w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24);
  }
  return out.slice(0, n);
}

const SHA256_RSA = '1.2.840.113549.1.1.11';

function spki(cert: CertInfo): number[] {
  if (cert.key === 'EC')
    return seq(
      seq(oid('1.2.840.10045.2.1'), oid('1.2.840.10045.3.1.7')),
      bitString([0x04, ...keyBytes(cert.subject + cert.serialHex, 64)]),
    );
  const bits = cert.key === 'RSA4096' ? 512 : 256;
  const modulus = keyBytes(cert.subject, bits);
  modulus[0] = modulus[0]! | 0x80;
  return seq(
    seq(oid('1.2.840.113549.1.1.1'), nul()),
    bitString(seq(int(modulus), int([0x01, 0x00, 0x01]))),
  );
}

/** The DER bytes of a certificate (self-consistent; the signature is filler). */
export function certDer(cert: CertInfo): number[] {
  const sanExt =
    cert.sans.length > 0
      ? [
          explicit(
            3,
            seq(
              seq(
                oid('2.5.29.17'),
                octets(
                  seq(
                    ...cert.sans.map((d) =>
                      tlv(
                        0x82,
                        Array.from(d, (c) => c.charCodeAt(0)),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ]
      : [];
  const tbs = seq(
    explicit(0, int([2])),
    int(hexBytes(cert.serialHex)),
    seq(oid(SHA256_RSA), nul()),
    nameDer(cert.issuer),
    seq(utcTimeDer(utcTime(cert.notBefore)), utcTimeDer(utcTime(cert.notAfter))),
    nameDer(cert.subject),
    spki(cert),
    ...sanExt,
  );
  return seq(tbs, seq(oid(SHA256_RSA), nul()), bitString(keyBytes(`sig/${cert.serialHex}`, 256)));
}

export const certPem = (cert: CertInfo): string => toPem('CERTIFICATE', certDer(cert));

function dnText(name: Der): string {
  return name.children
    .map((rdn) => {
      const atv = rdn.children[0];
      if (!atv || atv.children.length < 2) return '';
      const key =
        ATTR_NAMES[oidText(atv.children[0]!.content)] ?? oidText(atv.children[0]!.content);
      const v = atv.children[1]!;
      const value = v.tag === 0x0c ? new TextDecoder().decode(v.content) : latin1(v.content);
      return `${key} = ${value}`;
    })
    .join(', ');
}

function utcTimeEpoch(content: Uint8Array): number | null {
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(latin1(content));
  if (!m) return null;
  const [yy, mo, d, h, mi, se] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return epochMsFromCivil(yy < 50 ? 2000 + yy : 1900 + yy, mo, d, h, mi, se);
}

/** Reads the first certificate in PEM text; null when there is none or it does not parse. */
export function readPemCertificate(text: string): CertInfo | null {
  const der = fromPem('CERTIFICATE', text);
  if (!der) return null;
  const top = parseDer(der)?.node;
  const tbs = top?.children[0];
  if (!tbs || tbs.tag !== 0x30) return null;
  const f = tbs.children[0]?.tag === 0xa0 ? tbs.children.slice(1) : tbs.children;
  const [serial, , issuer, validity, subject, key, ext] = f;
  if (!serial || !issuer || !validity || !subject || validity.children.length < 2) return null;
  const notBefore = utcTimeEpoch(validity.children[0]!.content);
  const notAfter = utcTimeEpoch(validity.children[1]!.content);
  if (notBefore === null || notAfter === null) return null;
  const sans: string[] = [];
  for (const e of ext?.children[0]?.children ?? []) {
    if (oidText(e.children[0]?.content ?? new Uint8Array()) !== '2.5.29.17') continue;
    const inner = parseDer(e.children[e.children.length - 1]!.content)?.node;
    for (const g of inner?.children ?? []) if (g.tag === 0x82) sans.push(latin1(g.content));
  }
  const keyAlg = oidText(key?.children[0]?.children[0]?.content ?? new Uint8Array());
  return {
    subject: dnText(subject),
    issuer: dnText(issuer),
    notBefore,
    notAfter,
    serialHex: Array.from(serial.content, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .replace(/^00(?=[89a-f])/, '')
      .toUpperCase(),
    key: keyAlg === '1.2.840.10045.2.1' ? 'EC' : 'RSA2048',
    sans,
  };
}
