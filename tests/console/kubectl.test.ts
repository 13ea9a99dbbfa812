/**
 * The simulated kubectl: its output at the flagships' calm and fault moments (golden files an
 * SRE can read), its errors and suggestions, the levers its changing commands pull, and those
 * levers landing in the sim after their real-life delay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/actions/console/complete.ts';
import { execute, initialConsoleState } from '../../src/actions/console/interpreter.ts';
import type { ConsoleView } from '../../src/actions/console/types.ts';
import { isLever, parseAction, toSimAction } from '../../src/actions/vocabulary.ts';
import { M, makeFault, SimRun } from '../../src/sim/index.ts';
import {
  applyActions,
  CALM_MS,
  FAULT_MOMENT_MS,
  FLAGSHIPS,
  freshRunAt,
  typeLines,
  viewAt,
} from './views.ts';

const TIMEOUT = 60_000;

const viewOf = (run: {
  state: ConsoleView['state'];
  recorder: ConsoleView['recorder'];
}): ConsoleView => ({
  state: run.state,
  recorder: run.recorder,
});

const out = (view: ConsoleView, line: string): string => typeLines(view, line).out;

/** The first API pod by name, as `kubectl get pods` lists it. */
const firstApiPod = (view: ConsoleView): string =>
  view.state.pods
    .filter((p) => p.deployment === 'api')
    .map((p) => p.name)
    .sort()[0]!;

/** Sends a line's levers to a bare sim run, as the session would. */
function applyToSim(run: SimRun, line: string): ReturnType<typeof execute> {
  const e = execute(initialConsoleState(), line, viewOf(run));
  for (const a of e.actions) if (isLever(a)) run.schedule(toSimAction(a));
  return e;
}

const latest = (run: { recorder: ConsoleView['recorder'] }, key: string): number =>
  run.recorder.metrics.latest(M[key]!);

/** Moments worth reading, each with the commands an on-call engineer would type. */
type Moment = {
  name: string;
  view: () => ConsoleView;
  lines: (v: ConsoleView) => [string, string][];
};

const MAIN_COMMANDS = (v: ConsoleView): [string, string][] => [
  ['get-pods', 'kubectl get pods'],
  ['get-pods-wide', 'kubectl get pods -o wide'],
  ['get-deploy', 'kubectl get deploy'],
  ['get-rs', 'kubectl get rs'],
  ['get-events', 'kubectl get events'],
  ['describe-pod', `kubectl describe pod ${firstApiPod(v)}`],
  ['describe-deploy', 'kubectl describe deploy api'],
  ['logs-tail', `kubectl logs ${firstApiPod(v)} --tail 10`],
  ['top-pods', 'kubectl top pods'],
  ['top-nodes', 'kubectl top nodes'],
  ['rollout-history', 'kubectl rollout history deployment/api'],
  ['rollout-status', 'kubectl rollout status deployment/api'],
];

const crashLoopView = (): ConsoleView => {
  // The wrong fix of the DNS storm: restarting the API while DNS drops queries.
  const run = freshRunAt('dns-lookup-storm', FAULT_MOMENT_MS['dns-lookup-storm']);
  run.act({ type: 'restartDeployment', deployment: 'api' });
  run.runUntil(FAULT_MOMENT_MS['dns-lookup-storm'] + 160_000);
  return viewOf(run.sim);
};

const oomView = (): ConsoleView => {
  const run = new SimRun(7);
  run.schedule(
    { type: 'injectFault', id: 'leak', fault: makeFault('memoryLeak', { mibPerMinute: 40 }) },
    1000,
  );
  run.advance(18 * 60_000);
  return viewOf(run);
};

const rollingBackView = (): ConsoleView => {
  const run = freshRunAt(
    'latency-spike-missing-index',
    FAULT_MOMENT_MS['latency-spike-missing-index'],
  );
  run.act({ type: 'rollback', deployment: 'api' });
  run.runUntil(FAULT_MOMENT_MS['latency-spike-missing-index'] + 20_000);
  return viewOf(run.sim);
};

