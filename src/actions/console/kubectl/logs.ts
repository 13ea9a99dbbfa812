/**
 * `kubectl logs`: a pod's container output from the sim's log store, in each component's own
 * format. The current container's lines (or, with `--previous`, the one before it), `--tail`,
 * `--since`, `--timestamps`, `--prefix`, and `-l` across pods (ten lines each by default).
 */
import { parseDuration } from '../../../sim/index.ts';
import type { PlayerAction } from '../../vocabulary.ts';
import type { CommandResult, ConsoleView, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import { rfc3339Nano } from './age.ts';
import type { FlagDef } from './args.ts';
import { flag, hasFlag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import {
  flagError,
  inspect,
  namespaceFlag,
  noResources,
  unsupported,
  usageError,
} from './common.ts';
import { containerStarts } from './events.ts';
import { parseSelector } from './labels.ts';
import type { Cluster, KPod } from './model.ts';
import { resolvePod } from './target.ts';

export const LOGS_FLAGS: readonly FlagDef[] = [
  { long: 'container', short: 'c', kind: 'string' },
  { long: 'previous', short: 'p', kind: 'bool' },
  { long: 'tail', kind: 'int' },
  { long: 'since', kind: 'string' },
  { long: 'follow', short: 'f', kind: 'bool' },
  { long: 'timestamps', kind: 'bool' },
  { long: 'selector', short: 'l', kind: 'string' },
  { long: 'all-containers', kind: 'bool' },
  { long: 'prefix', kind: 'bool' },
  { long: 'max-log-requests', kind: 'int' },
  { long: 'ignore-errors', kind: 'bool' },
];

type Line = { t: number; text: string };

const STORE_SKEW_MS = 60_000;

/**
 * Lines a pod's container wrote between two times, oldest first. With `wanted`, only about the
 * last `wanted` lines are rendered: the scan runs backwards and stops once they are found.
 */
function records(
  view: ConsoleView,
  c: Cluster,
  pod: KPod,
  from: number,
  to: number,
  wanted: number,
): Line[] {
  const logs = view.recorder.logs;
  const feed = pod.logs;
  if (feed.services.length === 0 || wanted === 0) return [];
  const seqs = new Int32Array(Math.max(1, logs.size));
  // The store is only nearly time-ordered (an access line is stamped when its request ends,
  // seconds after the step that wrote it): search with a margin and check each time.
  const n = logs.filter(seqs, { services: feed.services, since: from - STORE_SKEW_MS });
  // CoreDNS writes from one shared source in the sim: each replica takes every n-th line.
  const peers =
    pod.labels['k8s-app'] === 'kube-dns'
      ? c.pods
          .filter((p) => p.labels['k8s-app'] === 'kube-dns' && p.state.kind === 'running')
          .map((p) => p.name)
      : [];
  const me = peers.indexOf(pod.name);
  const out: Line[] = [];
  const epoch = view.state.config.startEpochMs;
  let oldest = Number.POSITIVE_INFINITY;
  let cutoff = Number.NEGATIVE_INFINITY;
  for (let i = n - 1; i >= 0; i--) {
    const seq = seqs[i]!;
    const r = logs.get(seq);
    if (!r) continue;
    // Enough lines: only records stored out of order can still be newer than those.
    if (wanted > 0 && out.length >= wanted && cutoff === Number.NEGATIVE_INFINITY)
      cutoff = oldest - STORE_SKEW_MS;
    if (r.t < cutoff) break;
    if (r.t < from || r.t >= to) continue;
    const mine =
      r.source === feed.source ||
      (me >= 0 && !peers.includes(r.source) && seq % peers.length === me);
    if (!mine) continue;
    const text = logs.format(seq, epoch);
    if (text === null) continue;
    const lines = text.split('\n');
    for (let j = lines.length - 1; j >= 0; j--) out.push({ t: r.t, text: lines[j]! });
    oldest = Math.min(oldest, r.t);
  }
  out.reverse();
  // Stable by time: lines of one record keep their order.
  return out
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.t - b.l.t || a.i - b.i)
    .map((x) => x.l);
}

/** The spans of the current and the previous container, or why there is none. */
function spans(
  view: ConsoleView,
  pod: KPod,
): { current: [number, number] | null; previous: [number, number] | null; waiting: string | null } {
  const now = view.state.t + 1;
  const last = pod.lastTermination;
  const starts = last ? (containerStarts(view, -Infinity).get(pod.name) ?? []) : [];
  const startBefore = (t: number): number => {
    const before = starts.filter((s) => s <= t);
    return before.length > 0 ? before[before.length - 1]! : pod.createdAt;
  };
  const st = pod.state;
  if (st.kind === 'none') return { current: null, previous: null, waiting: null };
  if (st.kind === 'waiting' && st.reason === 'ContainerCreating')
    return { current: null, previous: null, waiting: 'ContainerCreating' };
  if (st.kind === 'waiting') {
    // Crash-looping: the kubelet serves the container that just died.
    const end = last ? last.finishedAt + 1 : now;
    const begin = startBefore(end - 1);
    const before = starts.filter((s) => s < begin);
    return {
      current: [begin, end],
      previous: before.length > 0 ? [before[before.length - 1]!, begin] : null,
      waiting: null,
    };
  }
  const begin = Math.max(pod.createdAt, st.startedAt);
  return {
    current: [begin, now],
    previous: last ? [startBefore(last.finishedAt - 1), last.finishedAt + 1] : null,
    waiting: null,
  };
}

function podLines(
  view: ConsoleView,
  c: Cluster,
  pod: KPod,
  opts: {
    previous: boolean;
    since: number | null;
    tail: number;
    timestamps: boolean;
    prefix: boolean;
  },
): { ok: true; text: string } | { ok: false; error: string } {
  const sp = spans(view, pod);
  const container = pod.container.name;
  if (sp.waiting)
    return {
      ok: false,
      error: `Error from server (BadRequest): container "${container}" in pod "${pod.name}" is waiting to start: ${sp.waiting}\n`,
    };
  const span = opts.previous ? sp.previous : sp.current;
  if (opts.previous && !span)
    return {
      ok: false,
      error: `Error from server (BadRequest): previous terminated container "${container}" in pod "${pod.name}" not found\n`,
    };
  if (!span) return { ok: true, text: '' };
  const from = opts.since === null ? span[0] : Math.max(span[0], view.state.t - opts.since);
  let lines = records(view, c, pod, from, span[1], opts.tail);
  if (opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
  const epoch = view.state.config.startEpochMs;
  const text = lines
    .map(
      (l) =>
        `${opts.prefix ? `[pod/${pod.name}/${container}] ` : ''}${opts.timestamps ? `${rfc3339Nano(epoch + l.t)} ` : ''}${l.text}\n`,
    )
    .join('');
  return { ok: true, text };
}

export function runLogs(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, LOGS_FLAGS);
  if (!parsed.ok) return flagError('logs', parsed.error);
  const p = parsed.args;
  const namespace = namespaceFlag(p);
  const selector = flag(p, 'selector');
  const [ref, containerArg] = p.positionals;
  if (ref === undefined && selector === undefined)
    return failure(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n" +
        'POD or TYPE/NAME is a required argument for the logs command\n' +
        "See 'kubectl logs -h' for help and examples\n",
    );
  if (ref !== undefined && selector !== undefined)
    return usageError('logs', 'only one of a selector or a pod name may be given');
  const sinceText = flag(p, 'since');
  let since: number | null = null;
  if (sinceText !== undefined) {
    since = parseDuration(sinceText);
    if (since === null)
      return flagError(
        'logs',
        `invalid argument "${sinceText}" for "--since" flag: time: invalid duration "${sinceText}"`,
      );
  }
  const tailText = flag(p, 'tail');
  const tail = tailText !== undefined ? Number(tailText) : selector !== undefined ? 10 : -1;
  const opts = {
    previous: hasFlag(p, 'previous'),
    since,
    tail,
    timestamps: hasFlag(p, 'timestamps'),
    prefix: hasFlag(p, 'prefix'),
  };
  const notes: Note[] = hasFlag(p, 'follow') ? [unsupported('kubectl logs', '--follow')] : [];
  const c = k.cluster();

  let pods: KPod[];
  let notice = '';
  if (selector !== undefined) {
    const sel = parseSelector(selector);
    if (!sel.ok) return failure(sel.error);
    pods = c.pods.filter((x) => x.namespace === namespace && sel.matches(x.labels));
    if (pods.length === 0) return result(noResources(namespace), { notes });
  } else {
    const t = resolvePod(c, ref!, namespace);
    if (!t.ok) return failure(t.error);
    pods = [t.pod];
    notice = t.notice;
  }
  const wanted = flag(p, 'container') ?? containerArg;
  let out = notice;
  const actions: PlayerAction[] = [];
  for (const pod of pods) {
    if (wanted !== undefined && wanted !== pod.container.name)
      return failure(out + `error: container ${wanted} is not valid for pod ${pod.name}\n`);
    const r = podLines(k.view, c, pod, opts);
    if (!r.ok) {
      if (pods.length === 1) return { ...failure(out + r.error), notes };
      out += r.error;
      continue;
    }
    out += r.text;
    actions.push(inspect('logs', pod.name));
  }
  return result(out, { actions, notes });
}
