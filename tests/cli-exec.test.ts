/**
 * `drill exec`: what the console prints at a moment of a scenario, for authors and tests. Runs the
 * real command line (through tsx) so argument handling and output streams are covered too.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const drill = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/drill.ts', ...args], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url).pathname,
  });

describe('drill exec', { timeout: 60_000 }, () => {
  it('prints the console output at that moment, by scenario id', () => {
    const r = drill(
      'exec',
      'pool-exhaustion-leak',
      '--at',
      '10m',
      '--',
      'psql -tAc "SHOW max_connections"',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('100\n');
  });

  it('runs several lines in order, with earlier lines at their own times, and echoes on request', () => {
    const r = drill(
      'exec',
      'scenarios/dns-lookup-storm.yaml',
      '--at',
      '2m',
      '--do',
      '1m kubectl -n kube-system scale deployment coredns --replicas=5',
      '--echo',
      '--',
      'kubectl -n kube-system get deploy coredns --no-headers',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        [
          '^oncall@bastion:~\\$ kubectl -n kube-system scale deployment coredns --replicas=5',
          'deployment.apps/coredns scaled',
          'oncall@bastion:~\\$ kubectl -n kube-system get deploy coredns --no-headers',
          'coredns +5/5 +5 +5 ',
        ].join('\n'),
      ),
    );
  });

  it("sends the console's hints to stderr, in English", () => {
    const r = drill('exec', 'pool-exhaustion-leak', '--at', '1m', '--', 'kubctl get pods');
    expect(r.stdout).toBe('bash: kubctl: command not found\n');
    expect(r.stderr).toBe('note: Did you mean: kubectl\n');
  });

  it('explains bad usage with exit status 2', () => {
    expect(drill('exec', 'no-such-scenario', '--at', '1m', '--', 'ls').stderr).toContain(
      'no scenario file "no-such-scenario"',
    );
    const noAt = drill('exec', 'pool-exhaustion-leak', '--', 'ls');
    expect(noAt.status).toBe(2);
    expect(noAt.stderr).toContain('exec needs --at <time>');
    expect(drill('exec', 'pool-exhaustion-leak', '--at', 'soon', '--', 'ls').stderr).toContain(
      'expected a time such as 90s, 10m or 1h5m, got "soon"',
    );
  });
});
