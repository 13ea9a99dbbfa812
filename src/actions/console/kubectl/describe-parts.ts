/**
 * Pieces `kubectl describe` prints for several kinds, in its own line order: a container (basic
 * info, state, resources, probes, environment), labels and annotations on continuation lines,
 * and the Events table with `(x52 over 13m)` aggregation. Lines use tabs; tabwriter aligns them.
 */
import { humanDuration, rfc1123 } from './age.ts';
import type { KEvent } from './events.ts';
import { containerId, imageId } from './ids.ts';
import type { Labels } from './labels.ts';
import type { Cluster, ContainerSpec, KPod } from './model.ts';

/** `Labels:\tapp=api` then one `\tkey=value` line per further label. */
export function multiline(key: string, values: readonly string[], indent = ''): string[] {
  if (values.length === 0) return [`${indent}${key}:\t<none>`];
  return [`${indent}${key}:\t${values[0]}`, ...values.slice(1).map((v) => `\t${v}`)];
}

export const labelLines = (labels: Labels, indent = '', key = 'Labels'): string[] =>
  multiline(
    key,
    Object.keys(labels)
      .sort()
      .map((k) => `${k}=${labels[k]}`),
    indent,
  );

export const annotationLines = (annotations: Labels, indent = ''): string[] =>
  multiline(
    'Annotations',
    Object.keys(annotations)
      .sort()
      .map((k) => `${k}: ${annotations[k]}`),
    indent,
  );

const portList = (k: ContainerSpec, host: boolean): string =>
  k.ports.map((p) => `${host ? 0 : p.port}/${p.protocol}`).join(', ');

/**
 * A container as describe prints it. `pod` gives the status part (absent for a template);
 * `template` shifts the name one space right, as DescribePodTemplate does.
 */
export function containerLines(
  c: Cluster,
  k: ContainerSpec,
  pod: KPod | null,
  opts: { template: boolean; previousStart?: number } = { template: false },
): string[] {
  const L1 = opts.template ? '   ' : '  ';
  const L2 = '    ';
  const L3 = '      ';
  const at = (t: number): string => rfc1123(c.epochMs(t));
  const out: string[] = [`${L1}${k.name}:`];
  const hasStatus = pod !== null && pod.state.kind !== 'none';
  if (hasStatus)
    out.push(
      `${L2}Container ID:\t${pod.state.kind === 'running' || pod.restarts > 0 ? containerId(pod) : ''}`,
    );
  out.push(`${L2}Image:\t${k.image}`);
  if (hasStatus)
    out.push(
      `${L2}Image ID:\t${pod.state.kind === 'running' || pod.restarts > 0 ? imageId(k.image) : ''}`,
    );
  if (k.ports.length === 0) {
    out.push(`${L2}Port:\t<none>`, `${L2}Host Port:\t<none>`);
  } else {
    const many = k.ports.length > 1;
    out.push(`${L2}${many ? 'Ports' : 'Port'}:\t${portList(k, false)}`);
    out.push(`${L2}${many ? 'Host Ports' : 'Host Port'}:\t${portList(k, true)}`);
  }
  if (k.args) out.push(`${L2}Args:`, ...k.args.map((a) => `${L3}${a}`));
  if (hasStatus && pod) {
    const st = pod.state;
    if (st.kind === 'running')
      out.push(`${L2}State:\tRunning`, `${L3}Started:\t${at(st.startedAt)}`);
    else if (st.kind === 'waiting') out.push(`${L2}State:\tWaiting`, `${L3}Reason:\t${st.reason}`);
    const last = pod.lastTermination;
    if (last) {
      const started = opts.previousStart ?? pod.createdAt;
      out.push(
        `${L2}Last State:\tTerminated`,
        `${L3}Reason:\t${last.reason}`,
        `${L3}Exit Code:\t${last.exitCode}`,
        `${L3}Started:\t${at(started)}`,
        `${L3}Finished:\t${at(last.finishedAt)}`,
      );
    }
    out.push(
      `${L2}Ready:\t${pod.ready ? 'True' : 'False'}`,
      `${L2}Restart Count:\t${pod.restarts}`,
    );
  }
  const res = (title: string, r: { cpu?: string; memory?: string }): void => {
    if (r.cpu === undefined && r.memory === undefined) return;
    out.push(`${L2}${title}:`);
    if (r.cpu !== undefined) out.push(`${L3}cpu:\t${r.cpu}`);
    if (r.memory !== undefined) out.push(`${L3}memory:\t${r.memory}`);
  };
  res('Limits', k.limits);
  res('Requests', k.requests);
  if (k.liveness) out.push(`${L2}Liveness:\t${k.liveness}`);
  if (k.readiness) out.push(`${L2}Readiness:\t${k.readiness}`);
  if (k.env.length === 0) out.push(`${L2}Environment:\t<none>`);
  else {
    out.push(`${L2}Environment:`);
    for (const e of k.env)
      out.push(
        'value' in e
          ? `${L3}${e.name}:\t${e.value}`
          : `${L3}${e.name}:\t<set to the key '${e.key}' in secret '${e.secret}'>\tOptional: false`,
      );
  }
  if (pod)
    out.push(
      `${L2}Mounts:`,
      `${L3}/var/run/secrets/kubernetes.io/serviceaccount from ${apiAccessVolume(pod)} (ro)`,
    );
  else out.push(`${L2}Mounts:\t<none>`);
  return out;
}

/** The projected service-account volume every pod gets: `kube-api-access-x7k2p`. */
export function apiAccessVolume(pod: KPod): string {
  return `kube-api-access-${pod.uid.replace(/[^a-z0-9]/g, '').slice(3, 8)}`;
}

/** The Events section, oldest last-seen first, or `Events:\t<none>`. */
export function eventLines(c: Cluster, events: readonly KEvent[]): string[] {
  if (events.length === 0) return ['Events:\t<none>'];
  const sorted = [...events].sort((a, b) => a.last - b.last);
  return [
    'Events:',
    '  Type\tReason\tAge\tFrom\tMessage',
    '  ----\t------\t----\t----\t-------',
    ...sorted.map((e) => {
      const age =
        e.count > 1
          ? `${humanDuration(c.now - e.last)} (x${e.count} over ${humanDuration(c.now - e.first)})`
          : humanDuration(c.now - e.first);
      return `  ${e.type}\t${e.reason}\t${age}\t${e.component}\t${e.message}`;
    }),
  ];
}
