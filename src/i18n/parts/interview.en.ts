/** English messages of the interview drill: questions, rubric, intro and feedback screens. */
export const interviewEn = {
  // The clarifying questions and the interviewer's answers (src/interview/questions.ts).
  'interview.question.architecture': 'What does the system look like?',
  'interview.question.capacity': 'What are the capacity limits: pods, pools, connections?',
  'interview.question.traffic':
    'How much traffic is normal right now, and what does normal look like?',
  'interview.question.slos': 'What are the SLOs, and how much error budget is left?',
  'interview.question.changes': 'What changed recently, and how do releases ship?',
  'interview.question.dependencies': 'What does the API depend on?',
  'interview.question.oncall': 'Who else is on call, and who can I page?',
  'interview.question.tools': 'What tools and access do I have?',
  'interview.question.communication': 'How do we communicate during an incident?',

  'interview.answer.architecture.path':
    'Users reach {domain} through a CDN, then an ingress-nginx load balancer, which sends page views to the web tier and API calls to the API.',
  'interview.answer.architecture.web': 'web: Next.js, {pods} pods, version {version}.',
  'interview.answer.architecture.api':
    'api: Go on Kubernetes, {pods} pods, version {version}; each pod keeps a database pool of up to {pool} connections.',
  'interview.answer.architecture.database':
    'Database: PostgreSQL {version}, a primary and one streaming replica, behind PgBouncer in {mode} pooling mode.',
  'interview.answer.architecture.others':
    'Also: Redis as cache and session store, cluster DNS ({coredns} CoreDNS pods), and the payment provider {payments} outside the cluster.',
  'interview.answer.capacity.pods':
    '{pods} API pods run now; the autoscaler may go up to {max}, and the node pool has room for {spare} more.',
  'interview.answer.capacity.pod':
    'Each API pod: {cpu} millicores of CPU, {memory} MiB of memory, up to {concurrency} requests at once; a request times out after {timeout} s.',
  'interview.answer.capacity.pools':
    'Connections: {pods} pods × {pool} = up to {clients} client connections into PgBouncer (max_client_conn {maxClient}), which opens up to {poolSize} server connections (default_pool_size).',
  'interview.answer.capacity.postgres':
    'PostgreSQL: max_connections {max}, {reserved} of them reserved for superusers; {cores} cores.',
  'interview.answer.capacity.dns': 'CoreDNS: {pods} pods, about {qps} queries per second each.',
  'interview.answer.traffic.peak':
    'At the daily peak ({hour}:00 UTC) the site takes about {pages} page views per second and the API about {api} requests per second.',
  'interview.answer.traffic.routes':
    'API routes at peak: products {products}/s, orders {orders}/s, search {search}/s, checkout {checkout}/s.',
  'interview.answer.traffic.now':
    'It is {clock} UTC; the quietest hour of the day carries about {trough} of peak traffic.',
  'interview.answer.traffic.cache': 'Redis answers about {hit} of product reads from its cache.',
  'interview.answer.traffic.normal': 'From the team: {normal}',
  'interview.answer.slos.availability':
    'Availability: {target} of requests succeed, over a rolling {days} days.',
  'interview.answer.slos.latency': 'Latency: {target} of requests answer within {ms} ms.',
  'interview.answer.slos.budget':
    'Error budget: {share} of requests, about {minutes} minutes of full outage in {days} days.',
  'interview.answer.slos.spent':
    'This period had already spent {spent} of the budget before today.',
  'interview.answer.slos.paging': 'Alerts that page you: {alerts}. Others are warnings or tickets.',
  'interview.answer.changes.versions':
    'The API runs {api} (the release before was {previous}); web runs {web}.',
  'interview.answer.changes.process': 'From the team: {situation}',
  'interview.answer.changes.rollback':
    'kubectl rollout history lists every revision with its change cause; a new API pod takes about {startup} s to start.',
  'interview.answer.dependencies.payments':
    'Payments: {host}, usually about {latency} ms per call; the API gives up after {timeout} s.',
  'interview.answer.dependencies.redis':
    'Redis: {max} GiB of memory, with a working set of about {working} GiB.',
  'interview.answer.dependencies.dns':
    'DNS: pods resolve names through cluster DNS at {ip} ({pods} CoreDNS pods).',
  'interview.answer.dependencies.replica':
    'Routes reading from the replica: {replica}. Routes using the primary: {primary}.',
  'interview.answer.oncall.you': 'You are the primary on-call for the API. You can page:',
  'interview.answer.oncall.target': '{who}: {covers} Answers in about {minutes} min.',
  'interview.answer.oncall.covers.secondary':
    'a second pair of hands; reads the dashboards for you.',
  'interview.answer.oncall.covers.dba': 'PostgreSQL and PgBouncer.',
  'interview.answer.oncall.covers.platform': 'the Kubernetes cluster and its nodes.',
  'interview.answer.oncall.covers.network': 'DNS, the load balancer and the edge.',
  'interview.answer.oncall.covers.payments': 'the provider’s API, as they see your account.',
  'interview.answer.oncall.covers.manager': 'stakeholders, customers’ questions and more people.',
  'interview.answer.tools.bastion': 'You have a shell on the bastion (ssh oncall@bastion) with:',
  'interview.answer.tools.command': '{command}: {summary}',
  'interview.answer.tools.panels':
    'Dashboards, a log explorer, a live map of the system and the team’s runbooks.',
  'interview.answer.tools.access':
    'Your access can change production: kubectl and psql act on the live system, so every change counts.',
  'interview.answer.communication.channel':
    'The incident channel: declare an incident ({severities}), page people, assign roles and post updates.',
  'interview.answer.communication.roles':
    'There are {count} incident roles: commander, operations, communications and scribe.',
  'interview.answer.communication.statusPage':
    'Customers read the public status page: post to it when they are affected.',
  'interview.answer.communication.cadence':
    'While customers are affected, the team expects an update at least every {minutes} minutes.',

  // The rubric: a sentence per criterion and rating, then each finding.
  'interview.rubric.structuredApproach.strong':
    'You observed, formed a hypothesis, tested it and acted, in that order, and showed your thinking.',
  'interview.rubric.structuredApproach.mixed':
    'Parts of the method were there; some steps were skipped or came in the wrong order.',
  'interview.rubric.structuredApproach.weak':
    'Little method showed: changes or guesses without the steps that justify them.',
  'interview.rubric.structuredApproach.notShown':
    'You neither looked at the system, formed a hypothesis nor acted.',
  'interview.rubric.safety.strong':
    'Every change rested on evidence, nothing made it worse, and users came first.',
  'interview.rubric.safety.mixed':
    'Mostly careful, with a change that lacked evidence, a wrong fix, or mitigation that waited on the root cause.',
  'interview.rubric.safety.weak':
    'A change made things worse, or a restart or failover went ahead without evidence.',
  'interview.rubric.safety.notShown': 'You made no change, so there was no action to judge.',
  'interview.rubric.communication.strong':
    'Declared promptly, kept people updated at a steady cadence and told customers.',
  'interview.rubric.communication.mixed':
    'You communicated, with gaps: late, too quiet, or customers left uninformed.',
  'interview.rubric.communication.weak':
    'Users were hurt, but the incident was not declared or barely communicated.',
  'interview.rubric.communication.notShown':
    'Nothing needed telling before the end, and you said nothing.',
  'interview.rubric.outcome.strong':
    'Resolved in time, about as fast as the expert and without burning extra budget.',
  'interview.rubric.outcome.mixed':
    'Users got their service back, but slower, costlier, or short of a resolution.',
  'interview.rubric.outcome.weak': 'Users were still affected when the interview ended.',
  'interview.rubric.outcome.notShown': 'The interview ended before the incident began.',

  'interview.finding.observedFirst.ok':
    'Looked at the system before the first change (commands before it: {count}).',
  'interview.finding.observedFirst.noLever': 'Looked at the system (commands: {count}).',
  'interview.finding.observedFirst.changedFirst':
    'Changed the system before looking at it: {lever}.',
  'interview.finding.observedFirst.none': 'Never looked at the system.',
  'interview.finding.hypothesisFirst.ok':
    'Wrote a hypothesis before the first change (hypotheses: {count}).',
  'interview.finding.hypothesisFirst.late':
    'Wrote a hypothesis only after the first change ({lever}).',
  'interview.finding.hypothesisFirst.none': 'Recorded no hypothesis.',
  'interview.finding.tested.ok': 'Tested a hypothesis with a look before acting on it.',
  'interview.finding.tested.nothing': 'No hypothesis, so nothing was tested.',
  'interview.finding.tested.actedUnchecked': 'Acted on a hypothesis without checking it first.',
  'interview.finding.tested.never': 'Never checked the hypothesis against the system.',
  'interview.finding.acted.ok': 'Made changes (levers pulled: {count}); the first: {lever}.',
  'interview.finding.acted.none': 'Made no change to the system.',
  'interview.finding.askedQuestions.ok': 'Asked clarifying questions before the page ({count}).',
  'interview.finding.askedQuestions.none': 'Asked no clarifying questions before the page.',
  'interview.finding.thinkingAloud.ok': 'Thought aloud in notes ({count}).',
  'interview.finding.thinkingAloud.none':
    'Wrote no notes: the interviewer could not follow your thinking.',
  'interview.finding.harmfulLevers.none': 'No change that makes this incident worse.',
  'interview.finding.harmfulLevers.some': 'Known wrong fixes ({count}): {levers}.',
  'interview.finding.evidenceFirst.ok':
    'Every change followed a look at the system within {minutes} minutes.',
  'interview.finding.evidenceFirst.blind':
    'Changes with no look at the system in the {minutes} minutes before ({count}): {levers}.',
  'interview.finding.riskyChanges.none': 'No restart or failover.',
  'interview.finding.riskyChanges.checked':
    'Restarts or failovers ({count}) only after looking at the system.',
  'interview.finding.riskyChanges.blind': 'Restarted or failed over without evidence: {levers}.',
  'interview.finding.mitigateFirst.neither': 'The impact never ended, and the cause was not found.',
  'interview.finding.mitigateFirst.neverMitigated':
    'Found the cause at T+{at}, but the impact never ended.',
  'interview.finding.mitigateFirst.before':
    'Stopped the impact (T+{at}) before the root cause was pinned down.',
  'interview.finding.mitigateFirst.soonAfter':
    'Stopped the impact at T+{at}, {wait} after the diagnosis.',
  'interview.finding.mitigateFirst.late':
    'Kept digging for {wait} after the diagnosis while users were hurt; the impact ended at T+{at}.',
  'interview.finding.declared.never': 'Never declared an incident.',
  'interview.finding.declared.before': 'Declared {severity} before the first page.',
  'interview.finding.declared.prompt': 'Declared {severity} {delay} after the detection.',
  'interview.finding.declared.late':
    'Declared {severity} only {delay} after the detection (norm: {norm} minutes).',
  'interview.finding.updates.ok': 'Posted updates ({count}).',
  'interview.finding.updates.none': 'Posted no update.',
  'interview.finding.cadence.ok':
    'Longest silence while users were hurt: {gap} (norm: {norm} minutes).',
  'interview.finding.cadence.gap':
    'Went {gap} without an update while users were hurt (norm: {norm} minutes).',
  'interview.finding.statusPage.ok': 'Told customers on the status page at T+{at}.',
  'interview.finding.statusPage.never':
    'Never updated the status page while customers were affected.',
  'interview.finding.resolvedInTime.ok': 'Resolved at T+{at}, within the {limit}-minute limit.',
  'interview.finding.resolvedInTime.overTime':
    'Resolved at T+{at}, after the {limit}-minute limit.',
  'interview.finding.resolvedInTime.timeUp':
    'Time ran out at {limit} minutes before the incident was resolved.',
  'interview.finding.resolvedInTime.failed': 'The incident failed at T+{at}: {status}.',
  'interview.finding.resolvedInTime.left': 'Left the interview at T+{at}, unresolved.',
  'interview.finding.mitigated.noImpact': 'Users were never affected.',
  'interview.finding.mitigated.never': 'The impact never ended.',
  'interview.finding.mitigated.noReference': 'The impact ended {time} after it began.',
  'interview.finding.mitigated.vsExpert':
    'The impact ended {time} after it began (the expert’s path: {expert}).',
  'interview.finding.budget.unknown': 'The error budget was not measured.',
  'interview.finding.budget.noReference': 'Used {used} of the monthly error budget.',
  'interview.finding.budget.vsExpert':
    'Used {used} of the monthly error budget (the expert’s path: {expert}).',

  'interview.reason.points': '{points} of {max} rubric points.',
  'interview.reason.safetyCap':
    '{points} of {max} rubric points, held back by an unsafe change: in this round it outweighs the rest.',
  'interview.recommendation.strongHire': 'Strong pass',
  'interview.recommendation.hire': 'Pass',
  'interview.recommendation.leanNo': 'Borderline',
  'interview.recommendation.noHire': 'Not yet',
  'interview.recommendation.strongHire.detail':
    'This would very likely pass the production-outage round.',
  'interview.recommendation.hire.detail':
    'A solid round: tighten the points below and it is a strong one.',
  'interview.recommendation.leanNo.detail':
    'Close, but an interviewer would likely lean no. The tips below are what would change that.',
  'interview.recommendation.noHire.detail':
    'Not there yet. Practise the basics below, then try again.',

  'interview.tip.harmful':
    'Before a change, say what you expect it to do and what would prove it wrong: a known wrong fix cost you here.',
  'interview.tip.riskyBlind':
    'Never restart or fail over on a hunch: look first (logs, pod events, pg_stat_activity) and say what the restart should change.',
  'interview.tip.mitigate':
    'Go for the fastest safe mitigation: when the impact lines up with a release, roll it back first.',
  'interview.tip.mitigateFirst':
    'Mitigate first, root-cause after: once you know enough to stop the bleeding, stop it.',
  'interview.tip.evidence':
    'Look right before every change, so each one rests on what the system shows now.',
  'interview.tip.observe':
    'Start with a look: the pods, the error rate, the logs of the failing route, before touching anything.',
  'interview.tip.hypothesis':
    'Write a hypothesis before your first change: “I think X, because Y”.',
  'interview.tip.test':
    'Test a hypothesis with one targeted look before acting on it, and say what result would rule it out.',
  'interview.tip.declare':
    'Declare the incident as soon as users are affected; it costs nothing and gets people moving.',
  'interview.tip.statusPage': 'Tell customers on the status page while they are affected.',
  'interview.tip.cadence':
    'Post an update at least every {minutes} minutes, even if it only says what you are trying next.',
  'interview.tip.notes':
    'Think aloud in the notes: the interviewer grades your reasoning, not only the fix.',
  'interview.tip.questions':
    'Open with the questions interviewers expect: the SLOs, what changed recently, and the architecture.',
  'interview.tip.narrate':
    'Keep narrating: say what you see, what you think it means, and what you will do next.',
  'interview.tip.harder':
    'Try the 30-minute limit or another incident from the library to stretch yourself.',

  // The intro screen.
  'interview.intro.eyebrow': 'Production-outage round',
  'interview.intro.title': 'Interview drill',
  'interview.intro.incident': 'The incident: {title}',
  'interview.intro.rules': 'How this round works',
  'interview.intro.rule.seed':
    'One fixed incident: the same seed ({seed}) every time, so your attempts compare.',
  'interview.intro.rule.hints': 'No hints.',
  'interview.intro.rule.pause': 'No pause: the clock runs at real time once you take the page.',
  'interview.intro.rule.countdown':
    'A visible countdown; when it reaches zero, the interview ends.',
  'interview.intro.rule.notes': 'Think aloud: your notes and hypotheses are part of the feedback.',
  'interview.intro.duration': 'Time limit',
  'interview.intro.minutes': '{minutes} minutes',
  'interview.intro.opening': 'The interviewer opens',
  'interview.intro.role': 'Your role',
  'interview.intro.situation': 'The situation',
  'interview.intro.system': 'The system',
  'interview.intro.questions': 'Clarifying questions',
  'interview.intro.questionsIntro':
    'Ask before you take the page. The interviewer answers from the system’s configuration; finding the cause is up to you.',
  'interview.intro.asked': 'Asked {count} of {total}',
  'interview.intro.askedBadge': 'Asked',
  'interview.intro.answer': 'Interviewer',
  'interview.intro.start': 'Start — take the page',
  'interview.intro.startNote': 'The countdown starts when you take the page.',
  'interview.intro.back': 'Back to the library',
  'interview.intro.docTitle': 'Interview drill: {title}',

  // The feedback screen.
  'interview.feedback.eyebrow': 'Interview drill · feedback',
  'interview.feedback.outcome': 'Outcome',
  'interview.feedback.outcome.resolved': 'Resolved at T+{at} of your {limit} minutes.',
  'interview.feedback.outcome.timeUp':
    'Time ran out at {limit} minutes before the incident was resolved.',
  'interview.feedback.outcome.failed': 'The incident failed at T+{at}: {status}',
  'interview.feedback.outcome.left': 'You left the interview at T+{at}.',
  'interview.feedback.overall': 'Overall',
  'interview.feedback.rubric': 'The rubric',
  'interview.feedback.checks': 'What the rubric checked',
  'interview.feedback.check.ok': 'Shown:',
  'interview.feedback.check.missing': 'Missing:',
  'interview.feedback.moments': 'Moments behind it',
  'interview.feedback.moment': 'T+{at} — {text}',
  'interview.feedback.noMoments': 'No moment on the timeline.',
  'interview.feedback.tips': 'Next time',
  'interview.feedback.thinking': 'Your notes and hypotheses',
  'interview.feedback.note': 'Note',
  'interview.feedback.hypothesis': 'Hypothesis',
  'interview.feedback.noThinking': 'You wrote no notes or hypotheses.',
  'interview.feedback.questions': 'Questions you asked',
  'interview.feedback.noQuestions': 'You asked no clarifying questions.',
  'interview.feedback.debrief': 'Full debrief',
  'interview.feedback.retry': 'Try again',
  'interview.feedback.back': 'Back to library',
  'interview.feedback.docTitle': 'Interview feedback: {title}',
  'interview.criterion.structuredApproach': 'Structured approach',
  'interview.criterion.structuredApproach.about': 'Observe, hypothesise, test, act',
  'interview.criterion.safety': 'Safety of actions',
  'interview.criterion.safety.about':
    'Mitigate before you root-cause; no risky change without evidence',
  'interview.criterion.communication': 'Communication',
  'interview.criterion.communication.about': 'Declare, update, keep a cadence, tell customers',
  'interview.criterion.outcome': 'Outcome',
  'interview.criterion.outcome.about': 'Resolved in time, against the expert’s path',
  'interview.rating.strong': 'Strong',
  'interview.rating.mixed': 'Mixed',
  'interview.rating.weak': 'Weak',
  'interview.rating.notShown': 'Not shown',
} as const;
