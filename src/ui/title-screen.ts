/**
 * The first screen: title, tagline, the three modes and a Start button, with a language toggle.
 * Under Start, a line says what comes next in the chosen mode. Built with createElement and textContent only; every string comes from `t()`.
 */
import { LOCALES, getLocale, onLocaleChange, setLocale, t } from '../i18n/index.ts';
import type { Locale, PlainMessageKey } from '../i18n/index.ts';
import { h, svg } from './dom.ts';
import { checkIcon, classroomIcon, interviewIcon, practiceIcon, pulseIcon } from './icons.ts';

export type ModeId = 'practice' | 'interview' | 'classroom';

interface ModeSpec {
  readonly id: ModeId;
  readonly name: PlainMessageKey;
  readonly meta: PlainMessageKey;
  readonly description: PlainMessageKey;
  readonly icon: () => SVGSVGElement;
  /** Under Start: what comes next, or why this mode cannot start yet. */
  readonly startNote: PlainMessageKey;
  readonly playable: boolean;
}

export const MODES: readonly ModeSpec[] = [
  {
    id: 'practice',
    name: 'title.mode.practice.name',
    meta: 'title.mode.practice.meta',
    description: 'title.mode.practice.description',
    icon: practiceIcon,
    startNote: 'title.start.ready.practice',
    playable: true,
  },
  {
    id: 'interview',
    name: 'title.mode.interview.name',
    meta: 'title.mode.interview.meta',
    description: 'title.mode.interview.description',
    icon: interviewIcon,
    startNote: 'title.start.ready.interview',
    playable: true,
  },
  {
    id: 'classroom',
    name: 'title.mode.classroom.name',
    meta: 'title.mode.classroom.meta',
    description: 'title.mode.classroom.description',
    icon: classroomIcon,
    startNote: 'title.start.ready.classroom',
    playable: true,
  },
];

const LANGUAGE_NAMES: Readonly<Record<Locale, PlainMessageKey>> = {
  en: 'title.language.en',
  'zh-CN': 'title.language.zh-CN',
};

/** One moment of the live simulation, as plain data (the UI never imports the simulation). */
export interface LiveSnapshot {
  readonly clock: string;
  readonly route: string;
  /** p99 latency samples in ms, oldest first, one per simulated second. */
  readonly p99Ms: readonly number[];
  readonly thresholdMs: number;
  readonly firing: boolean;
}

/** A source of live snapshots; returns an unsubscribe function. */
export type LiveFeed = (listener: (snapshot: LiveSnapshot) => void) => () => void;

export interface TitleScreenOptions {
  /** The build version shown in the footer; defaults to package.json's. */
  readonly version?: string;
  /** The live simulation shown beside the title; without it the card shows that it is starting. */
  readonly live?: LiveFeed;
  /** Start was pressed with a playable mode selected. */
  readonly onStart?: (mode: ModeId) => void;
  /** Focus Start once mounted: the player is back from a game and Start is where they left. */
  readonly focusStart?: boolean;
}

let mounts = 0;

