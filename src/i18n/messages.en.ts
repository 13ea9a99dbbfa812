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
  'console.output.label': 'Console output',
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
} as const;

/** Every message key the interface may ask for. */
export type MessageKey = keyof typeof en;

/**
 * The shape every other catalogue must have: all keys present (a missing or unknown key is a
 * compile error). A value of `undefined` marks a string that is not translated yet; `t()` then
 * shows the English text.
 */
export type Translations = { readonly [K in MessageKey]: string | undefined };
