/**
 * `nslookup`: BIND 9.18's on the bastion, BusyBox's inside the containers that ship it. Both use
 * the resolver's search list and ndots, so an external name walks the cluster suffixes first.
 */
import type { SimState } from '../../../sim/index.ts';
import type { CommandResult } from '../types.ts';
import { failure, result } from '../types.ts';
import type { Lookup, ResolverConf } from './resolver.ts';
import { bastionResolver, lookupHost } from './resolver.ts';
import { clusterServices, isIpv4, serviceFqdn } from './zone.ts';

type Parsed =
  | { ok: true; host: string; server: string | null; type: string }
  | { ok: false; out: string; exit: number };

const SUPPORTED_TYPES = new Set(['A', 'AAAA', 'ANY']);

function parse(args: readonly string[]): Parsed {
  const words: string[] = [];
  let type = 'A';
  for (const a of args) {
    const m = /^-(type|query|querytype|q|t)=(.*)$/i.exec(a);
    if (m) {
      type = m[2]!.toUpperCase();
      continue;
    }
    if (
      /^-(timeout|retry|port|domain|ndots)=\S+$/.test(a) ||
      /^-(no)?(debug|d2|search|recurse|vc|fail)$/.test(a)
    )
      continue;
    if (a.startsWith('-') && a.length > 1)
      return { ok: false, out: `*** Invalid option: ${a.slice(1)}\n`, exit: 1 };
    words.push(a);
  }
  const host = words[0];
  if (host === undefined) return { ok: false, out: '', exit: 1 };
  return { ok: true, host, server: words[1] ?? null, type };
}

const strip = (fqdn: string): string => fqdn.replace(/\.$/, '');

/** BIND nslookup. */
function bindOutput(
  server: string,
  host: string,
  lookup: Lookup,
  attempts: number,
  type: string,
): CommandResult['out'] {
  const lines: string[] = [];
  const timedOut = Array.from(
    { length: lookup.timeouts },
    () => `;; communications error to ${server}#53: timed out`,
  );
  if (lookup.status === 'timeout') {
    lines.push(
      ...Array.from(
        { length: Math.max(1, attempts) },
        () => `;; communications error to ${server}#53: timed out`,
      ),
    );
    lines.push(';; no servers could be reached', '');
    return lines.join('\n') + '\n';
  }
  if (lookup.status === 'refused') {
    lines.push(`;; communications error to ${server}#53: connection refused`);
    lines.push(';; no servers could be reached', '');
    return lines.join('\n') + '\n';
  }
  lines.push(...timedOut);
  lines.push(`Server:\t\t${server}`, `Address:\t${server}#53`, '');
  if (lookup.status === 'ok') {
    if (!lookup.authoritative) lines.push('Non-authoritative answer:');
    // This world is IPv4-only: an AAAA question has no answer.
    if (type === 'AAAA') lines.push(`*** Can't find ${strip(lookup.fqdn)}: No answer`);
    else
      for (const a of lookup.addresses) lines.push(`Name:\t${strip(lookup.fqdn)}`, `Address: ${a}`);
  } else {
    lines.push(
      `** server can't find ${host}: ${lookup.status === 'nxdomain' ? 'NXDOMAIN' : 'SERVFAIL'}`,
    );
  }
  lines.push('');
  return lines.join('\n') + '\n';
}

/** BusyBox nslookup: a block per search suffix that missed, `:53` in the address. */
function busyboxOutput(server: string, lookup: Lookup): string {
  if (lookup.status === 'timeout' || lookup.status === 'refused')
    return ';; connection timed out; no servers could be reached\n\n';
  const lines: string[] = [`Server:\t\t${server}`, `Address:\t${server}:53`, ''];
  for (const miss of lookup.misses) lines.push(`** server can't find ${strip(miss)}: NXDOMAIN`, '');
  if (lookup.status === 'ok') {
    if (!lookup.authoritative) lines.push('Non-authoritative answer:');
    for (const a of lookup.addresses) lines.push(`Name:\t${strip(lookup.fqdn)}`, `Address: ${a}`);
    lines.push('');
  } else if (lookup.status === 'servfail') {
    lines.push(`** server can't find ${strip(lookup.fqdn)}: SERVFAIL`, '');
  }
  return lines.join('\n') + '\n';
}

/** A server given by name is looked up first (only Service names resolve here). */
function serverAddress(s: SimState, server: string): string | null {
  if (isIpv4(server)) return server;
  const name = server.replace(/\.$/, '').toLowerCase();
  const svc = clusterServices(s).find(
    (x) => serviceFqdn(x) === name || `${x.name}.${x.namespace}` === name,
  );
  return svc?.addresses[0] ?? null;
}

export function runNslookup(
  s: SimState,
  args: readonly string[],
  opts: { conf?: ResolverConf; flavour?: 'bind' | 'busybox' } = {},
): CommandResult {
  const conf = opts.conf ?? bastionResolver(s);
  const flavour = opts.flavour ?? 'bind';
  const parsed = parse(args);
  if (!parsed.ok) {
    if (parsed.out === '')
      return failure('', 1, [
        {
          key: 'console.note.unsupportedFlag',
          params: { command: 'nslookup', flag: 'interactive mode' },
        },
      ]);
    return failure(parsed.out, parsed.exit);
  }
  if (!SUPPORTED_TYPES.has(parsed.type) && flavour === 'bind')
    return failure('', 1, [
      {
        key: 'console.note.unsupportedFlag',
        params: { command: 'nslookup', flag: `-type=${parsed.type}` },
      },
    ]);
  const server = serverAddress(s, parsed.server ?? conf.nameserver);
  if (server === null)
    return failure(`nslookup: couldn't get address for '${parsed.server ?? ''}': not found\n`, 1);
  const lookup = lookupHost(s, conf, parsed.host, `nslookup/${flavour}`, server);
  const out =
    flavour === 'bind'
      ? bindOutput(server, parsed.host, lookup, conf.attempts, parsed.type)
      : busyboxOutput(server, lookup);
  return result(out, {
    exit: lookup.status === 'ok' ? 0 : 1,
    actions: [{ type: 'inspect', target: 'dns-lookup', subject: parsed.host }],
  });
}