const scaledPastCapacityView = (): ConsoleView => {
  const run = freshRunAt('pool-exhaustion-leak', CALM_MS);
  run.act({ type: 'scale', deployment: 'api', replicas: 12 });
  run.runUntil(CALM_MS + 5_000);
  return viewOf(run.sim);
};

const MOMENTS: Moment[] = [
  { name: 'calm', view: () => viewAt('pool-exhaustion-leak', CALM_MS), lines: MAIN_COMMANDS },
  ...FLAGSHIPS.map((f): Moment => ({
    name: f,
    view: () => viewAt(f, FAULT_MOMENT_MS[f]),
    lines: MAIN_COMMANDS,
  })),
  {
    name: 'dns-storm-kube-system',
    view: () => viewAt('dns-lookup-storm', FAULT_MOMENT_MS['dns-lookup-storm']),
    lines: () => [
      ['get-pods', 'kubectl get pods -n kube-system -l k8s-app=kube-dns'],
      ['top-pods', 'kubectl top pods -n kube-system'],
      ['get-svc', 'kubectl get svc -n kube-system'],
      ['get-endpoints', 'kubectl get endpoints kube-dns -n kube-system'],
      ['describe-svc', 'kubectl describe svc kube-dns -n kube-system'],
      ['logs', 'kubectl logs -n kube-system -l k8s-app=kube-dns --tail 6'],
    ],
  },
  {
    name: 'crashloop',
    view: crashLoopView,
    lines: (v) => {
      const newest = v.state.pods
        .filter((p) => p.deployment === 'api' && p.restarts > 0)
        .map((p) => p.name)
        .sort()[0]!;
      return [
        ['get-pods', 'kubectl get pods'],
        ['describe-pod', `kubectl describe pod ${newest}`],
        ['logs-previous', `kubectl logs ${newest} --previous`],
        ['rollout-status', 'kubectl rollout status deploy/api'],
        ['describe-deploy', 'kubectl describe deploy api'],
        ['events', 'kubectl events'],
      ];
    },
  },
  {
    name: 'oom',
    view: oomView,
    lines: (v) => [
      ['get-pods', 'kubectl get pods -l app=api'],
      ['top-pods', 'kubectl top pods -l app=api'],
      ['describe-pod', `kubectl describe pod ${firstApiPod(v)}`],
      ['events-all', 'kubectl get events -A --sort-by=.lastTimestamp'],
    ],
  },
  {
    name: 'rolling-back',
    view: rollingBackView,
    lines: () => [
      ['get-pods', 'kubectl get pods -l app=api'],
      ['get-rs', 'kubectl get rs -l app=api'],
      ['rollout-status', 'kubectl rollout status deployment/api'],
      ['rollout-history', 'kubectl rollout history deployment/api'],
    ],
  },
  {
    name: 'scaled-past-capacity',
    view: scaledPastCapacityView,
    lines: (v) => {
      const pending = v.state.pods.find((p) => p.phase === 'Pending')!.name;
      return [
        ['get-pods', 'kubectl get pods -o wide'],
        ['describe-pending', `kubectl describe pod ${pending}`],
      ];
    },
  },
  {
    name: 'calm-platform',
    view: () => viewAt('pool-exhaustion-leak', CALM_MS),
    lines: () => [
      ['get-pods-all', 'kubectl get pods -A'],
      ['get-all-db', 'kubectl get all -n db'],
      ['get-nodes-wide', 'kubectl get nodes -o wide'],
      ['describe-node', 'kubectl describe node node-5'],
      ['get-deploy-yaml', 'kubectl get deploy api -o yaml'],
    ],
  },
];

