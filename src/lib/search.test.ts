import { describe, expect, it } from 'vitest';
import { patchSearch, readSearch, sharedSearch, withoutIgnored } from './search';
import type { ParamSpec, SearchContext } from './search';

const ctx: SearchContext = {
  periods: ['2022', '2023H1', '2023M07', '2023D0826', '2023'],
  defaultPeriod: '2023H1',
  sectors: ['electronics', 'automotive', 'equipment', 'motorcycle', 'materials', 'pharma', 'consumer', 'energy'],
};
const parse = (qs: string, c = ctx) => {
  const { values, ignored } = readSearch(sharedSearch, new URLSearchParams(qs), c);
  return { ...values, ignored };
};

describe('the shared parameters', () => {
  it('takes the sectors from the catalog: one only /meta names is read, one it does not is ignored', () => {
    const catalog = { ...ctx, sectors: [...(ctx.sectors ?? []), 'new-energy-vehicles'] };
    expect(parse('sector=new-energy-vehicles', catalog).sector).toBe('new-energy-vehicles');
    expect(parse('sector=new-energy-vehicles').ignored).toEqual([{ param: 'sector', value: 'new-energy-vehicles' }]);
    // Before /meta has answered, any well-formed sector id is read; a malformed one never.
    expect(parse('sector=new-energy-vehicles', { ...ctx, sectors: null }).sector).toBe('new-energy-vehicles');
    expect(parse('sector=Steel!', { ...ctx, sectors: null }).sector).toBeNull();
  });

  it('reads valid values', () => {
    expect(parse('period=2022&sector=automotive&lang=en&theme=dark')).toEqual({
      period: '2022',
      sector: 'automotive',
      lang: 'en',
      theme: 'dark',
      ignored: [],
    });
  });

  it('falls back to defaults and lists every value it ignored', () => {
    const r = parse('period=bogus&sector=tobacco&lang=fr&theme=neon');
    expect(r).toMatchObject({ period: '2023H1', sector: null, lang: null, theme: null });
    expect(r.ignored).toEqual([
      { param: 'period', value: 'bogus' },
      { param: 'sector', value: 'tobacco' },
      { param: 'lang', value: 'fr' },
      { param: 'theme', value: 'neon' },
    ]);
  });

  it('rejects a well-formed period the API does not offer, but accepts it while the list is unknown', () => {
    expect(parse('period=2021').ignored).toEqual([{ param: 'period', value: '2021' }]);
    expect(parse('period=2021', { periods: null, defaultPeriod: '2023H1' }).period).toBe('2021');
  });

  it('keeps the first valid value of a repeated parameter and reports the rest', () => {
    const r = parse('period=2022&period=2023H1&sector=x&sector=pharma');
    expect(r.period).toBe('2022');
    expect(r.sector).toBe('pharma');
    expect(r.ignored).toEqual([
      { param: 'period', value: '2023H1' },
      { param: 'sector', value: 'x' },
    ]);
  });

  it('shortens overlong values in the report and survives encoded junk', () => {
    const r = parse(`sector=${'a'.repeat(5000)}&period=%3Cscript%3E`);
    expect(r.ignored[0]).toEqual({ param: 'period', value: '<script>' });
    expect(r.ignored[1]?.value).toHaveLength(41);
  });

  it('treats an empty value as absent', () => {
    expect(parse('sector=&period=')).toMatchObject({ sector: null, period: '2023H1', ignored: [] });
  });
});

describe('a route’s own parameters', () => {
  /** A list parameter like the wall screen's slides: its items are judged one by one. */
  const letters: ParamSpec<string[]> = {
    read: (raw, _ctx, ignore) => {
      const ok = raw.split(',').filter((x) => (/^[a-z]$/.test(x) ? true : (ignore(x), false)));
      return ok.length > 0 ? ok : null;
    },
    fallback: () => ['a'],
    write: (v) => v.join(','),
  };
  const schema = { ...sharedSearch, letters };

  it('reports the unusable items of a list one by one, and the whole value only when the reader did not', () => {
    const r = readSearch(schema, new URLSearchParams('letters=b,XX,c&period=nope'), ctx);
    expect(r.values.letters).toEqual(['b', 'c']);
    expect(r.ignored).toEqual([
      { param: 'period', value: 'nope' },
      { param: 'letters', value: 'XX' },
    ]);
    expect(readSearch(schema, new URLSearchParams('letters=1,2'), ctx).values.letters).toEqual(['a']);
  });

  it('corrects the address: ignored values go, the used value of a repeat stays, other parameters are untouched', () => {
    const search = new URLSearchParams('period=x&period=2022&letters=b,XX&q=高铁&sector=tobacco');
    const r = readSearch(schema, search, ctx);
    expect(withoutIgnored(search, r).toString()).toBe(new URLSearchParams('period=2022&letters=b&q=高铁').toString());
  });

  it('trims values before reading them', () => {
    expect(parse('period=%202022%20&lang=en%20')).toMatchObject({ period: '2022', lang: 'en', ignored: [] });
  });
});

describe('patchSearch', () => {
  it('sets, replaces and removes parameters without touching the others', () => {
    const next = patchSearch(new URLSearchParams('period=2022&q=高铁&lang=en'), {
      period: '2023H1',
      q: null,
      sector: '',
    });
    expect(next.toString()).toBe('period=2023H1&lang=en');
  });
});
