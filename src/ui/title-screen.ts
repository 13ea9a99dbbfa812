/**
 * The first screen: title, tagline, the three modes and a (for now disabled) Start button, with a
 * language toggle. Built with createElement and textContent only; every string comes from `t()`.
 */
import { version as packageVersion } from '../../package.json';
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
}

export const MODES: readonly ModeSpec[] = [
  {
    id: 'practice',
    name: 'title.mode.practice.name',
    meta: 'title.mode.practice.meta',
    description: 'title.mode.practice.description',
    icon: practiceIcon,
  },
  {
    id: 'interview',
    name: 'title.mode.interview.name',
    meta: 'title.mode.interview.meta',
    description: 'title.mode.interview.description',
    icon: interviewIcon,
  },
  {
    id: 'classroom',
    name: 'title.mode.classroom.name',
    meta: 'title.mode.classroom.meta',
    description: 'title.mode.classroom.description',
    icon: classroomIcon,
  },
];

const LANGUAGE_NAMES: Readonly<Record<Locale, PlainMessageKey>> = {
  en: 'title.language.en',
  'zh-CN': 'title.language.zh-CN',
};

export interface TitleScreenOptions {
  /** The build version shown in the footer; defaults to package.json's. */
  readonly version?: string;
}

let mounts = 0;

/** Renders the title screen into `root` and returns a function that removes it again. */
export function mountTitleScreen(root: HTMLElement, options: TitleScreenOptions = {}): () => void {
  const prefix = `oc-title-${++mounts}`;
  const version = options.version ?? packageVersion;
  let selected: ModeId = 'practice';

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
        buildPager(),
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
        if (input.checked) selected = mode.id;
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
    // A foundation build: there is nothing to start yet, and the screen says so.
    button.disabled = true;
    return h('div', { className: 'start-row' }, [
      button,
      h('p', { className: 'start-note', id: noteId, text: t('title.start.unavailable') }),
    ]);
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

  return () => {
    unsubscribe();
    root.replaceChildren();
  };
}

/** Latency samples for the decorative alert, as a fraction of the chart height. */
const SPARK = [
  0.3, 0.32, 0.29, 0.33, 0.31, 0.34, 0.3, 0.33, 0.36, 0.35, 0.41, 0.52, 0.66, 0.78, 0.74, 0.83, 0.8,
  0.88, 0.85, 0.9,
];
const THRESHOLD = 0.62;

/** A decorative example page: hidden from assistive technology, text still from the catalogue. */
function buildPager(): HTMLElement {
  const width = 240;
  const height = 56;
  const step = width / (SPARK.length - 1);
  const y = (v: number): number => Math.round((1 - v) * height * 10) / 10;
  const points = SPARK.map((v, i) => `${Math.round(i * step * 10) / 10},${y(v)}`).join(' ');
  const chart = svg(
    'svg',
    {
      class: 'pager-chart',
      viewBox: `0 0 ${width} ${height}`,
      preserveAspectRatio: 'none',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [
      svg('polygon', { class: 'pager-area', points: `0,${height} ${points} ${width},${height}` }),
      svg('line', {
        class: 'pager-threshold',
        x1: 0,
        x2: width,
        y1: y(THRESHOLD),
        y2: y(THRESHOLD),
      }),
      svg('polyline', { class: 'pager-line', points }),
    ],
  );
  return h('figure', { className: 'pager', attrs: { 'aria-hidden': 'true' } }, [
    h('div', { className: 'pager-head' }, [
      h('span', { className: 'pager-state' }, [
        h('span', { className: 'status-dot' }),
        t('title.pager.state'),
      ]),
      h('span', { className: 'pager-severity', text: t('title.pager.severity') }),
      h('figcaption', { className: 'pager-caption', text: t('title.pager.label') }),
    ]),
    h('p', { className: 'pager-service' }, [
      h('span', { text: t('title.pager.service') }),
      h('span', { className: 'pager-time', text: t('title.pager.time') }),
    ]),
    h('p', {
      className: 'pager-summary',
      text: t('title.pager.summary', { threshold: t('title.pager.threshold'), minutes: 5 }),
    }),
    chart,
  ]);
}