describe('kubectl output (golden files)', () => {
  for (const m of MOMENTS) {
    describe(m.name, () => {
      it(
        'prints what real kubectl prints at this moment',
        async () => {
          const view = m.view();
          for (const [name, line] of m.lines(view)) {
            const e = typeLines(view, line);
            await expect(`$ ${line}\n${e.out}`).toMatchFileSnapshot(
              `golden/kubectl-${m.name}-${name}.txt`,
            );
          }
        },
        TIMEOUT,
      );
    });
  }

  it('gives the same text for the same view', () => {
    const view = viewAt('dns-lookup-storm', FAULT_MOMENT_MS['dns-lookup-storm']);
    for (const line of [
      'kubectl get events',
      'kubectl describe deploy api',
      'kubectl top pods -A',
    ]) {
      expect(out(view, line)).toBe(out(view, line));
    }
  });
});

describe('kubectl reports what was looked at', () => {
  const view = (): ConsoleView =>
    viewAt('pool-exhaustion-leak', FAULT_MOMENT_MS['pool-exhaustion-leak']);

  it('as inspect actions with the right target', () => {
    const pod = firstApiPod(view());
    const targets: [string, string, string][] = [
      ['kubectl get pods', 'pods', 'prod'],
      ['kubectl get deploy -A', 'deployments', 'all'],
      ['kubectl get svc -n kube-system', 'services', 'kube-system'],
      ['kubectl get events', 'events', 'prod'],
      [`kubectl describe pod ${pod}`, 'pod-details', pod],
      [`kubectl logs ${pod} --tail 5`, 'logs', pod],
      ['kubectl rollout history deploy/api', 'rollout', 'api'],
      ['kubectl top pods -l app=api', 'resource-usage', 'app=api'],
    ];
    for (const [line, target, subject] of targets)
      expect(typeLines(view(), line).actions, line).toEqual([{ type: 'inspect', target, subject }]);
  });

  it('and nothing when the command fails', () => {
    for (const line of [
      'kubectl get podz',
      'kubectl describe pod nope',
      'kubectl logs nope',
      'kubectl get pods --foo',
    ])
      expect(typeLines(view(), line).actions, line).toEqual([]);
  });
});

