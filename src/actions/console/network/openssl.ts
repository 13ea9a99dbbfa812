/**
 * `openssl` (3.0): `s_client` connects and shows the chain the server presents, with the PEM of
 * its certificate; `x509` parses a PEM from its input and prints the fields asked for, in the
 * order asked. Verification follows the sim's certificate expiry.
 */
import type { CommandContext, CommandResult, ConsoleView, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import type { CertInfo, Chain } from './cert.ts';
import { certPem, chainFor, expired, readPemCertificate } from './cert.ts';
import { word } from './draw.ts';
import { endpointAt } from './http.ts';
import type { ResolverConf } from './resolver.ts';
import { bastionResolver, lookupHost } from './resolver.ts';
import { opensslDate } from './stamps.ts';

const VERSION_LINE = 'OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)';

const errPrefix = (seed: string): string =>
  `40${(word('tid', seed) & 0xffffff).toString(16).toUpperCase().padStart(6, '0')}B07F0000:error:`;

const keyLine = (c: CertInfo): string =>
  c.key === 'EC'
    ? 'id-ecPublicKey, 256 (bit)'
    : `rsaEncryption, ${c.key === 'RSA4096' ? 4096 : 2048} (bit)`;

function verifyLines(s: ConsoleView['state'], chain: Chain): string[] {
  const out = [
    `depth=2 ${chain.root}`,
    'verify return:1',
    `depth=1 ${chain.intermediate.subject}`,
    'verify return:1',
  ];
  const leaf = chain.leaf;
  if (expired(s, leaf)) {
    out.push(
      `depth=0 ${leaf.subject}`,
      'verify error:num=10:certificate has expired',
      `notAfter=${opensslDate(leaf.notAfter)}`,
      'verify return:1',
    );
  }
  out.push(`depth=0 ${leaf.subject}`);
  if (expired(s, leaf)) out.push(`notAfter=${opensslDate(leaf.notAfter)}`);
  out.push('verify return:1');
  return out;
}

function sClient(view: ConsoleView, args: readonly string[], conf: ResolverConf): CommandResult {
  const s = view.state;
  let target = 'localhost:4433';
  let showcerts = false;
  const notes: Note[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const takesValue = [
      '-connect',
      '-servername',
      '-CAfile',
      '-CApath',
      '-alpn',
      '-cert',
      '-key',
      '-proxy',
      '-port',
      '-host',
    ];
    if (takesValue.includes(a)) {
      const v = args[++i];
      if (v === undefined)
        return failure(
          `s_client: Option ${a} needs a value\ns_client: Use -help for summary.\n`,
          1,
        );
      if (a === '-connect') target = v;
      continue;
    }
    if (a === '-showcerts') showcerts = true;
    else if (
      [
        '-quiet',
        '-brief',
        '-tls1_2',
        '-tls1_3',
        '-status',
        '-verify_return_error',
        '-no_ign_eof',
        '-ign_eof',
        '-prexit',
        '-state',
        '-msg',
        '-debug',
      ].includes(a)
    ) {
      if (a !== '-tls1_2' && a !== '-tls1_3' && a !== '-ign_eof' && a !== '-no_ign_eof')
        notes.push({
          key: 'console.note.unsupportedFlag',
          params: { command: 'openssl s_client', flag: a },
        });
    } else if (a.startsWith('-'))
      return failure(`s_client: Unknown option: ${a}\ns_client: Use -help for summary.\n`, 1);
    else target = a;
  }
  const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(target);
  const host = (m ? m[1]! : target).toLowerCase();
  const port = m ? Number(m[2]) : 443;
  const inspect = [{ type: 'inspect' as const, target: 'certificate' as const, subject: host }];
  const prefix = errPrefix(target);
  const lookup = lookupHost(s, conf, host, 's_client');
  if (lookup.status !== 'ok')
    return failure(
      `${prefix}10080002:BIO routines:BIO_lookup_ex:system lib:../crypto/bio/bio_addr.c:738:${lookup.status === 'nxdomain' ? 'Name or service not known' : 'Temporary failure in name resolution'}\nconnect:errno=${lookup.status === 'nxdomain' ? 2 : 11}\n`,
      1,
    );
  const ep = endpointAt(s, lookup.addresses[0]!, port);
  if (ep.dest.kind === 'closed')
    return failure(
      `${prefix}8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:125:calling connect()\n${prefix}10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:127:\nconnect:errno=111\n`,
      1,
    );
  if (ep.dest.kind === 'blackhole')
    return failure(
      `${prefix}8000006E:system library:BIO_connect:Connection timed out:../crypto/bio/bio_sock2.c:125:calling connect()\n${prefix}10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:127:\nconnect:errno=110\n`,
      1,
    );
  const chain =
    ep.dest.kind === 'edge'
      ? chainFor(s, s.config.domain)
      : ep.dest.kind === 'payments'
        ? chainFor(s, s.config.payments.host)
        : null;
  if (!ep.tls || !chain) {
    return failure(
      [
        'CONNECTED(00000003)',
        `${prefix}0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:`,
        '---',
        'no peer certificate available',
        '---',
        'No client certificate CA names sent',
        '---',
        'SSL handshake has read 5 bytes and written 297 bytes',
        'Verification: OK',
        '---',
        'New, (NONE), Cipher is (NONE)',
        'Secure Renegotiation IS NOT supported',
        'Compression: NONE',
        'Expansion: NONE',
        'No ALPN negotiated',
        'Early data was not sent',
        'Verify return code: 0 (ok)',
        '---',
        '',
      ].join('\n'),
      1,
    );
  }
  const leaf = chain.leaf;
  const bad = expired(s, leaf);
  const certs = [leaf, chain.intermediate];
  const lines = ['CONNECTED(00000003)', ...verifyLines(s, chain), '---', 'Certificate chain'];
  certs.forEach((c, i) => {
    lines.push(
      ` ${i} s:${c.subject}`,
      `   i:${c.issuer}`,
      `   a:PKEY: ${keyLine(c)}; sigalg: RSA-SHA256`,
      `   v:NotBefore: ${opensslDate(c.notBefore)}; NotAfter: ${opensslDate(c.notAfter)}`,
    );
    if (showcerts) lines.push(certPem(c).trimEnd());
  });
  lines.push('---');
  if (!showcerts) lines.push('Server certificate', certPem(leaf).trimEnd());
  const read = leaf.key === 'EC' ? 2875 : 3421;
  lines.push(
    `subject=${leaf.subject}`,
    `issuer=${leaf.issuer}`,
    '---',
    'No client certificate CA names sent',
    'Peer signing digest: SHA256',
    `Peer signature type: ${leaf.key === 'EC' ? 'ECDSA' : 'RSA-PSS'}`,
    'Server Temp Key: X25519, 253 bits',
    '---',
    `SSL handshake has read ${read} bytes and written 397 bytes`,
    bad ? 'Verification error: certificate has expired' : 'Verification: OK',
    '---',
    'New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384',
    `Server public key is ${leaf.key === 'EC' ? 256 : 2048} bit`,
    'Secure Renegotiation IS NOT supported',
    'Compression: NONE',
    'Expansion: NONE',
    'No ALPN negotiated',
    'Early data was not sent',
    bad ? 'Verify return code: 10 (certificate has expired)' : 'Verify return code: 0 (ok)',
    '---',
    'DONE',
    '',
  );
  return result(lines.join('\n'), { notes, actions: inspect });
}

const colonHex = (hex: string): string => (hex.toLowerCase().match(/../g) ?? []).join(':');

function textDump(c: CertInfo): string {
  const serial = colonHex(c.serialHex.length % 2 ? `0${c.serialHex}` : c.serialHex);
  return [
    'Certificate:',
    '    Data:',
    '        Version: 3 (0x2)',
    '        Serial Number:',
    `            ${serial}`,
    '        Signature Algorithm: sha256WithRSAEncryption',
    `        Issuer: ${c.issuer}`,
    '        Validity',
    `            Not Before: ${opensslDate(c.notBefore)}`,
    `            Not After : ${opensslDate(c.notAfter)}`,
    `        Subject: ${c.subject}`,
    '        Subject Public Key Info:',
    `            Public Key Algorithm: ${c.key === 'EC' ? 'id-ecPublicKey' : 'rsaEncryption'}`,
    `                Public-Key: (${c.key === 'EC' ? 256 : 2048} bit)`,
    ...(c.sans.length > 0
      ? [
          '        X509v3 extensions:',
          '            X509v3 Subject Alternative Name: ',
          `                ${c.sans.map((d) => `DNS:${d}`).join(', ')}`,
        ]
      : []),
    '    Signature Algorithm: sha256WithRSAEncryption',
    '',
  ].join('\n');
}

function x509(view: ConsoleView, args: readonly string[], stdin: string | null): CommandResult {
  const prints: string[] = [];
  let noout = false;
  let checkend: number | null = null;
  let inFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-noout') noout = true;
    else if (
      ['-subject', '-issuer', '-dates', '-startdate', '-enddate', '-serial', '-text'].includes(a)
    )
      prints.push(a);
    else if (a === '-ext') {
      const v = args[++i];
      if (v === undefined)
        return failure('x509: Option -ext needs a value\nx509: Use -help for summary.\n', 1);
      prints.push(`-ext=${v}`);
    } else if (a === '-checkend') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v))
        return failure(
          `x509: Invalid number "${v ?? ''}" for option -checkend\nx509: Use -help for summary.\n`,
          1,
        );
      checkend = Number(v);
    } else if (a === '-in') {
      inFile = args[++i] ?? '';
    } else if (a === '-nameopt' || a === '-inform') i++;
    else if (a === '-noout' || a === '-purpose') continue;
    else return failure(`x509: Unknown option: ${a}\nx509: Use -help for summary.\n`, 1);
  }
  if (inFile !== null)
    return failure(
      `Could not open file or uri for loading certificate from ${inFile}\n${errPrefix(inFile)}80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:267:calling stat(${inFile})\nUnable to load certificate\n`,
      1,
    );
  const cert = readPemCertificate(stdin ?? '');
  if (!cert)
    return failure('Could not read certificate from <stdin>\nUnable to load certificate\n', 1);
  const out: string[] = [];
  for (const p of prints) {
    if (p === '-subject') out.push(`subject=${cert.subject}`);
    else if (p === '-issuer') out.push(`issuer=${cert.issuer}`);
    else if (p === '-dates')
      out.push(
        `notBefore=${opensslDate(cert.notBefore)}`,
        `notAfter=${opensslDate(cert.notAfter)}`,
      );
    else if (p === '-startdate') out.push(`notBefore=${opensslDate(cert.notBefore)}`);
    else if (p === '-enddate') out.push(`notAfter=${opensslDate(cert.notAfter)}`);
    else if (p === '-serial') out.push(`serial=${cert.serialHex}`);
    else if (p === '-text') out.push(textDump(cert).trimEnd());
    else if (p === '-ext=subjectAltName' && cert.sans.length > 0)
      out.push(
        'X509v3 Subject Alternative Name: ',
        `    ${cert.sans.map((d) => `DNS:${d}`).join(', ')}`,
      );
  }
  let exit = 0;
  if (checkend !== null) {
    const now = view.state.config.startEpochMs + view.state.t;
    const expires = cert.notAfter < now + checkend * 1000;
    out.push(expires ? 'Certificate will expire' : 'Certificate will not expire');
    exit = expires ? 1 : 0;
  }
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(stdin ?? '');
  if (!noout && pem) out.push(pem[0]);
  const subject = /CN = ([^,]+)/.exec(cert.subject)?.[1] ?? cert.subject;
  return result(out.length > 0 ? out.join('\n') + '\n' : '', {
    exit,
    actions: [{ type: 'inspect', target: 'certificate', subject }],
  });
}

export function runOpenssl(
  view: ConsoleView,
  args: readonly string[],
  ctx: Pick<CommandContext, 'stdin'>,
  conf: ResolverConf = bastionResolver(view.state),
): CommandResult {
  const [sub, ...rest] = args;
  switch (sub) {
    case 's_client':
      return sClient(view, rest, conf);
    case 'x509':
      return x509(view, rest, ctx.stdin);
    case 'version':
      return result(`${VERSION_LINE}\n`);
    case undefined:
      return failure('', 1, [
        {
          key: 'console.note.unsupportedFlag',
          params: { command: 'openssl', flag: 'interactive mode' },
        },
      ]);
    default:
      if (
        [
          'req',
          'verify',
          'rsa',
          'genrsa',
          'dgst',
          'enc',
          'base64',
          'rand',
          'crl',
          'pkcs12',
          'ciphers',
          's_server',
          'ocsp',
        ].includes(sub)
      )
        return failure('', 1, [
          { key: 'console.note.unsupportedFlag', params: { command: 'openssl', flag: sub } },
        ]);
      return failure(`Invalid command '${sub}'; type "help" for a list.\n`, 1);
  }
}
