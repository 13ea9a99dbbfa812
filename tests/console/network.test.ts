/**
 * The network tools against the flagship moments: golden transcripts a seasoned SRE can read, and
 * the behaviour behind them (DNS fates from CoreDNS's drop share, curl phases and exit codes,
 * certificate verification, Redis counters and the FLUSHALL lever).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/actions/console/complete.ts';
import type { ConsoleView } from '../../src/actions/console/types.ts';
import {
  runCurl,
  runDig,
  runNslookup,
  runOpenssl,
  runRedisCli,
} from '../../src/actions/console/network/index.ts';
import { M } from '../../src/sim/index.ts';
import type { SimState } from '../../src/sim/index.ts';
import { applyActions, CALM_MS, FAULT_MOMENT_MS, freshRunAt, typeLines, viewAt } from './views.ts';

/** The calm system and each flagship's fault in full swing. */
const MOMENTS = [
  ['calm', 'pool-exhaustion-leak', CALM_MS],
  ['latency', 'latency-spike-missing-index', FAULT_MOMENT_MS['latency-spike-missing-index']],
  ['pool', 'pool-exhaustion-leak', FAULT_MOMENT_MS['pool-exhaustion-leak']],
  ['dns', 'dns-lookup-storm', FAULT_MOMENT_MS['dns-lookup-storm']],
] as const;

const viewOf = (moment: (typeof MOMENTS)[number]): ConsoleView => viewAt(moment[1], moment[2]);
const calm = (): ConsoleView => viewAt('pool-exhaustion-leak', CALM_MS);
const latency = (): ConsoleView => viewOf(MOMENTS[1]);
const pool = (): ConsoleView => viewOf(MOMENTS[2]);
const storm = (): ConsoleView => viewOf(MOMENTS[3]);

/** The same view with part of the sim state replaced (the state is plain data). */
const withState = (view: ConsoleView, patch: (s: SimState) => SimState): ConsoleView => ({
  ...view,
  state: patch(view.state),
});

/** A console transcript: each line with its prompt, then what the terminal showed. */
function transcript(view: ConsoleView, ...lines: string[]): string {
  return typeLines(view, ...lines)
    .all.map((e) => `${e.echo}\n${e.out}`)
    .join('');
}

const TIMING =
  "curl -s -o /dev/null -w 'dns=%{time_namelookup} connect=%{time_connect} tls=%{time_appconnect} ttfb=%{time_starttransfer} total=%{time_total} code=%{http_code}\\n'";

const ttfb = (view: ConsoleView, url: string): number =>
  Number(runCurl(view, ['-s', '-o', '/dev/null', '-w', '%{time_starttransfer}', url]).out);

/** A customer whose /v1/orders takes the missing-index plan at the latency fault moment. */
function slowCustomer(): number {
  for (let c = 48_200; c < 49_200; c++)
    if (ttfb(latency(), `https://shop.example.com/v1/orders?customer=${c}`) > 1) return c;
  throw new Error('no slow customer at the latency fault moment');
}

