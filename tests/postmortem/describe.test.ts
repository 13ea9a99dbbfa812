/**
 * Words for what the player did, and reading the answer key: every lever reads as a sentence in
 * both languages, wrong fixes and the solution match by type and params, hypotheses by keywords.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inSolution, namesCause, sameAction, wrongFixOf } from '../../src/postmortem/answer-key.ts';
import { describeEvent, describeLever } from '../../src/postmortem/describe.ts';
import { CATALOGUES, setLocale } from '../../src/i18n/index.ts';
import { LEVER_TYPES } from '../../src/actions/vocabulary.ts';
import { scenario } from '../console/views.ts';

afterEach(() => setLocale('en'));

describe('lever texts', () => {
  it('exist for every lever, past and step, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const form of ['past', 'step'])
        for (const type of LEVER_TYPES)
          expect(CATALOGUES[locale], `${locale} ${form} ${type}`).toHaveProperty([
            `postmortem.${form}.${type}`,
          ]);
  });

  it('read as the reference path and the timeline need them', () => {
    const rollback = { type: 'rollback', deployment: 'api' };
    expect(describeLever(rollback, 'step')).toBe('Roll back deployment/api');
    expect(describeLever(rollback, 'past')).toBe('Rolled back deployment/api');
    const terminate = { type: 'terminateBackends', filter: { state: 'idle in transaction' } };
    expect(describeLever(terminate, 'step')).toBe(
      'Terminate database sessions idle in transaction',
    );
    expect(
      describeLever(
        { type: 'setPostgresSetting', name: 'statement_timeout', value: 30000 },
        'past',
      ),
    ).toBe('Set PostgreSQL’s statement_timeout to 30 s');
    expect(describeLever({ type: 'setRetries', enabled: false }, 'step')).toBe(
      'Turn client retries off',
    );
    expect(describeLever({ type: 'noSuchLever' }, 'past')).toBe('noSuchLever');
    setLocale('zh-CN');
    expect(describeLever(rollback, 'past')).toBe('回滚了 deployment/api');
  });

  it('keep the player’s words as they are', () => {
    const text = '<b>pool</b> {count} leak';
    expect(describeEvent({ type: 'hypothesis', text }, new Map())).toBe(
      `Noted a hypothesis: “${text}”`,
    );
    expect(describeEvent({ type: 'takeHint', level: 2 }, new Map([[2, 'Look at DNS.']]))).toBe(
      'Read hint 2: “Look at DNS.”',
    );
  });
});

describe('the answer key', () => {
  const pool = scenario('pool-exhaustion-leak').answerKey;

  it('matches a wrong fix by type and every param it names', () => {
    expect(wrongFixOf(pool, { type: 'setPoolSize', maxConns: 20 })?.id).toBe('raise-pool');
    expect(wrongFixOf(pool, { type: 'setPoolSize', maxConns: 12 })).toBeNull();
    expect(wrongFixOf(pool, { type: 'restartDeployment', deployment: 'api' })?.id).toBe(
      'restart-api',
    );
    expect(wrongFixOf(pool, { type: 'restartDeployment', deployment: 'web' })).toBeNull();
  });

  it('matches the solution’s steps, nested params included', () => {
    expect(inSolution(pool, { type: 'rollback', deployment: 'api' })).toBe(true);
    expect(
      inSolution(pool, { type: 'terminateBackends', filter: { state: 'idle in transaction' } }),
    ).toBe(true);
    expect(inSolution(pool, { type: 'terminateBackends', filter: { state: 'active' } })).toBe(
      false,
    );
    expect(sameAction({ at: '1m', action: 'reloadPostgres' }, { type: 'reloadPostgres' })).toBe(
      true,
    );
  });

  it('reads a hypothesis as naming the cause when it has every word of one group', () => {
    expect(namesCause(pool, 'Sessions IDLE IN TRANSACTION hold the pool')).toBe(true);
    expect(namesCause(pool, 'the release leaks a connection')).toBe(true);
    expect(namesCause(pool, 'the release broke something')).toBe(false);
    expect(namesCause(pool, 'Redis is slow')).toBe(false);
    const dns = scenario('dns-lookup-storm').answerKey;
    expect(namesCause(dns, 'ndots makes eight lookups')).toBe(true);
    expect(namesCause(dns, 'coredns is down')).toBe(false);
  });
});
