/**
 * The host tools: the bastion's top/free/df/ss, and what `kubectl exec` finds inside each
 * container (its files, processes, disks and the tools its image ships).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInContainer } from '../../src/actions/console/host/index.ts';
import type { CommandResult, ConsoleView } from '../../src/actions/console/types.ts';
import type { SimState } from '../../src/sim/index.ts';
import { CALM_MS, FAULT_MOMENT_MS, typeLines, viewAt } from './views.ts';

const MOMENTS = [
  ['calm', 'pool-exhaustion-leak', CALM_MS],
  ['latency', 'latency-spike-missing-index', FAULT_MOMENT_MS['latency-spike-missing-index']],
  ['pool', 'pool-exhaustion-leak', FAULT_MOMENT_MS['pool-exhaustion-leak']],
  ['dns', 'dns-lookup-storm', FAULT_MOMENT_MS['dns-lookup-storm']],
] as const;

const viewOf = (m: (typeof MOMENTS)[number]): ConsoleView => viewAt(m[1], m[2]);
const calm = (): ConsoleView => viewOf(MOMENTS[0]);
const pool = (): ConsoleView => viewOf(MOMENTS[2]);
const storm = (): ConsoleView => viewOf(MOMENTS[3]);

const withState = (view: ConsoleView, patch: (s: SimState) => SimState): ConsoleView => ({
  ...view,
  state: patch(view.state),
});

const apiPod = (view: ConsoleView): string =>
  view.state.pods.find((p) => p.deployment === 'api' && p.phase === 'Running')!.name;

const exec = (view: ConsoleView, pod: string, ...argv: string[]): CommandResult | null =>
  runInContainer(pod, argv, { view, stdin: null, history: [] });

/** What `kubectl exec POD -- ARGV` would show, one block per command. */
function execTranscript(view: ConsoleView, pod: string, ...commands: string[][]): string {
  return commands
    .map((argv) => {
      const r = exec(view, pod, ...argv);
      return `$ kubectl exec ${pod} -- ${argv.join(' ')}\n${r === null ? '(executable file not found)\n' : r.out}`;
    })
    .join('');
}

describe('golden transcripts', () => {
  for (const moment of MOMENTS) {
    const [name] = moment;
    it(`the bastion (${name})`, async () => {
      const out = typeLines(viewOf(moment), 'top -b -n 1', 'free -m', 'free -h', 'df -h', 'ss -s')
        .all.map((e) => `${e.echo}\n${e.out}`)
        .join('');
      await expect(out).toMatchFileSnapshot(`golden/host-bastion-${name}.txt`);
    });

    it(`an API pod (${name})`, async () => {
      const view = viewOf(moment);
      const out = execTranscript(
        view,
        apiPod(view),
        ['cat', '/etc/resolv.conf'],
        ['cat', '/etc/hosts'],
        ['env'],
        ['top', '-b', '-n', '1'],
        ['free', '-m'],
        ['df', '-h'],
        ['nslookup', 'sdk.flagpole.io'],
        ['dig', 'sdk.flagpole.io'],
      );
      await expect(out).toMatchFileSnapshot(`golden/host-api-${name}.txt`);
    });

    it(`the PostgreSQL primary (${name})`, async () => {
      const out = execTranscript(
        viewOf(moment),
        'pg-primary-0',
        ['df', '-h', '/var/lib/postgresql/data'],
        ['du', '-sh', '/var/lib/postgresql/data/pgdata/pg_wal'],
        ['top', '-b', '-n', '1', '-c'],
        ['free', '-m'],
        ['ss', '-s'],
      );
      await expect(out).toMatchFileSnapshot(`golden/host-pg-primary-${name}.txt`);
    });
  }

  it('the Redis pod and a web pod (calm)', async () => {
    const view = calm();
    const web = view.state.pods.find((p) => p.deployment === 'web')!.name;
    const out =
      execTranscript(
        view,
        'redis-master-0',
        ['top', '-b', '-n', '1'],
        ['redis-cli', 'INFO', 'clients'],
        ['ps', 'aux'],
      ) + execTranscript(view, web, ['ps'], ['df', '-h', '/'], ['printenv', 'API_URL']);
    await expect(out).toMatchFileSnapshot('golden/host-redis-web-calm.txt');
  });
});

