import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/lib/i18n';

/** Every messages catalog in the app, found by file name so a new one cannot be forgotten. */
const modules = import.meta.glob<Record<string, unknown>>(['../src/**/*messages.ts', '../src/**/*Messages.ts'], {
  eager: true,
});

const isCatalog = (v: unknown): v is Catalog => typeof v === 'object' && v !== null && 'zh-CN' in v && 'en' in v;

const catalogs = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => isCatalog(v))
    .map(([name, v]) => [`${file}#${name}`, v as Catalog] as const),
);

describe('message catalogs', () => {
  it('are found', () => {
    expect(catalogs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(catalogs)('%s has the same keys in zh-CN and en, none empty', (_name, catalog) => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog['zh-CN']).sort());
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [key, text] of Object.entries(catalog[locale])) {
        if (key.startsWith('unit.cny') && locale === 'en') continue;
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it.each(catalogs)('%s uses the same placeholders in both languages', (_name, catalog) => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalog['zh-CN'])) {
      const zh = catalog['zh-CN'][key] ?? '';
      const en = catalog.en[key] ?? '';
      // Month names are English-only ({mon}); numeric months are Chinese-only ({m}).
      const norm = (v: (string | undefined)[]) => v.map((x) => (x === 'mon' ? 'm' : x));
      expect(norm(vars(en)), key).toEqual(norm(vars(zh)));
    }
  });
});
