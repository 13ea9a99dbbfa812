/**
 * `kubectl describe TYPE [NAME_PREFIX]` and `describe TYPE/NAME`: exact names first, then
 * kubectl's prefix match; without a name, every object of the type (filtered by `-l`).
 */
import type { InspectTarget } from '../../../scenario/vocabulary.ts';
import type { CommandResult } from '../types.ts';
import { failure, result } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flag, parseArgs } from './args.ts';
import type { Item } from './cluster.ts';
import { itemsOf } from './cluster.ts';
import type { Kctx } from './common.ts';
import {
  allNamespaces,
  flagError,
  inspect,
  namespaceFlag,
  noResources,
  unsupported,
} from './common.ts';
import { describeGeneric, describeNode, describeService } from './describe-other.ts';
import { describeDeployment, describePod } from './describe-workloads.ts';
import { clusterEvents } from './events.ts';
import type { KEvent } from './events.ts';
import { parseSelector } from './labels.ts';
import type { Cluster } from './model.ts';
import type { Kind } from './resources.ts';
import { kindInfo, noSuchType, notFound, resolveKind, UNMODELLED_TYPES } from './resources.ts';
import { tabwrite } from './tabwriter.ts';
import type { ConsoleView } from '../types.ts';

export const DESCRIBE_FLAGS: readonly FlagDef[] = [
  { long: 'selector', short: 'l', kind: 'string' },
  { long: 'all-namespaces', short: 'A', kind: 'bool' },
  { long: 'show-events', kind: 'bool' },
];

const TARGET: Partial<Record<Kind, InspectTarget>> = {
  pods: 'pod-details',
  deployments: 'deployments',
  replicasets: 'deployments',
  statefulsets: 'deployments',
  services: 'services',
  endpoints: 'services',
  nodes: 'resource-usage',
  events: 'events',
};

function describeOne(
  view: ConsoleView,
  c: Cluster,
  kind: Kind,
  item: Item,
  events: () => readonly KEvent[],
): string[] {
  const same = <T extends { name: string; namespace?: string | null }>(
    xs: readonly T[],
  ): T | undefined =>
    xs.find((x) => x.name === item.name && (x.namespace ?? null) === item.namespace);
  switch (kind) {
    case 'pods': {
      const p = same(c.pods);
      if (p) return describePod(view, c, p, events());
      break;
    }
    case 'deployments': {
      const d = same(c.deployments);
      if (d) return describeDeployment(c, d, events());
      break;
    }
    case 'services': {
      const s = same(c.services);
      if (s) return describeService(c, s);
      break;
    }
    case 'nodes': {
      const n = c.nodes.find((x) => x.name === item.name);
      if (n) return describeNode(c, n, events());
      break;
    }
    default:
      break;
  }
  return describeGeneric(c, kind, item);
}

export function runDescribe(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, DESCRIBE_FLAGS);
  if (!parsed.ok) return flagError('describe', parsed.error);
  const p = parsed.args;
  if (p.positionals.length === 0)
    return failure(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n' +
        "error: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n",
    );
  let typeWord = p.positionals[0]!;
  let names = p.positionals.slice(1);
  if (typeWord.includes('/')) {
    const [t = '', n = ''] = typeWord.split('/');
    typeWord = t;
    names = [n, ...names];
  }
  const kind = resolveKind(typeWord);
  const all = allNamespaces(p);
  const namespace = namespaceFlag(p);
  if (!kind) {
    if (UNMODELLED_TYPES.includes(typeWord.toLowerCase()))
      return result(noResources(all ? null : namespace), {
        notes: [unsupported('kubectl describe', typeWord)],
      });
    return failure(noSuchType(typeWord));
  }
  if (kind === 'events')
    return result(noResources(all ? null : namespace), {
      notes: [unsupported('kubectl describe', 'events')],
    });

  const c = k.cluster();
  const namespaced = kindInfo(kind).namespaced;
  let pool = itemsOf(c, kind).filter((x) => !namespaced || all || x.namespace === namespace);
  const sel = flag(p, 'selector');
  if (sel !== undefined) {
    const s = parseSelector(sel);
    if (!s.ok) return failure(s.error);
    pool = pool.filter((x) => s.matches(x.labels));
  }
  const chosen: Item[] = [];
  const errors: string[] = [];
  for (const n of names) {
    const exact = pool.filter((x) => x.name === n);
    const matched = exact.length > 0 ? exact : pool.filter((x) => x.name.startsWith(n));
    if (matched.length === 0) errors.push(notFound(kind, n));
    for (const m of matched) if (!chosen.includes(m)) chosen.push(m);
  }
  if (names.length === 0) chosen.push(...pool);
  if (chosen.length === 0)
    return errors.length > 0
      ? failure(errors.join(''))
      : result(noResources(all || !namespaced ? null : namespace));

  let evCache: KEvent[] | null = null;
  const events = (): readonly KEvent[] => (evCache ??= clusterEvents(k.view, c));
  const showEvents = flag(p, 'show-events') !== 'false';
  const texts = chosen.map((item) => {
    let lines = describeOne(k.view, c, kind, item, showEvents ? events : () => []);
    if (!showEvents) lines = lines.filter((l) => !l.startsWith('Events:'));
    return tabwrite(lines.join('\n') + '\n');
  });
  const target = TARGET[kind];
  const actions = target ? [inspect(target, chosen.map((x) => x.name).join(','))] : [];
  return result(texts.join('\n\n') + errors.join(''), { exit: errors.length > 0 ? 1 : 0, actions });
}
