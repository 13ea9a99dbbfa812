/**
 * What went well, badly, and where the run was lucky: rules over what the player actually did,
 * each a sentence with the timeline items that show it. A rule that finds nothing says nothing,
 * so no lesson praises something that did not happen.
 */
import { t } from '../i18n/index.ts';
import { personName, plural, word } from './describe.ts';
import type { RunFacts } from './facts.ts';
import { clockAt, formatDuration, formatMetric, formatPercent, unitOf } from './format.ts';
import type { HarmSeen } from './harm.ts';
import type { Lesson } from './model.ts';
import * as N from './norms.ts';
import { ids } from './scores.ts';
import type { Moment } from './timeline.ts';

type Rule = (f: RunFacts, harm: (m: Moment) => HarmSeen | null) => Lesson[];

const lesson = (text: string, evidence: number[]): Lesson[] => [{ text, evidence }];

/** What told the team first: "the first page (X)" or "X's report". */
function detectionWords(f: RunFacts): string {
  const d = f.detection;
  if (!d) return t('postmortem.lesson.detection.impact');
  return d.by === 'page'
    ? t('postmortem.lesson.detection.page', { alert: d.moment.alert ?? '' })
    : t('postmortem.lesson.detection.person', { from: d.moment.from ?? '' });
}

/** When the team could first know: the detection, else the impact's start, else null. */
const detectedAt = (f: RunFacts): number | null => f.detection?.moment.t ?? f.impact.startedAt;

// ---- went well

const acknowledgedFast: Rule = (f) => {
  const p = f.firstPage;
  if (!p || p.page.acknowledgedAt === null) return [];
  const delay = p.page.acknowledgedAt - p.page.firedAt;
  if (delay > N.ACK_GOOD_MS) return [];
  return lesson(
    t('postmortem.lesson.ackFast', { alert: p.page.name, delay: formatDuration(delay) }),
    ids(p.moment, p.ack),
  );
};

const declaredPromptly: Rule = (f) => {
  const at = detectedAt(f);
  if (!f.declaration || at === null) return [];
  const delay = f.declaration.t - at;
  if (delay > N.DECLARE_NORM_MS) return [];
  return lesson(
    delay <= 0
      ? t('postmortem.lesson.declaredBefore', {
          severity: f.severity ?? '',
          what: detectionWords(f),
        })
      : t('postmortem.lesson.declaredFast', {
          severity: f.severity ?? '',
          delay: formatDuration(delay),
          what: detectionWords(f),
        }),
    ids(f.detection?.moment, f.declaration),
  );
};

const evidenceBeforeLevers: Rule = (f) => {
  const m = f.diagnosedMilestone;
  if (!m || f.levers.length === 0 || f.levers.some((l) => l.t < m.t)) return [];
  const trigger = f.diagnosis?.by === 'milestone' ? f.diagnosis.trigger : null;
  return lesson(
    t('postmortem.lesson.evidenceFirst', { look: (trigger ?? m).text }),
    ids(trigger, m, f.levers[0]),
  );
};

const namedTheCause: Rule = (f) => {
  const h = f.hypotheses.find((x) => x.matches);
  if (!h) return [];
  return lesson(
    t('postmortem.lesson.namedCause', {
      at: clockAt(f.startEpochMs, h.moment.t),
      text: String(h.moment.action?.['text'] ?? ''),
    }),
    ids(h.moment),
  );
};

const broughtItBack: Rule = (f) => {
  const levers = f.recoveryLevers;
  const at = detectedAt(f);
  if (levers.length === 0 || f.impact.endedAt === null || at === null) return [];
  const last = levers[levers.length - 1]!;
  return lesson(
    t('postmortem.lesson.recovered', {
      lever: last.text,
      delay: formatDuration(Math.max(0, last.t - at)),
      what: detectionWords(f),
      end: clockAt(f.startEpochMs, f.impact.endedAt),
    }),
    ids(f.detection?.moment, ...levers, f.recoveredMoment),
  );
};

