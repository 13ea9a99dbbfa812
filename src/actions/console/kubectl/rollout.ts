/**
 * `kubectl rollout status|history|undo|restart`: status lines from kubectl's status viewer (the
 * current one, as if watched for a moment), the revision history, and the two levers: undo
 * (rollback) and restart. A Postgres StatefulSet restart restarts the database.
 */
import type { LeverAction } from '../../vocabulary.ts';
import type { CommandResult } from '../types.ts';
import { failure, result } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import { flagError, inspect, namespaceFlag, unsupported, RESTART_POSTGRES } from './common.ts';
import { podTemplateLines } from './describe-workloads.ts';
import type { KDeployment } from './model.ts';
import { rolloutStatus } from './status.ts';
import { tabwrite } from './tabwriter.ts';
import { forbidden, workloadRef } from './workload-ref.ts';

export const ROLLOUT_FLAGS: readonly FlagDef[] = [
  { long: 'to-revision', kind: 'int' },
  { long: 'revision', kind: 'int' },
  { long: 'watch', short: 'w', kind: 'bool' },
  { long: 'timeout', kind: 'string' },
  { long: 'dry-run', kind: 'string' },
];

export const ROLLOUT_ACTIONS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

function history(k: Kctx, d: KDeployment, revision: number | null): CommandResult {
  const action = [inspect('rollout', d.name)];
  if (revision !== null) {
    const h = d.history.find((x) => x.revision === revision);
    if (!h) return failure('error: unable to find the specified revision\n');
    const lines = podTemplateLines(
      k.cluster(),
      {
        ...d,
        templateLabels: {
          ...d.templateLabels,
          'pod-template-hash': h.rsName.slice(d.name.length + 1),
        },
      },
      h.container,
    );
    return result(
      `deployment.apps/${d.name} with revision #${revision}\n${tabwrite(lines.join('\n') + '\n')}\n`,
      { actions: action },
    );
  }
  const table = tabwrite(
    [
      'REVISION\tCHANGE-CAUSE',
      ...d.history.map((h) => `${h.revision}\t${h.changeCause || '<none>'}`),
    ].join('\n') + '\n',
  );
  return result(`deployment.apps/${d.name}\n${table}\n`, { actions: action });
}

function undo(d: KDeployment, toRevision: number | null, dryRun: boolean): CommandResult {
  const name = `deployment.apps/${d.name}`;
  const target =
    toRevision === null
      ? d.history[d.history.length - 2]
      : d.history.find((h) => h.revision === toRevision);
  if (!target)
    return failure(
      toRevision === null
        ? `error: no rollout history found for deployment "${d.name}"\n`
        : `error: unable to find specified revision ${toRevision} in history\n`,
    );
  if (target.revision === d.revision)
    return result(
      `${name} skipped rollback (current template already matches revision ${target.revision})\n`,
    );
  if (dryRun) return result(`${name} rolled back (dry run)\n`);
  let lever: LeverAction | null = null;
  if (d.simName === 'api' || d.simName === 'web')
    lever =
      toRevision === null
        ? { type: 'rollback', deployment: d.simName }
        : { type: 'rollback', deployment: d.simName, toRevision };
  // CoreDNS never changes version here: going back to an older template is a restart.
  else if (d.simName === 'coredns') lever = { type: 'restartDeployment', deployment: 'coredns' };
  if (!lever) return failure(forbidden('deployments', d.name, d.namespace));
  return result(`${name} rolled back\n`, { actions: [lever] });
}

export function runRollout(args: readonly string[], k: Kctx): CommandResult {
  const [action, ...rest] = args;
  if (action === undefined || action.startsWith('-'))
    return result(
      'Manage the rollout of one or many resources.\n\n' +
        'Available Commands:\n' +
        '  history       View rollout history\n' +
        '  pause         Mark the provided resource as paused\n' +
        '  restart       Restart a resource\n' +
        '  resume        Resume a paused resource\n' +
        '  status        Show the status of the rollout\n' +
        '  undo          Undo a previous rollout\n\n' +
        'Usage:\n  kubectl rollout SUBCOMMAND [options]\n',
    );
  if (!ROLLOUT_ACTIONS.includes(action))
    return failure(`error: unknown command "${action}" for "kubectl rollout"\n`);
  const sub = `rollout ${action}`;
  const parsed = parseArgs(rest, ROLLOUT_FLAGS);
  if (!parsed.ok) return flagError(sub, parsed.error);
  const p = parsed.args;
  const namespace = namespaceFlag(p);
  const c = k.cluster();
  const ref = workloadRef(c, p.positionals, namespace);
  if (!ref.ok) return failure(ref.error);

  if (action === 'pause' || action === 'resume')
    return { ...failure(''), notes: [unsupported('kubectl rollout', action)] };

  if (ref.kind === 'daemonsets') {
    if (action === 'status')
      return result(`daemon set "${ref.name}" successfully rolled out\n`, {
        actions: [inspect('rollout', ref.name)],
      });
    if (action === 'history')
      return result(`daemonset.apps/${ref.name}\nREVISION  CHANGE-CAUSE\n1         <none>\n\n`, {
        actions: [inspect('rollout', ref.name)],
      });
    return failure(forbidden('daemonsets', ref.name, ref.namespace));
  }

  if (ref.kind === 'statefulsets') {
    const s = ref.s;
    if (action === 'status') {
      const hash =
        c.pods.find((x) => x.owner.name === s.name)?.labels['controller-revision-hash'] ?? s.name;
      const line =
        s.ready >= s.replicas
          ? `statefulset rolling update complete ${s.replicas} pods at revision ${hash}...`
          : `Waiting for ${s.replicas - s.ready} pods to be ready...`;
      return result(`${line}\n`, { actions: [inspect('rollout', s.name)] });
    }
    if (action === 'history')
      return result(`statefulset.apps/${s.name}\nREVISION  CHANGE-CAUSE\n1         <none>\n\n`, {
        actions: [inspect('rollout', s.name)],
      });
    if (action === 'restart' && s.name === 'pg-primary')
      return result(`statefulset.apps/${s.name} restarted\n`, { actions: [RESTART_POSTGRES] });
    return failure(forbidden('statefulsets', s.name, s.namespace));
  }

  const d = ref.d;
  switch (action) {
    case 'status': {
      const st = rolloutStatus(d, c.now);
      const actions = [inspect('rollout', d.name)];
      if (st.failed) return { ...failure(`${st.line}\n`), actions };
      return result(`${st.line}\n`, { actions });
    }
    case 'history': {
      const rev = flag(p, 'revision');
      return history(k, d, rev === undefined || rev === '0' ? null : Number(rev));
    }
    case 'undo': {
      const to = flag(p, 'to-revision');
      const dry = flag(p, 'dry-run');
      return undo(
        d,
        to === undefined || to === '0' ? null : Number(to),
        dry !== undefined && dry !== 'none',
      );
    }
    default: {
      if (d.simName === null) return failure(forbidden('deployments', d.name, d.namespace));
      return result(`deployment.apps/${d.name} restarted\n`, {
        actions: [{ type: 'restartDeployment', deployment: d.simName }],
      });
    }
  }
}
