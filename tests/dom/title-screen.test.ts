import { fireEvent, getByRole, getByText, queryByText, within } from '@testing-library/dom';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, getLocale, setLocale, t } from '../../src/i18n/index.ts';
import { mountTitleScreen } from '../../src/ui/title-screen.ts';
import type { LiveSnapshot as Snapshot } from '../../src/ui/title-screen.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';

let root: HTMLElement;
let unmount: () => void;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  unmount?.();
  root.remove();
  setLocale(DEFAULT_LOCALE);
  vi.restoreAllMocks();
});

describe('title screen', () => {
  it('shows the title, tagline and a main landmark', () => {
    unmount = mountTitleScreen(root);
    const main = getByRole(root, 'main');
    expect(getByRole(main, 'heading', { level: 1, name: 'On-Call Drill' })).toBeTruthy();
    expect(getByText(main, 'Practise production incidents before they page you')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe(t('app.documentTitle'));
  });

  it('offers three modes, each with a description', () => {
    unmount = mountTitleScreen(root);
    const group = getByRole(root, 'group', { name: 'Choose a mode' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    for (const [name, description] of [
      ['Practice', t('title.mode.practice.description')],
      ['Interview drill', t('title.mode.interview.description')],
      ['Classroom', t('title.mode.classroom.description')],
    ] as const) {
      const radio = within(group).getByRole('radio', { name });
      expect(radio.getAttribute('aria-describedby')).toBeTruthy();
      const card = radio.closest('label');
      expect(card?.textContent).toContain(description);
    }
    const practice = within(group).getByRole('radio', { name: 'Practice' }) as HTMLInputElement;
    expect(practice.checked).toBe(true);
  });

  it('lets the player pick a mode and keeps it across a language change', () => {
    unmount = mountTitleScreen(root);
    fireEvent.click(getByRole(root, 'radio', { name: 'Classroom' }));
    expect((getByRole(root, 'radio', { name: 'Classroom' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(getByRole(root, 'button', { name: '简体中文' }));
    expect((getByRole(root, 'radio', { name: '课堂' }) as HTMLInputElement).checked).toBe(true);
  });

  it('enables Start for Practice and says what comes next', () => {
    const onStart = vi.fn();
    unmount = mountTitleScreen(root, { onStart });
    const start = getByRole(root, 'button', { name: 'Start' }) as HTMLButtonElement;
    expect(start.disabled).toBe(false);
    const note = document.getElementById(start.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('Next: choose an incident and read its briefing.');
    fireEvent.click(start);
    expect(onStart).toHaveBeenCalledExactlyOnceWith('practice');
  });

  it('starts every mode, with what comes next as Start’s description', () => {
    const onStart = vi.fn();
    unmount = mountTitleScreen(root, { onStart });
    const start = getByRole(root, 'button', { name: 'Start' }) as HTMLButtonElement;
    const note = (): string =>
      document.getElementById(start.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    for (const [mode, id, next] of [
      ['Interview drill', 'interview', t('title.start.ready.interview')],
      ['Classroom', 'classroom', t('title.start.ready.classroom')],
    ] as const) {
      const radio = getByRole(root, 'radio', { name: mode });
      fireEvent.click(radio);
      expect(start.disabled).toBe(false);
      expect(note()).toBe(next);
      // Updated in place: the radio keeps focus while the player moves through the modes.
      expect(getByRole(root, 'radio', { name: mode })).toBe(radio);
      fireEvent.click(start);
      expect(onStart).toHaveBeenLastCalledWith(id);
    }
    fireEvent.click(getByRole(root, 'radio', { name: 'Practice' }));
    expect(note()).toBe(t('title.start.ready.practice'));
  });

  it('keeps the chosen mode and its note across a language change', () => {
    unmount = mountTitleScreen(root);
    fireEvent.click(getByRole(root, 'radio', { name: 'Interview drill' }));
    setLocale('zh-CN');
    const start = getByRole(root, 'button', { name: '开始' }) as HTMLButtonElement;
    expect(start.disabled).toBe(false);
    expect(root.textContent).toContain(t('title.start.ready.interview'));
  });

  it('can focus Start when the player comes back from a game', () => {
    unmount = mountTitleScreen(root, { focusStart: true });
    expect(document.activeElement).toBe(getByRole(root, 'button', { name: 'Start' }));
  });

  it('switches to Chinese and back with the language toggle', () => {
    unmount = mountTitleScreen(root);
    const toggle = getByRole(root, 'group', { name: 'Language' });
    const chinese = within(toggle).getByRole('button', { name: '简体中文' });
    expect(chinese.getAttribute('aria-pressed')).toBe('false');
    expect(chinese.getAttribute('lang')).toBe('zh-CN');

    fireEvent.click(chinese);
    expect(getLocale()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(getByRole(root, 'heading', { level: 1, name: '值班演练' })).toBeTruthy();
    expect(getByRole(root, 'group', { name: '选择模式' })).toBeTruthy();
    for (const name of ['练习', '面试演练', '课堂']) {
      expect(getByRole(root, 'radio', { name })).toBeTruthy();
    }
    expect(getByRole(root, 'button', { name: '开始' })).toBeTruthy();
    expect(queryByText(root, 'Practise production incidents before they page you')).toBeNull();
    const pressed = getByRole(root, 'button', { name: '简体中文' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(pressed);

    fireEvent.click(getByRole(root, 'button', { name: 'English' }));
    expect(getLocale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(getByRole(root, 'heading', { level: 1, name: 'On-Call Drill' })).toBeTruthy();
    expect(getByRole(root, 'button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('re-renders when the locale changes elsewhere, and stops after unmounting', () => {
    unmount = mountTitleScreen(root);
    setLocale('zh-CN');
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe('值班演练');
    unmount();
    expect(root.childElementCount).toBe(0);
    setLocale('en');
    expect(root.childElementCount).toBe(0);
  });

  it('gives every button an accessible name', () => {
    unmount = mountTitleScreen(root);
    for (const button of within(root).getAllByRole('button')) {
      expect(button.textContent?.trim()).not.toBe('');
    }
  });
});

describe('no markup from strings', () => {
  it('t() keeps HTML in params as plain text', () => {
    const text = t('title.footer.build', { version: HOSTILE });
    expect(text).toBe(`Foundation build · v${HOSTILE}`);
    const p = document.createElement('p');
    p.textContent = text;
    expect(p.querySelector('img')).toBeNull();
    expect(p.textContent).toBe(text);
  });

  it('the title screen renders a hostile param as text, not as an element', () => {
    unmount = mountTitleScreen(root, { version: HOSTILE });
    expect(getByText(root, `Foundation build · v${HOSTILE}`)).toBeTruthy();
    expect(root.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('never parses HTML while mounting or re-rendering', () => {
    const parsers = [
      vi.spyOn(Element.prototype, 'innerHTML', 'set'),
      vi.spyOn(Element.prototype, 'outerHTML', 'set'),
      vi.spyOn(Element.prototype, 'insertAdjacentHTML'),
      vi.spyOn(Range.prototype, 'createContextualFragment'),
      vi.spyOn(DOMParser.prototype, 'parseFromString'),
      vi.spyOn(document, 'write'),
    ];
    unmount = mountTitleScreen(root);
    fireEvent.click(getByRole(root, 'button', { name: '简体中文' }));
    fireEvent.click(getByRole(root, 'button', { name: 'English' }));
    for (const parser of parsers) expect(parser).not.toHaveBeenCalled();
  });

  it('no source file in src/ui, src/i18n or src/main.ts uses an HTML sink', () => {
    const src = path.resolve(import.meta.dirname, '../../src');
    const files = [
      path.join(src, 'main.ts'),
      ...['ui', 'i18n'].flatMap((dir) =>
        readdirSync(path.join(src, dir))
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(src, dir, f)),
      ),
    ];
    const sinks =
      /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write)\b/;
    for (const file of files) {
      expect(sinks.test(readFileSync(file, 'utf8')), path.relative(src, file)).toBe(false);
    }
  });
});

describe('the live simulation card', () => {
  const feed = () => {
    let push: ((s: Snapshot) => void) | null = null;
    let unsubscribed = false;
    return {
      live: (listener: (s: Snapshot) => void) => {
        push = listener;
        return () => {
          unsubscribed = true;
        };
      },
      send: (s: Snapshot) => push?.(s),
      get unsubscribed() {
        return unsubscribed;
      },
    };
  };

  it('says it is starting until the first snapshot arrives, then shows the route, clock and p99', () => {
    const f = feed();
    const root = document.createElement('div');
    document.body.append(root);
    const unmount = mountTitleScreen(root, { live: f.live });
    const card = root.querySelector<HTMLElement>('[data-testid="live-monitor"]')!;
    expect(card.classList.contains('is-starting')).toBe(true);
    expect(within(card).getByText(t('title.live.starting'))).toBeTruthy();
    f.send({
      clock: '14:03:10',
      route: 'GET /v1/orders',
      p99Ms: [10, 12, 11, 2600],
      thresholdMs: 2000,
      firing: true,
    });
    expect(card.classList.contains('is-firing')).toBe(true);
    expect(within(card).getByText(t('title.live.firing'))).toBeTruthy();
    expect(card.textContent).toContain(t('title.live.clock', { clock: '14:03:10' }));
    expect(card.textContent).toContain(
      t('title.live.summary', {
        p99: 2600,
        threshold: 2000,
      }),
    );
    const points = card.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).toHaveLength(4);
    // The last sample is the highest, so it is drawn at the top of the chart.
    const lastY = Number(points[3]!.split(',')[1]);
    const firstY = Number(points[0]!.split(',')[1]);
    expect(lastY).toBeLessThan(firstY);
    f.send({
      clock: '14:03:11',
      route: 'GET /v1/orders',
      p99Ms: [10, 12],
      thresholdMs: 2000,
      firing: false,
    });
    expect(card.classList.contains('is-firing')).toBe(false);
    expect(within(card).getByText(t('title.live.ok'))).toBeTruthy();
    unmount();
    expect(f.unsubscribed).toBe(true);
    root.remove();
  });

  it('keeps the latest snapshot across a language change', () => {
    const f = feed();
    const root = document.createElement('div');
    document.body.append(root);
    const unmount = mountTitleScreen(root, { live: f.live });
    f.send({
      clock: '09:00:00',
      route: 'GET /v1/orders',
      p99Ms: [5, 6],
      thresholdMs: 2000,
      firing: false,
    });
    setLocale('zh-CN');
    const card = root.querySelector<HTMLElement>('[data-testid="live-monitor"]')!;
    expect(card.textContent).toContain(t('title.live.clock', { clock: '09:00:00' }));
    expect(card.textContent).toContain('正常');
    unmount();
    root.remove();
  });
});
