/**
 * The network tools of the console: `dig`, `nslookup`, `curl`, `openssl` and `redis-cli`, run from
 * the bastion. Each answers from the sim's state at this moment; `runInContainer` reuses them with
 * a pod's resolver.
 */
import type { CommandSpec, ConsoleView } from '../types.ts';
import { runCurl } from './curl.ts';
import { runDig } from './dig.ts';
import { knownUrls } from './http.ts';
import { runNslookup } from './nslookup.ts';
import { runOpenssl } from './openssl.ts';
import { REDIS_WORDS, redisInteractive, runRedisCli } from './redis-cli.ts';
import { clusterHostNames, publicHostNames, RR_TYPES } from './zone.ts';

export { runCurl } from './curl.ts';
export { runDig } from './dig.ts';
export { runNslookup } from './nslookup.ts';
export { runOpenssl } from './openssl.ts';
export { runRedisCli } from './redis-cli.ts';
export { bastionResolver, podResolver } from './resolver.ts';
export type { ResolverConf } from './resolver.ts';
export { clusterServices, serviceFqdn } from './zone.ts';
export type { ClusterService } from './zone.ts';

const hostNames = (view: ConsoleView): string[] => [
  ...clusterHostNames(view.state),
  ...publicHostNames(view.state),
];

const DIG_FLAGS = [
  '+short',
  '+search',
  '+tries=1',
  '+time=2',
  '+retry=0',
  '+noall',
  '+answer',
  '+stats',
  '+tcp',
  '@10.96.0.10',
];

const CURL_FLAGS = [
  '-s',
  '-S',
  '-v',
  '-o',
  '/dev/null',
  '-w',
  '-I',
  '-i',
  '-k',
  '-L',
  '-f',
  '-m',
  '-H',
  '-X',
  '--connect-timeout',
  '--max-time',
];

export const NETWORK_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'dig',
    usage: [
      'dig [@server] name [A|AAAA|SRV|PTR|SOA] [+short] [+search] [+tries=N] [+time=N]',
      'dig -x ADDRESS',
    ],
    summaryKey: 'console.cmd.dig',
    complete: (_words, view) => [...DIG_FLAGS, ...RR_TYPES, ...hostNames(view)],
    run: (args, ctx) => runDig(ctx.view.state, args),
  },
  {
    name: 'nslookup',
    usage: ['nslookup [-type=A] name [server]'],
    summaryKey: 'console.cmd.nslookup',
    complete: (_words, view) => ['-type=A', '-type=AAAA', ...hostNames(view)],
    run: (args, ctx) => runNslookup(ctx.view.state, args),
  },
  {
    name: 'curl',
    usage: [
      'curl [-s] [-v] [-o /dev/null] [-w FORMAT] [-I] [-m SECS] [-H HEADER] URL',
      "curl -s -o /dev/null -w '%{http_code} %{time_namelookup} %{time_total}\\n' URL",
    ],
    summaryKey: 'console.cmd.curl',
    complete: (words, view) =>
      words[words.length - 1] === '-w'
        ? ["'%{http_code} %{time_total}\\n'"]
        : [...CURL_FLAGS, ...knownUrls(view.state)],
    run: (args, ctx) => runCurl(ctx.view, args),
  },
  {
    name: 'openssl',
    usage: [
      'openssl s_client -connect HOST:443 [-servername HOST] [-showcerts]',
      'openssl x509 -noout [-subject] [-issuer] [-dates] [-enddate] [-checkend SECS] [-text]',
    ],
    summaryKey: 'console.cmd.openssl',
    complete: (words, view) => {
      if (words.length === 0) return ['s_client', 'x509', 'version'];
      if (words[0] === 's_client')
        return words[words.length - 1] === '-connect'
          ? [`${view.state.config.domain}:443`, `${view.state.config.payments.host}:443`]
          : ['-connect', '-servername', '-showcerts'];
      if (words[0] === 'x509')
        return [
          '-noout',
          '-subject',
          '-issuer',
          '-dates',
          '-enddate',
          '-startdate',
          '-serial',
          '-checkend',
          '-text',
        ];
      return [];
    },
    run: (args, ctx) => runOpenssl(ctx.view, args, ctx),
  },
  {
    name: 'redis-cli',
    usage: [
      'redis-cli -h redis-master [-p 6379] [INFO [section] | PING | DBSIZE | SLOWLOG GET N | CONFIG GET pattern]',
      'redis-cli -h redis-master --latency',
      'redis-cli -h redis-master          (interactive; quit to leave)',
    ],
    summaryKey: 'console.cmd.redis-cli',
    complete: (words) =>
      words[words.length - 1] === '-h'
        ? ['redis-master', 'redis-master.cache.svc.cluster.local']
        : REDIS_WORDS,
    run: (args, ctx) => runRedisCli(ctx.view, args),
    interactive: redisInteractive,
  },
];
