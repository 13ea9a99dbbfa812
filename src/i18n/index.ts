/**
 * The message catalogue: every string the interface shows goes through `t()`.
 *
 * Pure TypeScript. The only function that reads the browser environment is `detectLocale()`;
 * everything else takes its inputs as arguments so tests can run without a DOM.
 */
import { en, type MessageKey, type Translations } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';

export type { MessageKey, Translations };

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A catalogue as looked up at run time: a key may be absent or explicitly untranslated. */
export type Catalogue = { readonly [K in MessageKey]?: string | undefined };
export type Catalogues = Readonly<Record<Locale, Catalogue>>;

export const CATALOGUES: Catalogues = { en, 'zh-CN': zhCN };

export type ParamValue = string | number;
export type MessageParams = Readonly<Record<string, ParamValue>>;

/** The `{name}` placeholders that occur in a message template, as a union of names. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** `t()` takes params only where the English text has placeholders, and then requires them all. */
export type ParamsFor<K extends MessageKey> = [PlaceholdersOf<(typeof en)[K]>] extends [never]
  ? [params?: MessageParams]
  : [params: Readonly<Record<PlaceholdersOf<(typeof en)[K]>, ParamValue>>];

/** Keys whose text has no placeholders: `t(key)` needs no params for any of them. */
export type PlainMessageKey = {
  [K in MessageKey]: [PlaceholdersOf<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];

let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<(locale: Locale) => void>();

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (!isLocale(locale)) throw new RangeError(`Unknown locale: ${String(locale)}`);
  if (locale === current) return;
  current = locale;
  for (const listener of listeners) listener(locale);
}

/** Calls `listener` after every change of locale; returns a function that unsubscribes. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Maps a language tag to a supported locale: every `zh*` is Simplified Chinese, `en*` English. */
export function normaliseLocale(tag: string | null | undefined): Locale | undefined {
  const lower = (tag ?? '').trim().toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** Chooses the locale from a `?lang=` query first, then the browser language, else English. */
export function pickLocale(env: { readonly search?: string; readonly language?: string }): Locale {
  const fromQuery = normaliseLocale(new URLSearchParams(env.search ?? '').get('lang'));
  return fromQuery ?? normaliseLocale(env.language) ?? DEFAULT_LOCALE;
}

/** The one place that reads the browser: `location.search` and `navigator.language`. */
export function detectLocale(): Locale {
  return pickLocale({
    search: typeof location === 'undefined' ? '' : location.search,
    language: typeof navigator === 'undefined' ? '' : navigator.language,
  });
}

/** Replaces each `{name}` with `params[name]`; unknown placeholders are left as written. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The template for `key` in `locale`, falling back to English and then to the key itself, so a
 * missing string is visible but never breaks the screen.
 */
export function lookup(key: string, locale: Locale = current, catalogues = CATALOGUES): string {
  const find = (catalogue: Catalogue): string | undefined =>
    Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;
  return find(catalogues[locale]) ?? find(catalogues.en) ?? key;
}

/** The text for `key` in the current locale, with `{name}` placeholders filled from `params`. */
export function t<K extends MessageKey>(key: K, ...[params]: ParamsFor<K>): string {
  return interpolate(lookup(key), params);
}

/** A message described as data: a key, its params, and params that are themselves keys. */
export interface MessageRef {
  readonly key: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Params naming catalogue entries (a command's summary, say): translated, then filled in. */
  readonly refs?: Readonly<Record<string, string>>;
}

/** The text of a message described as data, such as a console note, in `locale`. */
export function translateRef(ref: MessageRef, locale: Locale = current): string {
  const params: Record<string, ParamValue> = { ...ref.params };
  for (const [name, key] of Object.entries(ref.refs ?? {})) params[name] = lookup(key, locale);
  return interpolate(lookup(ref.key, locale), params);
}