describe('golden transcripts', () => {
  const slow = slowCustomer();
  for (const moment of MOMENTS) {
    const [name] = moment;
    it(`dig and nslookup (${name})`, async () => {
      const out = transcript(
        viewOf(moment),
        'dig api.prod.svc.cluster.local',
        'dig sdk.flagpole.io',
        'dig +short shop.example.com',
        'dig api.paystream.io.prod.svc.cluster.local',
        'nslookup api',
        'nslookup api.paystream.io',
      );
      await expect(out).toMatchFileSnapshot(`golden/net-dns-${name}.txt`);
    });

    it(`curl -w timings (${name})`, async () => {
      const out = transcript(
        viewOf(moment),
        `${TIMING} 'https://shop.example.com/v1/orders?customer=48213'`,
        `${TIMING} 'https://shop.example.com/v1/orders?customer=${slow}'`,
        `${TIMING} https://shop.example.com/`,
        `${TIMING} http://api.prod.svc.cluster.local:8080/v1/orders`,
        `${TIMING} https://api.paystream.io/v1/health`,
      );
      await expect(out).toMatchFileSnapshot(`golden/net-curl-w-${name}.txt`);
    });

    it(`curl -v (${name})`, async () => {
      const out = transcript(
        viewOf(moment),
        `curl -v 'https://shop.example.com/v1/orders?customer=${slow}'`,
        'curl -sSI http://api.prod.svc.cluster.local:8080/readyz',
      );
      await expect(out).toMatchFileSnapshot(`golden/net-curl-v-${name}.txt`);
    });

    it(`redis-cli (${name})`, async () => {
      const out = transcript(
        viewOf(moment),
        'redis-cli -h redis-master INFO memory',
        'redis-cli -h redis-master INFO stats',
        'redis-cli -h redis-master INFO keyspace',
        'redis-cli -h redis-master --latency',
      );
      await expect(out).toMatchFileSnapshot(`golden/net-redis-${name}.txt`);
    });
  }

  it('openssl s_client piped into x509 (calm)', async () => {
    const out = transcript(
      calm(),
      'openssl s_client -connect shop.example.com:443 -servername shop.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates',
      'openssl s_client -connect shop.example.com:443 -servername shop.example.com',
    );
    await expect(out).toMatchFileSnapshot('golden/net-openssl-calm.txt');
  });

  it('an expired edge certificate (calm, with notAfter in the past)', async () => {
    const view = withState(calm(), (s) => ({
      ...s,
      certNotAfterEpochMs: s.config.startEpochMs - 3_600_000,
    }));
    const out = transcript(
      view,
      'curl -sS -o /dev/null -w "%{http_code}\\n" https://shop.example.com/',
      'openssl s_client -connect shop.example.com:443 | openssl x509 -noout -enddate',
      'curl -v https://shop.example.com/healthz',
    );
    await expect(out).toMatchFileSnapshot('golden/net-openssl-expired.txt');
  });
});

