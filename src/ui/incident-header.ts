/**
 * The incident screen's header: the scenario's title, the state of play in words, the simulated
 * clock, the speed buttons and the way out. It shows what it is told and reports clicks; the
 * clock itself runs in the composition root.
 */
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { formatElapsed, outcomeLabel } from './incident-format.ts';
import { exitIcon, pauseIcon } from './incident-icons.ts';
import { SPEEDS } from './incident-types.ts';
import type { ClockReading, IncidentInfo, Speed } from './incident-types.ts';
import { pulseIcon } from './icons.ts';

export type Phase = 'briefing' | 'live' | 'ended';

export interface HeaderCallbacks {
  onSpeed(speed: Speed): void;
  onExit(): void;
  /** Shown after the end when given: the way to the debrief. */
  onDebrief?(): void;
  /** Shown when given: opens the facilitator console in another window. */
  onFacilitator?(): void;
}

export interface IncidentHeader {
  readonly element: HTMLElement;
  setClock(reading: ClockReading): void;
  setSpeed(speed: Speed): void;
  setPhase(phase: Phase, outcome?: string): void;
  /** The severity the player declared, once they have. */
  setSeverity(severity: string): void;
}

export function buildHeader(
  info: IncidentInfo,
  prefix: string,
  callbacks: HeaderCallbacks,
): IncidentHeader {
  let phase: Phase = 'briefing';
  let speed: Speed = 0;
  let outcome = '';

  const statusText = h('span', { className: 'incident-status-text' });
  const status = h('p', { className: 'incident-status' }, [
    h('span', { className: 'status-dot', attrs: { 'aria-hidden': 'true' } }),
    statusText,
  ]);
  const utc = h('span', { className: 'clock-utc' });
  const severityText = h('span', { className: 'incident-severity-text' });
  const severity = h(
    'p',
    { className: 'incident-severity', attrs: { title: t('incident.declared.label') } },
    [h('span', { className: 'visually-hidden', text: t('incident.declared.label') }), severityText],
  );
  severity.hidden = true;
  const elapsed = h('span', { className: 'clock-elapsed' });
  const clock = h(
    'p',
    {
      className: 'incident-clock',
      attrs: { role: 'group', 'aria-label': t('incident.clock.label') },
    },
    [
      utc,
      h('span', { className: 'visually-hidden', text: t('incident.clock.elapsedLabel') }),
      elapsed,
    ],
  );

  const speedButtons = SPEEDS.map((value) => {
    const button =
      value === 0
        ? h(
            'button',
            {
              className: 'speed-option speed-pause',
              attrs: { type: 'button', title: t('incident.speed.pause') },
            },
            [
              h('span', { className: 'speed-icon' }, [pauseIcon()]),
              h('span', { className: 'visually-hidden', text: t('incident.speed.pause') }),
            ],
          )
        : h('button', {
            className: 'speed-option',
            text: t('incident.speed.times', { speed: value }),
            attrs: { type: 'button', title: t('incident.speed.timesLabel', { speed: value }) },
          });
    button.dataset['speed'] = String(value);
    button.addEventListener('click', () => {
      if (value === speed) return;
      render(value);
      callbacks.onSpeed(value);
    });
    return button;
  });
  const speeds = h(
    'div',
    {
      className: 'speed-control',
      attrs: { role: 'group', 'aria-label': t('incident.speed.label') },
    },
    speedButtons,
  );
  // An interview runs in real time: no pause, no fast-forward (a facilitator may pause it).
  const locked = h('p', { className: 'speed-locked', text: t('incident.speed.locked') });
  locked.hidden = !info.speedLocked;

  const countdownText = h('span', { className: 'countdown-text' });
  const countdown = h(
    'p',
    {
      className: 'incident-countdown',
      attrs: { role: 'timer', 'aria-label': t('incident.countdown.label') },
    },
    [countdownText],
  );
  countdown.hidden = !info.countdown;

  const facilitator = h('button', {
    className: 'incident-facilitator button-quiet',
    text: t('incident.facilitator.open'),
    attrs: { type: 'button', title: t('incident.facilitator.openLabel') },
  });
  facilitator.addEventListener('click', () => callbacks.onFacilitator?.());
  facilitator.hidden = callbacks.onFacilitator === undefined;

  // After the end there is no clock to steer: the next step is the debrief.
  const after = h('button', {
    className: 'incident-after button-primary',
    text: t('incident.debrief.open'),
    attrs: { type: 'button' },
  });
  after.addEventListener('click', () => callbacks.onDebrief?.());
  after.hidden = true;

  const exit = buildExit(prefix, () => phase === 'live', callbacks.onExit);

  const element = h('header', { className: 'incident-header' }, [
    h('span', { className: 'brand-mark incident-mark' }, [pulseIcon()]),
    h('h1', { className: 'incident-title', text: info.title }),
    severity,
    status,
    clock,
    countdown,
    speeds,
    locked,
    after,
    facilitator,
    exit,
  ]);

  const render = (next: Speed = speed): void => {
    speed = next;
    // Checked before the buttons are disabled, which would drop focus to the page.
    const focusInSpeeds = speeds.contains(document.activeElement);
    for (const button of speedButtons) {
      const pressed = phase === 'live' && button.dataset['speed'] === String(speed);
      button.setAttribute('aria-pressed', String(pressed));
      // Before the pager is taken and after the end there is no clock to steer.
      button.disabled = phase !== 'live';
    }
    if (phase === 'ended' && focusInSpeeds) {
      (callbacks.onDebrief ? after : exit.querySelector('button'))?.focus();
    }
    speeds.hidden = phase === 'ended' || info.speedLocked === true;
    locked.hidden = phase === 'ended' || info.speedLocked !== true;
    after.hidden = phase !== 'ended' || callbacks.onDebrief === undefined;
    const state = phase === 'live' ? (speed === 0 ? 'paused' : 'live') : phase;
    status.dataset['state'] = state;
    if (phase === 'ended') status.dataset['outcome'] = outcome;
    statusText.textContent =
      phase === 'ended'
        ? outcomeLabel(outcome)
        : t(
            state === 'paused'
              ? 'incident.status.paused'
              : state === 'live'
                ? 'incident.status.live'
                : 'incident.status.briefing',
          );
  };

  render();
  return {
    element,
    setClock(reading) {
      const u = t('incident.clock.utc', { clock: reading.utc });
      const e = t('incident.clock.elapsed', { elapsed: formatElapsed(reading.elapsedMs) });
      // Set only on change: this runs every frame.
      if (utc.textContent !== u) utc.textContent = u;
      if (elapsed.textContent !== e) elapsed.textContent = e;
      if (reading.remainingMs !== undefined) {
        const left = reading.remainingMs;
        const c =
          left <= 0
            ? t('incident.countdown.over')
            : t('incident.countdown', { remaining: formatElapsed(left) });
        if (countdownText.textContent !== c) countdownText.textContent = c;
        // The last five minutes are marked (with words first: the text says how little is left).
        countdown.dataset['urgency'] = left <= 5 * 60_000 ? 'low' : 'ok';
      }
    },
    setSpeed: (next) => render(next),
    setSeverity(value) {
      severityText.textContent = value;
      severity.dataset['severity'] = value;
      severity.hidden = false;
    },
    setPhase(next, end = '') {
      phase = next;
      outcome = end;
      render();
    },
  };
}

