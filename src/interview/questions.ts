/**
 * The clarifying questions a candidate can ask before the page, as in the real round: the
 * interviewer opens with the architecture and answers questions about the system, the team and
 * the process. Every answer is read from the scenario's briefing and the simulated system's
 * configuration (pods, pools, limits, SLOs, who can be paged, the console's tools), never from
 * the answer key or the faults: asking questions gives context, not the cause.
 *
 * Answers are catalogue references with their numbers as params, so they follow the locale.
 */
import { BUILTIN_COMMANDS } from '../actions/console/builtins.ts';
import { FILTER_COMMANDS } from '../actions/console/filters.ts';
import { COMMANDS } from '../actions/console/registry.ts';
import { formatCount, formatPercent } from '../postmortem/format.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { INCIDENT_ROLES, PAGE_TARGETS, SEVERITIES } from '../scenario/vocabulary.ts';
import { UPDATE_CADENCE_MS } from '../session/cadence.ts';
import { REPLY_DELAY_MS } from '../session/responders.ts';
import { ALERT_RULES, civilFromEpochMs, ENDPOINT_IDS, MINUTE, SECOND } from '../sim/index.ts';
import type { SimState, SystemConfig } from '../sim/index.ts';
import type { ClarifyingQuestion, MessageRef, QuestionId } from './model.ts';
import { QUESTION_IDS } from './model.ts';

/** What a strong candidate asks before anything else: the objectives, what changed, the shape. */
export const KEY_QUESTIONS: readonly QuestionId[] = ['slos', 'changes', 'architecture'];

export function isQuestionId(id: string): id is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(id);
}

const ref = (
  key: string,
  params?: MessageRef['params'],
  refs?: MessageRef['refs'],
): MessageRef => ({
  key,
  ...(params ? { params } : {}),
  ...(refs ? { refs } : {}),
});

const seconds = (ms: number): number => Math.round(ms / SECOND);
const minutes = (ms: number): number => Math.round(ms / MINUTE);
const gib = (bytes: number): string => (bytes / 1024 ** 3).toFixed(1).replace(/\.0$/, '');
const pad = (n: number): string => String(n).padStart(2, '0');

function architecture(c: SystemConfig): MessageRef[] {
  return [
    ref('interview.answer.architecture.path', { domain: c.domain }),
    ref('interview.answer.architecture.web', { pods: c.web.replicas, version: c.web.version }),
    ref('interview.answer.architecture.api', {
      pods: c.api.replicas,
      version: c.api.version,
      pool: c.api.pool.maxConns,
    }),
    ref('interview.answer.architecture.database', {
      version: c.postgres.version,
      mode: c.pgbouncer.poolMode,
    }),
    ref('interview.answer.architecture.others', {
      coredns: c.dns.corednsReplicas,
      payments: c.payments.host,
    }),
  ];
}

function capacity(c: SystemConfig): MessageRef[] {
  return [
    ref('interview.answer.capacity.pods', {
      pods: c.api.replicas,
      max: c.api.maxReplicas,
      spare: c.nodePoolSpareApiPods,
    }),
    ref('interview.answer.capacity.pod', {
      cpu: c.api.cpuLimitMillicores,
      memory: c.api.memoryLimitMiB,
      concurrency: c.api.concurrencyPerPod,
      timeout: seconds(c.api.requestTimeoutMs),
    }),
    ref('interview.answer.capacity.pools', {
      pods: c.api.replicas,
      pool: c.api.pool.maxConns,
      clients: c.api.replicas * c.api.pool.maxConns,
      maxClient: c.pgbouncer.maxClientConn,
      poolSize: c.pgbouncer.defaultPoolSize,
    }),
    ref('interview.answer.capacity.postgres', {
      max: c.postgres.maxConnections,
      reserved: c.postgres.superuserReserved,
      cores: c.postgres.cores,
    }),
    ref('interview.answer.capacity.dns', {
      pods: c.dns.corednsReplicas,
      qps: formatCount(c.dns.qpsPerPod),
    }),
  ];
}

function traffic(c: SystemConfig, normal: string | undefined): MessageRef[] {
  const e = c.endpoints;
  const api = e.products.peakRps + e.orders.peakRps + e.search.peakRps + e.checkout.peakRps;
  const start = civilFromEpochMs(c.startEpochMs);
  return [
    ref('interview.answer.traffic.peak', {
      hour: pad(c.traffic.peakHourUtc),
      pages: formatCount(e.page.peakRps),
      api: formatCount(api),
    }),
    ref('interview.answer.traffic.routes', {
      products: formatCount(e.products.peakRps),
      orders: formatCount(e.orders.peakRps),
      search: formatCount(e.search.peakRps),
      checkout: formatCount(e.checkout.peakRps),
    }),
    ref('interview.answer.traffic.now', {
      clock: `${pad(start.hour)}:${pad(start.minute)}`,
      trough: formatPercent(c.traffic.troughRatio),
    }),
    ref('interview.answer.traffic.cache', { hit: formatPercent(c.redis.hitRatio) }),
    normal ? ref('interview.answer.traffic.normal', { normal }) : null,
  ].filter((r): r is MessageRef => r !== null);
}

