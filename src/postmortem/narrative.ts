/**
 * The postmortem's sentences: status line, two-sentence summary, detection, response and
 * recovery. Every clause states a measured figure or a timeline moment; the evidence ids say which.
 */
import { t } from '../i18n/index.ts';
import type { IncidentSession } from '../session/session.ts';
import { plural, sentences, word } from './describe.ts';
import type { RunFacts } from './facts.ts';
import { clockAt, formatCount, formatDuration, formatMs, formatPercent } from './format.ts';
import { ids } from './scores.ts';
import type { Moment } from './timeline.ts';

type Paragraph = { text: string; evidence: number[] };

export function statusOf(f: RunFacts, session: IncidentSession): string {
  if (f.outcome === 'resolved') return t('postmortem.status.resolved');
  if (f.outcome === 'inProgress') {
    if (f.impact.startedAt === null) return t('postmortem.status.inProgress');
    return f.impact.endedAt === null
      ? t('postmortem.status.inProgressImpact')
      : t('postmortem.status.inProgressMitigated');
  }
  const end = session.run.timeline.find((e) => e.kind === 'end');
  const reason =
    end?.kind === 'end' && end.reason ? end.reason : word('postmortem.outcome', f.outcome);
  return t('postmortem.status.unresolved', { reason });
}

/** "“Rolled back deployment/api” (14:13:00)", joined. */
function leverList(f: RunFacts, levers: readonly Moment[]): string {
  return levers
    .map((m) => t('postmortem.quoteAt', { text: m.text, at: clockAt(f.startEpochMs, m.t) }))
    .join(t('postmortem.list.separator'));
}

export function summaryOf(f: RunFacts, session: IncidentSession): string {
  const imp = f.impact;
  const clock = (at: number): string => clockAt(f.startEpochMs, at);
  const threshold = formatMs(session.run.sim.state.config.slo.latencyThresholdMs);
  let first: string;
  if (imp.startedAt === null) first = t('postmortem.summary.noImpact');
  else {
    const params = {
      start: clock(imp.startedAt),
      duration: formatDuration(imp.durationMs),
      share: formatPercent(imp.affectedShare),
      threshold,
      failed: formatCount(imp.totals.failed),
      slow: formatCount(imp.totals.slow),
      requests: formatCount(imp.totals.requests),
    };
    const deploy = [...f.moments]
      .reverse()
      .find((m) => m.kind === 'deploy' && m.t <= imp.startedAt!);
    first = deploy
      ? t('postmortem.summary.impactAfter', {
          ...params,
          deploy: deploy.text,
          deployAt: clock(deploy.t),
        })
      : t('postmortem.summary.impact', params);
  }
  let second: string;
  if (imp.startedAt !== null && imp.endedAt !== null) {
    const last = f.recoveryLevers[f.recoveryLevers.length - 1] ?? f.otherLever;
    const ended = last
      ? t('postmortem.summary.endedAfter', {
          end: clock(imp.endedAt),
          lever: last.text,
          at: clock(last.t),
        })
      : t('postmortem.summary.endedAlone', { end: clock(imp.endedAt) });
    const resolved = f.resolved
      ? t('postmortem.summary.resolvedAt', { at: clock(f.resolved.t) })
      : f.ended
        ? t('postmortem.summary.notResolved')
        : t('postmortem.summary.stillOpen');
    second = sentences(ended, resolved);
  } else if (imp.startedAt !== null)
    second = f.ended
      ? t('postmortem.summary.ongoingAtEnd', {
          at: clock(f.recordEnd),
          outcome: word('postmortem.outcome', f.outcome),
        })
      : t('postmortem.summary.ongoingNow', { at: clock(f.recordEnd) });
  else
    second = f.resolved
      ? t('postmortem.summary.resolvedAt', { at: clock(f.resolved.t) })
      : f.ended
        ? t('postmortem.summary.endedOutcome', { outcome: word('postmortem.outcome', f.outcome) })
        : t('postmortem.summary.stillOpen');
  return sentences(first, second);
}

/** How long after the impact began, or "before the impact began". */
function sinceImpact(f: RunFacts, at: number): string {
  const start = f.impact.startedAt;
  if (start === null) return '';
  return at >= start
    ? t('postmortem.detection.after', { delay: formatDuration(at - start) })
    : t('postmortem.detection.before', { delay: formatDuration(start - at) });
}