const keptCadence: Rule = (f) => {
  if (!f.declaration || f.updates.length === 0 || !f.silence) return [];
  if (f.silence.ms > N.UPDATE_NORM_MS) return [];
  return lesson(
    plural('postmortem.lesson.cadence', f.updates.length, {
      gap: formatDuration(f.silence.ms),
    }),
    ids(f.declaration, ...f.updates),
  );
};

const toldCustomers: Rule = (f) => {
  const start = f.impact.startedAt;
  if (start === null) return [];
  const end = f.impact.endedAt ?? f.recordEnd;
  const post = f.updates.find(
    (m) => m.action?.['audience'] === 'statusPage' && m.t >= start && m.t <= end,
  );
  if (!post) return [];
  return lesson(
    t('postmortem.lesson.statusPage', { at: clockAt(f.startEpochMs, post.t) }),
    ids(post),
  );
};

const namedCommander: Rule = (f) => {
  const m = f.roles.find((r) => r.action?.['role'] === 'commander');
  if (!m) return [];
  const person = personName(String(m.action?.['person'] ?? ''));
  return lesson(t('postmortem.lesson.commander', { person }), ids(m));
};

// ---- went badly

const harmfulLevers: Rule = (f, harm) =>
  f.harmful.flatMap((m) => {
    const seen = harm(m);
    const fix = m.wrongFix;
    if (!fix || !seen?.shown) return [];
    return lesson(
      t('postmortem.lesson.harmful', {
        lever: m.text,
        at: clockAt(f.startEpochMs, m.t),
        harm: fix.harm.description,
        metric: word('postmortem.metric', fix.harm.metric),
        peak: formatMetric(unitOf(fix.harm.metric), seen.peak),
        peakAt: clockAt(f.startEpochMs, seen.t),
      }),
      ids(m),
    );
  });

const restartsBeforeDatabase: Rule = (f) => {
  const look = f.firstDatabaseLook;
  const before = f.restarts.filter((m) => !look || m.t <= look.t);
  if (before.length < N.RESTARTS_LESSON) return [];
  return lesson(
    look
      ? plural('postmortem.lesson.restartsBeforeDb', before.length, {
          at: clockAt(f.startEpochMs, look.t),
        })
      : plural('postmortem.lesson.restartsNoDb', before.length),
    ids(...before, look),
  );
};

const longSilence: Rule = (f) => {
  const s = f.silence;
  if (!s || s.ms <= N.UPDATE_NORM_MS) return [];
  return lesson(
    t('postmortem.lesson.silence', {
      gap: formatDuration(s.ms),
      from: clockAt(f.startEpochMs, s.from),
      to: clockAt(f.startEpochMs, s.to),
      norm: formatDuration(N.UPDATE_NORM_MS),
    }),
    ids(s.fromMoment, s.toMoment),
  );
};

const declaration: Rule = (f) => {
  const at = detectedAt(f);
  if (at === null) return [];
  if (!f.declaration) {
    if (!f.ended && f.recordEnd - at <= N.DECLARE_NORM_MS) return [];
    return lesson(
      t('postmortem.lesson.neverDeclared', {
        what: detectionWords(f),
        at: clockAt(f.startEpochMs, at),
      }),
      ids(f.detection?.moment ?? f.impactMoment),
    );
  }
  const delay = f.declaration.t - at;
  if (delay <= N.DECLARE_NORM_MS) return [];
  return lesson(
    t('postmortem.lesson.declaredLate', {
      delay: formatDuration(delay),
      what: detectionWords(f),
      norm: formatDuration(N.DECLARE_NORM_MS),
    }),
    ids(f.detection?.moment, f.declaration),
  );
};

