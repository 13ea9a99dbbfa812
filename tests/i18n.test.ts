import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CATALOGUES,
  DEFAULT_LOCALE,
  LOCALES,
  getLocale,
  interpolate,
  lookup,
  normaliseLocale,
  onLocaleChange,
  pickLocale,
  setLocale,
  t,
  type Locale,
  type MessageKey,
  type Translations,
} from '../src/i18n/index.ts';
import { en } from '../src/i18n/messages.en.ts';
import { zhCN } from '../src/i18n/messages.zh-CN.ts';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();

afterEach(() => setLocale(DEFAULT_LOCALE));

describe('catalogues', () => {
  it('lists every English key in zh-CN, and no others', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('translates every string in zh-CN (none fall back to English yet)', () => {
    const untranslated = Object.entries(zhCN).filter(([, text]) => typeof text !== 'string');
    expect(untranslated).toEqual([]);
  });

  it('uses the same placeholders in every locale', () => {
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale];
      for (const key of Object.keys(en) as MessageKey[]) {
        const text = catalogue[key];
        if (text === undefined) continue;
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('has no empty strings', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(CATALOGUES[locale])) {
        expect(text?.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });
});

describe('t()', () => {
  it('returns the English text by default', () => {
    expect(getLocale()).toBe('en');
    expect(t('app.title')).toBe('On-Call Drill');
  });

  it('returns the text of the current locale', () => {
    setLocale('zh-CN');
    expect(t('app.title')).toBe('值班演练');
    expect(t('title.start')).toBe('开始');
  });

  it('substitutes placeholders', () => {
    expect(t('title.footer.build', { version: '1.2.3' })).toBe('Foundation build · v1.2.3');
    expect(
      t('title.live.summary', {
        p99: 812,
        threshold: 2000,
      }),
    ).toBe('p99 812 ms · pages above 2000 ms (log scale)');
    setLocale('zh-CN');
    expect(t('title.footer.build', { version: '1.2.3' })).toBe('基础构建 · v1.2.3');
  });

  it('inserts params verbatim: markup in a param stays text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(t('title.footer.build', { version: hostile })).toBe(`Foundation build · v${hostile}`);
  });

  it('falls back to the key itself for a key no catalogue knows', () => {
    expect(lookup('no.such.key')).toBe('no.such.key');
  });
});

describe('types (checked by npm run typecheck)', () => {
  it('rejects a catalogue with a missing key, and params that do not match', () => {
    // @ts-expect-error -- every key of the English catalogue is required.
    const partial: Translations = { 'app.title': 'x' };
    expect(partial).toBeDefined();
    // @ts-expect-error -- this message has a {version} placeholder, so params are required.
    expect(t('title.footer.build')).toContain('{version}');
    // @ts-expect-error -- `release` is not a placeholder of this message.
    expect(t('title.footer.build', { release: '1' })).toContain('{version}');
    // @ts-expect-error -- an unknown key.
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('interpolate()', () => {
  it('replaces every occurrence, leaves unknown placeholders alone', () => {
    expect(interpolate('{a}+{a}={b} {c}', { a: 1, b: 2 })).toBe('1+1=2 {c}');
  });

  it('does not read inherited properties as params', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('does not re-expand placeholders inside substituted values', () => {
    expect(interpolate('{a} {b}', { a: '{b}', b: 'x' })).toBe('{b} x');
  });
});

describe('fallback to English', () => {
  it('uses English when the locale has no string for a key', () => {
    expect(lookup('app.title', 'zh-CN', { en, 'zh-CN': {} })).toBe('On-Call Drill');
  });

  it('uses English when the locale marks a string untranslated', () => {
    const catalogues = { en, 'zh-CN': { ...zhCN, 'app.title': undefined } };
    expect(lookup('app.title', 'zh-CN', catalogues)).toBe('On-Call Drill');
    expect(lookup('title.start', 'zh-CN', catalogues)).toBe('开始');
  });
});

describe('locale selection', () => {
  it('maps language tags to supported locales', () => {
    const cases: [string | undefined, Locale | undefined][] = [
      ['zh', 'zh-CN'],
      ['zh-CN', 'zh-CN'],
      ['zh-Hans-SG', 'zh-CN'],
      ['ZH-tw', 'zh-CN'],
      ['en', 'en'],
      ['en-GB', 'en'],
      ['fr-FR', undefined],
      ['', undefined],
      [undefined, undefined],
    ];
    for (const [tag, locale] of cases) expect(normaliseLocale(tag), String(tag)).toBe(locale);
  });

  it('prefers ?lang= over the browser language', () => {
    expect(pickLocale({ search: '?lang=zh-CN', language: 'en-US' })).toBe('zh-CN');
    expect(pickLocale({ search: '?x=1&lang=en', language: 'zh-CN' })).toBe('en');
  });

  it('uses the browser language when ?lang= is absent or unsupported', () => {
    expect(pickLocale({ search: '', language: 'zh-TW' })).toBe('zh-CN');
    expect(pickLocale({ search: '?lang=klingon', language: 'zh' })).toBe('zh-CN');
    expect(pickLocale({ search: '?lang=klingon', language: 'de-DE' })).toBe('en');
  });

  it('defaults to English', () => {
    expect(pickLocale({})).toBe('en');
    expect(pickLocale({ language: 'ja-JP' })).toBe('en');
  });

  it('rejects unknown locales and notifies listeners of changes', () => {
    expect(() => setLocale('fr' as Locale)).toThrow(RangeError);
    const listener = vi.fn();
    const unsubscribe = onLocaleChange(listener);
    setLocale('zh-CN');
    setLocale('zh-CN');
    unsubscribe();
    setLocale('en');
    expect(listener.mock.calls).toEqual([['zh-CN']]);
  });
});
