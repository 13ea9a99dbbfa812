/**
 * The English message catalogue: the source of truth for every string the interface shows.
 *
 * Keys are dotted paths grouped by screen. Placeholders are written `{name}` and are filled in by
 * `t(key, { name: value })`. Add a key here first; the compiler then insists that every other
 * catalogue lists it too.
 */
import { channelEn } from './parts/channel.en.ts';
import { debriefEn } from './parts/debrief.en.ts';
import { documentEn } from './parts/document.en.ts';
import { historyEn } from './parts/history.en.ts';
import { interviewEn } from './parts/interview.en.ts';
import { importEn } from './parts/import.en.ts';
import { replayEn } from './parts/replay.en.ts';
import { injectsEn } from './parts/injects.en.ts';
import { modesEn } from './parts/modes.en.ts';
import { facilitatorEn } from './parts/facilitator.en.ts';
import { postmortemEn } from './parts/postmortem.en.ts';
import { dashboardsEn } from './parts/dashboards.en.ts';
import { logsEn } from './parts/logs.en.ts';
import { pagerEn } from './parts/pager.en.ts';
import { runbooksEn } from './parts/runbooks.en.ts';
import { topologyEn } from './parts/topology.en.ts';

export const en = {
  ...dashboardsEn,
  ...topologyEn,
  ...pagerEn,
  ...runbooksEn,
  ...channelEn,
  ...logsEn,
  ...postmortemEn,
  ...documentEn,
  ...debriefEn,
  ...historyEn,
  ...interviewEn,
  ...importEn,
  ...replayEn,
  ...injectsEn,
  ...modesEn,
  ...facilitatorEn,

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
  'title.start.ready.practice': 'Next: choose an incident and read its briefing.',
  'title.start.ready.interview':
    'Next: choose an incident, see the architecture and ask your clarifying questions.',
  'title.start.ready.classroom':
    'Next: choose an incident, then open the facilitator console and the projector view.',

  'title.language.label': 'Language',
  'title.language.en': 'English',
  'title.language.zh-CN': '简体中文',

  'title.footer.build': 'Foundation build · v{version}',
  'title.footer.privacy': 'Runs entirely in your browser.',

  'chooser.eyebrow': 'Practice',
  'chooser.title': 'Choose an incident',
  'chooser.intro':
    'Each incident plays out on a simulated production system. Read the briefing, then take the pager.',
  'chooser.back': 'Back to the title screen',
  'chooser.list': 'Incidents',
  'chooser.loading': 'Loading incidents…',
  'chooser.error': 'The incidents could not be loaded. Reload the page to try again.',
  'chooser.minutes': 'About {minutes} min',
  'chooser.open': 'Read the briefing',
  'chooser.opening': 'Opening…',
  'chooser.search': 'Search',
  'chooser.searchPlaceholder': 'Title, symptom or tag',
  'chooser.filter.label': 'Difficulty',
  'chooser.filter.all': 'All',
  'chooser.filter.intro': 'Intro',
  'chooser.filter.intermediate': 'Intermediate',
  'chooser.filter.advanced': 'Advanced',
  'chooser.count': '{shown} of {total} incidents',
  'chooser.noMatch': 'No incident matches. Clear the search or pick another difficulty.',
  'chooser.history.none': 'Not played yet',
  'chooser.history.resolved': 'Resolved {resolved} of {played}',
  'chooser.history.best': 'best {time}',
  'chooser.history.unreadable':
    'Your saved attempts could not be read ({detail}). They were set aside as "{key}" and a new history starts now.',
  'chooser.difficulty.intro': 'Intro',
  'chooser.difficulty.intermediate': 'Intermediate',
  'chooser.difficulty.advanced': 'Advanced',

  'incident.exit': 'Exit',
  'incident.exit.label': 'Exit to the title screen',
  'incident.exit.confirm': 'Leave this incident? Your progress is not saved.',
  'incident.exit.leave': 'Leave',
  'incident.exit.stay': 'Stay',
  'incident.status.briefing': 'Briefing',
  'incident.status.live': 'Live',
  'incident.status.paused': 'Paused',
  'incident.clock.label': 'Simulated time',
  'incident.clock.utc': '{clock} UTC',
  'incident.clock.elapsed': 'T+{elapsed}',
  'incident.clock.elapsedLabel': 'Time since the incident began',
  'incident.speed.label': 'Simulation speed',
  'incident.speed.pause': 'Pause',
  'incident.speed.times': '{speed}×',
  'incident.speed.timesLabel': '{speed} times real time',
  'incident.outcome.resolved': 'Resolved',
  'incident.outcome.failed': 'Failed',
  'incident.outcome.timedOut': 'Timed out',
  'incident.feed.debriefNext':
    'Open the debrief from the header: your scores, the expert path and the postmortem.',
  'incident.debrief.open': 'Open the debrief',

  'incident.briefing.heading': 'Briefing',
  'incident.briefing.role': 'Your role',
  'incident.briefing.situation': 'The situation',
  'incident.briefing.normal': 'What normal looks like',
  'incident.briefing.slos': 'Service level objectives',
  'incident.briefing.sloAvailability':
    'Availability: {target} of requests succeed, over {days} days',
  'incident.briefing.sloLatency':
    'Latency: {target} of requests answer within {ms} ms, over {days} days',
  'incident.briefing.sloBudget':
    'Error budget: {share} of requests, about {minutes} minutes of full outage',
  'incident.briefing.system': 'The system',
  'panel.pagerCount': '{count} unacknowledged',
  'arch.label':
    'Architecture: users reach the CDN, then the load balancer, which routes pages to the web tier and API calls to the API; the API uses PgBouncer in front of PostgreSQL (with a streaming replica), Redis, cluster DNS and an external payment provider.',
  'arch.users': 'Users',
  'arch.users.detail': 'browsers, mobile app',
  'arch.cdn': 'CDN',
  'arch.cdn.detail': 'TLS, static cache',
  'arch.lb': 'Load balancer',
  'arch.lb.detail': 'ingress-nginx',
  'arch.web': 'web',
  'arch.web.detail': 'Next.js',
  'arch.api': 'api',
  'arch.api.detail': 'Go, DB pool per pod',
  'arch.pgbouncer': 'PgBouncer',
  'arch.pgbouncer.detail': 'connection pooler',
  'arch.postgres': 'PostgreSQL',
  'arch.postgres.detail': 'primary (writes)',
  'arch.replica': 'Replica',
  'arch.replica.detail': 'streaming, reads',
  'arch.redis': 'Redis',
  'arch.redis.detail': 'cache, sessions',
  'arch.coredns': 'CoreDNS',
  'arch.coredns.detail': 'cluster DNS',
  'arch.payments': 'Payments',
  'arch.payments.detail': 'external provider',
  'incident.briefing.start': 'Take the pager',
  'incident.briefing.note':
    'The clock starts when you take the pager. You can pause or speed it up at any time.',

  'incident.feed.heading': 'Incident feed',
  'incident.feed.empty':
    'Quiet so far. Alerts, messages and replies appear here as they happen; speed up the clock while you wait, or look around in the console.',
  'incident.feed.jump': 'Jump to the latest',
  'incident.feed.time': 'T+{elapsed}',
  'incident.feed.alert': 'Alert firing',
  'incident.feed.alertResolved': 'Alert resolved',
  'incident.feed.message': 'Message',
  'incident.feed.reply': 'Reply to your page',
  'incident.feed.hint': 'Hint available',
  'incident.feed.hintLevel': 'Hint {level}',
  'incident.feed.hintShow': 'Show hint',
  'incident.feed.hintPrompt': 'Stuck? Reveal it when you want a nudge.',
  'incident.feed.pager': 'Pager',
  'incident.feed.pager.renotified': '{alert} is still unacknowledged: notification {count}',
  'incident.feed.pager.acknowledged': 'You acknowledged {alert}',
  'incident.feed.pager.escalated': 'You escalated {alert} to {target}',
  'incident.feed.pager.resolved': 'You resolved the page for {alert}',
  'incident.feed.milestone': 'Milestone',
  'incident.feed.end': 'Incident over',
  'incident.feed.announce.alert': 'Alert firing: {name}, severity {severity}. {summary}',
  'incident.feed.announce.alertResolved': 'Alert resolved: {name}',
  'incident.feed.announce.message': '{from}: {text}',
  'incident.feed.announce.hint': 'A hint is available.',
  'incident.feed.announce.milestone': 'Milestone: {milestone}',
  'incident.feed.announce.end': 'Incident over: {outcome}. {reason}',
  'incident.severity.page': 'Page',
  'incident.severity.warning': 'Warning',
  'incident.severity.ticket': 'Ticket',
  'incident.role.teammate': 'Teammate',
  'incident.role.stakeholder': 'Stakeholder',
  'incident.role.manager': 'Manager',
  'incident.role.support': 'Support',
  'incident.role.otherTeam': 'Other team',
  'incident.milestone.detected': 'Incident detected: customers are affected',
  'incident.milestone.diagnosed': 'Diagnosis: you have seen the decisive evidence',
  'incident.milestone.mitigated': 'Mitigation under way',
  'incident.milestone.resolved': 'Service recovered',
  'incident.end.resolved': 'The incident is resolved.',
  'incident.end.failed': 'The incident was not resolved.',
  'incident.end.timedOut': 'Time ran out before the service recovered.',
  'incident.declared.label': 'Declared severity',

  'incident.feed.own': 'You',
  'incident.feed.own.declared': 'You declared {severity}: {title}',
  'incident.feed.own.paged': 'You paged {target}',
  'incident.feed.own.update': '{audience} update ({status})',
  'incident.feed.own.hypothesis': 'Hypothesis',
  'incident.feed.announce.own': 'You: {text}',

  'incident.respond.heading': 'Respond',
  'incident.respond.tabs': 'Ways to respond',
  'incident.respond.tab.declareIncident': 'Declare',
  'incident.respond.tab.page': 'Page',
  'incident.respond.tab.postUpdate': 'Update',
  'incident.respond.tab.hypothesis': 'Hypothesis',
  'incident.respond.severity': 'Severity',
  'incident.respond.severity.SEV1': 'SEV1 · critical',
  'incident.respond.severity.SEV2': 'SEV2 · major',
  'incident.respond.severity.SEV3': 'SEV3 · minor',
  'incident.respond.severity.SEV4': 'SEV4 · low',
  'incident.respond.title': 'Title',
  'incident.respond.title.placeholder': 'What is broken, for whom',
  'incident.respond.declare': 'Declare incident',
  'incident.respond.target': 'Who',
  'incident.respond.message': 'Message (optional)',
  'incident.respond.message.placeholder': 'What do you need from them?',
  'incident.respond.page': 'Page',
  'incident.respond.audience': 'Audience',
  'incident.respond.audience.internal': 'Internal',
  'incident.respond.audience.statusPage': 'Status page',
  'incident.respond.status': 'Status',
  'incident.respond.status.investigating': 'Investigating',
  'incident.respond.status.identified': 'Identified',
  'incident.respond.status.monitoring': 'Monitoring',
  'incident.respond.status.resolved': 'Resolved',
  'incident.respond.update': 'Update',
  'incident.respond.update.placeholder': 'What is happening, what you are doing, when next',
  'incident.respond.post': 'Post update',
  'incident.respond.hypothesis': 'Hypothesis',
  'incident.respond.hypothesis.placeholder': 'What do you think is going on, and why?',
  'incident.respond.note': 'Note hypothesis',
  'incident.respond.keys': 'Ctrl+Enter sends',
  'incident.respond.empty': 'Write something first.',
  'incident.respond.refused': 'Not sent:',
  'incident.workbench.label': 'Tools',
  'incident.workbench.console': 'Console',
  'incident.workbench.logs': 'Logs',
  'incident.workbench.runbooks': 'Runbooks',
  'panel.maximise': 'Maximise {panel}',
  'panel.restore': 'Restore {panel}',
  'panel.maximiseHint': 'Maximise (Esc restores)',
  'panel.restoreHint': 'Restore (Esc)',
  'panel.pager': 'Pager',
  'panel.channel': 'Incident channel',
  'panel.topology': 'System map',
  'panel.dashboards': 'Dashboards',
  'panel.tools': 'Tools',
  'panel.loading': 'Loading…',
  'panel.failed': 'This panel could not load: {detail}',
  'split.sideMain': 'Resize the channel column',
  'split.overviewTools': 'Resize the overview and the tools',
  'split.mapDashboards': 'Resize the map and the dashboards',

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
  'reply.manager.askUpdate':
    'It has been {minutes} minutes since the last update. Where are we? Even "still investigating, next update in 20" helps support.',
  'reply.manager.askFirstUpdate':
    'It has been {minutes} minutes since you declared. Support and the execs are asking: can you post a first update, even a short one?',
  'reply.manager.askDeclare':
    'The pager has been going for {minutes} minutes. Is this an incident? If customers are affected, please declare it so we can get people moving.',
  'reply.manager.thanks':
    'Thanks, I saw the status page update. Keep the updates coming; shout if you need more people.',
  'logs.panel.label': 'Log explorer',
  'logs.query.label': 'Log query',
  'logs.query.help':
    'LogQL-like: labels service, level, pod with = != =~ !~, then |= != |~ !~ "text". Enter applies.',
  'logs.filter.service': 'Service',
  'logs.filter.allServices': 'All services',
  'logs.filter.level': 'Level',
  'logs.filter.allLevels': 'All levels',
  'logs.filter.levelAtLeast': '{level} and above',
  'logs.list.label': 'Log lines',
  'logs.count': 'Showing {shown} of {total} lines',
  'logs.empty': 'No lines match this query.',
  'logs.searching': 'Searching…',
  'logs.tail.following': 'Live tail',
  'logs.tail.paused': 'Tail paused',
  'logs.error.at': 'Column {column}: {message}',
  'logs.error.unterminatedString': 'this string has no closing quote',
  'logs.error.expectedString': 'expected a quoted string, like "timeout"',
  'logs.error.expectedLabel': 'expected a label name (service, level or pod)',
  'logs.error.expectedOperator': 'expected =, !=, =~ or !~ after the label',
  'logs.error.expectedCommaOrBrace': 'expected , or } in the label selector',
  'logs.error.expectedFilter': 'expected a line filter: |= != |~ or !~ followed by a quoted string',
  'logs.error.invalidRegex': 'invalid regular expression ({detail})',
  'logs.error.unknownLabel': 'unknown label "{detail}": use service, level or pod',
} as const;

/** Every message key the interface may ask for. */
export type MessageKey = keyof typeof en;

/**
 * The shape every other catalogue must have: all keys present (a missing or unknown key is a
 * compile error). A value of `undefined` marks a string that is not translated yet; `t()` then
 * shows the English text.
 */
export type Translations = { readonly [K in MessageKey]: string | undefined };
