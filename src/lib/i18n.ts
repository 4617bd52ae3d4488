import type { LocalizedText } from '../api/common';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

export type Messages<K extends string = string> = Readonly<Record<K, string>>;
/** A feature's messages in every UI language; `en` must have exactly the keys of `zh-CN`. */
export type Catalog<K extends string = string> = Readonly<Record<Locale, Messages<K>>>;
export type Vars = Readonly<Record<string, string | number>>;

export function defineCatalog<const Z extends Record<string, string>>(
  zh: Z,
  en: { readonly [K in keyof Z]: string },
): Catalog<keyof Z & string> {
  return { 'zh-CN': zh, en };
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, vars?: Vars): string {
  return interpolate(catalog[locale][key], vars);
}

export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** The message keys of a catalog, e.g. `CatalogKey<typeof kpiMessages>`. */
export type CatalogKey<C> = C extends Catalog<infer K> ? K : never;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * The key of the form to use for `count` things: `key.one` where the language says "one" for
 * count (English: 1 firm, 1 project) and the catalog has that form, else `key` (Chinese has one form).
 */
export function pluralKey<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, count: number): K {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = `${key}.${rules.select(count)}`;
  return form in catalog[locale] ? (form as K) : key;
}

export const localized = (text: LocalizedText, locale: Locale): string => text[locale];
