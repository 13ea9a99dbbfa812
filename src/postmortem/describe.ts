/**
 * What a player's action was, in words: the timeline's lines ("Rolled back deployment/api") and
 * the reference path's steps ("Roll back deployment/api"). Actions arrive as the timeline keeps
 * them (loose records), so every field is read defensively and printed as text.
 */
import { interpolate, lookup, t } from '../i18n/index.ts';
import type { MessageParams } from '../i18n/index.ts';
import type { PlayerRecord } from '../scenario/runner.ts';
import { formatCount, formatDuration, formatPercent } from './format.ts';

/** A catalogue text by a key built at run time (the typed `t()` needs literal keys). */
export function tr(key: string, params?: MessageParams): string {
  return interpolate(lookup(key), params);
}

/** The catalogue's word for `prefix.value`, or the value itself when there is none. */
export function word(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  const found = lookup(key);
  return found === key ? value : found;
}

const str = (a: PlayerRecord, k: string): string => {
  const v = a[k];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const num = (a: PlayerRecord, k: string): number | null => {
  const v = a[k];
  return typeof v === 'number' ? v : null;
};

/** Long text (an update, a command line) kept to one readable line. */
export function clipLine(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

const on = (value: unknown): string =>
  tr(value === true ? 'postmortem.word.on' : 'postmortem.word.off');

function backendFilter(a: PlayerRecord): string {
  const f = (a['filter'] ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof f['state'] === 'string')
    parts.push(tr('postmortem.filter.state', { state: f['state'] }));
  if (typeof f['query'] === 'string')
    parts.push(tr('postmortem.filter.query', { query: f['query'] }));
  if (typeof f['olderThanMs'] === 'number')
    parts.push(tr('postmortem.filter.older', { duration: formatDuration(f['olderThanMs']) }));
  if (typeof f['pid'] === 'number') parts.push(tr('postmortem.filter.pid', { pid: f['pid'] }));
  if (typeof f['count'] === 'number')
    parts.push(tr('postmortem.filter.count', { count: f['count'] }));
  return parts.length > 0
    ? parts.join(tr('postmortem.list.separator'))
    : tr('postmortem.filter.all');
}

function settingsList(entries: [string, number | null, (v: number) => string][]): string {
  return entries
    .filter(([, v]) => v !== null)
    .map(([name, v, show]) => `${name} ${show(v!)}`)
    .join(tr('postmortem.list.separator'));
}

/** Params of a lever's text, by lever type. */
function leverParams(a: PlayerRecord): MessageParams {
  switch (a.type) {
    case 'injectFault': {
      const fault = (a['fault'] ?? {}) as Record<string, unknown>;
      return { id: str(a, 'id'), kind: typeof fault['kind'] === 'string' ? fault['kind'] : '' };
    }
    case 'rollback':
      return { deployment: str(a, 'deployment'), revision: str(a, 'toRevision') };
    case 'setPgbouncer':
      return {
        settings: settingsList([
          ['default_pool_size', num(a, 'defaultPoolSize'), String],
          ['max_client_conn', num(a, 'maxClientConn'), String],
        ]),
      };
    case 'setPostgresSetting': {
      // PostgreSQL's timeouts are milliseconds; max_connections is a count.
      const value = num(a, 'value') ?? 0;
      const name = str(a, 'name');
      return {
        name,
        value: name.endsWith('_timeout') ? formatDuration(value) : formatCount(value),
      };
    }
    case 'terminateBackends':
      return { filter: backendFilter(a) };
    case 'createIndex':
      return {
        name: str(a, 'name'),
        table: str(a, 'table'),
        columns: str(a, 'columns'),
      };
    case 'setResolverOptions':
      return {
        options: settingsList([
          ['ndots', num(a, 'ndots'), String],
          ['timeout', num(a, 'timeoutMs'), formatDuration],
          ['attempts', num(a, 'attempts'), String],
        ]),
      };
    case 'shedLoad':
      return { share: formatPercent(num(a, 'ratio') ?? 0) };
    case 'setRetries':
      return { state: on(a['enabled']) };
    case 'setFlag':
      return { flag: str(a, 'flag'), state: on(a['value']) };
    case 'resizeVolume':
      return { gib: formatCount((num(a, 'bytes') ?? 0) / 2 ** 30) };
    case 'scale':
      return { deployment: str(a, 'deployment'), replicas: str(a, 'replicas') };
    case 'setPoolSize':
      return { maxConns: str(a, 'maxConns') };
    case 'setMemoryLimit':
      return { mib: str(a, 'mib') };
    default: {
      // Levers whose text uses their own string fields as they are (deployment, pod, host...).
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(a))
        if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
      return params;
    }
  }
}

/** A variant of a lever's text for a case the key alone cannot tell (a revision, a build mode). */
function leverVariant(a: PlayerRecord): string {
  if (a.type === 'rollback' && num(a, 'toRevision') !== null) return '.toRevision';
  if (a.type === 'createIndex' && a['concurrently'] === true) return '.concurrently';
  if (a.type === 'terminateBackends' && a['cancelOnly'] === true) return '.cancel';
  return '';
}

/**
 * A lever in words: `past` for the timeline ("Rolled back deployment/api"), `step` for the
 * reference path ("Roll back deployment/api"). An unknown lever prints its type.
 */
export function describeLever(a: PlayerRecord, form: 'past' | 'step'): string {
  const key = `postmortem.${form}.${a.type}${leverVariant(a)}`;
  const text = lookup(key);
  return text === key ? a.type : interpolate(text, leverParams(a));
}

/** A hint's text by level, as the answer key writes it. */
export type HintTexts = ReadonlyMap<number, string>;

/** Something the player did that is not a lever, in words (past tense, for the timeline). */
export function describeEvent(a: PlayerRecord, hints: HintTexts): string {
  switch (a.type) {
    case 'inspect': {
      const subject = str(a, 'subject');
      return subject
        ? tr('postmortem.event.inspectSubject', { target: str(a, 'target'), subject })
        : tr('postmortem.event.inspect', { target: str(a, 'target') });
    }
    case 'declareIncident':
      return tr('postmortem.event.declare', {
        severity: str(a, 'severity'),
        title: clipLine(str(a, 'title')),
      });
    case 'assignRole':
      return tr('postmortem.event.assignRole', {
        role: word('postmortem.role', str(a, 'role')),
        person: personName(str(a, 'person')),
      });
    case 'postUpdate':
      return tr('postmortem.event.update', {
        audience: word('postmortem.audience', str(a, 'audience')),
        status: word('postmortem.updateStatus', str(a, 'status')),
        text: clipLine(str(a, 'text'), 240),
      });
    case 'page': {
      const message = clipLine(str(a, 'message'));
      const target = word('reply.from', str(a, 'target'));
      return message
        ? tr('postmortem.event.pageWithMessage', { target, message })
        : tr('postmortem.event.page', { target });
    }
    case 'hypothesis':
      return tr('postmortem.event.hypothesis', { text: clipLine(str(a, 'text'), 240) });
    case 'markMilestone':
      return tr('postmortem.event.markMilestone', {
        milestone: word('postmortem.milestone', str(a, 'name')),
      });
    case 'acknowledgeAlert':
      return tr('postmortem.event.acknowledge', { alert: str(a, 'alert') });
    case 'escalateAlert':
      return tr('postmortem.event.escalate', {
        alert: str(a, 'alert'),
        target: word('reply.from', str(a, 'target')),
      });
    case 'resolveAlert':
      return tr('postmortem.event.resolveAlert', { alert: str(a, 'alert') });
    case 'takeHint': {
      const level = num(a, 'level') ?? 0;
      return tr('postmortem.event.hint', { level, text: hints.get(level) ?? '' });
    }
    case 'clarify':
      return tr('postmortem.event.clarify', { question: questionText(str(a, 'question')) });
    case 'note':
      return tr('postmortem.event.note', { text: clipLine(str(a, 'text'), 240) });
    case 'decision': {
      const role = str(a, 'role');
      const text = clipLine(str(a, 'text'), 240);
      return role
        ? tr('postmortem.event.decisionBy', { role: word('postmortem.role', role), text })
        : tr('postmortem.event.decision', { text });
    }
    case 'facilitatorNote':
      return tr('postmortem.event.facilitatorNote', { text: clipLine(str(a, 'text'), 240) });
    case 'inject':
      return tr('postmortem.event.inject', { event: word('postmortem.inject', str(a, 'event')) });
    case 'revealClue': {
      const level = num(a, 'level') ?? 0;
      return tr('postmortem.event.revealClue', { level, text: hints.get(level) ?? '' });
    }
    default:
      return a.type;
  }
}

/** A clarifying question by its id, in words (the interview's catalogue, when it has the id). */
function questionText(id: string): string {
  const key = `interview.question.${id}`;
  const text = lookup(key);
  return text === key ? id : text;
}

/** A lower-case catalogue word standing on its own ("incident commander" → "Incident commander"). */
export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A person as the incident channel names them: `me` is the player. */
export function personName(person: string): string {
  return person === 'me' ? tr('postmortem.person.me') : word('reply.from', person);
}

/** A counted text: `key.one` for one, `key.other` otherwise (English needs both; Chinese not). */
export function plural(key: string, count: number, params: MessageParams = {}): string {
  return tr(`${key}.${count === 1 ? 'one' : 'other'}`, { ...params, count });
}

/** Sentences joined as the language joins them (a space in English, nothing in Chinese). */
export const sentences = (...parts: readonly string[]): string =>
  parts
    .filter((p) => p !== '')
    .reduce(
      (text, next) => (text === '' ? next : t('postmortem.sentence.join', { text, next })),
      '',
    );