describe('kubectl errors, like the real one', () => {
  const calm = (): ConsoleView => viewAt('pool-exhaustion-leak', CALM_MS);

  it('suggests the sub-command for a typo, in its own words and as a note', () => {
    const e = typeLines(calm(), 'kubectl gett pods');
    expect(e.out).toContain(
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n',
    );
    expect(e.exit).toBe(1);
    expect(e.notes).toEqual([
      { key: 'console.note.didYouMean', params: { suggestion: 'kubectl get' } },
    ]);
    expect(e.actions).toEqual([]);
  });

  it('rejects unknown flags the way pflag does', () => {
    expect(out(calm(), 'kubectl get pods --foo')).toBe(
      "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    );
    expect(out(calm(), 'kubectl get pods -z')).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
    );
    expect(out(calm(), 'kubectl get pods -n')).toBe(
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    );
    expect(out(calm(), 'kubectl logs deploy/api --tail abc')).toContain(
      'error: invalid argument "abc" for "--tail" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
  });

  it('names unknown resource types and missing objects', () => {
    expect(out(calm(), 'kubectl get podz')).toBe(
      'error: the server doesn\'t have a resource type "podz"\n',
    );
    expect(out(calm(), 'kubectl get pod nope')).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(out(calm(), 'kubectl describe deploy nope')).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(out(calm(), 'kubectl get pods -n staging')).toBe(
      'No resources found in staging namespace.\n',
    );
  });

  it('looks for CoreDNS in the namespace asked, like the API server', () => {
    const e = typeLines(calm(), 'kubectl scale deploy/coredns --replicas=4');
    expect(e.out).toBe('Error from server (NotFound): deployments.apps "coredns" not found\n');
    expect(e.exit).toBe(1);
    expect(e.actions).toEqual([]);
  });

  it('refuses a rollback without history and an unknown revision', () => {
    expect(out(calm(), 'kubectl rollout undo deployment/coredns -n kube-system')).toBe(
      'error: no rollout history found for deployment "coredns"\n',
    );
    expect(out(calm(), 'kubectl rollout undo deployment/api --to-revision=9')).toBe(
      'error: unable to find specified revision 9 in history\n',
    );
    expect(out(calm(), 'kubectl rollout undo deployment/api --to-revision=2')).toBe(
      'deployment.apps/api skipped rollback (current template already matches revision 2)\n',
    );
  });

  it('has no previous container for a pod that never restarted', () => {
    const pod = firstApiPod(calm());
    expect(out(calm(), `kubectl logs ${pod} --previous`)).toBe(
      `Error from server (BadRequest): previous terminated container "api" in pod "${pod}" not found\n`,
    );
  });

  it('asks for `--` before the command of exec, and fails a missing binary like the runtime', () => {
    const pod = firstApiPod(calm());
    expect(out(calm(), `kubectl exec ${pod} cat /etc/resolv.conf`)).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    const e = typeLines(calm(), `kubectl exec -it ${pod} -- strace -p 1`);
    expect(e.out).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "strace": executable file not found in \$PATH: unknown\n$/,
    );
    expect(e.actions).toEqual([]);
    expect(e.exit).toBe(126);
    expect(out(calm(), 'kubectl exec nope -- ls')).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(out(calm(), `kubectl exec ${pod}`)).toBe(
      "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n",
    );
  });

  it('runs psql inside the database pod, one-shot or interactive', () => {
    expect(out(calm(), 'kubectl exec pg-primary-0 -n db -- psql -tAc "SHOW max_connections"')).toBe(
      '100\n',
    );
    const e = typeLines(calm(), 'kubectl exec -it pg-primary-0 -n db -- psql');
    expect(e.state.mode).toMatchObject({ kind: 'psql', database: 'shop' });
  });

  it('runs the command in the container through the host tools', () => {
    const pod = firstApiPod(calm());
    expect(out(calm(), `kubectl exec ${pod} -- cat /etc/resolv.conf`)).toContain(
      'nameserver 10.96.0.10',
    );
    expect(out(calm(), 'kubectl exec deploy/api -- cat /etc/resolv.conf')).toContain(
      'options ndots:5',
    );
  });

  it('prints usage for a bare kubectl and asks for a type after get', () => {
    expect(out(calm(), 'kubectl')).toContain('kubectl controls the Kubernetes cluster manager.');
    expect(out(calm(), 'kubectl get')).toContain('error: Required resource not specified.');
  });

  it('is Forbidden on the platform team’s workloads', () => {
    expect(out(calm(), 'kubectl scale deploy/pgbouncer -n db --replicas=2')).toBe(
      'Error from server (Forbidden): deployments.apps "pgbouncer" is forbidden: User "oncall@example.com" cannot patch resource "deployments/scale" in API group "apps" in the namespace "db"\n',
    );
    expect(typeLines(calm(), 'kubectl delete pod redis-master-0 -n cache').actions).toEqual([]);
  });
});