export function detectionOf(f: RunFacts): Paragraph {
  const clock = (at: number): string => clockAt(f.startEpochMs, at);
  const d = f.detection;
  const page = f.firstPage?.moment ?? null;
  if (!d)
    return {
      text:
        f.impact.startedAt === null
          ? t('postmortem.detection.nothing')
          : t('postmortem.detection.unnoticed'),
      evidence: ids(f.impactMoment),
    };
  if (d.by === 'page')
    return {
      text: t('postmortem.detection.page', {
        alert: d.moment.alert ?? '',
        at: clock(d.moment.t),
        since: sinceImpact(f, d.moment.t),
      }).trim(),
      evidence: ids(f.impactMoment, d.moment),
    };
  return {
    text: sentences(
      t('postmortem.detection.person', {
        from: d.moment.from ?? '',
        at: clock(d.moment.t),
        since: sinceImpact(f, d.moment.t),
      }),
      page
        ? t('postmortem.detection.thenPage', { alert: page.alert ?? '', at: clock(page.t) })
        : t('postmortem.detection.noPage'),
    ),
    evidence: ids(f.impactMoment, d.moment, page),
  };
}

export function responseOf(f: RunFacts, session: IncidentSession): Paragraph {
  const clock = (at: number): string => clockAt(f.startEpochMs, at);
  const inc = session.incident;
  const declared =
    f.declaration && inc.declaredAt !== null
      ? t('postmortem.response.declared', {
          severity: inc.severity ?? '',
          at: clock(inc.declaredAt),
          title: inc.title ?? '',
        })
      : t('postmortem.response.notDeclared');
  const roles = Object.entries(inc.roles);
  const roleText =
    roles.length > 0
      ? t('postmortem.response.roles', {
          roles: roles
            .map(([role, person]) =>
              t('postmortem.response.role', {
                role: word('postmortem.role', role),
                person: person === 'me' ? t('postmortem.person.me') : word('reply.from', person),
              }),
            )
            .join(t('postmortem.list.separator')),
        })
      : '';
  const statusPage = inc.updates.filter((u) => u.audience === 'statusPage').length;
  const updates =
    inc.updates.length > 0
      ? plural('postmortem.response.updates', inc.updates.length, {
          internal: inc.updates.length - statusPage,
          statusPage,
        })
      : t('postmortem.response.noUpdates');
  const paged = f.moments.filter(
    (m) => m.action?.type === 'page' || m.action?.type === 'escalateAlert',
  );
  const pagedText =
    paged.length > 0
      ? t('postmortem.response.paged', {
          targets: paged
            .map((m) => word('reply.from', String(m.action?.['target'] ?? '')))
            .join(t('postmortem.list.separator')),
        })
      : '';
  return {
    text: sentences(declared, roleText, updates, pagedText),
    evidence: ids(f.declaration, ...f.roles, ...f.updates, ...paged),
  };
}

export function recoveryOf(f: RunFacts): Paragraph {
  const clock = (at: number): string => clockAt(f.startEpochMs, at);
  const imp = f.impact;
  const resolved = f.resolved ? t('postmortem.recovery.resolved', { at: clock(f.resolved.t) }) : '';
  if (imp.startedAt === null)
    return {
      text: sentences(t('postmortem.recovery.noImpact'), resolved),
      evidence: ids(f.resolved),
    };
  if (imp.endedAt === null)
    return {
      text: t('postmortem.recovery.ongoing', {
        at: clock(f.recordEnd),
        duration: formatDuration(imp.durationMs),
      }),
      evidence: ids(f.impactMoment, f.endMoment),
    };
  const levers = f.recoveryLevers;
  const ended = t('postmortem.recovery.ended', {
    end: clock(imp.endedAt),
    duration: formatDuration(imp.durationMs),
  });
  const other = f.otherLever;
  return {
    text: sentences(
      levers.length > 0
        ? t('postmortem.recovery.levers', { levers: leverList(f, levers) })
        : other
          ? t('postmortem.recovery.otherLever', {
              lever: other.text,
              at: clockAt(f.startEpochMs, other.t),
            })
          : t('postmortem.recovery.noLever'),
      ended,
      f.laterFixes.length > 0
        ? t('postmortem.recovery.later', { levers: leverList(f, f.laterFixes) })
        : '',
      resolved,
    ),
    evidence: ids(...levers, other, f.recoveredMoment, ...f.laterFixes, f.resolved),
  };
}
