/**
 * The replay's transport: a time slider over the run in whole seconds, a mark for each decision
 * point under it (buttons: a click or Enter goes there; one Tab stop, the arrow keys move
 * between marks), play and pause, the speed, steps to the previous and next decision, the clock
 * at the cursor, and "Branch at this moment".
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { formatElapsed } from '../incident-format.ts';
import { formatClock } from '../dashboards/time.ts';
import { decisionSummary } from './describe.ts';
import type { ReplayMoment } from './moment.ts';
import type { DecisionKind, ReplayRecord } from './types.ts';

/** Simulated seconds per wall-clock second while playing. */
export type ReplaySpeed = 1 | 10 | 60;
export const REPLAY_SPEEDS: readonly ReplaySpeed[] = [1, 10, 60];

export interface ScrubberCallbacks {
  onSeek(t: number): void;
  onPlay(playing: boolean): void;
  onSpeed(speed: ReplaySpeed): void;
  onPrevious(): void;
  onNext(): void;
  onBranchMoment(): void;
}

export interface Scrubber {
  readonly element: HTMLElement;
  show(moment: ReplayMoment, playing: boolean, speed: ReplaySpeed): void;
}

export const utcOf = (record: ReplayRecord, ms: number): string =>
  formatClock((record.startEpochMs + ms) / 1000, true);

const RANK: Readonly<Record<DecisionKind, number>> = {
  command: 0,
  look: 1,
  communication: 2,
  lever: 3,
};

interface Tick {
  readonly t: number;
  readonly button: HTMLButtonElement;
}

/** One mark per moment that has decisions; several at the same second share it. */
function buildTicks(record: ReplayRecord, onSeek: (t: number) => void): Tick[] {
  const ticks: Tick[] = [];
  let i = 0;
  while (i < record.decisions.length) {
    const at = record.decisions[i]!.t;
    let j = i;
    let kind: DecisionKind = 'command';
    while (j < record.decisions.length && record.decisions[j]!.t === at) {
      if (RANK[record.decisions[j]!.kind] > RANK[kind]) kind = record.decisions[j]!.kind;
      j += 1;
    }
    const elapsed = formatElapsed(at);
    const label =
      j - i === 1
        ? t('replay.tick.one', { elapsed, what: decisionSummary(record.decisions[i]!) })
        : t('replay.tick.many', { elapsed, count: j - i });
    const button = h('button', {
      className: `replay-tick is-${kind}`,
      attrs: {
        type: 'button',
        'aria-label': label,
        title: label,
        tabindex: '-1',
        'data-t': String(at),
      },
    });
    const share = record.endMs > 0 ? (at / record.endMs) * 100 : 0;
    button.style.setProperty('--at', `${share.toFixed(3)}%`);
    button.addEventListener('click', () => onSeek(at));
    ticks.push({ t: at, button });
    i = j;
  }
  return ticks;
}

