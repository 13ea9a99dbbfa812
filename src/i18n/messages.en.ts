/**
 * The English message catalogue: the source of truth for every string the interface shows.
 *
 * Keys are dotted paths grouped by screen. Placeholders are written `{name}` and are filled in by
 * `t(key, { name: value })`. Add a key here first; the compiler then insists that every other
 * catalogue lists it too.
 */
export const en = {
  'app.title': 'On-Call Drill',
  'app.documentTitle': 'On-Call Drill — practise production incidents',

  'title.eyebrow': 'Incident response training',
  'title.tagline': 'Practise production incidents before they page you',
  'title.status': 'On call',

  'title.live.label': 'Live simulation',
  'title.live.caption': 'A live view of the simulated production system: {route} p99 latency',
  'title.live.firing': 'Firing',
  'title.live.ok': 'Healthy',
  'title.live.starting': 'Starting',
  'title.live.summary': 'p99 {p99} ms · pages above {threshold} ms (log scale)',
  'title.live.clock': '{clock} UTC',

  'title.modes.legend': 'Choose a mode',
  'title.mode.practice.name': 'Practice',
  'title.mode.practice.meta': 'Solo · self-paced',
  'title.mode.practice.description':
    'Work through incidents at your own pace, with hints when you get stuck.',
  'title.mode.interview.name': 'Interview drill',
  'title.mode.interview.meta': 'Solo · timed',
  'title.mode.interview.description':
    'A timed incident with no hints, debriefed the way an interviewer would.',
  'title.mode.classroom.name': 'Classroom',
  'title.mode.classroom.meta': 'Group · instructor-led',
  'title.mode.classroom.description':
    'An instructor runs the same incident for a whole room at once.',

  'title.start': 'Start',
  'title.start.unavailable': 'The incident screen arrives in the next release',

  'title.language.label': 'Language',
  'title.language.en': 'English',
  'title.language.zh-CN': '简体中文',

  'title.footer.build': 'Foundation build · v{version}',
  'title.footer.privacy': 'Runs entirely in your browser.',

  'console.panel.label': 'Console',
  'console.panel.title': 'ssh oncall@bastion',
  'console.panel.keys':
    'Tab completes · ↑/↓ history · Ctrl-C cancels · Ctrl-L clears · Esc, then Tab, leaves',
  'console.input.label': 'Console command',
  'console.note.label': 'Hint:',
  'console.copy': 'Copy output',
  'console.copied': 'Copied',
  'console.copySelected': 'Output selected: press Ctrl+C to copy',
  'console.exitStatus': 'exit {code}',
  'console.truncated':
    '… {count} more lines not shown. Copy the output, or narrow it with | grep, | head or | tail.',
  'console.trimmed': 'Older output was removed to keep the console fast.',
  'console.cleared': 'Console cleared',
  'console.internalError':
    'The console could not run this line (an error in the game, not in your command).',

  'console.cmd.kubectl':
    'Inspect and change the Kubernetes cluster (pods, deployments, logs, rollouts)',
  'console.cmd.psql': "PostgreSQL client; also PgBouncer's admin console (-p 6432 pgbouncer)",
  'console.cmd.dig': 'Query DNS servers (status, answers, TTLs, query time)',
  'console.cmd.nslookup': "Look up a host name the way the pods' resolver does",
  'console.cmd.curl': 'Make an HTTP request; -w shows the timing of each phase',
  'console.cmd.redis-cli': 'Redis client: INFO sections, PING, SLOWLOG',
  'console.cmd.openssl': 'TLS client: certificate subject, issuer and dates',
  'console.cmd.top': 'Processes and load of a host',
  'console.cmd.free': 'Memory of a host',
  'console.cmd.df': "Disk space of a host's file systems",
  'console.cmd.ss': 'Socket statistics of a host',
  'console.cmd.grep': 'Keep the lines that match a pattern',
  'console.cmd.head': 'Keep the first lines',
  'console.cmd.tail': 'Keep the last lines',
  'console.cmd.wc': 'Count lines, words and characters',
  'console.cmd.sort': 'Sort lines',
  'console.cmd.less': 'Show piped output',
  'console.cmd.more': 'Show piped output',
  'console.cmd.cat': 'Show piped output',
  'console.cmd.help': 'List the commands of this console',
  'console.cmd.man': 'Show how to use a command',
  'console.cmd.history': 'List the commands typed so far',
  'console.cmd.clear': 'Clear the screen (Ctrl-L)',
  'console.cmd.echo': 'Print text',
  'console.cmd.date': 'Print the current date and time (UTC)',
  'console.cmd.whoami': 'Print your user name',
  'console.cmd.hostname': "Print this host's name",
  'console.cmd.pwd': 'Print the working directory',
  'console.cmd.exit': 'Leave the shell (not while on call)',
  'console.help.intro':
    'Commands on this bastion (man COMMAND for details; Tab completes, ↑/↓ recall history):',
  'console.help.line': '  {command}{summary}',
  'console.help.outro':
    'Pipes work: kubectl get pods | grep api. psql and redis-cli open interactive sessions; \\q or quit leaves them.',
  'console.man.description': 'DESCRIPTION: {summary}',
  'console.note.didYouMean': 'Did you mean: {suggestion}',
  'console.note.tryHelp': 'Type help to list the commands this console knows.',
  'console.note.oneCommand': 'This console runs one command (or one pipeline) per line.',
  'console.note.stayOnCall':
    'You are on call: the shell stays open until the incident is resolved.',
  'console.note.sqlNotUnderstood':
    'The simulated database does not understand that statement. It answers the queries SREs run in incidents: pg_stat_activity, pg_stat_statements, pg_locks, EXPLAIN, SHOW, pg_stat_replication, pg_replication_slots and the admin functions. Type \\? for examples.',
  'console.note.takesTime': 'This change takes effect over time: {detail}',
  'console.note.unsupportedFlag': "This console's {command} does not simulate {flag}.",

  'reply.from.secondary': 'Sam (secondary on-call)',
  'reply.from.dba': 'Mei (DBA on-call)',
  'reply.from.platform': 'Platform on-call',
  'reply.from.network': 'Network on-call',
  'reply.from.payments': 'Payment provider support',
  'reply.from.manager': 'Dana (engineering manager)',
  'reply.secondary.summary':
    'Online and looking. From the dashboards: API p99 is {p99} ms, {errors}% of API requests fail, {firing} alerts firing. Tell me which part you want me to take.',
  'reply.dba.primaryDown':
    'The primary is not accepting connections right now: it is restarting or recovering. Nothing else to see until it is back.',
  'reply.dba.idleInTx':
    'I see {count} backends idle in transaction on the primary, out of max_connections {max}. They hold connections without doing anything; something is not committing or rolling back.',
  'reply.dba.locks':
    '{waiters} sessions are waiting on locks on the primary. Someone holds a lock that blocks them; pg_locks will show who.',
  'reply.dba.slowQuery':
    'The primary is busy with one statement: {query}… averages {mean} ms per call. The rest look normal.',
  'reply.dba.cpu': "The primary's CPU is at {cpu}%. No single session stands out; it is load.",
  'reply.dba.healthy':
    'The database looks healthy from here: {active} active backends of {max}, no lock waits, no slow statements.',
  'reply.platform.crashLoop':
    '{count} {deployment} pods are in CrashLoopBackOff. The cluster itself is fine; it is the containers that exit.',
  'reply.platform.notReady':
    'Only {ready} of {desired} API pods are ready. Nodes are fine; the pods fail their readiness checks.',
  'reply.platform.coredns':
    'CoreDNS pods are at {cpu}% CPU. They are the hottest thing in kube-system right now.',
  'reply.platform.healthy':
    'The cluster looks healthy: nodes fine, {pods} pods scheduled, nothing crash-looping.',
  'reply.network.dnsOverload':
    'Cluster DNS is overloaded: {qps} queries/s, CoreDNS at {util}% of capacity, {dropped}% of queries dropped. Who is asking that much?',
  'reply.network.upstream':
    'The upstream resolver fails {servfail}% of forwarded queries with SERVFAIL. Cluster names resolve; external names do not.',
  'reply.network.tls':
    'The edge is logging {errors} TLS handshake errors per second. Check the certificate.',
  'reply.network.healthy':
    'Network and DNS look normal from here: {qps} DNS queries/s, nothing dropped, the edge is clean.',
  'reply.payments.degraded':
    'We see elevated latency on our side: p99 {p99} ms and {errors}% errors for your account. We are investigating.',
  'reply.payments.healthy':
    'Our API is operating normally: p99 {p99} ms for your account. Nothing on our status page.',
  'reply.manager.askImpact':
    'Thanks for the heads-up. What is the customer impact, and when is the next update? Please get something on the status page.',
  'reply.manager.thanks':
    'Thanks, I saw the status page update. Keep the updates coming; shout if you need more people.',
} as const;

/** Every message key the interface may ask for. */
export type MessageKey = keyof typeof en;

/**
 * The shape every other catalogue must have: all keys present (a missing or unknown key is a
 * compile error). A value of `undefined` marks a string that is not translated yet; `t()` then
 * shows the English text.
 */
export type Translations = { readonly [K in MessageKey]: string | undefined };