describe('kubectl levers', () => {
  const calm = (): ConsoleView => viewAt('pool-exhaustion-leak', CALM_MS);
  const levers: [string, unknown[]][] = [
    [
      'kubectl scale deployment coredns --replicas=4 -n kube-system',
      [{ type: 'scale', deployment: 'coredns', replicas: 4 }],
    ],
    ['kubectl rollout undo deploy/api', [{ type: 'rollback', deployment: 'api' }]],
    [
      'kubectl rollout undo deploy/api --to-revision=1',
      [{ type: 'rollback', deployment: 'api', toRevision: 1 }],
    ],
    ['kubectl rollout restart deployment/web', [{ type: 'restartDeployment', deployment: 'web' }]],
    ['kubectl set env deployment/api DB_MAX_CONNS=20', [{ type: 'setPoolSize', maxConns: 20 }]],
    [
      'kubectl set resources deployment/api --limits=memory=1Gi',
      [{ type: 'setMemoryLimit', mib: 1024 }],
    ],
    [
      'kubectl set image deployment/api api=registry.example.com/shop/api:v2.13.2',
      [
        {
          type: 'deploy',
          deployment: 'api',
          version: 'v2.13.2',
          changeCause: 'kubectl set image api=registry.example.com/shop/api:v2.13.2',
        },
      ],
    ],
    [
      `kubectl patch deployment api -p '{"spec":{"template":{"spec":{"dnsConfig":{"options":[{"name":"ndots","value":"2"}]}}}}}'`,
      [{ type: 'setResolverOptions', ndots: 2 }],
    ],
    ['kubectl delete pod pg-primary-0 -n db', [{ type: 'restartPostgres' }]],
  ];
  for (const [line, actions] of levers)
    it(line, () => {
      const e = typeLines(calm(), line);
      expect(e.exit).toBe(0);
      expect(e.actions).toEqual(actions);
      for (const a of e.actions) expect(parseAction(a).ok).toBe(true);
    });

  it('prints what kubectl prints for each change', () => {
    const pod = firstApiPod(calm());
    expect(out(calm(), 'kubectl scale deploy/api --replicas=8')).toBe(
      'deployment.apps/api scaled\n',
    );
    expect(out(calm(), 'kubectl rollout restart deploy/api')).toBe(
      'deployment.apps/api restarted\n',
    );
    expect(out(calm(), 'kubectl rollout undo deploy/api')).toBe(
      'deployment.apps/api rolled back\n',
    );
    expect(out(calm(), `kubectl delete pod ${pod}`)).toBe(`pod "${pod}" deleted\n`);
    expect(typeLines(calm(), `kubectl delete pod ${pod}`).actions).toEqual([
      { type: 'deletePod', pod },
    ]);
    expect(out(calm(), 'kubectl set env deployment/api DB_MAX_CONNS=20')).toBe(
      'deployment.apps/api env updated\n',
    );
  });

  it('stops a batch job by its Kubernetes name', () => {
    const run = new SimRun(12);
    run.schedule({ type: 'injectFault', id: 'job', fault: makeFault('writeHeavyJob', {}) }, 1000);
    run.advance(60_000);
    expect(out(viewOf(run), 'kubectl get jobs')).toContain('backfill-order-totals   Running   0/1');
    const walBefore = latest(run, 'pg_wal_rate');
    const e = applyToSim(run, 'kubectl delete job backfill-order-totals');
    expect(e.out).toBe('job.batch "backfill-order-totals" deleted\n');
    expect(e.actions).toEqual([{ type: 'stopJob', name: 'backfill_order_totals' }]);
    expect(latest(run, 'pg_wal_rate')).toBe(walBefore);
    run.advance(5_000);
    expect(latest(run, 'pg_wal_rate')).toBeLessThan(walBefore / 10);
    expect(out(viewOf(run), 'kubectl delete job backfill-order-totals')).toBe(
      'Error from server (NotFound): jobs.batch "backfill-order-totals" not found\n',
    );
  });
});