/** Renders the title screen into `root` and returns a function that removes it again. */
export function mountTitleScreen(root: HTMLElement, options: TitleScreenOptions = {}): () => void {
  const prefix = `oc-title-${++mounts}`;
  const version = options.version ?? __APP_VERSION__;
  let selected: ModeId = 'practice';
  let lastSnapshot: LiveSnapshot | null = null;
  let monitor: LiveMonitor | null = null;
  let updateStart: () => void = () => {};

  const render = (focusLocale?: Locale): void => {
    const locale = getLocale();
    document.documentElement.lang = locale;
    document.title = t('app.documentTitle');
    root.replaceChildren(buildScreen());
    if (focusLocale) {
      root.querySelector<HTMLButtonElement>(`button[data-locale="${focusLocale}"]`)?.focus();
    }
  };

  const buildScreen = (): HTMLElement =>
    h('div', { className: 'title-screen' }, [buildTopBar(), buildMain(), buildFooter()]);

  const buildTopBar = (): HTMLElement => {
    const labelId = `${prefix}-lang-label`;
    const buttons = LOCALES.map((locale) => {
      const active = locale === getLocale();
      const button = h('button', {
        className: 'lang-option',
        text: t(LANGUAGE_NAMES[locale]),
        attrs: {
          type: 'button',
          lang: locale,
          'data-locale': locale,
          'aria-pressed': String(active),
        },
      });
      button.addEventListener('click', () => {
        if (locale === getLocale()) return;
        pendingFocus = locale;
        setLocale(locale);
      });
      return button;
    });
    return h('header', { className: 'topbar' }, [
      h('div', { className: 'topbar-inner' }, [
        h('div', { className: 'brand' }, [
          h('span', { className: 'brand-mark' }, [pulseIcon()]),
          h('span', { className: 'status-pill' }, [
            h('span', { className: 'status-dot', attrs: { 'aria-hidden': 'true' } }),
            t('title.status'),
          ]),
        ]),
        h(
          'div',
          { className: 'lang-toggle', attrs: { role: 'group', 'aria-labelledby': labelId } },
          [
            h('span', { className: 'lang-label', id: labelId, text: t('title.language.label') }),
            h('span', { className: 'lang-options' }, buttons),
          ],
        ),
      ]),
    ]);
  };

  const buildMain = (): HTMLElement =>
    h('main', { className: 'stage', id: `${prefix}-main` }, [
      h('section', { className: 'hero', attrs: { 'aria-labelledby': `${prefix}-title` } }, [
        h('div', { className: 'hero-copy' }, [
          h('p', { className: 'eyebrow', text: t('title.eyebrow') }),
          h('h1', { className: 'title', id: `${prefix}-title`, text: t('app.title') }),
          h('p', { className: 'tagline', text: t('title.tagline') }),
        ]),
        (monitor = buildLiveMonitor(lastSnapshot)).element,
      ]),
      buildModes(),
      buildStart(),
    ]);

  const buildModes = (): HTMLElement => {
    const name = `${prefix}-mode`;
    const cards = MODES.map((mode) => {
      const nameId = `${prefix}-${mode.id}-name`;
      const metaId = `${prefix}-${mode.id}-meta`;
      const descriptionId = `${prefix}-${mode.id}-description`;
      const input = h('input', {
        className: 'mode-input visually-hidden',
        attrs: {
          type: 'radio',
          name,
          value: mode.id,
          'aria-labelledby': nameId,
          'aria-describedby': `${metaId} ${descriptionId}`,
        },
      });
      input.checked = mode.id === selected;
      input.addEventListener('change', () => {
        if (!input.checked) return;
        selected = mode.id;
        updateStart();
      });
      return h('label', { className: 'mode-card', attrs: { 'data-mode': mode.id } }, [
        input,
        h('span', { className: 'mode-head' }, [
          h('span', { className: 'mode-icon' }, [mode.icon()]),
          h('span', { className: 'mode-check' }, [checkIcon()]),
        ]),
        h('span', { className: 'mode-name', id: nameId, text: t(mode.name) }),
        h('span', { className: 'mode-meta', id: metaId, text: t(mode.meta) }),
        h('span', { className: 'mode-description', id: descriptionId, text: t(mode.description) }),
      ]);
    });
    return h('fieldset', { className: 'modes' }, [
      h('legend', { className: 'section-label', text: t('title.modes.legend') }),
      h('div', { className: 'mode-grid' }, cards),
    ]);
  };

  const buildStart = (): HTMLElement => {
    const noteId = `${prefix}-start-note`;
    const button = h('button', {
      className: 'button-primary',
      text: t('title.start'),
      attrs: { type: 'button', 'aria-describedby': noteId },
    });
    const note = h('p', { className: 'start-note', id: noteId });
    const modeSpec = (): ModeSpec => MODES.find((m) => m.id === selected) ?? MODES[0]!;
    // Updated in place when the mode changes, so focus stays on the radio being moved.
    updateStart = () => {
      const mode = modeSpec();
      button.disabled = !mode.playable;
      note.textContent = t(mode.startNote);
      note.classList.toggle('is-unavailable', !mode.playable);
    };
    updateStart();
    button.addEventListener('click', () => {
      if (modeSpec().playable) options.onStart?.(selected);
    });
    return h('div', { className: 'start-row' }, [button, note]);
  };

  const buildFooter = (): HTMLElement =>
    h('footer', { className: 'footer' }, [
      h('div', { className: 'footer-inner' }, [
        h('p', { text: t('title.footer.build', { version }) }),
        h('p', { text: t('title.footer.privacy') }),
      ]),
    ]);

  let pendingFocus: Locale | undefined;
  const unsubscribe = onLocaleChange(() => {
    const focusLocale = pendingFocus;
    pendingFocus = undefined;
    render(focusLocale);
  });
  render();
  if (options.focusStart) root.querySelector<HTMLButtonElement>('.start-row button')?.focus();
  const stopLive = options.live?.((snapshot) => {
    lastSnapshot = snapshot;
    monitor?.update(snapshot);
  });

  return () => {
    stopLive?.();
    unsubscribe();
    root.replaceChildren();
  };
}

