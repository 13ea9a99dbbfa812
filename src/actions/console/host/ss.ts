/** iproute2 `ss -s`: the summary and the transport table, trailing spaces included. */
import type { Machine } from './machine.ts';

export function ssSummary(m: Machine): string {
  const k = m.sockets;
  const tcp = k.estab + k.listen + k.timewait;
  const tcp6 = k.listen6;
  const row = (name: string, total: number, v6: number): string =>
    `${name}\t  ${String(total).padEnd(9)} ${String(total - v6).padEnd(9)} ${String(v6).padEnd(9)}`;
  return (
    [
      `Total: ${k.total}`,
      `TCP:   ${tcp + k.closed} (estab ${k.estab}, closed ${k.closed}, orphaned ${k.orphaned}, timewait ${k.timewait})`,
      '',
      'Transport Total     IP        IPv6',
      row('RAW', k.raw, 0),
      row('UDP', k.udp + k.udp6, k.udp6),
      row('TCP', tcp, tcp6),
      row('INET', k.raw + k.udp + k.udp6 + tcp, k.udp6 + tcp6),
      row('FRAG', 0, 0),
    ].join('\n') + '\n\n'
  );
}