describe('on the bastion', () => {
  it('plain top shows one batch frame, like top -b -n 1', () => {
    const [plain, batch] = typeLines(calm(), 'top', 'top -b -n 1').all;
    expect(plain!.out).toBe(batch!.out);
    expect(plain!.out).toMatch(
      /^top - 14:00:40 up 12 days, {2}4:02, {2}1 user, {2}load average: 0\.08, 0\.03, 0\.01\n/,
    );
    expect(plain!.actions).toEqual([
      { type: 'inspect', target: 'host-resources', subject: 'bastion' },
    ]);
  });

  it('answers unknown options like procps, coreutils and iproute2', () => {
    expect(typeLines(calm(), 'top -x')).toMatchObject({ exit: 1 });
    expect(typeLines(calm(), 'top -x').out.split('\n')[0]).toBe("top: unknown option 'x'");
    expect(typeLines(calm(), 'free -x').out.split('\n')[0]).toBe("free: invalid option -- 'x'");
    expect(typeLines(calm(), 'df -x').out).toBe(
      "df: invalid option -- 'x'\nTry 'df --help' for more information.\n",
    );
    expect(typeLines(calm(), 'df --nope').out.split('\n')[0]).toBe(
      "df: unrecognized option '--nope'",
    );
    expect(typeLines(calm(), 'ss -Z').exit).toBe(1);
  });

  it('shows a small quiet VM', () => {
    const free = typeLines(calm(), 'free -m').out.split('\n')[1]!;
    expect(free).toMatch(/^Mem: +3911 /);
    expect(typeLines(calm(), 'df -h /').out.split('\n')[1]).toMatch(
      /^\/dev\/root +20G +4\.1G +16G +22% \/$/,
    );
  });
});

