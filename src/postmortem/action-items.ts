/**
 * Action items: the answer key's, then a few this run calls for, each stating the fact behind it
 * (a person noticed before any alert, the first page came late, updates stopped, nobody declared,
 * a wrong fix hurt).
 */
import { t } from '../i18n/index.ts';
import type { AnswerKey } from './answer-key.ts';
import type { RunFacts } from './facts.ts';
import { clockAt, formatDuration } from './format.ts';
import type { HarmSeen } from './harm.ts';
import type { ActionItem } from './model.ts';
import * as N from './norms.ts';
import type { Moment } from './timeline.ts';

function fromRun(
  text: string,
  type: ActionItem['type'],
  ownerRole: string,
  priority: ActionItem['priority'],
): ActionItem {
  return { text, type, ownerRole, priority, source: 'run' };
}

function detectItems(f: RunFacts): ActionItem[] {
  const start = f.impact.startedAt;
  if (start === null) return [];
  const owner = t('postmortem.owner.monitoring');
  const page = f.firstPage?.moment ?? null;
  if (f.detection?.by === 'person')
    return [
      fromRun(
        page
          ? t('postmortem.action.detectPerson', {
              from: f.detection.moment.from ?? '',
              at: clockAt(f.startEpochMs, f.detection.moment.t),
              delay: formatDuration(Math.max(0, page.t - f.detection.moment.t)),
            })
          : t('postmortem.action.detectPersonNoPage', {
              from: f.detection.moment.from ?? '',
              at: clockAt(f.startEpochMs, f.detection.moment.t),
            }),
        'detect',
        owner,
        'P2',
      ),
    ];
  if (page && page.t - start > N.LATE_PAGE_MS)
    return [
      fromRun(
        t('postmortem.action.latePage', {
          alert: page.alert ?? '',
          delay: formatDuration(page.t - start),
        }),
        'detect',
        owner,
        'P2',
      ),
    ];
  if (!page && !f.detection)
    return [fromRun(t('postmortem.action.noDetection'), 'detect', owner, 'P1')];
  return [];
}

function processItems(f: RunFacts): ActionItem[] {
  const owner = t('postmortem.owner.incidentCommander');
  const out: ActionItem[] = [];
  const hurt = f.impact.startedAt !== null;
  if (hurt && !f.declaration && f.ended)
    out.push(fromRun(t('postmortem.action.declare'), 'process', owner, 'P2'));
  if (f.silence && f.silence.ms > N.UPDATE_NORM_MS)
    out.push(
      fromRun(
        t('postmortem.action.cadence', {
          norm: formatDuration(N.UPDATE_NORM_MS),
          gap: formatDuration(f.silence.ms),
        }),
        'process',
        owner,
        'P3',
      ),
    );
  return out;
}

function harmItems(f: RunFacts, harm: (m: Moment) => HarmSeen | null): ActionItem[] {
  const seen = new Set<string>();
  const out: ActionItem[] = [];
  for (const m of f.harmful) {
    const fix = m.wrongFix;
    if (!fix || seen.has(fix.id) || !harm(m)?.shown) continue;
    seen.add(fix.id);
    out.push(
      fromRun(
        t('postmortem.action.runbookWarning', { lever: m.text, harm: fix.harm.description }),
        'mitigate',
        t('postmortem.owner.runbooks'),
        'P3',
      ),
    );
  }
  return out;
}

export function actionItemsOf(
  key: AnswerKey,
  f: RunFacts,
  harm: (m: Moment) => HarmSeen | null,
): ActionItem[] {
  return [
    ...key.actionItems.map((a) => ({ ...a, source: 'answerKey' as const })),
    ...detectItems(f),
    ...processItems(f),
    ...harmItems(f, harm),
  ];
}