const slowAcknowledgement: Rule = (f) => {
  const p = f.firstPage;
  if (!p) return [];
  const renotified = f.moments.filter(
    (m) => m.kind === 'page' && m.alert === p.page.name && m !== p.moment && m.actor === 'system',
  );
  if (p.page.acknowledgedAt === null) {
    if (!f.ended && f.recordEnd - p.page.firedAt <= N.ACK_GOOD_MS) return [];
    return lesson(
      plural('postmortem.lesson.neverAcked', p.page.notifications, { alert: p.page.name }),
      ids(p.moment, ...renotified),
    );
  }
  const delay = p.page.acknowledgedAt - p.page.firedAt;
  if (delay <= N.ACK_GOOD_MS) return [];
  return lesson(
    plural('postmortem.lesson.ackLate', p.page.notifications, {
      alert: p.page.name,
      delay: formatDuration(delay),
    }),
    ids(p.moment, ...renotified, p.ack),
  );
};

const stillHurting: Rule = (f) => {
  if (!f.ended || f.impact.startedAt === null || f.impact.endedAt !== null) return [];
  return lesson(
    t('postmortem.lesson.notRecovered', {
      at: clockAt(f.startEpochMs, f.recordEnd),
      duration: formatDuration(f.impact.durationMs),
    }),
    ids(f.impactMoment, f.endMoment),
  );
};

const neverDiagnosed: Rule = (f) => {
  if (!f.ended || f.diagnosis || f.impact.startedAt === null) return [];
  return lesson(t('postmortem.lesson.neverDiagnosed'), ids(f.impactMoment, f.endMoment));
};

// ---- lucky

const recoveredWithoutTheFix: Rule = (f) => {
  if (f.impact.endedAt === null || f.recoveryLevers.length > 0) return [];
  const end = clockAt(f.startEpochMs, f.impact.endedAt);
  return lesson(
    f.otherLever
      ? t('postmortem.lesson.recoveredOtherLever', { end, lever: f.otherLever.text })
      : t('postmortem.lesson.recoveredAnyway', { end }),
    ids(f.otherLever, f.recoveredMoment),
  );
};

const harmNotShown: Rule = (f, harm) =>
  f.harmful.flatMap((m) => {
    const seen = harm(m);
    const fix = m.wrongFix;
    if (!fix || !seen || seen.shown) return [];
    const metric = word('postmortem.metric', fix.harm.metric);
    return lesson(
      fix.harm.peakAbove === 0
        ? t('postmortem.lesson.harmNotShownNone', {
            lever: m.text,
            harm: fix.harm.description,
            metric,
          })
        : t('postmortem.lesson.harmNotShown', {
            lever: m.text,
            harm: fix.harm.description,
            metric,
            limit: formatMetric(unitOf(fix.harm.metric), fix.harm.peakAbove),
          }),
      ids(m),
    );
  });

const budgetCloseCall: Rule = (f) => {
  const use = f.impact.budgets.find((b) => b.slo === 'availability');
  if (!use || use.consumed < N.BUDGET_CLOSE_CALL || use.remaining <= 0) return [];
  return lesson(
    t('postmortem.lesson.budgetCloseCall', {
      consumed: formatPercent(use.consumed),
      remaining: formatPercent(use.remaining),
    }),
    ids(f.impactMoment, f.recoveredMoment ?? f.endMoment),
  );
};

const WELL: readonly Rule[] = [
  acknowledgedFast,
  declaredPromptly,
  evidenceBeforeLevers,
  namedTheCause,
  broughtItBack,
  keptCadence,
  toldCustomers,
  namedCommander,
];
const BADLY: readonly Rule[] = [
  harmfulLevers,
  restartsBeforeDatabase,
  longSilence,
  declaration,
  slowAcknowledgement,
  stillHurting,
  neverDiagnosed,
];
const LUCKY: readonly Rule[] = [recoveredWithoutTheFix, harmNotShown, budgetCloseCall];

export function lessonsOf(
  f: RunFacts,
  harm: (m: Moment) => HarmSeen | null,
): { wentWell: Lesson[]; wentBadly: Lesson[]; lucky: Lesson[] } {
  const apply = (rules: readonly Rule[]): Lesson[] => rules.flatMap((r) => r(f, harm));
  return { wentWell: apply(WELL), wentBadly: apply(BADLY), lucky: apply(LUCKY) };
}