describe('inside containers', () => {
  it("writes the pod's resolver options into resolv.conf, timeout and attempts only when not default", () => {
    const view = calm();
    const pod = apiPod(view);
    const r = exec(view, pod, 'cat', '/etc/resolv.conf')!;
    expect(r.out).toBe(
      'search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(r.actions).toEqual([{ type: 'inspect', target: 'resolv-conf', subject: pod }]);
    const tuned = withState(view, (s) => ({
      ...s,
      pods: s.pods.map((p) =>
        p.name === pod ? { ...p, resolver: { ndots: 2, timeoutMs: 2000, attempts: 3 } } : p,
      ),
    }));
    expect(exec(tuned, pod, 'cat', '/etc/resolv.conf')!.out).toContain(
      'options ndots:2 timeout:2 attempts:3\n',
    );
    expect(exec(view, 'pg-primary-0', 'cat', '/etc/resolv.conf')!.out).toContain(
      'search db.svc.cluster.local ',
    );
  });

  it("shows the pool size baked into the pod, and the release's new SDK endpoint", () => {
    const view = withState(calm(), (s) => ({
      ...s,
      pods: s.pods.map((p) => (p.deployment === 'api' ? { ...p, poolMaxConns: 20 } : p)),
    }));
    expect(exec(view, apiPod(view), 'printenv', 'DB_MAX_CONNS')!.out).toBe('20\n');
    expect(exec(calm(), apiPod(calm()), 'env')!.out).not.toContain('FEATURE_FLAGS_URL');
    expect(exec(storm(), apiPod(storm()), 'env')!.out).toContain(
      'FEATURE_FLAGS_URL=https://sdk.flagpole.io/v1/flags\n',
    );
  });

  it('reads the database volume from the sim: a full disk and the WAL a dead slot retains', () => {
    const GiB = 1024 ** 3;
    const full = withState(calm(), (s) => ({
      ...s,
      db: {
        ...s.db,
        diskUsedBytes: s.db.diskBytes - 3.05 * GiB,
        slots: [
          ...s.db.slots,
          {
            name: 'debezium_analytics',
            type: 'logical',
            active: false,
            retainedBytes: 411.2 * GiB,
          },
        ],
      },
    }));
    expect(exec(full, 'pg-primary-0', 'df', '-h', '/var/lib/postgresql/data')!.out).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme1n1    500G  497G  3.1G 100% /var/lib/postgresql/data\n',
    );
    expect(
      exec(full, 'pg-primary-0', 'du', '-sh', '/var/lib/postgresql/data/pgdata/pg_wal')!.out,
    ).toBe('412G\t/var/lib/postgresql/data/pgdata/pg_wal\n');
    expect(exec(full, 'pg-primary-0', 'du', '-sh', '/nope')).toMatchObject({ exit: 1 });
  });

  it('lists the backends PgBouncer holds, idle in transaction when connections leak', () => {
    const view = pool();
    const out = exec(view, 'pg-primary-0', 'top', '-b', '-n', '1', '-c')!.out;
    const idleTx = out.split('\n').filter((l) => l.endsWith('idle in transaction')).length;
    expect(idleTx).toBe(Math.round(view.state.db.idleInTxBackends));
    expect(exec(view, 'pg-primary-0', 'top', '-b', '-n', '1')!.out).not.toContain('postgres: ');
  });

  it('runs only the tools each image ships', () => {
    const view = calm();
    const coredns = view.state.pods.find((p) => p.deployment === 'coredns')!.name;
    expect(exec(view, coredns, 'cat', '/etc/resolv.conf')).toBeNull();
    expect(exec(view, coredns, 'sh')).toBeNull();
    expect(exec(view, apiPod(view), 'dig', 'x')).toBeNull();
    expect(exec(view, apiPod(view), 'ss', '-s')).toBeNull();
    expect(exec(view, 'pg-primary-0', 'nslookup', 'x')).toBeNull();
    expect(exec(view, 'no-such-pod', 'cat', '/etc/hosts')).toBeNull();
    expect(exec(view, apiPod(view), 'sh', '-c', 'cat /etc/hostname')!.out).toBe(
      `${apiPod(view)}\n`,
    );
    expect(exec(view, apiPod(view), 'cat', '/etc/shadow')).toMatchObject({
      exit: 1,
      out: 'cat: /etc/shadow: No such file or directory\n',
    });
  });

  it('talks to the local Redis from inside its pod', () => {
    expect(exec(calm(), 'redis-master-0', 'redis-cli', 'PING')!.out).toBe('PONG\n');
    expect(exec(calm(), 'redis-master-0', 'redis-cli')!.mode).toEqual({ kind: 'redis' });
  });

  it('resolves with the pod resolver, BusyBox style, in the API image', () => {
    const r = exec(calm(), apiPod(calm()), 'nslookup', 'api.paystream.io')!;
    expect(r.out).toContain('Address:\t10.96.0.10:53\n');
    expect(r.out).toContain(
      "** server can't find api.paystream.io.prod.svc.cluster.local: NXDOMAIN\n",
    );
  });

  it('never throws, whatever is run in any container', () => {
    const pods = (v: ConsoleView): string[] => [
      ...v.state.pods.map((p) => p.name),
      'pg-primary-0',
      'pg-replica-0',
      'redis-master-0',
    ];
    const word = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'top',
        'free',
        'df',
        'du',
        'ss',
        'ps',
        'cat',
        'env',
        'printenv',
        'sh',
        '-c',
        '-h',
        '-b',
        '-n',
        '1',
        'aux',
        '-ef',
        '/',
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(calm(), pool(), storm()),
        fc.nat(),
        fc.array(word, { maxLength: 6 }),
        (view, i, argv) => {
          const list = pods(view);
          exec(view, list[i % list.length]!, ...argv);
        },
      ),
      { numRuns: 400 },
    );
  });
});
