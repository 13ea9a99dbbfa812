/**
 * What a host looks like from inside: its processes, memory, file systems, sockets, environment
 * and the tools its image ships. The bastion is a small quiet VM; containers share their node's
 * kernel, so `top` and `free` inside them show the node's memory and load (there is no lxcfs),
 * while the process list is the container's own.
 */
import type { ResolverConf } from '../network/resolver.ts';

export type Flavour = 'procps' | 'busybox';

export type Proc = {
  pid: number;
  ppid: number;
  user: string;
  /** The program name (`comm`), as top shows it by default. */
  comm: string;
  /** The command line (or process title), as `ps` and `top -c` show it. */
  args: string;
  /** CPU, percent of one core. */
  cpu: number;
  rssKiB: number;
  vszKiB: number;
  shrKiB: number;
  state: 'R' | 'S' | 'D' | 'I';
  startEpochMs: number;
  cpuSeconds: number;
  tty: string;
  nice: number;
};

export type Mount = { source: string; size: number; used: number; target: string };

export type Sockets = {
  estab: number;
  timewait: number;
  closed: number;
  orphaned: number;
  listen: number;
  /** Listening sockets that are IPv6. */
  listen6: number;
  udp: number;
  udp6: number;
  raw: number;
  /** Every socket of every family (ss's `Total:`). */
  total: number;
};

export type Machine = {
  hostname: string;
  kind: 'bastion' | 'api' | 'web' | 'coredns' | 'postgres' | 'redis';
  flavour: Flavour;
  /** Executables on the PATH. */
  tools: ReadonlySet<string>;
  cpus: number;
  mem: {
    totalKiB: number;
    usedKiB: number;
    freeKiB: number;
    sharedKiB: number;
    buffKiB: number;
    cacheKiB: number;
    availKiB: number;
  };
  load: readonly [number, number, number];
  /** CPU time shares of the whole machine, percent. */
  cpu: {
    us: number;
    sy: number;
    ni: number;
    id: number;
    wa: number;
    hi: number;
    si: number;
    st: number;
  };
  bootEpochMs: number;
  users: number;
  procs: Proc[];
  mounts: Mount[];
  sockets: Sockets;
  env: [string, string][];
  files: Record<string, string>;
  resolver: ResolverConf;
  /** Where `du` finds sizes (path → bytes). */
  dirs: Record<string, number>;
  /** The pod this is, for inspections (null on the bastion). */
  pod: string | null;
};