interface LiveMonitor {
  readonly element: HTMLElement;
  update(snapshot: LiveSnapshot): void;
}

const CHART_W = 240;
const CHART_H = 56;

/** The live card: state, summary and a p99 sparkline with the alert threshold. Updated in place. */
function buildLiveMonitor(initial: LiveSnapshot | null): LiveMonitor {
  const line = svg('polyline', { class: 'pager-line', points: '' });
  const area = svg('polygon', { class: 'pager-area', points: '' });
  const threshold = svg('line', { class: 'pager-threshold', x1: 0, x2: CHART_W, y1: 0, y2: 0 });
  const chart = svg(
    'svg',
    {
      class: 'pager-chart',
      viewBox: `0 0 ${CHART_W} ${CHART_H}`,
      preserveAspectRatio: 'none',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [area, threshold, line],
  );
  const state = h('span', { className: 'pager-state-text', text: t('title.live.starting') });
  const stateBox = h('span', { className: 'pager-state' }, [
    h('span', { className: 'status-dot' }),
    state,
  ]);
  const clock = h('span', { className: 'pager-time', text: '' });
  const route = h('span', { className: 'pager-route', text: '' });
  const summary = h('p', { className: 'pager-summary', text: '' });
  const caption = h('figcaption', { className: 'pager-caption', text: t('title.live.label') });
  const element = h(
    'figure',
    { className: 'pager is-starting', attrs: { 'data-testid': 'live-monitor' } },
    [
      h('div', { className: 'pager-head' }, [stateBox, caption]),
      h('p', { className: 'pager-service' }, [route, clock]),
      summary,
      chart,
    ],
  );

  const update = (snap: LiveSnapshot): void => {
    element.classList.remove('is-starting');
    element.classList.toggle('is-firing', snap.firing);
    element.classList.toggle('is-healthy', !snap.firing);
    element.setAttribute('aria-label', t('title.live.caption', { route: snap.route }));
    state.textContent = snap.firing ? t('title.live.firing') : t('title.live.ok');
    route.textContent = snap.route;
    clock.textContent = t('title.live.clock', { clock: snap.clock });
    const latest = snap.p99Ms.at(-1) ?? 0;
    summary.textContent = t('title.live.summary', {
      p99: Math.round(latest),
      threshold: snap.thresholdMs,
    });
    // Log scale from 1 ms: a healthy 10 ms and a paging 2 s both stay readable, and the
    // threshold sits at 70% of the height unless the data goes higher.
    const top = Math.log(Math.max(snap.thresholdMs ** (1 / 0.7), ...snap.p99Ms) * 1.1);
    const y = (v: number): number =>
      Math.round((1 - Math.min(Math.log(Math.max(1, v)), top) / top) * CHART_H * 10) / 10;
    const n = snap.p99Ms.length;
    const stepX = n > 1 ? CHART_W / (n - 1) : CHART_W;
    const points = snap.p99Ms.map((v, i) => `${Math.round(i * stepX * 10) / 10},${y(v)}`).join(' ');
    line.setAttribute('points', points);
    area.setAttribute(
      'points',
      n > 0 ? `0,${CHART_H} ${points} ${Math.round((n - 1) * stepX * 10) / 10},${CHART_H}` : '',
    );
    threshold.setAttribute('y1', String(y(snap.thresholdMs)));
    threshold.setAttribute('y2', String(y(snap.thresholdMs)));
  };
  if (initial) update(initial);
  return { element, update };
}
