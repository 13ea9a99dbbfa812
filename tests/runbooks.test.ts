/**
 * The standard runbooks (scenarios/runbooks/*.md): one for every alerting rule, links that land
 * on another runbook, and every command a runbook tells the player to type works in the game's
 * console (no "command not found", no usage error, no SQL the console cannot run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute, initialConsoleState } from '../src/actions/console/interpreter.ts';
import { loadStandardRunbooks, mergeRunbooks, runbooksFor } from '../src/runbook-catalogue.ts';
import { Scenario } from '../src/scenario/schema.ts';
import { ALERT_RULES } from '../src/sim/index.ts';
import {
  linksOf,
  parseBlocks,
  resolveDocLink,
  shellCommands,
  titleOf,
} from '../src/ui/runbooks/markdown-parse.ts';
import { FAULT_MOMENT_MS, scenario, viewAt } from './console/views.ts';

const DIR = join(import.meta.dirname, '../scenarios/runbooks');
const docs = readdirSync(DIR)
  .filter((name) => name.endsWith('.md'))
  .map((name) => {
    const body = readFileSync(join(DIR, name), 'utf8');
    return { id: `runbooks/${name}`, body, blocks: parseBlocks(body) };
  });
const ids = new Set(docs.map((d) => d.id));

/** What a broken command prints: unknown command, bad flag, SQL the console does not know. */
const BROKEN = [
  /command not found/,
  /unknown (flag|command|shorthand)/i,
  /^Usage:/m,
  /ERROR: {2}(syntax error|relation .* does not exist|column .* does not exist|function .* does not exist)/,
  /executable file not found/,
];

describe('the standard runbooks', () => {
  it('cover every alerting rule', () => {
    const missing = [...new Set(ALERT_RULES.map((r) => r.runbook))].filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('each have a title and some body', () => {
    for (const doc of docs) {
      expect(titleOf(doc.blocks), doc.id).toBeTruthy();
      expect(doc.blocks.length, doc.id).toBeGreaterThan(3);
    }
  });

  it('link only to runbooks that exist', () => {
    for (const doc of docs) {
      for (const href of linksOf(doc.blocks)) {
        const target = resolveDocLink(doc.id, href);
        expect(target === null ? `${doc.id} -> ${href}` : ids.has(target), href).toBe(true);
      }
    }
  });

  it('quote only commands that run in the console', () => {
    const view = viewAt('pool-exhaustion-leak', FAULT_MOMENT_MS['pool-exhaustion-leak']);
    const broken: string[] = [];
    let count = 0;
    for (const doc of docs) {
      for (const line of shellCommands(doc.blocks)) {
        count++;
        const e = execute(initialConsoleState(), line, view);
        if (e.exit === 127 || BROKEN.some((re) => re.test(e.out)))
          broken.push(`${doc.id}: ${line}\n${e.out.slice(0, 300)}`);
      }
    }
    expect(count).toBeGreaterThan(40);
    expect(broken).toEqual([]);
  });
});

describe('the runbook Markdown reader', () => {
  it('finds sh commands, titles and links', () => {
    const blocks = parseBlocks(
      '# Title *here*\n\nSee [pool](db-pool.md).\n\n```sh\nkubectl get pods\n\npsql -c "SELECT 1;"\n```\n\n```text\nnot a command\n```\n',
    );
    expect(titleOf(blocks)).toBe('Title here');
    expect(shellCommands(blocks)).toEqual(['kubectl get pods', 'psql -c "SELECT 1;"']);
    expect(linksOf(blocks)).toEqual(['db-pool.md']);
  });

  it('resolves relative links to document ids, and nothing else', () => {
    expect(resolveDocLink('runbooks/a.md', 'db-pool.md')).toBe('runbooks/db-pool.md');
    expect(resolveDocLink('runbooks/a.md', './dns.md#checks')).toBe('runbooks/dns.md');
    expect(resolveDocLink('runbooks/a.md', '../notes/x.md')).toBe('notes/x.md');
    expect(resolveDocLink('runbooks/a.md', '../../x.md')).toBeNull();
    expect(resolveDocLink('runbooks/a.md', 'https://example.com/x.md')).toBeNull();
    expect(resolveDocLink('runbooks/a.md', 'javascript:alert(1)//.md')).toBeNull();
    expect(resolveDocLink('runbooks/a.md', '/etc/x.md')).toBeNull();
    expect(resolveDocLink('runbooks/a.md', 'picture.png')).toBeNull();
  });
});

describe('the runbook catalogue', () => {
  it('bundles every standard runbook, titled by its heading, orientation notes first', async () => {
    const docs = await loadStandardRunbooks();
    expect(docs.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(docs.slice(0, 2).map((d) => d.id)).toEqual([
      'runbooks/architecture.md',
      'runbooks/dashboards.md',
    ]);
    expect(docs.find((d) => d.id === 'runbooks/db-pool.md')?.title).toBe(
      'DB pool: DBPoolSaturated, PgBouncerClientsWaiting',
    );
  });

  it("puts a scenario's runbooks over the standard ones of the same id, new ones first", async () => {
    const standard = [
      { id: 'runbooks/a.md', title: 'A', body: 'a' },
      { id: 'runbooks/b.md', title: 'B', body: 'b' },
    ];
    const own = [
      { id: 'runbooks/b.md', title: 'B (this shop)', body: 'b2' },
      { id: 'notes/c.md', title: 'C', body: 'c' },
    ];
    expect(mergeRunbooks(standard, own).map((d) => d.title)).toEqual(['C', 'A', 'B (this shop)']);
    const docs = await runbooksFor({
      runbooks: [{ id: 'runbooks/dns.md', title: 'DNS here', body: '# DNS here' }],
    });
    expect(docs.filter((d) => d.id === 'runbooks/dns.md').map((d) => d.title)).toEqual([
      'DNS here',
    ]);
    expect(docs).toHaveLength(ids.size);
  });
});

describe('the scenario format: runbooks', () => {
  const base = scenario('pool-exhaustion-leak');
  const check = (runbooks: unknown) => Scenario.safeParse({ ...base, runbooks });

  it('takes a list of id, title and Markdown body', () => {
    expect(check([{ id: 'runbooks/db-pool.md', title: 'Pool', body: '# Pool' }]).success).toBe(
      true,
    );
    expect(check(undefined).success).toBe(true);
  });

  it('refuses bad ids, missing fields, extra fields and repeated ids', () => {
    expect(check([{ id: '../etc/passwd', title: 'x', body: 'x' }]).success).toBe(false);
    expect(check([{ id: 'runbooks/x.txt', title: 'x', body: 'x' }]).success).toBe(false);
    expect(check([{ id: 'runbooks/x.md', title: '', body: 'x' }]).success).toBe(false);
    expect(check([{ id: 'runbooks/x.md', title: 'x' }]).success).toBe(false);
    expect(check([{ id: 'runbooks/x.md', title: 'x', body: 'x', html: '<b>' }]).success).toBe(
      false,
    );
    const twice = { id: 'runbooks/x.md', title: 'x', body: 'x' };
    expect(check([twice, twice]).success).toBe(false);
  });
});
