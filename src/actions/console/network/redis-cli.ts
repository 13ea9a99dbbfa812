/**
 * `redis-cli` (7.2) against the shop's cache: one-shot commands, `--latency`, and the interactive
 * prompt. Read commands answer from the sim's cache state; FLUSHALL is the `flushCache` lever.
 * Real Redis commands the console does not simulate say so in a note instead of pretending.
 */
import type { CommandContext, CommandResult, ConsoleMode, ConsoleView, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import type { PlayerAction } from '../../vocabulary.ts';
import { draw, secondOf } from './draw.ts';
import { infoText, INFO_SECTIONS, redisFigures } from './redis-info.ts';
import type { ResolverConf } from './resolver.ts';
import { bastionResolver, lookupHost } from './resolver.ts';
import { clusterServices } from './zone.ts';

const VERSION = '7.2.5';

/** Where this redis-cli runs: the bastion (no local Redis) or inside the Redis pod. */
export type RedisClientHost = { local: boolean; conf: ResolverConf };

/** Commands Redis has that this console does not simulate (answered with a note). */
const KNOWN_UNSIMULATED = new Set(
  (
    'GET SET DEL EXISTS EXPIRE TTL PTTL KEYS SCAN TYPE HGET HGETALL HSET HDEL MGET MSET INCR DECR ' +
    'LPUSH RPUSH LPOP RPOP LRANGE LLEN SADD SREM SMEMBERS SCARD ZADD ZRANGE ZCARD ZSCORE CLIENT ' +
    'MEMORY MONITOR SUBSCRIBE PSUBSCRIBE PUBLISH AUTH SELECT SAVE BGSAVE BGREWRITEAOF SHUTDOWN ' +
    'CLUSTER OBJECT DEBUG ROLE LASTSAVE SCRIPT EVAL EVALSHA ACL COMMAND LATENCY UNLINK RENAME ' +
    'STRLEN APPEND GETSET SETEX SETNX PERSIST RANDOMKEY WAIT FUNCTION REPLICAOF SLAVEOF SWAPDB ' +
    'MIGRATE DUMP RESTORE SORT WATCH MULTI EXEC DISCARD HELLO RESET'
  ).split(' '),
);

/** The configuration CONFIG GET answers from. */
function configTable(view: ConsoleView): [string, string][] {
  return [
    ['appendonly', 'no'],
    ['bind', '* -::*'],
    ['databases', '16'],
    ['hz', '10'],
    ['lazyfree-lazy-eviction', 'no'],
    ['maxclients', '10000'],
    ['maxmemory', String(view.state.config.redis.maxmemoryBytes)],
    ['maxmemory-clients', '0'],
    ['maxmemory-eviction-tenacity', '10'],
    ['maxmemory-policy', 'allkeys-lru'],
    ['maxmemory-samples', '5'],
    ['port', '6379'],
    ['save', ''],
    ['slowlog-log-slower-than', '10000'],
    ['slowlog-max-len', '128'],
    ['timeout', '0'],
  ];
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const c of glob)
    re += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${re}$`, 'i');
}

/** redis-cli's array printing: indexes right-aligned to the widest. */
function printArray(items: readonly string[]): string {
  if (items.length === 0) return '(empty array)\n';
  const w = String(items.length).length;
  return items.map((item, i) => `${String(i + 1).padStart(w)}) ${item}\n`).join('');
}

const quoted = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

type SlowEntry = { id: number; ago: number; us: number; args: string[]; addr: string };

/** The slow log: a batch read and someone's KEYS from the bastion, lost on a restart. */
function slowlog(view: ConsoleView): SlowEntry[] {
  if (redisFigures(view).restartedInRun) return [];
  return [
    {
      id: 14,
      ago: 3 * 3600 + 1240,
      us: 12405,
      args: ['MGET', 'product:1042', 'product:88121', '... (46 more arguments)'],
      addr: '10.244.2.9:41822',
    },
    {
      id: 13,
      ago: 2 * 86400 + 5021,
      us: 38211,
      args: ['KEYS', 'session:*'],
      addr: '10.0.1.20:51234',
    },
  ];
}

/** SLOWLOG GET's nested arrays, indented the way redis-cli prints them. */
function printSlowlog(view: ConsoleView, count: number): string {
  const shown = slowlog(view).slice(0, Math.max(0, count));
  if (shown.length === 0) return '(empty array)\n';
  const now = Math.floor((view.state.config.startEpochMs + view.state.t) / 1000);
  const w = String(shown.length).length;
  return (
    shown
      .map((e, i) => {
        const pad = ' '.repeat(w + 2);
        const args = e.args.map((a, k) => `${k === 0 ? '' : `${pad}   `}${k + 1}) ${quoted(a)}`);
        return [
          `${String(i + 1).padStart(w)}) 1) (integer) ${e.id}`,
          `${pad}2) (integer) ${now - e.ago}`,
          `${pad}3) (integer) ${e.us}`,
          `${pad}4) ${args.join('\n')}`,
          `${pad}5) ${quoted(e.addr)}`,
          `${pad}6) ""`,
        ].join('\n');
      })
      .join('\n') + '\n'
  );
}

/** Splits a line the way redis-cli does: spaces, double and single quotes. */
export function splitRedisArgs(line: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else if (c === quote) quote = null;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) out.push(cur);
  return out;
}

/**
 * The lever FLUSHALL pulls. `Variant<'flushCache'>` intersects with zod's `Record<string, never>`
 * for an empty object schema, which no literal satisfies, hence the cast.
 */
const FLUSH_CACHE: PlayerAction = { type: 'flushCache' };

type Reply = { out: string; actions: PlayerAction[]; notes: Note[]; error?: boolean };

const reply = (out: string, actions: PlayerAction[] = [], notes: Note[] = []): Reply => ({
  out,
  actions,
  notes,
});
const inspect = (subject: string): PlayerAction[] => [
  { type: 'inspect', target: 'redis-info', subject },
];

/** One Redis command, as the server would answer it. */
export function redisCommand(view: ConsoleView, argv: readonly string[]): Reply {
  const [name0, ...rest] = argv;
  if (name0 === undefined) return reply('');
  const name = name0.toUpperCase();
  const wrongArgs = (): Reply =>
    reply(`(error) ERR wrong number of arguments for '${name0.toLowerCase()}' command\n`);
  switch (name) {
    case 'PING':
      return reply(rest.length > 0 ? `${quoted(rest[0]!)}\n` : 'PONG\n');
    case 'ECHO':
      return rest.length === 1 ? reply(`${quoted(rest[0]!)}\n`) : wrongArgs();
    case 'INFO': {
      const text = infoText(view, rest[0]);
      return reply(text === null ? '\n' : `${text}\n`, inspect(rest[0]?.toLowerCase() ?? 'all'));
    }
    case 'DBSIZE':
      return reply(`(integer) ${redisFigures(view).keys}\n`, inspect('dbsize'));
    case 'TIME': {
      const ms = view.state.config.startEpochMs + view.state.t;
      return reply(
        printArray([
          quoted(String(Math.floor(ms / 1000))),
          quoted(String((ms % 1000) * 1000 + 417)),
        ]),
      );
    }
    case 'FLUSHALL':
    case 'FLUSHDB':
      return reply('OK\n', [FLUSH_CACHE]);
    case 'SLOWLOG': {
      const sub = rest[0]?.toUpperCase();
      if (sub === 'GET') {
        const n = rest[1] === undefined ? 10 : Number.parseInt(rest[1], 10);
        if (!Number.isFinite(n))
          return reply('(error) ERR value is out of range, must be positive\n');
        return reply(printSlowlog(view, n < 0 ? 128 : n), inspect('slowlog'));
      }
      if (sub === 'LEN') return reply(`(integer) ${slowlog(view).length}\n`, inspect('slowlog'));
      if (sub === 'RESET')
        return reply(
          '',
          [],
          [
            {
              key: 'console.note.unsupportedFlag',
              params: { command: 'redis-cli', flag: 'SLOWLOG RESET' },
            },
          ],
        );
      return reply(`(error) ERR unknown subcommand '${rest[0] ?? ''}'. Try SLOWLOG HELP.\n`);
    }
    case 'CONFIG': {
      const sub = rest[0]?.toUpperCase();
      if (sub === 'GET') {
        if (rest.length < 2)
          return reply("(error) ERR wrong number of arguments for 'config|get' command\n");
        const patterns = rest.slice(1).map(globToRegExp);
        const pairs = configTable(view).filter(([k]) => patterns.some((p) => p.test(k)));
        return reply(
          printArray(pairs.flatMap(([k, v]) => [quoted(k), quoted(v)])),
          inspect('config'),
        );
      }
      if (sub === 'SET' || sub === 'RESETSTAT' || sub === 'REWRITE')
        return reply(
          '',
          [],
          [
            {
              key: 'console.note.unsupportedFlag',
              params: { command: 'redis-cli', flag: `CONFIG ${sub}` },
            },
          ],
        );
      return reply(`(error) ERR unknown subcommand '${rest[0] ?? ''}'. Try CONFIG HELP.\n`);
    }
    default:
      if (KNOWN_UNSIMULATED.has(name))
        return reply(
          '',
          [],
          [{ key: 'console.note.unsupportedFlag', params: { command: 'redis-cli', flag: name } }],
        );
      return reply(
        `(error) ERR unknown command '${name0}', with args beginning with: ${rest.map((a) => `'${a}' `).join('')}\n`,
      );
  }
}

/** The redis-master Service's names and address. */
function isRedisHost(view: ConsoleView, host: string): boolean {
  const svc = clusterServices(view.state).find((x) => x.name === 'redis-master');
  const h = host.toLowerCase().replace(/\.$/, '');
  return (
    h === 'redis-master' ||
    h === 'redis-master.cache' ||
    h === 'redis-master.cache.svc' ||
    h === 'redis-master.cache.svc.cluster.local' ||
    (svc?.addresses.includes(h) ?? false)
  );
}

type Conn = { ok: true } | { ok: false; error: string; hint: boolean };

function connect(view: ConsoleView, where: RedisClientHost, host: string, port: number): Conn {
  const local = host === '127.0.0.1' || host === 'localhost';
  const refused = (h: string): Conn => ({
    ok: false,
    error: `Could not connect to Redis at ${h}:${port}: Connection refused`,
    hint: !where.local && local,
  });
  if (local) return where.local && port === 6379 ? { ok: true } : refused(host);
  if (host.includes('.') || host === 'redis-master') {
    if (host !== 'redis-master' && !/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
      const lookup = lookupHost(view.state, where.conf, host, 'redis-cli');
      if (
        lookup.status === 'timeout' ||
        lookup.status === 'servfail' ||
        lookup.status === 'refused'
      )
        return {
          ok: false,
          error: `Could not connect to Redis at ${host}:${port}: Temporary failure in name resolution`,
          hint: false,
        };
      if (lookup.status === 'nxdomain')
        return {
          ok: false,
          error: `Could not connect to Redis at ${host}:${port}: Name or service not known`,
          hint: false,
        };
    }
  }
  if (!isRedisHost(view, host)) {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes('.')) return refused(host);
    return {
      ok: false,
      error: `Could not connect to Redis at ${host}:${port}: Name or service not known`,
      hint: false,
    };
  }
  return port === 6379 ? { ok: true } : refused(host);
}

/** `redis-cli --latency`: one summary line (the real one keeps updating until Ctrl-C). */
function latencyLine(view: ConsoleView): string {
  const s = view.state;
  const f = redisFigures(view);
  const u = draw('redis-latency', secondOf(s.t));
  const evicting = s.redis.evictedKeys > 0 && f.usedMemory >= s.config.redis.maxmemoryBytes;
  const avg = 0.18 + f.opsPerSec / 4000 + (evicting ? 0.9 : 0) + 0.1 * u;
  const max = Math.max(1, Math.ceil(avg * 5 + 4 * u));
  return `min: 0, max: ${max}, avg: ${avg.toFixed(2)} (${1400 + Math.floor(60 * u)} samples)\n`;
}

export function runRedisCli(
  view: ConsoleView,
  args: readonly string[],
  where?: RedisClientHost,
): CommandResult {
  const here = where ?? { local: false, conf: bastionResolver(view.state) };
  let host = '127.0.0.1';
  let port = 6379;
  let latency = false;
  let repeat = 1;
  const notes: Note[] = [];
  let out = '';
  const command: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (command.length > 0) {
      command.push(a);
      continue;
    }
    const value = (): string | undefined => args[++i];
    const bad = (): CommandResult =>
      failure(`Unrecognized option or bad number of args for: '${a}'\n`, 1);
    switch (a) {
      case '-h': {
        const v = value();
        if (v === undefined) return bad();
        host = v;
        break;
      }
      case '-p': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) return bad();
        port = Number(v);
        break;
      }
      case '-a':
      case '--pass':
        if (value() === undefined) return bad();
        out +=
          "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";
        break;
      case '--user':
      case '-n':
      case '-i':
        if (value() === undefined) return bad();
        break;
      case '-r': {
        const v = value();
        if (v === undefined || !/^-?\d+$/.test(v)) return bad();
        repeat = Math.max(1, Math.min(20, Number(v)));
        break;
      }
      case '--raw':
      case '--no-raw':
      case '--no-auth-warning':
      case '-c':
      case '-e':
        break;
      case '--latency':
      case '--latency-history':
        latency = true;
        break;
      case '--stat':
      case '--bigkeys':
      case '--memkeys':
      case '--hotkeys':
      case '--latency-dist':
      case '--scan':
        notes.push({
          key: 'console.note.unsupportedFlag',
          params: { command: 'redis-cli', flag: a },
        });
        return result('', { notes });
      case '--version':
      case '-v':
        return result(`redis-cli ${VERSION}\n`);
      default:
        if (a.startsWith('-')) return bad();
        command.push(a);
    }
  }
  const conn = connect(view, here, host, port);
  if (!conn.ok) {
    const hint: Note[] = conn.hint
      ? [
          {
            key: 'console.note.didYouMean',
            params: { suggestion: `redis-cli -h redis-master ${args.join(' ')}`.trim() },
          },
        ]
      : [];
    if (command.length === 0 && !latency)
      return failure(`${out}${conn.error}\nnot connected> \n`, 1, hint);
    return failure(`${out}${conn.error}\n`, 1, hint);
  }
  if (latency) return result(out + latencyLine(view), { notes, actions: inspect('latency') });
  if (command.length === 0) return result(out, { notes, mode: { kind: 'redis' } });
  const actions: PlayerAction[] = [];
  for (let k = 0; k < repeat; k++) {
    const r = redisCommand(view, command);
    out += r.out;
    actions.push(...r.actions);
    notes.push(...r.notes);
  }
  return result(out, { notes, actions });
}

/** A line typed at the `redis-master:6379>` prompt. */
export function redisInteractive(
  line: string,
  _mode: ConsoleMode,
  ctx: CommandContext,
): CommandResult & { mode: ConsoleMode } {
  const stay: ConsoleMode = { kind: 'redis' };
  const argv = splitRedisArgs(line.trim());
  if (argv === null) return { ...result('Invalid argument(s)\n'), mode: stay };
  if (argv.length === 0) return { ...result(''), mode: stay };
  const cmd = argv[0]!.toLowerCase();
  if (cmd === 'quit' || cmd === 'exit') return { ...result(''), mode: { kind: 'shell' } };
  if (cmd === 'clear') return { ...result('', { clear: true }), mode: stay };
  if (cmd === 'help')
    return {
      ...result(
        `redis-cli ${VERSION}\nTo get help about Redis commands type:\n      "help @<group>" to get a list of commands in <group>\n      "help <command>" for help on <command>\n      "help <tab>" to get a list of possible help topics\n      "quit" to exit\n`,
      ),
      mode: stay,
    };
  const r = redisCommand(ctx.view, argv);
  return { ...result(r.out, { actions: r.actions, notes: r.notes }), mode: stay };
}

export const REDIS_WORDS: readonly string[] = [
  'INFO',
  ...INFO_SECTIONS,
  'PING',
  'DBSIZE',
  'SLOWLOG',
  'CONFIG',
  'FLUSHALL',
  '--latency',
  '-h',
  '-p',
];
