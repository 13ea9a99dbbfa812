/**
 * The shell around the tools: prompt, pipelines, history expansion, unknown commands with a
 * suggestion, built-ins, and a parser that never throws whatever is typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/actions/console/complete.ts';
import {
  execute,
  initialConsoleState,
  interrupt,
  promptFor,
} from '../../src/actions/console/interpreter.ts';
import { COMMANDS } from '../../src/actions/console/registry.ts';
import { tokenize } from '../../src/actions/console/tokenize.ts';
import { en } from '../../src/i18n/messages.en.ts';
import { CALM_MS, typeLines, viewAt } from './views.ts';

const calm = () => viewAt('pool-exhaustion-leak', CALM_MS);

describe('tokenize', () => {
  it('splits words, quotes, escapes and pipelines like a shell', () => {
    const r = tokenize(`psql -c "SELECT 'a b' FROM x" | grep -i "idle in" | head -n 3`);
    expect(r).toEqual({
      ok: true,
      pipeline: {
        commands: [
          ['psql', '-c', "SELECT 'a b' FROM x"],
          ['grep', '-i', 'idle in'],
          ['head', '-n', '3'],
        ],
      },
    });
  });

  it('drops the redirections runbooks use, but keeps quoted words that look like them', () => {
    const r = tokenize(`openssl s_client -connect a:443 </dev/null 2>/dev/null 2>&1 > out '>' x`);
    expect(r.ok && r.pipeline.commands[0]).toEqual([
      'openssl',
      's_client',
      '-connect',
      'a:443',
      '>',
      'x',
    ]);
  });

  it('reports an unclosed quote and refuses command chaining', () => {
    expect(tokenize(`echo "open`)).toEqual({ ok: false, error: '"' });
    expect(tokenize(`a && b`)).toEqual({ ok: false, error: '&&' });
    expect(tokenize(`a; b`)).toEqual({ ok: false, error: ';' });
  });

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        tokenize(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the shell', () => {
  it('prompts like a bastion host', () => {
    expect(promptFor({ kind: 'shell' })).toBe('oncall@bastion:~$ ');
    expect(typeLines(calm(), 'whoami').echo).toBe('oncall@bastion:~$ whoami');
  });

  it('answers an unknown command like bash, with the closest command as a suggestion', () => {
    const e = typeLines(calm(), 'kubctl get pods');
    expect(e.out).toBe('bash: kubctl: command not found\n');
    expect(e.exit).toBe(127);
    expect(e.notes).toEqual([
      { key: 'console.note.didYouMean', params: { suggestion: 'kubectl' } },
    ]);
  });

  it('offers help when nothing is close', () => {
    expect(typeLines(calm(), 'xyzzyplugh').notes).toEqual([{ key: 'console.note.tryHelp' }]);
  });

  it('suggests only close matches, relative to the length of the word typed', () => {
    // Two of three letters differ from `top`: not a typo of it.
    expect(typeLines(calm(), 'foo').notes).toEqual([{ key: 'console.note.tryHelp' }]);
    expect(typeLines(calm(), 'man foo').notes).toEqual([]);
    expect(typeLines(calm(), 'tpo').notes).toEqual([
      { key: 'console.note.didYouMean', params: { suggestion: 'top' } },
    ]);
  });

  it('pipes output through grep, head, tail and wc', () => {
    const e = typeLines(calm(), 'history', 'echo alpha beta | grep -c beta');
    expect(e.out).toBe('1\n');
    expect(typeLines(calm(), 'echo one | grep two').exit).toBe(1);
    expect(typeLines(calm(), 'echo a | wc -l').out).toBe('1\n');
  });

  it('grep reads basic regular expressions by default and extended ones with -E', () => {
    expect(typeLines(calm(), 'echo "a|b" | grep "a|b"').out).toBe('a|b\n');
    expect(typeLines(calm(), 'echo xa | grep "q\\|x"').out).toBe('xa\n');
    expect(typeLines(calm(), 'echo xa | grep -E "q|x"').out).toBe('xa\n');
    expect(typeLines(calm(), 'echo xa | grep -v x').exit).toBe(1);
  });

  it("cat reads the bastion's own files and says when one does not exist", () => {
    expect(typeLines(calm(), 'cat /etc/resolv.conf').out).toContain('nameserver 10.96.0.10');
    expect(typeLines(calm(), 'cat /nope').out).toBe('cat: /nope: No such file or directory\n');
  });

  it('expands !! and !N from history and numbers history like bash', () => {
    const e = typeLines(calm(), 'echo hi', 'whoami', '!!', '!1', 'history');
    expect(e.all[2]!.out).toBe('whoami\noncall\n');
    expect(e.all[3]!.out).toBe('echo hi\nhi\n');
    expect(e.out).toBe('    1  echo hi\n    2  whoami\n    3  echo hi\n    4  history\n');
    expect(typeLines(calm(), '!42').out).toBe('bash: !42: event not found\n');
  });

  it('says what is wrong with a broken line instead of failing', () => {
    expect(typeLines(calm(), 'echo "open').out).toBe(
      'bash: unexpected EOF while looking for matching `"\'\n',
    );
    expect(typeLines(calm(), 'whoami && date').out).toBe(
      "bash: syntax error near unexpected token `&&'\n",
    );
  });

  it('prints the sim time in date(1) format', () => {
    expect(typeLines(calm(), 'date').out).toMatch(
      /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\n$/,
    );
  });

  it('clears the screen on clear', () => {
    expect(typeLines(calm(), 'clear').clear).toBe(true);
  });

  it('lists every command in help, each with a catalogue summary', () => {
    const e = typeLines(calm(), 'help');
    const listed = e.notes.filter((n) => n.key === 'console.help.line');
    expect(listed).toHaveLength(COMMANDS.length);
    for (const c of COMMANDS) expect(Object.keys(en)).toContain(c.summaryKey);
  });

  it('shows a synopsis for man, and a suggestion for a misspelt page', () => {
    expect(typeLines(calm(), 'man grep').out).toContain('SYNOPSIS\n       grep');
    const e = typeLines(calm(), 'man gerp');
    expect(e.out).toBe('No manual entry for gerp\n');
    expect(e.notes[0]?.params).toEqual({ suggestion: 'man grep' });
  });

  it('never throws on any line, and always answers with text', () => {
    const view = calm();
    const names = COMMANDS.map((c) => c.name);
    const line = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc
        .tuple(fc.constantFrom(...names), fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }))
        .map(([c, args]) => [c, ...args].join(' ')),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (ls) => {
        let state = initialConsoleState();
        for (const l of ls) {
          const e = execute(state, l, view);
          expect(typeof e.out).toBe('string');
          state = e.state;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('Ctrl-C sets the exit status to 130', () => {
    expect(interrupt(initialConsoleState()).lastExit).toBe(130);
  });
});

describe('tab completion', () => {
  it('completes a command name to a unique match', () => {
    const c = complete('whoa', { kind: 'shell' }, calm());
    expect(c).toMatchObject({ start: 0, candidates: ['whoami'], replacement: 'whoami ' });
  });

  it('lists every candidate and completes their common prefix', () => {
    const c = complete('h', { kind: 'shell' }, calm());
    expect(c.candidates).toEqual(['head', 'help', 'history', 'hostname']);
    expect(c.replacement).toBe('h');
  });

  it('completes flags of a filter after a pipe', () => {
    expect(complete('echo x | grep -', { kind: 'shell' }, calm()).candidates).toEqual([
      '-E',
      '-c',
      '-i',
      '-v',
    ]);
  });
});
