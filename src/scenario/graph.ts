/**
 * The statechart as a graph: every state must be reachable from the initial one, and from every
 * state some final state must be reachable, so no player can be stranded in a dead end.
 */
import type { ScenarioError } from './load.ts';
import type { ScenarioFile, StateNodeConfig } from './schema.ts';

function targetsOf(node: StateNodeConfig): string[] {
  const out: string[] = [];
  const add = (t: unknown): void => {
    for (const tr of Array.isArray(t) ? t : [t]) {
      if (typeof tr === 'string') out.push(tr);
      else if (
        tr &&
        typeof tr === 'object' &&
        typeof (tr as { target?: unknown }).target === 'string'
      )
        out.push((tr as { target: string }).target);
    }
  };
  for (const t of Object.values(node.on ?? {})) add(t);
  for (const t of Object.values(node.after ?? {})) add(t);
  if (node.always !== undefined) add(node.always);
  return out;
}

export function checkGraph(file: string, scenario: ScenarioFile): ScenarioError[] {
  const states = scenario.machine.states as Record<string, StateNodeConfig>;
  const names = Object.keys(states);
  const edges = new Map(names.map((n) => [n, targetsOf(states[n]!).filter((t) => t in states)]));
  const errors: ScenarioError[] = [];

  const reachable = new Set<string>([scenario.machine.initial]);
  const queue = [scenario.machine.initial];
  while (queue.length > 0) {
    for (const next of edges.get(queue.shift()!) ?? []) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  for (const n of names) {
    if (!reachable.has(n))
      errors.push({
        file,
        path: `machine.states.${n}`,
        message: `state "${n}" cannot be reached from the initial state "${scenario.machine.initial}"`,
      });
  }

  const finals = names.filter((n) => states[n]!.type === 'final');
  if (finals.length === 0)
    errors.push({
      file,
      path: 'machine.states',
      message: 'no final state: the scenario can never end',
    });
  const canEnd = new Set(finals);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of names) {
      if (!canEnd.has(n) && (edges.get(n) ?? []).some((t) => canEnd.has(t))) {
        canEnd.add(n);
        grew = true;
      }
    }
  }
  for (const n of names) {
    if (reachable.has(n) && !canEnd.has(n))
      errors.push({
        file,
        path: `machine.states.${n}`,
        message: `no final state can be reached from state "${n}": a player there is stuck`,
      });
  }
  return errors;
}
