import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedReader, alertItemOf, feedItemOf } from '../../src/incident-events.ts';
import { loadScenario, variantFor } from '../../src/scenario/load.ts';
import { IncidentSession } from '../../src/session/session.ts';

function session(id: string): IncidentSession {
  const file = path.resolve(import.meta.dirname, `../../scenarios/${id}.yaml`);
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${id} does not load`);
  const seed = loaded.scenario.seed;
  return new IncidentSession(variantFor(loaded, seed), seed);
}

describe('what the incident feed reads from the session', () => {
  it("hides faults, deploys and the player's own commands", () => {
    const via = { line: 'help', output: '', exit: 0 };
    expect(feedItemOf({ t: 0, kind: 'fault', id: 'x', fault: 'connectionLeak' })).toBeNull();
    expect(feedItemOf({ t: 0, kind: 'deploy', deployment: 'api', version: 'v2' })).toBeNull();
    expect(feedItemOf({ t: 0, kind: 'command', via })).toBeNull();
    expect(
      feedItemOf({ t: 0, kind: 'action', action: { type: 'x' }, lever: false, source: 'console' }),
    ).toBeNull();
    expect(alertItemOf({ kind: 'podReady', t: 0, pod: 'p', deployment: 'api' })).toBeNull();
  });

  it('gives the story and the alerting rules in time order, each once', () => {
    const s = session('pool-exhaustion-leak');
    const reader = new FeedReader(s);
    s.advanceTo(780_000);
    const items = reader.take();
    expect(items.map((i) => i.t)).toEqual([...items.map((i) => i.t)].sort((a, b) => a - b));
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['milestone', 'message', 'alert']));
    const alerts = items.filter((i) => i.kind === 'alert');
    // The story's red herring and the simulation's own pages.
    expect(alerts.map((a) => a.name)).toEqual(
      expect.arrayContaining(['RedisLatencyHigh', 'APIHighErrorRate', 'ErrorBudgetBurnFast']),
    );
    const page = alerts.find((a) => a.name === 'ErrorBudgetBurnFast')!;
    expect(page).toMatchObject({ severity: 'page' });
    expect(page.kind === 'alert' && page.summary).toMatch(/SLO/);
    expect(reader.take()).toEqual([]);
    s.step();
    expect(reader.take().every((i) => i.t > 700_000)).toBe(true);
  });

  it('shows what a console line changed at once', () => {
    const s = session('pool-exhaustion-leak');
    const reader = new FeedReader(s);
    s.advanceTo(300_000);
    reader.take();
    s.exec('kubectl rollout undo deployment/api');
    expect(reader.take()).toEqual([{ kind: 'milestone', t: 300_000, name: 'mitigated' }]);
  });

  it('reads a resumed run from its start, with the hints the player took shown open', () => {
    const s = session('pool-exhaustion-leak');
    // The story offers its first hint eight minutes into the outage.
    s.advanceTo(1_500_000);
    const offered = s.run.timeline.filter((e) => e.kind === 'hint');
    expect(offered.length).toBeGreaterThan(0);
    const level = offered[0]!.kind === 'hint' ? offered[0]!.level : 0;
    expect(s.perform({ type: 'takeHint', level }, 'panel')).toEqual({ ok: true });
    const resumed = IncidentSession.replay(s.scenario, s.run.sim.state.seed, s.inputs, s.t);
    const items = new FeedReader(resumed, true).take();
    const hints = items.filter((i) => i.kind === 'hint');
    expect(hints.map((h) => h.kind === 'hint' && h.taken)).toEqual([true]);
    // The pages that fired before the reload are there too.
    expect(items.some((i) => i.kind === 'alert' && i.name === 'ErrorBudgetBurnFast')).toBe(true);
    // A reader that starts from now misses the alerting rules' pages.
    expect(
      new FeedReader(resumed)
        .take()
        .some((i) => i.kind === 'alert' && i.name === 'ErrorBudgetBurnFast'),
    ).toBe(false);
  });
});
