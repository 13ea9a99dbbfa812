/**
 * What the incident screen is told about the scenario and the system, as plain data: who can
 * take an incident role, the SLOs the sim runs with, and which log service stands behind each
 * component of the map. A composition-root module (it reads the session and the scenario).
 */
import type { ScenarioFile } from './scenario/schema.ts';
import { PAGE_TARGETS } from './scenario/vocabulary.ts';
import type { IncidentSession } from './session/session.ts';
import type { ComponentId } from './store/index.ts';
import type { BriefingSlos } from './ui/incident-briefing.ts';

/** The SLOs the sim is configured with for this scenario (the scenario's, or the defaults). */
export function slosOf(session: IncidentSession): BriefingSlos {
  const slo = session.run.sim.state.config.slo;
  return {
    availability: slo.availabilityTarget,
    latencyTarget: slo.latencyTarget,
    latencyMs: slo.latencyThresholdMs,
    windowDays: slo.windowDays,
  };
}

/** The log service behind each component of the map (null: it writes no logs of its own). */
export const LOG_SERVICE: Readonly<Record<ComponentId, string | null>> = {
  users: null,
  cdn: null,
  ingress: 'ingress',
  web: 'web',
  api: 'api',
  pool: 'api',
  pgbouncer: 'pgbouncer',
  postgres: 'postgres',
  replica: 'replica',
  redis: 'redis',
  coredns: 'coredns',
  payments: 'api',
};

/** Roles that can take an incident role: teammates and managers, not stakeholders or vendors. */
const CREW_ROLES: ReadonlySet<string> = new Set(['teammate', 'manager']);

/**
 * Who can take an incident role: the player, the teams that can be paged (except the external
 * payment provider) and the scenario's own teammates and managers, by the names they speak with.
 */
export function peopleOf(scenario: ScenarioFile): string[] {
  const people = new Set<string>(['me', ...PAGE_TARGETS.filter((t) => t !== 'payments')]);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const params = record['params'] as Record<string, unknown> | undefined;
    if (
      record['type'] === 'say' &&
      typeof params?.['from'] === 'string' &&
      CREW_ROLES.has(String(params['role']))
    ) {
      people.add(params['from']);
    }
    Object.values(record).forEach(visit);
  };
  visit(scenario.machine);
  return [...people];
}
