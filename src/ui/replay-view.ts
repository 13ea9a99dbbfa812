/**
 * The replay view: a finished run played back. A transport (time slider with the decision
 * points marked, play and pause at 1x, 10x or 60x, steps between decisions, the clock), and the
 * run at the cursor: the key metrics over the run with a line at the cursor, the pages open and
 * the story's state, the decisions (the current one highlighted, each with "Branch here"), what
 * happened (later entries dimmed) and the console as it stood. Moving the time only reads the
 * record the composition root built; nothing is simulated here.
 */
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { formatElapsed, outcomeLabel } from './incident-format.ts';
import { exitIcon } from './incident-icons.ts';
import { createCharts } from './replay-view/charts.ts';
import { createDecisionList } from './replay-view/decisions.ts';
import { decisionSummary } from './replay-view/describe.ts';
import { momentAt, nextDecisionTime, previousDecisionTime } from './replay-view/moment.ts';
import type { ReplayMoment } from './replay-view/moment.ts';
import { createMomentPanel } from './replay-view/moment-panel.ts';
import { createScrubber } from './replay-view/scrubber.ts';
import type { ReplaySpeed } from './replay-view/scrubber.ts';
import { createTimeline } from './replay-view/timeline.ts';
import { createTranscript } from './replay-view/transcript.ts';
import type { ReplayRecord } from './replay-view/types.ts';
import './incident.css';
import './replay.css';

export type { ReplayRecord } from './replay-view/types.ts';
export type { ReplaySpeed } from './replay-view/scrubber.ts';

export interface ReplayViewOptions {
  readonly record: ReplayRecord;
  onBack(): void;
  /** Try another action instead of decision `index` (of `record.decisions`). */
  onBranchDecision(index: number): void;
  /** Take over at `t` (simulated ms), with everything done up to and at `t` kept. */
  onBranchMoment(t: number): void;
  /** Where the cursor starts (simulated ms); the start of the run by default. */
  readonly startAt?: number;
}

export interface ReplayView {
  readonly element: HTMLElement;
  /** The cursor, in simulated ms (whole seconds). */
  readonly t: number;
  readonly playing: boolean;
  seek(t: number): void;
  destroy(): void;
}

/** Wall-clock ms between two moves of the cursor while playing. */
export const PLAY_TICK_MS = 100;
const DEFAULT_SPEED: ReplaySpeed = 10;

export function mountReplayView(root: HTMLElement, options: ReplayViewOptions): ReplayView {
  const { record } = options;
  let moment: ReplayMoment = momentAt(record, options.startAt ?? 0);
  /** The cursor while playing, in fractional ms (1x moves a tenth of a second per tick). */
  let position = moment.t;
  let playing = false;
  let speed: ReplaySpeed = DEFAULT_SPEED;
  let timer: ReturnType<typeof setInterval> | null = null;

  const keysId = 'replay-keys';
  const status = h('p', {
    className: 'visually-hidden',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });

  const back = h('button', { className: 'replay-back', attrs: { type: 'button' } }, [
    exitIcon(),
    t('replay.back'),
  ]);
  back.addEventListener('click', () => {
    setPlaying(false);
    options.onBack();
  });
  const header = h('header', { className: 'replay-header' }, [
    back,
    h('div', { className: 'replay-titles' }, [
      h('p', { className: 'replay-eyebrow', text: t('replay.eyebrow') }),
      h('h1', { className: 'replay-title', text: record.title }),
      h('p', {
        className: 'replay-subtitle',
        text: t('replay.subtitle', { seed: record.seed, duration: formatElapsed(record.endMs) }),
      }),
    ]),
    h('p', {
      className: 'replay-outcome',
      attrs: { 'data-outcome': record.outcome ?? 'unfinished' },
      text: record.outcome === null ? t('replay.outcome.unfinished') : outcomeLabel(record.outcome),
    }),
  ]);

  const jump = (at: number | null): void => {
    if (at === null) return;
    setPlaying(false);
    seek(at);
    const current = record.decisions[moment.decision];
    status.textContent =
      current && current.t === moment.t
        ? t('replay.status.at', {
            elapsed: formatElapsed(moment.t),
            what: decisionSummary(current),
          })
        : t('replay.status.end');
  };

  const scrubber = createScrubber(
    record,
    {
      onSeek: (at) => seek(at),
      onPlay: (on) => setPlaying(on),
      onSpeed: (next) => {
        speed = next;
        render();
      },
      onPrevious: () => jump(previousDecisionTime(record, moment.t)),
      onNext: () => jump(nextDecisionTime(record, moment.t)),
      onBranchMoment: () => {
        setPlaying(false);
        options.onBranchMoment(moment.t);
      },
    },
    keysId,
  );
  const charts = createCharts(record, (at) => seek(at));
  const panel = createMomentPanel();
  const decisions = createDecisionList(record, {
    onSeek: (at) => jump(at),
    onBranch: (index) => {
      setPlaying(false);
      options.onBranchDecision(index);
    },
  });
  const timeline = createTimeline(record);
  const transcript = createTranscript(record);

  const element = h('div', { className: 'replay-screen' }, [
    header,
    scrubber.element,
    h('p', { className: 'visually-hidden', id: keysId, text: t('replay.keys') }),
    status,
    h('main', { className: 'replay-main' }, [
      h('div', { className: 'replay-column replay-column-decisions' }, [decisions.element]),
      h('div', { className: 'replay-column replay-column-state' }, [charts.element, panel.element]),
      h('div', { className: 'replay-column replay-column-story' }, [
        timeline.element,
        transcript.element,
      ]),
    ]),
  ]);

  function render(): void {
    scrubber.show(moment, playing, speed);
    charts.show(moment);
    panel.show(moment);
    decisions.show(moment);
    timeline.show(moment);
    transcript.show(moment);
  }

  function seek(at: number): void {
    moment = momentAt(record, at);
    position = moment.t;
    render();
  }

  function setPlaying(on: boolean): void {
    if (on === playing) return;
    playing = on;
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (on) {
      // Play from the start again once the end is reached.
      if (moment.t >= record.endMs) seek(0);
      timer = setInterval(tick, PLAY_TICK_MS);
    }
    render();
  }

  function tick(): void {
    position = Math.min(record.endMs, position + speed * PLAY_TICK_MS);
    const whole = momentAt(record, position);
    if (whole.t !== moment.t) {
      moment = whole;
      render();
    }
    if (position >= record.endMs) setPlaying(false);
  }

  // [ and ] step between decisions from anywhere in the view (not while typing in a field).
  element.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.type !== 'range') return;
    if (target instanceof HTMLTextAreaElement) return;
    if (event.key === '[') {
      event.preventDefault();
      jump(previousDecisionTime(record, moment.t));
    } else if (event.key === ']') {
      event.preventDefault();
      jump(nextDecisionTime(record, moment.t));
    }
  });

  root.replaceChildren(element);
  render();

  return {
    element,
    get t() {
      return moment.t;
    },
    get playing() {
      return playing;
    },
    seek,
    destroy() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      root.replaceChildren();
    },
  };
}