/** Exit, asking first while the incident is live (a misclick must not throw away a run). */
function buildExit(prefix: string, mustAsk: () => boolean, onExit: () => void): HTMLElement {
  const textId = `${prefix}-exit-confirm`;
  const button = h(
    'button',
    {
      className: 'incident-exit-button',
      attrs: { type: 'button', 'aria-label': t('incident.exit.label') },
    },
    [h('span', { className: 'incident-exit-icon' }, [exitIcon()]), t('incident.exit')],
  );
  const leave = h('button', {
    className: 'incident-confirm-leave',
    text: t('incident.exit.leave'),
    attrs: { type: 'button' },
  });
  const stay = h('button', {
    className: 'incident-confirm-stay',
    text: t('incident.exit.stay'),
    attrs: { type: 'button' },
  });
  const confirm = h(
    'div',
    { className: 'incident-confirm', attrs: { role: 'group', 'aria-labelledby': textId } },
    [
      h('p', { className: 'incident-confirm-text', id: textId, text: t('incident.exit.confirm') }),
      leave,
      stay,
    ],
  );
  confirm.hidden = true;
  const wrap = h('div', { className: 'incident-exit' }, [button, confirm]);
  const ask = (open: boolean): void => {
    confirm.hidden = !open;
    button.hidden = open;
    (open ? stay : button).focus();
  };
  button.addEventListener('click', () => (mustAsk() ? ask(true) : onExit()));
  stay.addEventListener('click', () => ask(false));
  leave.addEventListener('click', onExit);
  confirm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') ask(false);
  });
  return wrap;
}
