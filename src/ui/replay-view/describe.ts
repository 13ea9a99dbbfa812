/**
 * A decision in words: the console line as typed, or a sentence per action from a panel or the
 * channel, and what the story answered at once. Field values are the player's or the
 * scenario's data: they are returned as strings for textContent, never parsed.
 */
import { t } from '../../i18n/index.ts';
import {
  audienceLabel,
  catalogueText,
  milestoneLabel,
  outcomeLabel,
  severityLabel,
  targetLabel,
  updateStatusLabel,
} from '../incident-format.ts';
import { incidentRoleLabel, personLabel } from '../incident-respond/roles.ts';
import type { FeedItem } from '../incident-types.ts';
import type { ReplayAction, ReplayDecision } from './types.ts';

const text = (action: ReplayAction, field: string): string => {
  const value = action[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** A lever as its type and fields, e.g. `rollback deployment=api` (what a saved run holds). */
export function leverText(action: ReplayAction): string {
  const fields = Object.entries(action)
    .filter(([name]) => name !== 'type')
    .map(
      ([name, value]) =>
        `${name}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    );
  return [action.type, ...fields].join(' ');
}

/** One sentence for an action. */
export function actionSentence(action: ReplayAction, lever: boolean): string {
  if (lever) return t('replay.action.lever', { lever: leverText(action) });
  switch (action.type) {
    case 'inspect': {
      const subject = text(action, 'subject');
      const target = text(action, 'target');
      return subject === ''
        ? t('replay.action.inspect', { target })
        : t('replay.action.inspectSubject', { target, subject });
    }
    case 'declareIncident':
      return t('replay.action.declareIncident', {
        severity: severityLabel(text(action, 'severity')),
        title: text(action, 'title'),
      });
    case 'assignRole':
      return t('replay.action.assignRole', {
        person: personLabel(text(action, 'person')),
        role: incidentRoleLabel(text(action, 'role')),
      });
    case 'postUpdate':
      return t('replay.action.postUpdate', {
        audience: audienceLabel(text(action, 'audience')),
        status: updateStatusLabel(text(action, 'status')),
      });
    case 'page':
      return t('replay.action.page', { target: targetLabel(text(action, 'target')) });
    case 'hypothesis':
      return t('replay.action.hypothesis');
    case 'markMilestone':
      return t('replay.action.markMilestone', { milestone: milestoneLabel(text(action, 'name')) });
    case 'acknowledgeAlert':
      return t('replay.action.acknowledgeAlert', { alert: text(action, 'alert') });
    case 'escalateAlert':
      return t('replay.action.escalateAlert', {
        alert: text(action, 'alert'),
        target: targetLabel(text(action, 'target')),
      });
    case 'resolveAlert':
      return t('replay.action.resolveAlert', { alert: text(action, 'alert') });
    case 'takeHint':
      return t('replay.action.takeHint', { level: text(action, 'level') });
    default:
      return t('replay.action.other', { action: leverText(action) });
  }
}

/** What the player wrote with an action (an update, a page's message, a hypothesis), if anything. */
export function actionBody(action: ReplayAction): string {
  switch (action.type) {
    case 'postUpdate':
    case 'hypothesis':
      return text(action, 'text');
    case 'page':
      return text(action, 'message');
    default:
      return '';
  }
}

/** The decision in one line: the console line, or its first action's sentence. */
export function decisionSummary(decision: ReplayDecision): string {
  if (decision.line !== null) return decision.line;
  const first = decision.actions[0];
  return first ? actionSentence(first.action, first.lever) : '';
}

/** What the story answered at once, in one line; null for what the decision list leaves out. */
export function effectText(item: FeedItem): string | null {
  switch (item.kind) {
    case 'milestone':
      return t('replay.effect.milestone', { milestone: milestoneLabel(item.name) });
    case 'end':
      return t('replay.effect.end', { outcome: outcomeLabel(item.outcome) });
    case 'message':
      return t('replay.effect.said', { from: item.from, text: item.text });
    case 'reply':
      return t('replay.effect.said', {
        from: catalogueText(item.from),
        text: catalogueText(item.key, item.params),
      });
    case 'alert':
      return t('replay.effect.alert', { name: item.name });
    case 'alertResolved':
      return t('replay.effect.alertResolved', { name: item.name });
    case 'hint':
      return t('replay.effect.hint', { level: item.level });
    default:
      return null;
  }
}
