/**
 * The console as it stood at the cursor: every line run by then with what it printed. Lines run
 * later are in the document but hidden, so moving the time only flips `hidden` on the ones that
 * changed. Output is the tools' text, set as textContent.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { formatElapsed } from '../incident-format.ts';
import type { ReplayMoment } from './moment.ts';
import type { ReplayRecord } from './types.ts';

export interface Transcript {
  readonly element: HTMLElement;
  show(moment: ReplayMoment): void;
}

export function createTranscript(record: ReplayRecord): Transcript {
  const entries = record.transcript.map((entry) =>
    h('li', { className: 'replay-transcript-entry', attrs: { 'data-exit': String(entry.exit) } }, [
      h('p', { className: 'replay-transcript-line' }, [
        h('span', {
          className: 'replay-transcript-time',
          text: t('incident.clock.elapsed', { elapsed: formatElapsed(entry.t) }),
        }),
        h('code', { text: `$ ${entry.line}` }),
      ]),
      entry.output === ''
        ? null
        : h('pre', { className: 'replay-transcript-output', text: entry.output }),
    ]),
  );
  const empty = h('p', { className: 'replay-empty', text: t('replay.transcript.empty') });
  empty.hidden = entries.length > 0;
  const scroller = h(
    'div',
    {
      className: 'replay-scroller replay-transcript-scroller',
      attrs: { tabindex: '0', role: 'group', 'aria-labelledby': 'replay-transcript-heading' },
    },
    [h('ol', { className: 'replay-transcript-list' }, entries)],
  );
  const element = h(
    'section',
    { className: 'replay-transcript', attrs: { 'aria-labelledby': 'replay-transcript-heading' } },
    [
      h('h2', {
        className: 'replay-heading',
        id: 'replay-transcript-heading',
        text: t('replay.transcript.heading'),
      }),
      empty,
      scroller,
    ],
  );
  let shown = entries.length;

  return {
    element,
    show(moment) {
      const next = moment.transcriptShown;
      if (next === shown) return;
      for (let i = Math.min(shown, next); i < Math.max(shown, next); i++)
        entries[i]!.hidden = i >= next;
      shown = next;
      empty.hidden = next > 0;
      // Like a terminal: the newest line at the bottom, in view.
      scroller.scrollTop = scroller.scrollHeight;
    },
  };
}
