import { afterEach, describe, expect, it } from 'vitest';
import { findBlame } from '../../src/postmortem/blame.ts';
import { setLocale, t } from '../../src/i18n/index.ts';

const phrases = (text: string): string[] => findBlame(text).map((f) => f.phrase);

afterEach(() => setLocale('en'));

describe('findBlame flags blame-style wording', () => {
  it.each([
    ['Alice should have checked the pool before deploying.', 'Alice should have'],
    ['He should have rolled back sooner.', 'He should have'],
    ['The on-call engineer should’ve seen it.', 'The on-call engineer should’ve'],
    ['we really should have known', 'we really should have'],
    ['@bob should not have merged it', '@bob should not have'],
    ['Root cause: human error.', 'human error'],
    ['It was operator error on the bastion', 'operator error'],
    ['a careless change to the config', 'careless'],
    ['This was negligent.', 'negligent'],
    ['It was his fault.', 'his fault'],
    ['Nobody knows who to blame', 'blame'],
    ['The engineer failed to notice the warning', 'The engineer failed to'],
    ['Carol failed to read the runbook', 'Carol failed to'],
    ['they forgot to set the timeout', 'forgot'],
    ["The reviewer didn't bother to test it", "didn't bother"],
    ['an incompetent rollout plan', 'incompetent'],
    ['a mistake by the release manager', 'mistake by'],
    ['Dave broke production on Friday', 'Dave broke'],
    ['Someone fat-fingered the replica count', 'fat-fingered'],
    ['根本原因是人为失误。', '人为失误'],
    ['这是人为错误', '人为错误'],
    ['他应该早点回滚', '应该早点'],
    ['值班工程师太粗心了', '粗心'],
    ['这件事要怪运维', '怪'],
    ['这属于失职', '失职'],
  ])('%s', (text, phrase) => {
    expect(phrases(text)).toEqual([phrase]);
  });

  it('gives UTF-16 offsets into the text, with the reason in the current locale', () => {
    const text = '😀 回滚前 Alice should have checked; 人为失误';
    const flags = findBlame(text);
    expect(flags.map((f) => f.phrase)).toEqual(['Alice should have', '人为失误']);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.phrase);
    expect(flags[0]!.start).toBe(text.indexOf('Alice'));
    expect(flags[0]!.reason).toBe(t('document.blame.hindsight'));
    expect(flags[1]!.reason).toBe(t('document.blame.humanError'));
    setLocale('zh-CN');
    const zh = findBlame(text)[1]!.reason;
    expect(zh).not.toBe(flags[1]!.reason);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports several flags in order, without overlaps', () => {
    const flags = findBlame(
      'She should have known; it was human error and she forgot to page. Her fault.',
    );
    expect(flags.map((f) => f.phrase)).toEqual([
      'She should have',
      'human error',
      'forgot',
      'Her fault',
    ]);
    for (let i = 1; i < flags.length; i++)
      expect(flags[i]!.start).toBeGreaterThanOrEqual(flags[i - 1]!.end);
  });
});

describe('findBlame leaves system-focused wording alone', () => {
  it.each([
    'The alert should have fired two minutes earlier.',
    'Paging should have reached the database team.',
    'PgBouncer failed to accept new clients.',
    'The deploy pipeline had no check for idle transactions.',
    'We should have a runbook for pool exhaustion.',
    'The service should have a timeout on every query.',
    'Alice should have been paged by DBPoolSaturated.',
    'This postmortem is blameless.',
    'A blame-free review found two gaps.',
    'There is no blame here.',
    'I ran git blame on the handler.',
    'User errors (4xx) stayed flat.',
    'The lazy-loaded chart chunk was slow.',
    'The release broke checkout.',
    'Kubernetes failed to schedule the pod.',
    '奇怪的是，Redis 延迟没有变化。',
    '难怪连接池满了。',
    '部署流水线没有检查空闲事务。',
    '',
  ])('%s', (text) => {
    expect(phrases(text)).toEqual([]);
  });
});
