/** English messages of the postmortem's own words (built in src/postmortem/) (merged into messages.en.ts). */
export const postmortemEn = {
  'postmortem.list.separator': ', ',
  'postmortem.sentence.join': '{text} {next}',
  'postmortem.quoteAt': '“{text}” ({at})',
  'postmortem.person.me': 'me (the on-call engineer)',
  'postmortem.word.on': 'on',
  'postmortem.word.off': 'off',

  'postmortem.duration.seconds': '{seconds} s',
  'postmortem.duration.minutes': '{minutes} min',
  'postmortem.duration.minutesSeconds': '{minutes} min {seconds} s',
  'postmortem.duration.hours': '{hours} h',
  'postmortem.duration.hoursMinutes': '{hours} h {minutes} min',

  'postmortem.unit.ms': '{value} ms',
  'postmortem.unit.s': '{value} s',
  'postmortem.unit.rps': '{value} req/s',
  'postmortem.unit.qps': '{value} q/s',
  'postmortem.unit.mib': '{value} MiB',
  'postmortem.unit.mibps': '{value} MiB/s',
  'postmortem.unit.cores': '{value} cores',

  // Levers, as the timeline tells them (past) and as the reference path lists them (step).
  'postmortem.past.injectFault': 'Injected fault {id} ({kind})',
  'postmortem.past.clearFault': 'Cleared fault {id}',
  'postmortem.past.deploy': 'Deployed {version} to deployment/{deployment}',
  'postmortem.past.rollback': 'Rolled back deployment/{deployment}',
  'postmortem.past.rollback.toRevision':
    'Rolled back deployment/{deployment} to revision {revision}',
  'postmortem.past.restartDeployment': 'Restarted deployment/{deployment}',
  'postmortem.past.deletePod': 'Deleted pod {pod}',
  'postmortem.past.scale': 'Scaled deployment/{deployment} to {replicas} replicas',
  'postmortem.past.setPoolSize': 'Set the API’s database pool to {maxConns} connections per pod',
  'postmortem.past.setPgbouncer': 'Changed PgBouncer’s settings: {settings}',
  'postmortem.past.setPostgresSetting': 'Set PostgreSQL’s {name} to {value}',
  'postmortem.past.reloadPostgres': 'Reloaded PostgreSQL’s configuration',
  'postmortem.past.restartPostgres': 'Restarted PostgreSQL',
  'postmortem.past.terminateBackends': 'Terminated database sessions {filter}',
  'postmortem.past.terminateBackends.cancel': 'Cancelled the queries of database sessions {filter}',
  'postmortem.past.createIndex': 'Created index {name} on {table} ({columns})',
  'postmortem.past.createIndex.concurrently':
    'Created index {name} on {table} ({columns}) concurrently',
  'postmortem.past.analyzeTable': 'Ran ANALYZE on {table}',
  'postmortem.past.setResolverOptions': 'Changed the API pods’ resolver options: {options}',
  'postmortem.past.fixDnsRecord': 'Fixed the DNS record of {host}',
  'postmortem.past.flushDnsCache': 'Flushed the DNS cache',
  'postmortem.past.failover': 'Failed the database over to the replica',
  'postmortem.past.shedLoad': 'Shed {share} of incoming traffic',
  'postmortem.past.setRetries': 'Turned client retries {state}',
  'postmortem.past.setFlag': 'Turned feature flag {flag} {state}',
  'postmortem.past.dropReplicationSlot': 'Dropped replication slot {slot}',
  'postmortem.past.resizeVolume': 'Resized the database volume to {gib} GiB',
  'postmortem.past.renewCertificate': 'Renewed the TLS certificate',
  'postmortem.past.setMemoryLimit': 'Set the API’s memory limit to {mib} MiB',
  'postmortem.past.stopJob': 'Stopped job {name}',
  'postmortem.past.flushCache': 'Flushed the Redis cache',

  'postmortem.step.injectFault': 'Inject fault {id} ({kind})',
  'postmortem.step.clearFault': 'Clear fault {id}',
  'postmortem.step.deploy': 'Deploy {version} to deployment/{deployment}',
  'postmortem.step.rollback': 'Roll back deployment/{deployment}',
  'postmortem.step.rollback.toRevision': 'Roll back deployment/{deployment} to revision {revision}',
  'postmortem.step.restartDeployment': 'Restart deployment/{deployment}',
  'postmortem.step.deletePod': 'Delete pod {pod}',
  'postmortem.step.scale': 'Scale deployment/{deployment} to {replicas} replicas',
  'postmortem.step.setPoolSize': 'Set the API’s database pool to {maxConns} connections per pod',
  'postmortem.step.setPgbouncer': 'Change PgBouncer’s settings: {settings}',
  'postmortem.step.setPostgresSetting': 'Set PostgreSQL’s {name} to {value}',
  'postmortem.step.reloadPostgres': 'Reload PostgreSQL’s configuration',
  'postmortem.step.restartPostgres': 'Restart PostgreSQL',
  'postmortem.step.terminateBackends': 'Terminate database sessions {filter}',
  'postmortem.step.terminateBackends.cancel': 'Cancel the queries of database sessions {filter}',
  'postmortem.step.createIndex': 'Create index {name} on {table} ({columns})',
  'postmortem.step.createIndex.concurrently':
    'Create index {name} on {table} ({columns}) concurrently',
  'postmortem.step.analyzeTable': 'Run ANALYZE on {table}',
  'postmortem.step.setResolverOptions': 'Change the API pods’ resolver options: {options}',
  'postmortem.step.fixDnsRecord': 'Fix the DNS record of {host}',
  'postmortem.step.flushDnsCache': 'Flush the DNS cache',
  'postmortem.step.failover': 'Fail the database over to the replica',
  'postmortem.step.shedLoad': 'Shed {share} of incoming traffic',
  'postmortem.step.setRetries': 'Turn client retries {state}',
  'postmortem.step.setFlag': 'Turn feature flag {flag} {state}',
  'postmortem.step.dropReplicationSlot': 'Drop replication slot {slot}',
  'postmortem.step.resizeVolume': 'Resize the database volume to {gib} GiB',
  'postmortem.step.renewCertificate': 'Renew the TLS certificate',
  'postmortem.step.setMemoryLimit': 'Set the API’s memory limit to {mib} MiB',
  'postmortem.step.stopJob': 'Stop job {name}',
  'postmortem.step.flushCache': 'Flush the Redis cache',

  'postmortem.filter.state': '{state}',
  'postmortem.filter.query': 'running {query}',
  'postmortem.filter.older': 'older than {duration}',
  'postmortem.filter.pid': 'pid {pid}',
  'postmortem.filter.count': 'at most {count}',
  'postmortem.filter.all': '(all of them)',

  // The player's other actions.
  'postmortem.event.inspect': 'Looked at {target}',
  'postmortem.event.inspectSubject': 'Looked at {target} ({subject})',
  'postmortem.event.declare': 'Declared a {severity} incident: “{title}”',
  'postmortem.event.assignRole': 'Made {person} {role}',
  'postmortem.event.update': 'Posted an update to {audience} ({status}): “{text}”',
  'postmortem.event.page': 'Paged {target}',
  'postmortem.event.pageWithMessage': 'Paged {target}: “{message}”',
  'postmortem.event.hypothesis': 'Noted a hypothesis: “{text}”',
  'postmortem.event.markMilestone': 'Marked the incident {milestone}',
  'postmortem.event.acknowledge': 'Acknowledged the page {alert}',
  'postmortem.event.escalate': 'Escalated {alert} to {target}',
  'postmortem.event.resolveAlert': 'Resolved the page {alert} by hand',
  'postmortem.event.hint': 'Read hint {level}: “{text}”',
  'postmortem.event.clarify': 'Asked before the page: “{question}”',
  'postmortem.event.note': 'Noted: “{text}”',
  'postmortem.event.decision': 'Decided: “{text}”',
  'postmortem.event.decisionBy': 'Decided ({role}): “{text}”',
  'postmortem.event.facilitatorNote': 'Facilitator noted: “{text}”',
  'postmortem.event.inject': 'Facilitator injected: {event}',
  'postmortem.event.revealClue': 'Facilitator revealed clue {level}: “{text}”',
  'postmortem.inject.partnerReport': 'customer support reports what customers see',
  'postmortem.inject.executiveEta': 'an executive asks for an ETA',
  'postmortem.inject.teammateOffline': 'a teammate goes offline',
  'postmortem.inject.secondAlert': 'a second, unrelated alert fires',
  'postmortem.credit': '{role}: {person}',

  'postmortem.role.commander': 'incident commander',
  'postmortem.role.operations': 'operations lead',
  'postmortem.role.communications': 'communications lead',
  'postmortem.role.scribe': 'scribe',
  'postmortem.audience.internal': 'the team',
  'postmortem.audience.statusPage': 'the status page',
  'postmortem.updateStatus.investigating': 'investigating',
  'postmortem.updateStatus.identified': 'identified',
  'postmortem.updateStatus.monitoring': 'monitoring',
  'postmortem.updateStatus.resolved': 'resolved',
  'postmortem.milestone.detected': 'detected',
  'postmortem.milestone.diagnosed': 'diagnosed',
  'postmortem.milestone.mitigated': 'mitigated',
  'postmortem.milestone.resolved': 'resolved',
  'postmortem.outcome.resolved': 'resolved',
  'postmortem.outcome.timedOut': 'timed out',
  'postmortem.outcome.failed': 'failed',
  'postmortem.outcome.inProgress': 'in progress',
  'postmortem.severity.page': 'page',
  'postmortem.severity.warning': 'warning',
  'postmortem.severity.ticket': 'ticket',
  'postmortem.mark.impact': 'Impact began',
  'postmortem.mark.detection': 'Detected',
  'postmortem.mark.declaration': 'Declared',
  'postmortem.mark.mitigation': 'Impact ended',
  'postmortem.mark.resolution': 'Resolved',

  'postmortem.metric.sli_bad_share': 'Requests failed or slow (share per second)',
  'postmortem.metric.sli_failed': 'Failed requests',
  'postmortem.metric.sli_slow': 'Requests slower than the SLO threshold',
  'postmortem.metric.sli_requests': 'Requests counted by the SLO',
  'postmortem.metric.api_error_ratio': 'API error ratio',
  'postmortem.metric.api_p50': 'API p50 latency',
  'postmortem.metric.api_p99': 'API p99 latency',
  'postmortem.metric.page_p99': 'Page views p99 latency',
  'postmortem.metric.products_p99': 'GET /v1/products p99 latency',
  'postmortem.metric.orders_p99': 'GET /v1/orders p99 latency',
  'postmortem.metric.search_p99': 'GET /v1/search p99 latency',
  'postmortem.metric.checkout_p99': 'POST /v1/checkout p99 latency',
  'postmortem.metric.api_restarts': 'API container restarts',
  'postmortem.metric.api_pods_ready': 'API pods ready',
  'postmortem.metric.pool_in_use': 'API database connections in use',
  'postmortem.metric.pool_waiting': 'Requests waiting for a database connection',
  'postmortem.metric.pgb_login_errors': 'PgBouncer login errors',
  'postmortem.metric.pgb_cl_waiting': 'PgBouncer clients waiting',
  'postmortem.metric.pg_conn_idle_in_tx': 'PostgreSQL sessions idle in transaction',
  'postmortem.metric.pg_cpu': 'PostgreSQL primary CPU',
  'postmortem.metric.dns_dropped': 'CoreDNS dropped queries',
  'postmortem.metric.dns_qps': 'CoreDNS queries',
  'postmortem.metric.coredns_cpu': 'CoreDNS CPU',
  'postmortem.metric.client_lookup_p99': 'API DNS lookup p99',
  'postmortem.metric.error_budget_remaining': 'Error budget remaining',
  'postmortem.metric.replica_lag_s': 'Replica lag',
  'postmortem.metric.payments_p99': 'Payment provider p99 latency',

  // Timeline items.
  'postmortem.item.paged': '{alert} fired and paged the on-call engineer',
  'postmortem.item.alert': 'Alert {alert} fired ({severity})',
  'postmortem.item.alertResolved': 'Alert {alert} resolved',
  'postmortem.item.renotified': '{alert} paged again, unacknowledged (notification {count})',
  'postmortem.item.retriggered': '{alert} paged again: it was resolved by hand while still firing',
  'postmortem.item.impact':
    'Impact began: {share} of requests failed or took longer than {threshold} in the first minute',
  'postmortem.item.recovered':
    'Impact ended: in the following {duration}, {share} of requests failed or were slow',
  'postmortem.item.deploy': 'The pipeline deployed {version} to deployment/{deployment}',
  'postmortem.item.message': '{from}: {text}',
  'postmortem.item.milestone': 'The scenario marked the incident {milestone}',
  'postmortem.item.end': 'The drill ended: {outcome}',
  'postmortem.item.endReason': 'The drill ended: {outcome}. {reason}',
  'postmortem.item.command': 'Ran {line}',
  'postmortem.evidence.moreLines.one': '[… {count} more line]',
  'postmortem.evidence.moreLines.other': '[… {count} more lines]',
  'postmortem.evidence.perSecond': '{value} of {total} req/s ({share})',

  // Summary, detection, response, recovery, status.
  'postmortem.status.resolved': 'Resolved',
  'postmortem.status.inProgress': 'In progress',
  'postmortem.status.inProgressImpact': 'In progress: customers are still affected',
  'postmortem.status.inProgressMitigated': 'In progress: mitigated, not yet resolved',
  'postmortem.status.unresolved': 'Unresolved: {reason}',
  'postmortem.summary.noImpact':
    'Requests stayed within what the SLO allows throughout the run: no impact was measured.',
  'postmortem.summary.impact':
    'From {start} UTC, for {duration}, {share} of requests failed or were slower than {threshold} ({failed} failed, {slow} slow, of {requests} requests).',
  'postmortem.summary.impactAfter':
    '{deploy} at {deployAt} UTC; from {start} UTC, for {duration}, {share} of requests failed or were slower than {threshold} ({failed} failed, {slow} slow, of {requests} requests).',
  'postmortem.summary.endedAfter': 'The impact ended at {end} UTC, after “{lever}” at {at} UTC;',
  'postmortem.summary.endedAlone': 'The impact ended at {end} UTC before any lever was pulled;',
  'postmortem.summary.resolvedAt': 'the incident was resolved at {at} UTC.',
  'postmortem.summary.notResolved': 'the incident was not resolved when the drill ended.',
  'postmortem.summary.stillOpen': 'the incident is still open.',
  'postmortem.summary.ongoingAtEnd':
    'The impact was still going when the drill ended at {at} UTC ({outcome}).',
  'postmortem.summary.ongoingNow': 'The impact is still going at {at} UTC.',
  'postmortem.summary.endedOutcome': 'The drill ended: {outcome}.',
  'postmortem.detection.after': '{delay} after impact began',
  'postmortem.detection.before': '{delay} before impact began',
  'postmortem.detection.page': '{alert} paged the on-call engineer at {at} UTC, {since}.',
  'postmortem.detection.person': '{from} reported it in the incident channel at {at} UTC, {since}.',
  'postmortem.detection.thenPage': 'The first page, {alert}, followed at {at} UTC.',
  'postmortem.detection.noPage': 'No alert paged.',
  'postmortem.detection.nothing': 'No alert paged, and no impact was measured.',
  'postmortem.detection.unnoticed': 'No alert paged and nobody reported the impact.',
  'postmortem.response.declared': 'Declared {severity} at {at} UTC: “{title}”.',
  'postmortem.response.notDeclared': 'No incident was declared.',
  'postmortem.response.roles': 'Roles: {roles}.',
  'postmortem.response.role': '{role}: {person}',
  'postmortem.response.updates.one':
    '{count} update ({internal} to the team, {statusPage} on the status page).',
  'postmortem.response.updates.other':
    '{count} updates ({internal} to the team, {statusPage} on the status page).',
  'postmortem.response.noUpdates': 'No updates were posted.',
  'postmortem.response.paged': 'Paged: {targets}.',
  'postmortem.recovery.levers': 'What brought the service back: {levers}.',
  'postmortem.recovery.noLever': 'No lever was pulled before the impact ended.',
  'postmortem.recovery.otherLever':
    'The last lever before the impact ended was “{lever}” at {at} UTC, which is not part of the known fix.',
  'postmortem.recovery.later': 'Then, to keep it from coming back: {levers}.',
  'postmortem.recovery.ended': 'The impact ended at {end} UTC, {duration} after it began.',
  'postmortem.recovery.ongoing':
    'The impact had not ended when the record stops at {at} UTC, {duration} after it began.',
  'postmortem.recovery.noImpact': 'There was no measured impact to recover from.',
  'postmortem.recovery.resolved': 'The scenario marked the incident resolved at {at} UTC.',

  // Scores.
  'postmortem.score.never': 'Never',
  'postmortem.score.noPage': 'No page',
  'postmortem.score.noImpact': 'No impact',
  'postmortem.score.impact.none': 'No impact was measured, so there was nothing to mitigate.',
  'postmortem.score.acknowledge.label': 'Time to acknowledge',
  'postmortem.score.acknowledge.noPage':
    'No alert paged during the run: there was nothing to acknowledge.',
  'postmortem.score.acknowledge.never.one':
    '{alert} paged at {at} UTC and was never acknowledged; it notified {count} time.',
  'postmortem.score.acknowledge.never.other':
    '{alert} paged at {at} UTC and was never acknowledged; it notified {count} times.',
  'postmortem.score.acknowledge.explain':
    'From the first page, {alert} at {at} UTC, to its acknowledgement at {ackAt} UTC.',
  'postmortem.score.diagnose.label': 'Time to diagnose',
  'postmortem.score.diagnose.never':
    'Neither a hypothesis naming the cause nor a look at the decisive evidence.',
  'postmortem.score.diagnose.byHypothesis': 'the hypothesis “{text}”',
  'postmortem.score.diagnose.byEvidence': 'the decisive evidence (“{look}”)',
  'postmortem.score.diagnose.explain': 'From impact start at {start} UTC to {how} at {at} UTC.',
  'postmortem.score.diagnose.noImpact':
    'No impact was measured; the cause was found with {how} at {at} UTC, counted from the start of the run.',
  'postmortem.score.mitigate.label': 'Time to mitigate',
  'postmortem.score.mitigate.never':
    'The impact began at {start} UTC and had not ended when the record stops at {end} UTC.',
  'postmortem.score.mitigate.explain':
    'From impact start at {start} UTC to impact end at {end} UTC, after “{lever}” at {at} UTC.',
  'postmortem.score.mitigate.noLever':
    'From impact start at {start} UTC to impact end at {end} UTC, before any lever was pulled.',
  'postmortem.score.mitigate.otherLever':
    'From impact start at {start} UTC to impact end at {end} UTC, after “{lever}” at {at} UTC, which is not part of the known fix.',
  'postmortem.score.resolve.label': 'Time to resolve',
  'postmortem.score.resolve.never': 'The incident was not resolved: the drill ended {outcome}.',
  'postmortem.score.resolve.inProgress': 'The run is still in progress and not resolved yet.',
  'postmortem.score.resolve.explain':
    'From impact start at {start} UTC to the incident’s resolution at {at} UTC.',
  'postmortem.score.budget.label': 'Error budget burned',
  'postmortem.score.budget.explain':
    '{failed} failed requests used {consumed} of the 30-day budget of the {target} availability SLO; {remaining} of it is left.',
  'postmortem.score.harmful.label': 'Harmful actions',
  'postmortem.score.harmful.none': 'No lever the scenario counts as a wrong fix was pulled.',
  'postmortem.score.harmful.explain.one':
    '{count} lever the scenario counts as a wrong fix: {levers}.',
  'postmortem.score.harmful.explain.other':
    '{count} levers the scenario counts as wrong fixes: {levers}.',
  'postmortem.score.hints.label': 'Hints used',
  'postmortem.score.hints.none': 'No hint was read.',
  'postmortem.score.hints.explain.one': '{count} hint read: {times}.',
  'postmortem.score.hints.explain.other': '{count} hints read: {times}.',
  'postmortem.score.hints.one': 'level {level} at {at} UTC',
  'postmortem.score.communication.label': 'Communication',
  'postmortem.score.communication.declared': '{severity} declared',
  'postmortem.score.communication.undeclared': 'Not declared',
  'postmortem.score.communication.updates.one': '{count} update',
  'postmortem.score.communication.updates.other': '{count} updates',
  'postmortem.score.communication.gap': 'longest gap {gap}',
  'postmortem.score.communication.declaredAt': 'Declared {severity} at {at} UTC.',
  'postmortem.score.communication.neverDeclared': 'No incident was declared.',
  'postmortem.score.communication.updatesSentence.one': '{count} update was posted.',
  'postmortem.score.communication.updatesSentence.other': '{count} updates were posted.',
  'postmortem.score.communication.silence':
    'The longest time without an update while the impact lasted was {gap}, from {from} to {to} UTC (the norm is an update every {norm}).',

  // Lessons.
  'postmortem.lesson.detection.impact': 'the impact began',
  'postmortem.lesson.detection.page': 'the first page ({alert})',
  'postmortem.lesson.detection.person': '{from}’s report',
  'postmortem.lesson.ackFast':
    'Acknowledged {alert} {delay} after it paged, before it notified again.',
  'postmortem.lesson.declaredBefore': 'Declared a {severity} incident before {what}.',
  'postmortem.lesson.declaredFast': 'Declared a {severity} incident {delay} after {what}.',
  'postmortem.lesson.evidenceFirst':
    'Looked at the decisive evidence (“{look}”) before pulling any lever.',
  'postmortem.lesson.namedCause': 'Wrote down a hypothesis naming the cause at {at} UTC: “{text}”.',
  'postmortem.lesson.recovered':
    '“{lever}”, {delay} after {what}, brought the service back: the impact ended at {end} UTC.',
  'postmortem.lesson.cadence.one':
    'Kept people informed: {count} update, never more than {gap} apart while the impact lasted.',
  'postmortem.lesson.cadence.other':
    'Kept people informed: {count} updates, never more than {gap} apart while the impact lasted.',
  'postmortem.lesson.statusPage':
    'Told customers on the status page at {at} UTC, while they were affected.',
  'postmortem.lesson.commander':
    'Named an incident commander ({person}), so one person coordinated the response.',
  'postmortem.lesson.harmful':
    '“{lever}” at {at} UTC is one of the fixes that make this incident worse: {harm} {metric} peaked at {peak} at {peakAt} UTC.',
  'postmortem.lesson.restartsBeforeDb.one':
    'Restarted pods {count} time before first looking at the database at {at} UTC.',
  'postmortem.lesson.restartsBeforeDb.other':
    'Restarted pods {count} times before first looking at the database at {at} UTC.',
  'postmortem.lesson.restartsNoDb.one':
    'Restarted pods {count} time and never looked at the database.',
  'postmortem.lesson.restartsNoDb.other':
    'Restarted pods {count} times and never looked at the database.',
  'postmortem.lesson.silence':
    'No update for {gap} while the impact lasted, from {from} to {to} UTC; the norm is an update every {norm}.',
  'postmortem.lesson.neverDeclared':
    'Never declared an incident, although {what} came at {at} UTC.',
  'postmortem.lesson.declaredLate':
    'Declared the incident {delay} after {what}; declare within {norm}, before anyone has to ask.',
  'postmortem.lesson.neverAcked.one': 'Never acknowledged {alert}; it notified {count} time.',
  'postmortem.lesson.neverAcked.other': 'Never acknowledged {alert}; it notified {count} times.',
  'postmortem.lesson.ackLate.one':
    'Acknowledged {alert} only {delay} after it paged; it notified {count} time.',
  'postmortem.lesson.ackLate.other':
    'Acknowledged {alert} only {delay} after it paged; it notified {count} times.',
  'postmortem.lesson.notRecovered':
    'The impact was still going when the drill ended at {at} UTC, {duration} after it began.',
  'postmortem.lesson.neverDiagnosed':
    'The cause was never found: no hypothesis named it and the decisive evidence was never looked at.',
  'postmortem.lesson.recoveredAnyway': 'The impact ended at {end} UTC before any lever was pulled.',
  'postmortem.lesson.recoveredOtherLever':
    'The impact ended at {end} UTC after “{lever}”, which is not part of the known fix: relief that may not last.',
  'postmortem.lesson.harmNotShown':
    '“{lever}” can make this incident worse: {harm} This time {metric} stayed at or under {limit}.',
  'postmortem.lesson.harmNotShownNone':
    '“{lever}” can make this incident worse: {harm} This time there were no {metric}.',
  'postmortem.lesson.budgetCloseCall':
    'The 30-day availability budget held ({remaining} left), although this run alone used {consumed} of it.',

  // Action items this run calls for.
  'postmortem.owner.monitoring': 'Monitoring owners',
  'postmortem.owner.incidentCommander': 'Incident commanders',
  'postmortem.owner.runbooks': 'Runbook owners',
  'postmortem.action.detectPerson':
    'Page on this symptom: {from} reported it at {at} UTC, {delay} before the first page.',
  'postmortem.action.detectPersonNoPage':
    'Page on this symptom: {from} reported it at {at} UTC and no alert paged at all.',
  'postmortem.action.latePage':
    'Page sooner on this failure: the first page ({alert}) came {delay} after impact began.',
  'postmortem.action.noDetection':
    'Alert on this failure: customers were affected and no alert paged.',
  'postmortem.action.declare':
    'Declare an incident as soon as customers are affected: this one was never declared.',
  'postmortem.action.cadence':
    'Post an update at least every {norm} during an incident: this one went {gap} without one.',
  'postmortem.action.runbookWarning': 'Warn in the runbook against “{lever}”: {harm}',

  // Charts.
  'postmortem.chart.threshold.impact': 'Impact above {value}',
  'postmortem.chart.threshold.slo': 'SLO threshold {value}',
  'postmortem.chart.threshold.alert': '{alert} above {value}',
  'postmortem.chart.threshold.story': 'Scenario threshold {value}',
  'postmortem.chart.threshold.harm': 'Harm shows above {value}',
} as const;