describe('kubectl levers land in the sim after their real delay', () => {
  it(
    'scaling CoreDNS up: new replicas become ready after ContainerCreating and startup, and drops stop',
    () => {
      const t0 = FAULT_MOMENT_MS['dns-lookup-storm'];
      const run = freshRunAt('dns-lookup-storm', t0);
      const e = typeLines(
        viewOf(run.sim),
        'kubectl scale deploy/coredns --replicas=4 -n kube-system',
      );
      applyActions(run, e);
      expect(latest(run.sim, 'coredns_pods_ready')).toBe(2);
      run.runUntil(t0 + 5_000);
      expect(latest(run.sim, 'coredns_pods_ready')).toBe(2);
      expect(latest(run.sim, 'dns_dropped')).toBeGreaterThan(100);
      run.runUntil(t0 + 30_000);
      expect(latest(run.sim, 'coredns_pods_ready')).toBe(4);
      expect(latest(run.sim, 'dns_dropped')).toBeLessThan(1);
    },
    TIMEOUT,
  );

  it(
    'rolling back the release: p99 recovers only once the old pods are back',
    () => {
      const t0 = FAULT_MOMENT_MS['latency-spike-missing-index'];
      const run = freshRunAt('latency-spike-missing-index', t0);
      applyActions(run, typeLines(viewOf(run.sim), 'kubectl rollout undo deployment/api'));
      run.runUntil(t0 + 2_000);
      expect(latest(run.sim, 'orders_p99')).toBeGreaterThan(1000);
      expect(out(viewOf(run.sim), 'kubectl rollout status deployment/api')).toMatch(
        /^Waiting for deployment "api"/,
      );
      run.runUntil(t0 + 180_000);
      expect(latest(run.sim, 'orders_p99')).toBeLessThan(100);
      expect(out(viewOf(run.sim), 'kubectl rollout status deployment/api')).toBe(
        'deployment "api" successfully rolled out\n',
      );
    },
    TIMEOUT,
  );

  it(
    'restarting the API: fresh pods release the leaked connections, pod by pod',
    () => {
      const t0 = FAULT_MOMENT_MS['pool-exhaustion-leak'];
      const run = freshRunAt('pool-exhaustion-leak', t0);
      const before = latest(run.sim, 'pg_conn_idle_in_tx');
      applyActions(run, typeLines(viewOf(run.sim), 'kubectl rollout restart deploy/api'));
      run.runUntil(t0 + 2_000);
      expect(latest(run.sim, 'pg_conn_idle_in_tx')).toBe(before);
      run.runUntil(t0 + 120_000);
      expect(latest(run.sim, 'pg_conn_idle_in_tx')).toBeLessThan(before / 2);
      expect(latest(run.sim, 'pool_waiting')).toBeLessThan(1);
    },
    TIMEOUT,
  );

  it(
    'deleting a pod: one fewer ready at once, replaced after the startup',
    () => {
      const t0 = FAULT_MOMENT_MS['pool-exhaustion-leak'];
      const run = freshRunAt('pool-exhaustion-leak', t0);
      const pod = firstApiPod(viewOf(run.sim));
      applyActions(run, typeLines(viewOf(run.sim), `kubectl delete pod ${pod}`));
      expect(latest(run.sim, 'api_pods_ready')).toBe(6);
      run.runUntil(t0 + 2_000);
      expect(latest(run.sim, 'api_pods_ready')).toBe(5);
      run.runUntil(t0 + 45_000);
      expect(latest(run.sim, 'api_pods_ready')).toBe(6);
      expect(out(viewOf(run.sim), `kubectl get pod ${pod}`)).toBe(
        `Error from server (NotFound): pods "${pod}" not found\n`,
      );
    },
    TIMEOUT,
  );

  it(
    'raising DB_MAX_CONNS: the pool grows as the rollout replaces pods',
    () => {
      const t0 = FAULT_MOMENT_MS['pool-exhaustion-leak'];
      const run = freshRunAt('pool-exhaustion-leak', t0);
      applyActions(
        run,
        typeLines(viewOf(run.sim), 'kubectl set env deployment/api DB_MAX_CONNS=20'),
      );
      expect(latest(run.sim, 'pool_max')).toBe(72);
      run.runUntil(t0 + 2_000);
      expect(latest(run.sim, 'pool_max')).toBe(72);
      run.runUntil(t0 + 150_000);
      expect(latest(run.sim, 'pool_max')).toBe(120);
      expect(out(viewOf(run.sim), 'kubectl describe deploy api')).toContain('DB_MAX_CONNS:  20');
    },
    TIMEOUT,
  );

  it(
    'raising the memory limit: new pods outgrow the old limit without being OOMKilled',
    () => {
      const run = new SimRun(11);
      run.schedule(
        { type: 'injectFault', id: 'leak', fault: makeFault('memoryLeak', { mibPerMinute: 60 }) },
        1000,
      );
      run.advance(60_000);
      applyToSim(run, 'kubectl set resources deployment/api --limits=memory=1Gi');
      run.advance(1_000);
      expect(out(viewOf(run), 'kubectl get rs -l app=api')).toMatch(/api-\w+\s+2\s+2\s+0/);
      run.advance(9 * 60_000);
      expect(latest(run, 'api_memory_max') / 1048576).toBeGreaterThan(600);
      expect(latest(run, 'api_restarts')).toBe(0);
      expect(out(viewOf(run), 'kubectl describe deploy api')).toContain('memory:  1Gi');
    },
    TIMEOUT,
  );
});

