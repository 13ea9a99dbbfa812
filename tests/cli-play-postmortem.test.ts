/**
 * `drill play ... --postmortem out.md` and `--record run.json`: the run is played through an
 * IncidentSession, its postmortem written as Markdown, and the printed summary is the same as a
 * bare `drill play` prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../src/cli/args.ts';
import { PLAY_SPEC, playForPostmortem, runPlay } from '../src/cli/play.ts';
import { buildPostmortem, referencePath } from '../src/postmortem/build.ts';
import { postmortemMarkdown } from '../src/postmortem/markdown.ts';
import { loadScenario, variantFor } from '../src/scenario/load.ts';
import { playScenario } from '../src/scenario/play.ts';
import { runRecordOf, serializeRunRecord } from '../src/session/run-record.ts';
import { headings, lex } from './postmortem/markdown-tokens.ts';

const FILE = 'scenarios/latency-spike-missing-index.yaml';
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'drill-play-'));
const play = (...argv: string[]) => runPlay(parseArgs(argv, PLAY_SPEC));
const scenario = () => {
  const loaded = loadScenario(FILE, readFileSync(join(root, FILE), 'utf8'));
  if (!loaded.ok) throw new Error('the flagship does not load');
  return { loaded, seed: loaded.scenario.seed, s: variantFor(loaded, loaded.scenario.seed) };
};
const usageError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a UsageError');
};

describe('drill play --postmortem', { timeout: 120_000 }, () => {
  it('writes the postmortem and prints the same summary as a bare play', () => {
    const out = join(dir, 'solution.md');
    const result = play(join(root, FILE), '--solution', '--postmortem', out);
    const { s, seed } = scenario();
    expect(result).toEqual(playScenario(s, seed, s.answerKey.solution));
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# ')).toBe(true);
    expect(headings(lex(md), 2)).toHaveLength(9);
    expect(md).toContain(`seed ${seed}`);
    expect(md).toContain('headless');
  });

  it('performs every kind of action at its time from an actions file', () => {
    const actions = join(dir, 'actions.json');
    writeFileSync(
      actions,
      JSON.stringify([
        { at: '5m', action: 'declareIncident', params: { severity: 'SEV2', title: 'Slow orders' } },
        { at: '8m', action: 'rollback', params: { deployment: 'api' } },
      ]),
    );
    const out = join(dir, 'actions.md');
    play(join(root, FILE), '--actions', actions, '--postmortem', out);
    const md = readFileSync(out, 'utf8');
    expect(headings(lex(md), 1)).toEqual(['Slow orders']);
    expect(md).toContain('**Severity:** SEV2');
  });

  it('refuses an action the vocabulary does not accept, naming it', () => {
    const actions = join(dir, 'bad.json');
    writeFileSync(actions, JSON.stringify([{ at: '1m', action: 'rollback', params: {} }]));
    expect(
      usageError(() => play(FILE, '--actions', actions, '--postmortem', join(dir, 'x.md'))),
    ).toMatch(/action 0 \(rollback at 1m\) was refused: .*deployment/);
  });

  it('says when the file cannot be written', () => {
    expect(
      usageError(() => play(FILE, '--solution', '--postmortem', join(dir, 'no/such/dir/x.md'))),
    ).toMatch(/cannot write the postmortem to .*no\/such\/dir\/x\.md/);
  });
});

describe('drill play --record', { timeout: 120_000 }, () => {
  it('replays a run record exported by the game and writes the same postmortem', () => {
    const { s, seed } = scenario();
    const session = playForPostmortem(s, seed, [
      { at: '6m', action: 'hypothesis', params: { text: 'A seq scan on orders' } },
      { at: '8m', action: 'rollback', params: { deployment: 'api' } },
    ]);
    const record = join(dir, 'run.json');
    writeFileSync(record, serializeRunRecord(runRecordOf(session, 'practice')));
    const expected = postmortemMarkdown(
      buildPostmortem(session, { mode: 'practice', reference: referencePath(s, seed) }),
    );
    const out = join(dir, 'record.md');
    const result = play(FILE, '--record', record, '--postmortem', out);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(result.finalHash).toBe(session.run.sim.hash());
    expect(result.outcome).toBe(session.run.ended?.outcome);
  });

  it('explains a file that is not a record, or a record of another scenario', () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"format":"something else"}');
    expect(usageError(() => play(FILE, '--record', junk))).toContain(
      `${junk} is not a run record:\n  format: expected "on-call-drill/run"`,
    );
    const other = join(dir, 'other.json');
    const { s, seed } = scenario();
    const record = runRecordOf(playForPostmortem(s, seed, []), 'practice');
    writeFileSync(other, serializeRunRecord({ ...record, scenarioId: 'pool-exhaustion-leak' }));
    expect(usageError(() => play(FILE, '--record', other))).toContain(
      'is a run of pool-exhaustion-leak, not of latency-spike-missing-index',
    );
    expect(usageError(() => play(FILE, '--record', join(dir, 'missing.json')))).toContain(
      'cannot read',
    );
    expect(usageError(() => play(FILE, '--record', other, '--solution'))).toContain(
      'choose one of',
    );
  });
});

describe('the command line', { timeout: 120_000 }, () => {
  it('documents --postmortem and --record, and exits 0 after writing the file', () => {
    const drill = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/drill.ts', ...args], {
        encoding: 'utf8',
        cwd: root,
      });
    const help = drill('play', '--help');
    expect(help.stdout).toContain('--postmortem <out.md>');
    expect(help.stdout).toContain('--record <run.json>');
    const out = join(dir, 'cli.md');
    const r = drill('play', FILE, '--solution', '--postmortem', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^latency-spike-missing-index seed \d+: resolved after/);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });
});