function slos(c: SystemConfig, priorBudgetConsumed: number): MessageRef[] {
  const s = c.slo;
  const paging = ALERT_RULES.filter((r) => r.severity === 'page').map((r) => r.name);
  return [
    ref('interview.answer.slos.availability', {
      target: formatPercent(s.availabilityTarget),
      days: s.windowDays,
    }),
    ref('interview.answer.slos.latency', {
      target: formatPercent(s.latencyTarget),
      ms: formatCount(s.latencyThresholdMs),
    }),
    ref('interview.answer.slos.budget', {
      share: formatPercent(1 - s.availabilityTarget),
      minutes: formatCount((1 - s.availabilityTarget) * s.windowDays * 24 * 60),
      days: s.windowDays,
    }),
    ref('interview.answer.slos.spent', { spent: formatPercent(priorBudgetConsumed) }),
    ref('interview.answer.slos.paging', { alerts: paging.join(', ') }),
  ];
}

function changes(c: SystemConfig, situation: string): MessageRef[] {
  return [
    ref('interview.answer.changes.versions', {
      api: c.api.version,
      previous: c.api.previousVersion,
      web: c.web.version,
    }),
    ref('interview.answer.changes.process', { situation }),
    ref('interview.answer.changes.rollback', { startup: seconds(c.api.startupMs) }),
  ];
}

function dependencies(c: SystemConfig): MessageRef[] {
  return [
    ref('interview.answer.dependencies.payments', {
      host: c.payments.host,
      latency: formatCount(c.payments.latencyMs),
      timeout: seconds(c.payments.clientTimeoutMs),
    }),
    ref('interview.answer.dependencies.redis', {
      max: gib(c.redis.maxmemoryBytes),
      working: gib(c.redis.workingSetBytes),
    }),
    ref('interview.answer.dependencies.dns', {
      pods: c.dns.corednsReplicas,
      ip: c.dns.serviceIp,
    }),
    ref('interview.answer.dependencies.replica', {
      replica: routesOn(c, 'replica'),
      primary: routesOn(c, 'primary'),
    }),
  ];
}

/** The API routes whose queries go to the primary or to the replica: `orders, checkout`. */
function routesOn(c: SystemConfig, target: 'primary' | 'replica'): string {
  return ENDPOINT_IDS.filter((e) => {
    const route = c.endpoints[e];
    return route.tier === 'api' && route.queries.some((q) => c.queries[q].target === target);
  }).join(', ');
}

function oncall(): MessageRef[] {
  return [
    ref('interview.answer.oncall.you'),
    ...PAGE_TARGETS.map((target) =>
      ref(
        'interview.answer.oncall.target',
        { minutes: Math.max(1, minutes(REPLY_DELAY_MS[target])) },
        { who: `reply.from.${target}`, covers: `interview.answer.oncall.covers.${target}` },
      ),
    ),
  ];
}

/** The console's tools: the commands that look at or change a system (not pipes or builtins). */
function tools(): MessageRef[] {
  const helpers = new Set([...FILTER_COMMANDS, ...BUILTIN_COMMANDS].map((c) => c.name));
  return [
    ref('interview.answer.tools.bastion'),
    ...COMMANDS.filter((c) => !helpers.has(c.name)).map((c) =>
      ref('interview.answer.tools.command', { command: c.name }, { summary: c.summaryKey }),
    ),
    ref('interview.answer.tools.panels'),
    ref('interview.answer.tools.access'),
  ];
}

function communication(): MessageRef[] {
  return [
    ref('interview.answer.communication.channel', {
      severities: `${SEVERITIES[0]}–${SEVERITIES[SEVERITIES.length - 1]}`,
    }),
    ref('interview.answer.communication.roles', { count: INCIDENT_ROLES.length }),
    ref('interview.answer.communication.statusPage'),
    ref('interview.answer.communication.cadence', { minutes: minutes(UPDATE_CADENCE_MS) }),
  ];
}

/**
 * The questions with their answers for this scenario, in the order the intro lists them. `state`
 * is the simulation before the page (t = 0): its configuration and what the 30-day window had
 * already spent of the error budget.
 */
export function clarifyingQuestions(
  scenario: Pick<ScenarioFile, 'briefing'>,
  state: Pick<SimState, 'config'> & { readonly slo: { readonly priorBudgetConsumed: number } },
): ClarifyingQuestion[] {
  const c = state.config;
  const answers: Record<QuestionId, () => MessageRef[]> = {
    architecture: () => architecture(c),
    capacity: () => capacity(c),
    traffic: () => traffic(c, scenario.briefing.normal),
    slos: () => slos(c, state.slo.priorBudgetConsumed),
    changes: () => changes(c, scenario.briefing.situation),
    dependencies: () => dependencies(c),
    oncall,
    tools,
    communication,
  };
  return QUESTION_IDS.map((id) => ({
    id,
    question: ref(`interview.question.${id}`),
    answer: answers[id](),
  }));
}
