/**
 * The session: one entry point for everything the player does. Actions are validated, stamped,
 * applied at the next step, put on the timeline with their evidence and shown to the story;
 * people answer pages later with what they see; a run record replays exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, loadScenario } from '../src/scenario/load.ts';
import { M } from '../src/sim/index.ts';
import { REPLY_DELAY_MS } from '../src/session/responders.ts';
import { IncidentSession } from '../src/session/session.ts';
import { scenario } from './console/views.ts';

const pool = () => new IncidentSession(scenario('pool-exhaustion-leak'));

describe('IncidentSession', () => {
  it('refuses malformed actions with a reason per field, and records nothing', () => {
    const s = pool();
    const r = s.perform({ type: 'scale', deployment: 'api', replicas: -1 }, 'panel');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join()).toContain('replicas');
    const unknown = s.perform({ type: 'reboot-everything' }, 'panel');
    expect(unknown.ok).toBe(false);
    expect(s.run.timeline.filter((e) => e.kind === 'action')).toHaveLength(0);
    expect(s.inputs).toHaveLength(0);
  });

  it('stamps an action with the sim time and applies it at the next step', () => {
    const s = pool();
    s.advanceTo(30_000);
    expect(s.perform({ type: 'scale', deployment: 'api', replicas: 8 }, 'panel')).toEqual({
      ok: true,
    });
    expect(s.run.sim.state.deployments.api.replicas).toBe(6);
    const entry = s.run.timeline.find((e) => e.kind === 'action');
    expect(entry).toMatchObject({
      t: 30_000,
      lever: true,
      source: 'panel',
      action: { type: 'scale' },
    });
    s.step();
    expect(s.run.sim.state.deployments.api.replicas).toBe(8);
  });

  it('keeps the incident record: severity, roles, updates, hypotheses', () => {
    const s = pool();
    s.advanceTo(5 * 60_000);
    s.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' }, 'channel');
    s.perform({ type: 'assignRole', role: 'commander', person: 'me' }, 'channel');
    s.perform(
      {
        type: 'postUpdate',
        audience: 'statusPage',
        status: 'investigating',
        text: 'Checkout is failing for some customers.',
      },
      'channel',
    );
    s.perform({ type: 'hypothesis', text: 'connections leak in v2.14.1' }, 'channel');
    expect(s.incident).toMatchObject({
      severity: 'SEV2',
      declaredAt: 5 * 60_000,
      roles: { commander: 'me' },
      updates: [{ audience: 'statusPage', status: 'investigating' }],
      hypotheses: [{ t: 5 * 60_000, text: 'connections leak in v2.14.1' }],
    });
    const kinds = s.run.timeline
      .filter((e) => e.kind === 'action')
      .map((e) => e.kind === 'action' && e.action.type);
    expect(kinds).toEqual(['declareIncident', 'assignRole', 'postUpdate', 'hypothesis']);
  });

  it('a paged DBA answers after their delay with what the database shows then', () => {
    const s = pool();
    s.advanceTo(8 * 60_000);
    s.perform({ type: 'page', target: 'dba', message: 'Can you look at the primary?' }, 'channel');
    s.advanceTo(8 * 60_000 + REPLY_DELAY_MS.dba - 1000);
    expect(s.run.timeline.some((e) => e.kind === 'reply')).toBe(false);
    s.advanceTo(8 * 60_000 + REPLY_DELAY_MS.dba);
    const reply = s.run.timeline.find((e) => e.kind === 'reply');
    expect(reply).toMatchObject({
      from: 'reply.from.dba',
      role: 'otherTeam',
      key: 'reply.dba.idleInTx',
    });
    expect(reply?.kind === 'reply' && Number(reply.params['count'])).toBeGreaterThan(20);
  });

  it('a DBA paged about a DNS incident says the database is fine', () => {
    const s = new IncidentSession(scenario('dns-lookup-storm'));
    s.perform({ type: 'page', target: 'dba', message: 'sanity check' }, 'channel');
    s.advanceTo(REPLY_DELAY_MS.dba);
    expect(s.run.timeline.find((e) => e.kind === 'reply')).toMatchObject({
      key: 'reply.dba.healthy',
    });
  });

  it('console lines land on the timeline with their output; looks become inspect actions', () => {
    const s = pool();
    s.advanceTo(60_000);
    s.exec('echo hello');
    s.exec('kubectl get pods');
    const [first, second] = s.run.timeline.filter(
      (e) => e.kind === 'command' || (e.kind === 'action' && e.source === 'console'),
    );
    expect(first).toMatchObject({
      kind: 'command',
      via: { line: 'echo hello', output: 'hello\n', exit: 0 },
    });
    expect(second).toMatchObject({
      kind: 'action',
      lever: false,
      action: { type: 'inspect', target: 'pods' },
    });
    expect(second?.kind === 'action' && second.via?.output).toContain('NAME');
  });

  it('a lever typed at the console changes the system after its delay, visible in the metrics', () => {
    const s = pool();
    s.advanceTo(60_000);
    s.exec('kubectl -n kube-system scale deployment coredns --replicas=4');
    const before = s.run.sim.recorder.metrics.latest(M.coredns_pods_ready!);
    s.advanceTo(62_000);
    expect(s.run.sim.recorder.metrics.latest(M.coredns_pods_ready!)).toBe(before);
    s.advanceTo(2 * 60_000);
    expect(s.run.sim.recorder.metrics.latest(M.coredns_pods_ready!)).toBe(4);
  });

  it('replays a run record exactly: same state hash and same timeline', () => {
    const s = pool();
    s.advanceTo(3 * 60_000);
    s.exec('kubectl get pods');
    s.perform({ type: 'page', target: 'secondary', message: 'help' }, 'channel');
    s.advanceTo(9 * 60_000);
    s.exec('kubectl rollout undo deployment/api');
    s.advanceTo(12 * 60_000);
    const again = IncidentSession.replay(s.scenario, s.scenario.seed, s.inputs, 12 * 60_000);
    expect(again.run.sim.hash()).toBe(s.run.sim.hash());
    expect(JSON.stringify(again.run.timeline)).toBe(JSON.stringify(s.run.timeline));
  });
});

describe('the session’s pager', () => {
  // In pool-exhaustion-leak with no action, ErrorBudgetBurnFast (a page) fires at 12:47 and the
  // story raises the red-herring warning RedisLatencyHigh at 9:19.
  const BURN_AT = 767_000;
  const atBurn = () => {
    const s = pool();
    s.advanceTo(BURN_AT);
    return s;
  };

  it('opens pages from the rules and from the story, and re-notifies the unacknowledged page', () => {
    const s = atBurn();
    expect(s.pager.alerts().map((p) => [p.name, p.severity, p.firedAt])).toEqual([
      ['RedisLatencyHigh', 'warning', 559_000],
      ['APIHighErrorRate', 'warning', 619_000],
      ['DBPoolSaturated', 'warning', 659_000],
      ['ErrorBudgetBurnFast', 'page', BURN_AT],
    ]);
    expect(s.pager.unacknowledged()).toBe(4);
    s.advanceTo(BURN_AT + 5 * 60_000);
    expect(s.pager.notices.filter((n) => n.kind === 'renotified')).toEqual([
      {
        t: BURN_AT + 5 * 60_000,
        kind: 'renotified',
        page: 4,
        alert: 'ErrorBudgetBurnFast',
        notification: 2,
      },
    ]);
  });

  it('acknowledging from a panel stops re-notification and lands on the timeline', () => {
    const s = atBurn();
    s.advanceTo(BURN_AT + 30_000);
    expect(s.perform({ type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' }, 'panel')).toEqual({
      ok: true,
    });
    s.advanceTo(BURN_AT + 20 * 60_000);
    expect(s.pager.alerts().find((p) => p.name === 'ErrorBudgetBurnFast')).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: BURN_AT + 30_000,
      notifications: 1,
    });
    expect(s.incident.acknowledged).toEqual([
      { t: BURN_AT + 30_000, alert: 'ErrorBudgetBurnFast' },
    ]);
    expect(s.run.timeline.find((e) => e.kind === 'action')).toMatchObject({
      lever: false,
      source: 'panel',
      action: { type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' },
    });
  });

  it('refuses pager actions on an unknown or quiet alert, and records nothing', () => {
    const s = atBurn();
    const typo = s.perform({ type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFas' }, 'panel');
    expect(typo).toEqual({
      ok: false,
      errors: [
        'alert: no alert is named "ErrorBudgetBurnFas" (did you mean "ErrorBudgetBurnFast"?)',
      ],
    });
    const quiet = s.perform({ type: 'resolveAlert', alert: 'PostgresDown' }, 'panel');
    expect(quiet.ok).toBe(false);
    const badTarget = s.perform(
      { type: 'escalateAlert', alert: 'ErrorBudgetBurnFast', target: 'everyone' },
      'panel',
    );
    expect(!badTarget.ok && badTarget.errors.join()).toContain('target');
    expect(s.inputs).toHaveLength(0);
    expect(s.run.timeline.some((e) => e.kind === 'action')).toBe(false);
  });

  it('escalating pages the team, who answer after their delay', () => {
    const s = atBurn();
    s.perform({ type: 'escalateAlert', alert: 'DBPoolSaturated', target: 'dba' }, 'panel');
    expect(s.pager.alerts().find((p) => p.name === 'DBPoolSaturated')?.escalatedTo).toEqual([
      'dba',
    ]);
    s.advanceTo(BURN_AT + REPLY_DELAY_MS.dba - 1000);
    expect(s.run.timeline.some((e) => e.kind === 'reply')).toBe(false);
    s.advanceTo(BURN_AT + REPLY_DELAY_MS.dba);
    expect(s.run.timeline.find((e) => e.kind === 'reply')).toMatchObject({
      from: 'reply.from.dba',
      key: 'reply.dba.idleInTx',
    });
  });

  it('a page resolved while its alert still fires comes back as a new page', () => {
    const s = atBurn();
    s.advanceTo(BURN_AT + 10_000);
    expect(s.perform({ type: 'resolveAlert', alert: 'ErrorBudgetBurnFast' }, 'panel').ok).toBe(
      true,
    );
    expect(s.pager.unacknowledged()).toBe(3);
    // The next evaluation is on the next whole minute: 13:00.
    s.advanceTo(13 * 60_000);
    const burns = s.pager.alerts().filter((p) => p.name === 'ErrorBudgetBurnFast');
    expect(burns.map((p) => [p.state, p.firedAt])).toEqual([
      ['resolved', BURN_AT],
      ['triggered', 13 * 60_000],
    ]);
    expect(s.pager.unacknowledged()).toBe(4);
  });

  it('a scenario can react to a pager action with playerDid', () => {
    const file = 'scenarios/pool-exhaustion-leak.yaml';
    const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').replace(
      /(\n {4}outage:[\s\S]*?\n {6}on:\n)/,
      `$1        player.escalateAlert:
          - guard: { type: playerDid, params: { action: escalateAlert, params: { target: dba } } }
            actions: [{ type: milestone, params: { name: diagnosed } }]
`,
    );
    const loaded = loadScenario(file, text);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
    const s = new IncidentSession(loaded.scenario);
    s.advanceTo(BURN_AT);
    const diagnosed = () =>
      s.run.timeline.some((e) => e.kind === 'milestone' && e.name === 'diagnosed');
    s.perform(
      { type: 'escalateAlert', alert: 'ErrorBudgetBurnFast', target: 'secondary' },
      'panel',
    );
    expect(diagnosed()).toBe(false);
    s.perform({ type: 'escalateAlert', alert: 'ErrorBudgetBurnFast', target: 'dba' }, 'panel');
    expect(diagnosed()).toBe(true);
  });

  it('replays pager actions exactly: same pages, same log', () => {
    const s = atBurn();
    s.perform({ type: 'escalateAlert', alert: 'DBPoolSaturated', target: 'dba' }, 'panel');
    s.advanceTo(BURN_AT + 6 * 60_000);
    s.perform({ type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' }, 'panel');
    s.perform({ type: 'resolveAlert', alert: 'RedisLatencyHigh' }, 'panel');
    s.advanceTo(BURN_AT + 9 * 60_000);
    const again = IncidentSession.replay(
      s.scenario,
      s.scenario.seed,
      s.inputs,
      BURN_AT + 9 * 60_000,
    );
    expect(JSON.stringify(again.pager.alerts())).toBe(JSON.stringify(s.pager.alerts()));
    expect(JSON.stringify(again.pager.notices)).toBe(JSON.stringify(s.pager.notices));
    expect(JSON.stringify(again.run.timeline)).toBe(JSON.stringify(s.run.timeline));
    expect(again.run.sim.hash()).toBe(s.run.sim.hash());
  });
});

describe('responders', () => {
  it('every answer and every name is in the message catalogue', async () => {
    const { en } = await import('../src/i18n/messages.en.ts');
    const { replyFrom } = await import('../src/session/responders.ts');
    const { PAGE_TARGETS } = await import('../src/scenario/vocabulary.ts');
    const keys = Object.keys(en);
    for (const id of ['pool-exhaustion-leak', 'dns-lookup-storm', 'latency-spike-missing-index'])
      for (const at of [0, 8 * 60_000]) {
        const s = new IncidentSession(scenario(id));
        s.advanceTo(at);
        for (const target of PAGE_TARGETS) {
          const r = replyFrom(target, { ...s.view, statusPagePosted: false });
          expect(keys).toContain(r.key);
          expect(keys).toContain(r.from);
        }
      }
  });
});