describe('dig', () => {
  it('answers cluster names authoritatively with the kubeadm TTL, and reports the inspection', () => {
    const r = runDig(calm().state, ['api.prod.svc.cluster.local']);
    expect(r.exit).toBe(0);
    expect(r.out).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1');
    expect(r.out).toContain('api.prod.svc.cluster.local. 30\tIN\tA\t10.96.41.7');
    expect(r.out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)');
    expect(r.out).toContain(';; WHEN: Thu Mar 12 14:00:40 UTC 2026');
    expect(r.actions).toEqual([
      { type: 'inspect', target: 'dns-lookup', subject: 'api.prod.svc.cluster.local' },
    ]);
  });

  it('does not use the search list unless +search', () => {
    expect(runDig(calm().state, ['api']).out).toContain('status: NXDOMAIN');
    expect(runDig(calm().state, ['+search', 'api']).out).toContain('status: NOERROR');
    expect(runDig(calm().state, ['+short', '+search', 'api']).out).toBe('10.96.41.7\n');
  });

  it('answers NXDOMAIN for search-suffixed external names and forwards the rest (ra)', () => {
    const suffixed = runDig(calm().state, ['api.paystream.io.svc.cluster.local']).out;
    expect(suffixed).toContain('status: NXDOMAIN');
    expect(suffixed).toContain(
      'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local.',
    );
    expect(runDig(calm().state, ['api.paystream.io']).out).toContain(';; flags: qr rd ra;');
  });

  it('times out (exit 9) when CoreDNS drops everything, and is refused with no CoreDNS ready', () => {
    const dropping = withState(calm(), (s) => ({ ...s, dns: { ...s.dns, dropRatio: 1 } }));
    const r = runDig(dropping.state, ['api.prod.svc.cluster.local']);
    expect(r.exit).toBe(9);
    expect(r.out.match(/communications error to 10\.96\.0\.10#53: timed out/g)).toHaveLength(3);
    expect(r.out).toContain(';; no servers could be reached');
    expect(runDig(dropping.state, ['+tries=1', 'x.io']).out.match(/timed out/g)).toHaveLength(1);
    const down = withState(calm(), (s) => ({
      ...s,
      pods: s.pods.map((p) => (p.deployment === 'coredns' ? { ...p, ready: false } : p)),
    }));
    expect(runDig(down.state, ['api']).out).toContain('connection refused');
  });

  it('answers SERVFAIL for forwarded names when the upstream resolver fails', () => {
    const failing = withState(calm(), (s) => ({ ...s, dns: { ...s.dns, servfailRatio: 1 } }));
    const r = runDig(failing.state, ['api.paystream.io']);
    expect(r.out).toContain('status: SERVFAIL');
    expect(runDig(failing.state, ['api.prod.svc.cluster.local']).out).toContain('status: NOERROR');
  });

  it('shows the storm: some queries time out and are retried', () => {
    const lines = Array.from(
      { length: 30 },
      (_, i) => runDig(storm().state, [`n${i}.flagpole.io`]).out,
    );
    expect(lines.some((o) => o.includes('communications error'))).toBe(true);
    expect(lines.some((o) => o.includes('status: NOERROR'))).toBe(true);
  });

  it('rejects unknown options and illegal names like BIND', () => {
    const bad = runDig(calm().state, ['+foo', 'x']);
    expect(bad.exit).toBe(1);
    expect(bad.out.startsWith('Invalid option: +foo\nUsage:  dig [@global-server]')).toBe(true);
    expect(runDig(calm().state, ['a..b'])).toMatchObject({
      exit: 10,
      out: "dig: 'a..b' is not a legal name (empty label)\n",
    });
    expect(runDig(calm().state, ['@nowhere', 'x']).exit).toBe(10);
  });

  it('resolves reverse names of Services', () => {
    expect(runDig(calm().state, ['+short', '-x', '10.96.0.10']).out).toBe(
      'kube-dns.kube-system.svc.cluster.local.\n',
    );
  });

  it('is the same answer for the same question at the same moment', () => {
    expect(runDig(storm().state, ['sdk.flagpole.io']).out).toBe(
      runDig(storm().state, ['sdk.flagpole.io']).out,
    );
  });
});

describe('nslookup', () => {
  it('walks the search list, answering with the name that exists', () => {
    const r = runNslookup(calm().state, ['api']);
    expect(r.out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tapi.prod.svc.cluster.local\nAddress: 10.96.41.7\n\n',
    );
    expect(runNslookup(calm().state, ['api.paystream.io']).out).toContain(
      'Non-authoritative answer:',
    );
  });

  it('fails with exit 1 for a name that does not exist', () => {
    const r = runNslookup(calm().state, ['nope']);
    expect(r.exit).toBe(1);
    expect(r.out).toContain("** server can't find nope: NXDOMAIN");
  });

  it('fails most external lookups in the DNS storm (eight queries, a third of them dropped)', () => {
    const failed = Array.from({ length: 40 }, (_, i) =>
      runNslookup(storm().state, [`h${i}.flagpole.io`]),
    ).filter((r) => r.exit !== 0);
    expect(failed.length).toBeGreaterThan(20);
    expect(failed[0]!.out).toContain(';; communications error to 10.96.0.10#53: timed out');
  });
});

describe('curl', () => {
  const w = (view: ConsoleView, url: string, extra: string[] = []): string =>
    runCurl(view, [
      '-s',
      '-o',
      '/dev/null',
      ...extra,
      '-w',
      '%{http_code} %{time_namelookup} %{time_total}',
      url,
    ]).out;

  it('is fast and successful when all is calm', () => {
    const [code, dns, total] = w(calm(), 'https://shop.example.com/v1/orders').split(' ');
    expect(code).toBe('200');
    expect(Number(dns)).toBeLessThan(0.05);
    expect(Number(total)).toBeLessThan(0.2);
  });

  it('shows the missing index as a slow share of /v1/orders, none of it before the fault', () => {
    const urls = Array.from(
      { length: 300 },
      (_, i) => `https://shop.example.com/v1/orders?customer=${50_000 + i}`,
    );
    const slowShare = (view: ConsoleView): number =>
      urls.filter((u) => ttfb(view, u) > 1).length / urls.length;
    expect(slowShare(calm())).toBe(0);
    expect(slowShare(latency())).toBeGreaterThan(0.01);
    expect(slowShare(latency())).toBeLessThan(0.12);
  });

  it('fails /v1/orders with a 5xx after the pool wait deadline when the pool is exhausted', () => {
    const [code, , total] = w(pool(), 'https://shop.example.com/v1/orders').split(' ');
    expect(Number(code)).toBeGreaterThanOrEqual(500);
    expect(Number(total)).toBeGreaterThan(4.9);
    const f = runCurl(pool(), ['-sSf', '-o', '/dev/null', 'https://shop.example.com/v1/orders']);
    expect(f.exit).toBe(22);
    expect(f.out).toMatch(/^curl: \(22\) The requested URL returned error: 5\d\d\n$/);
  });

  it('spends its time in name lookup during the DNS storm', () => {
    // Eight queries per lookup with a third dropped: almost every lookup waits out a timeout.
    const results = Array.from({ length: 20 }, (_, i) =>
      w(storm(), `https://shop.example.com/?i=${i}`),
    );
    const lookups = results.map((r) => Number(r.split(' ')[1]));
    expect(lookups.filter((s) => s >= 5).length).toBeGreaterThanOrEqual(16);
    expect(w(calm(), 'https://shop.example.com/').split(' ')[1]).toMatch(/^0\.0/);
  });

  it('exits 6 for a name that does not resolve, printing 000 for -w, silent with -s', () => {
    const loud = runCurl(calm(), ['https://nope.internal/']);
    expect(loud).toMatchObject({
      exit: 6,
      out: 'curl: (6) Could not resolve host: nope.internal\n',
    });
    const quiet = runCurl(calm(), ['-s', '-w', '%{http_code}\\n', 'https://nope.internal/']);
    expect(quiet).toMatchObject({ exit: 6, out: '000\n' });
  });

  it('exits 7 when nothing listens, 28 on -m, 60 on an expired certificate unless -k', () => {
    expect(runCurl(calm(), ['http://localhost:8080/']).out).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    );
    const blackhole = runCurl(calm(), ['-m', '5', 'https://github.com/']);
    expect(blackhole.exit).toBe(28);
    expect(blackhole.out).toMatch(
      /^curl: \(28\) Failed to connect to github\.com port 443 after 500\d ms: Timeout was reached\n$/,
    );
    const slow = runCurl(pool(), ['-m', '2', 'https://shop.example.com/v1/orders']);
    expect(slow.out).toMatch(
      /^curl: \(28\) Operation timed out after 200\d milliseconds with 0 bytes received\n$/,
    );
    const expired = withState(calm(), (s) => ({
      ...s,
      certNotAfterEpochMs: s.config.startEpochMs - 1,
    }));
    const r = runCurl(expired, ['https://shop.example.com/']);
    expect(r.exit).toBe(60);
    expect(r.out.split('\n')[0]).toBe(
      'curl: (60) SSL certificate problem: certificate has expired',
    );
    expect(
      runCurl(expired, [
        '-k',
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code} %{ssl_verify_result}',
        'https://shop.example.com/',
      ]).out,
    ).toBe('200 10');
  });

  it('speaks plain HTTP to the API Service and refuses TLS there (35)', () => {
    expect(runCurl(calm(), ['-s', 'http://api.prod.svc.cluster.local:8080/healthz']).out).toBe(
      'ok\n',
    );
    expect(runCurl(calm(), ['https://api.prod.svc.cluster.local:8080/healthz']).exit).toBe(35);
    expect(runCurl(calm(), ['-s', 'http://api:8080/nope']).out).toBe('404 page not found\n');
  });

  it('follows the HTTP to HTTPS redirect with -L', () => {
    const r = runCurl(calm(), [
      '-sL',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code} %{num_redirects} %{url_effective}',
      'shop.example.com',
    ]);
    expect(r.out).toBe('200 1 https://shop.example.com/');
  });

  it("answers unknown options like curl's option parser", () => {
    expect(runCurl(calm(), ['--foo', 'x'])).toMatchObject({
      exit: 2,
      out: "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    });
    expect(runCurl(calm(), []).out).toContain('curl: no URL specified!');
    expect(runCurl(calm(), ['ftp://x/']).out).toBe('curl: (1) Protocol "ftp" not supported\n');
  });

  it('reports the inspection with the effective URL', () => {
    expect(runCurl(calm(), ['-s', 'https://shop.example.com/healthz']).actions).toEqual([
      { type: 'inspect', target: 'http-timing', subject: 'https://shop.example.com/healthz' },
    ]);
  });
});

describe('openssl', () => {
  it('prints x509 fields in the order asked and fails without a certificate on stdin', () => {
    const pem = runOpenssl(calm(), ['s_client', '-connect', 'shop.example.com:443'], {
      stdin: null,
    }).out;
    const r = runOpenssl(calm(), ['x509', '-noout', '-enddate', '-subject'], { stdin: pem });
    expect(r.out).toBe('notAfter=Apr 30 00:00:00 2026 GMT\nsubject=CN = shop.example.com\n');
    expect(runOpenssl(calm(), ['x509', '-noout', '-dates'], { stdin: null })).toMatchObject({
      exit: 1,
      out: 'Could not read certificate from <stdin>\nUnable to load certificate\n',
    });
    expect(runOpenssl(calm(), ['x509', '-noout', '-checkend', '86400'], { stdin: pem }).out).toBe(
      'Certificate will not expire\n',
    );
    expect(
      runOpenssl(calm(), ['x509', '-noout', '-checkend', String(60 * 86400)], { stdin: pem }).exit,
    ).toBe(1);
  });

  it('verifies against the sim clock: code 10 after notAfter', () => {
    const expired = withState(calm(), (s) => ({
      ...s,
      certNotAfterEpochMs: s.config.startEpochMs - 1,
    }));
    const out = runOpenssl(expired, ['s_client', '-connect', 'shop.example.com:443'], {
      stdin: null,
    }).out;
    expect(out).toContain('verify error:num=10:certificate has expired');
    expect(out).toContain('Verify return code: 10 (certificate has expired)');
  });
});

describe('redis-cli', () => {
  it('refuses localhost from the bastion and suggests -h redis-master', () => {
    const r = runRedisCli(calm(), ['PING']);
    expect(r.out).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
    expect(r.notes).toEqual([
      { key: 'console.note.didYouMean', params: { suggestion: 'redis-cli -h redis-master PING' } },
    ]);
    expect(runRedisCli(calm(), ['-h', 'redis-master', 'PING']).out).toBe('PONG\n');
  });

  it('answers unknown commands like Redis 7 and keeps to the interactive prompt until quit', () => {
    const e = typeLines(calm(), 'redis-cli -h redis-master', 'FOO bar', 'dbsize', 'quit', 'whoami');
    expect(e.all[0]!.state.mode).toEqual({ kind: 'redis' });
    expect(e.all[1]!.echo).toBe('redis-master:6379> FOO bar');
    expect(e.all[1]!.out).toBe(
      "(error) ERR unknown command 'FOO', with args beginning with: 'bar' \n",
    );
    expect(e.all[2]!.out).toBe('(integer) 412000\n');
    expect(e.all[3]!.state.mode).toEqual({ kind: 'shell' });
    expect(e.out).toBe('oncall\n');
  });

  it('keeps its counters across FLUSHALL and resets them on a restart', () => {
    const before = runRedisCli(calm(), ['-h', 'redis-master', 'INFO', 'server']).out;
    expect(before).toMatch(/uptime_in_days:41\n/);
    const restarted = withState(calm(), (s) => ({
      ...s,
      redis: { ...s.redis, uptimeStartMs: s.t - 5_000, hits: 0, misses: 0, filled: 0 },
    }));
    expect(runRedisCli(restarted, ['-h', 'redis-master', 'INFO', 'server']).out).toContain(
      'uptime_in_seconds:5\n',
    );
    expect(runRedisCli(restarted, ['-h', 'redis-master', 'INFO', 'stats']).out).toContain(
      'keyspace_hits:0\n',
    );
  });

  it('FLUSHALL pulls the flushCache lever: the hit ratio collapses, the keyspace empties', () => {
    const run = freshRunAt('pool-exhaustion-leak', CALM_MS);
    const view = (): ConsoleView => ({ state: run.sim.state, recorder: run.sim.recorder });
    const hitRatio = (): number => run.sim.recorder.metrics.latest(M.redis_hit_ratio!);
    const calmRatio = hitRatio();
    const e = typeLines(view(), 'redis-cli -h redis-master FLUSHALL');
    expect(e.out).toBe('OK\n');
    expect(e.actions).toEqual([{ type: 'flushCache' }]);
    applyActions(run, e);
    run.runUntil(CALM_MS + 20_000);
    expect(hitRatio()).toBeLessThan(calmRatio * 0.8);
    const keys = Number(
      /db0:keys=(\d+)/.exec(
        runRedisCli(view(), ['-h', 'redis-master', 'INFO', 'keyspace']).out,
      )?.[1],
    );
    expect(keys).toBeLessThan(412_000);
    // A flush is not a restart: uptime and counters carry on.
    expect(runRedisCli(view(), ['-h', 'redis-master', 'INFO', 'server']).out).toMatch(
      /uptime_in_days:41\n/,
    );
  });

  it('reports Redis inspections, and notes the commands it does not simulate', () => {
    expect(runRedisCli(calm(), ['-h', 'redis-master', 'INFO', 'memory']).actions).toEqual([
      { type: 'inspect', target: 'redis-info', subject: 'memory' },
    ]);
    expect(runRedisCli(calm(), ['-h', 'redis-master', 'GET', 'k']).notes[0]?.key).toBe(
      'console.note.unsupportedFlag',
    );
    expect(runRedisCli(calm(), ['--foo']).out).toBe(
      "Unrecognized option or bad number of args for: '--foo'\n",
    );
  });
});

describe('tab completion', () => {
  it('offers flags, cluster host names and site URLs', () => {
    const dig = complete('dig +sh', { kind: 'shell' }, calm());
    expect(dig.candidates).toEqual(['+short']);
    expect(complete('dig pgb', { kind: 'shell' }, calm()).replacement).toBe(
      'pgbouncer.db.svc.cluster.local ',
    );
    expect(
      complete('curl https://shop.example.com/v1/o', { kind: 'shell' }, calm()).candidates,
    ).toEqual(['https://shop.example.com/v1/orders']);
    expect(complete('redis-cli -h ', { kind: 'shell' }, calm()).candidates).toContain(
      'redis-master',
    );
    expect(complete('openssl x509 -no', { kind: 'shell' }, calm()).candidates).toEqual(['-noout']);
  });
});

describe('robustness', () => {
  const words = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '+short',
      '+tries=0',
      '+time=x',
      '+search',
      '@10.96.0.10',
      '@',
      '-x',
      '-t',
      'AAAA',
      'SRV',
      '-w',
      '-o',
      '-m',
      '-v',
      '-s',
      '-H',
      '-X',
      '-L',
      '-sSo',
      '%{http_code}',
      '--max-time',
      'https://shop.example.com/v1/orders',
      'http://api:8080',
      'localhost',
      '.',
      '..',
      'a..b',
      'x'.repeat(70),
      '-type=AAAA',
      'https://',
      'http://[::1]/',
      ':443',
      '-connect',
    ),
  );
  it('dig, nslookup, curl, openssl and redis-cli never throw, whatever the arguments', () => {
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 8 }),
        fc.constantFrom(calm(), storm(), pool()),
        (args, view) => {
          runDig(view.state, args);
          runNslookup(view.state, args);
          runCurl(view, args);
          runOpenssl(view, ['s_client', ...args], { stdin: null });
          runOpenssl(view, ['x509', ...args], { stdin: args.join('\n') });
          runRedisCli(view, args);
        },
      ),
      { numRuns: 600 },
    );
  });
});