export function createScrubber(
  record: ReplayRecord,
  callbacks: ScrubberCallbacks,
  keysId: string,
): Scrubber {
  const endS = Math.floor(record.endMs / 1000);
  const range = h('input', {
    className: 'replay-range',
    attrs: {
      type: 'range',
      min: '0',
      max: String(endS),
      step: '1',
      value: '0',
      'aria-label': t('replay.scrubber.label'),
      'aria-describedby': keysId,
    },
  });
  range.addEventListener('input', () => callbacks.onSeek(Number(range.value) * 1000));

  const ticks = buildTicks(record, callbacks.onSeek);
  const track = h(
    'div',
    {
      className: 'replay-ticks',
      attrs: { role: 'group', 'aria-label': t('replay.ticks.label'), 'aria-describedby': keysId },
    },
    ticks.map((tick) => tick.button),
  );
  let rover = ticks[0]?.button ?? null;
  if (rover) rover.tabIndex = 0;
  const setRover = (button: HTMLButtonElement): void => {
    if (rover) rover.tabIndex = -1;
    rover = button;
    button.tabIndex = 0;
  };
  track.addEventListener('keydown', (event) => {
    const i = ticks.findIndex((tick) => tick.button === event.target);
    if (i < 0) return;
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowUp'
        ? ticks[i - 1]
        : event.key === 'ArrowRight' || event.key === 'ArrowDown'
          ? ticks[i + 1]
          : event.key === 'Home'
            ? ticks[0]
            : event.key === 'End'
              ? ticks.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    setRover(next.button);
    next.button.focus();
    callbacks.onSeek(next.t);
  });

  let playing = false;
  const playButton = h('button', { className: 'replay-play', attrs: { type: 'button' } });
  playButton.addEventListener('click', () => callbacks.onPlay(!playing));
  const previous = h('button', {
    className: 'replay-step',
    text: '[',
    attrs: { type: 'button', 'aria-label': t('replay.previous'), title: t('replay.previous') },
  });
  previous.addEventListener('click', () => callbacks.onPrevious());
  const next = h('button', {
    className: 'replay-step',
    text: ']',
    attrs: { type: 'button', 'aria-label': t('replay.next'), title: t('replay.next') },
  });
  next.addEventListener('click', () => callbacks.onNext());

  const speeds = REPLAY_SPEEDS.map((speed) => {
    const button = h('button', {
      className: 'replay-speed',
      text: t('replay.speed.value', { speed }),
      attrs: {
        type: 'button',
        'aria-pressed': 'false',
        'aria-label': t('replay.speed.name', { speed }),
      },
    });
    button.addEventListener('click', () => callbacks.onSpeed(speed));
    return { speed, button };
  });

  const utc = h('span', { className: 'replay-clock-utc' });
  const elapsed = h('span', { className: 'replay-clock-elapsed' });
  const clock = h(
    'p',
    { className: 'replay-clock', attrs: { role: 'group', 'aria-label': t('replay.clock.label') } },
    [utc, elapsed],
  );
  const branchHelp = h('span', { className: 'visually-hidden', id: `${keysId}-branch` });
  const branch = h('button', {
    className: 'replay-branch-moment',
    text: t('replay.branchMoment'),
    attrs: { type: 'button', 'aria-describedby': `${keysId}-branch` },
  });
  branch.addEventListener('click', () => callbacks.onBranchMoment());

  const element = h(
    'section',
    { className: 'replay-transport', attrs: { 'aria-label': t('replay.controls.label') } },
    [
      h('div', { className: 'replay-buttons' }, [
        previous,
        playButton,
        next,
        h(
          'div',
          {
            className: 'replay-speeds',
            attrs: { role: 'group', 'aria-label': t('replay.speed.label') },
          },
          speeds.map((s) => s.button),
        ),
        clock,
        branch,
        branchHelp,
      ]),
      h('div', { className: 'replay-scrub' }, [range, track]),
    ],
  );

  return {
    element,
    show(moment, isPlaying, speed) {
      playing = isPlaying;
      const seconds = String(Math.floor(moment.t / 1000));
      if (range.value !== seconds) range.value = seconds;
      const utcText = utcOf(record, moment.t);
      const elapsedText = formatElapsed(moment.t);
      range.setAttribute(
        'aria-valuetext',
        t('replay.scrubber.valueText', { elapsed: elapsedText, clock: utcText }),
      );
      utc.textContent = t('incident.clock.utc', { clock: utcText });
      elapsed.textContent = t('incident.clock.elapsed', { elapsed: elapsedText });
      playButton.textContent = isPlaying ? t('replay.pause') : t('replay.play');
      for (const s of speeds) s.button.setAttribute('aria-pressed', String(s.speed === speed));
      const current = moment.decision >= 0 ? record.decisions[moment.decision]!.t : null;
      for (const tick of ticks) tick.button.classList.toggle('is-current', tick.t === current);
      const here = ticks.find((tick) => tick.t === current);
      // The Tab stop follows the cursor, unless the player is moving along the marks.
      if (here && !track.contains(document.activeElement)) setRover(here.button);
      branch.title = t('replay.branchMoment.help', { elapsed: elapsedText });
      branchHelp.textContent = branch.title;
    },
  };
}