describe('kubectl never throws', () => {
  it(
    'whatever words follow it, and completes any of them',
    () => {
      const view = viewAt('dns-lookup-storm', FAULT_MOMENT_MS['dns-lookup-storm']);
      const word = fc.constantFrom(
        ...[
          'get',
          'describe',
          'logs',
          'exec',
          'top',
          'rollout',
          'scale',
          'delete',
          'set',
          'patch',
          'events',
        ],
        ...[
          'pods',
          'po',
          'deploy',
          'svc',
          'rs',
          'ep',
          'nodes',
          'ns',
          'jobs',
          'all',
          'pods,svc',
          'pod/x',
        ],
        ...[
          'api',
          'coredns',
          'pg-primary-0',
          firstApiPod(view),
          'deployment/api',
          'sts/pg-primary',
        ],
        ...['-n', 'kube-system', 'db', '-A', '-o', 'wide', 'yaml', 'json', 'name', '-l', 'app=api'],
        ...[
          '-o=jsonpath={.items[*].metadata.name}',
          '--sort-by=.lastTimestamp',
          '--field-selector=type=Warning',
        ],
        ...[
          '--tail',
          '5',
          '-p',
          '--since=5m',
          '--',
          'cat',
          '/etc/resolv.conf',
          'status',
          'history',
          'undo',
        ],
        ...[
          'restart',
          '--replicas=3',
          '--to-revision=1',
          'env',
          'resources',
          'DB_MAX_CONNS=20',
          '-p',
        ],
        ...[
          '--limits=memory=1Gi',
          '-it',
          '--help',
          '-',
          '=',
          '--foo',
          '\'{"spec":{"replicas":2}}\'',
        ],
      );
      fc.assert(
        fc.property(fc.array(word, { maxLength: 7 }), (ws) => {
          const line = ['kubectl', ...ws].join(' ');
          const e = typeLines(view, line);
          expect(typeof e.out).toBe('string');
          expect(Array.isArray(complete(`${line} `, { kind: 'shell' }, view).candidates)).toBe(
            true,
          );
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});

describe('kubectl tab completion', () => {
  const calm = (): ConsoleView => viewAt('dns-lookup-storm', CALM_MS);
  const candidates = (line: string): string[] =>
    complete(line, { kind: 'shell' }, calm()).candidates;

  it('completes sub-commands, resource types and output formats', () => {
    expect(candidates('kubectl ro')).toEqual(['rollout']);
    expect(candidates('kubectl get dep')).toEqual(['deploy', 'deployments']);
    expect(candidates('kubectl get pods -o ')).toEqual([
      'custom-columns=',
      'json',
      'jsonpath=',
      'name',
      'wide',
      'yaml',
    ]);
    expect(candidates('kubectl rollout ')).toEqual([
      'history',
      'pause',
      'restart',
      'resume',
      'status',
      'undo',
    ]);
  });

  it('completes names from the namespace the line names', () => {
    const coredns = calm()
      .state.pods.filter((p) => p.deployment === 'coredns')
      .map((p) => p.name)
      .sort();
    expect(candidates('kubectl get pods -n kube-system cor')).toEqual(coredns);
    expect(candidates('kubectl -n kube-system logs cor')).toEqual(coredns);
    expect(candidates('kubectl get pods cor')).toEqual([]);
    expect(candidates('kubectl get pods -n ')).toContain('kube-system');
    expect(candidates('kubectl rollout undo deployment/')).toEqual([
      'deployment/api',
      'deployment/web',
    ]);
    expect(candidates('kubectl scale deployment/coredns --rep')).toContain('--replicas=');
  });
});
