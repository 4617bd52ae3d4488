import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTERVAL_S,
  DEFAULT_PAGE_S,
  DEFAULT_REFRESH_S,
  DEFAULT_SLIDES,
  expandSlides,
  parsePresentationParams,
} from '../src/features/presentation/params';
import { staleness } from '../src/features/presentation/live';
import type { UseQueryResult } from '@tanstack/react-query';

const parse = (search: string) => parsePresentationParams(new URLSearchParams(search));

describe('presentation address parameters', () => {
  it('reads slides, interval and refresh', () => {
    expect(parse('slides=pipeline,kpis&interval=12&refresh=60')).toEqual({
      layout: 'slides',
      slides: ['pipeline', 'kpis'],
      intervalMs: 12_000,
      refreshMs: 60_000,
      ignored: [],
    });
  });

  it('uses the defaults when nothing is given', () => {
    expect(parse('')).toEqual({
      layout: 'slides',
      slides: [...DEFAULT_SLIDES],
      intervalMs: DEFAULT_INTERVAL_S * 1000,
      refreshMs: DEFAULT_REFRESH_S * 1000,
      ignored: [],
    });
  });

  it.each([
    ['interval', 'abc'],
    ['interval', '0'],
    ['interval', '-5'],
    ['interval', '2.5'],
    ['interval', '1e9'],
    ['interval', 'Infinity'],
    ['refresh', '1'],
    ['refresh', 'NaN'],
    ['refresh', '99999999'],
  ])('falls back to the default for %s=%s and says so', (param, value) => {
    const p = parse(`${param}=${value}`);
    expect(p.intervalMs).toBe(DEFAULT_INTERVAL_S * 1000);
    expect(p.refreshMs).toBe(DEFAULT_REFRESH_S * 1000);
    expect(p.ignored).toEqual([{ param, value }]);
  });

  it('reads the layout: the slides by default, or every topic on one screen', () => {
    expect(parse('').layout).toBe('slides');
    expect(parse('layout=slides').layout).toBe('slides');
    expect(parse('layout=screen')).toMatchObject({ layout: 'screen', ignored: [] });
  });

  it('turns the screen’s project list a page every interval, by default more often than slides change', () => {
    expect(parse('layout=screen').intervalMs).toBe(DEFAULT_PAGE_S * 1000);
    expect(DEFAULT_PAGE_S).toBeLessThan(DEFAULT_INTERVAL_S);
    expect(parse('layout=screen&interval=4').intervalMs).toBe(4000);
    expect(parse('layout=slides&interval=4').intervalMs).toBe(4000);
    expect(parse('layout=screen&interval=0')).toMatchObject({
      intervalMs: DEFAULT_PAGE_S * 1000,
      ignored: [{ param: 'interval', value: '0' }],
    });
  });

  it.each(['grid', 'SCREEN', '<script>', 'screen,slides'])(
    'shows the slides for an unknown layout=%s and says it was ignored',
    (value) => {
      const p = parse(`layout=${encodeURIComponent(value)}`);
      expect(p.layout).toBe('slides');
      expect(p.intervalMs).toBe(DEFAULT_INTERVAL_S * 1000);
      expect(p.ignored).toEqual([{ param: 'layout', value }]);
    },
  );

  it('keeps the first usable layout of several, and reports the others', () => {
    expect(parse('layout=bogus&layout=screen&layout=slides')).toMatchObject({
      layout: 'screen',
      ignored: [
        { param: 'layout', value: 'bogus' },
        { param: 'layout', value: 'slides' },
      ],
    });
  });

  it('drops unknown slide names, keeps the rest in order, and ignores repeats', () => {
    const p = parse('slides=projects,bogus,,kpis,projects,%3Cscript%3E');
    expect(p.slides).toEqual(['projects', 'kpis']);
    expect(p.ignored).toEqual([
      { param: 'slides', value: 'bogus' },
      { param: 'slides', value: '<script>' },
    ]);
  });

  it('shows the default slides when none of the names is known', () => {
    const p = parse('slides=nothing,here');
    expect(p.slides).toEqual([...DEFAULT_SLIDES]);
    expect(p.ignored).toHaveLength(2);
  });

  it('shortens very long bad values in the note', () => {
    const p = parse(`interval=${'9'.repeat(500)}`);
    expect(p.ignored[0]?.value.length).toBeLessThan(50);
  });

  it('expands sectors:each into one slide per sector, in place', () => {
    expect(expandSlides(['kpis', 'sectors:each', 'projects'], ['automotive', 'pharma'])).toEqual([
      { kind: 'kpis' },
      { kind: 'sector', sector: 'automotive' },
      { kind: 'sector', sector: 'pharma' },
      { kind: 'projects' },
    ]);
  });
});

describe('staleness', () => {
  const q = (over: Partial<UseQueryResult>) =>
    ({ isError: false, data: undefined, dataUpdatedAt: 0, ...over }) as UseQueryResult;

  it('is fresh while every query succeeds', () => {
    expect(staleness([q({ data: 1, dataUpdatedAt: 5 })])).toEqual({ stale: false, since: null });
  });

  it('reports the oldest data that could not be refreshed', () => {
    expect(
      staleness([
        q({ isError: true, data: 1, dataUpdatedAt: 300 }),
        q({ isError: true, data: 1, dataUpdatedAt: 200 }),
        q({ data: 1, dataUpdatedAt: 100 }),
      ]),
    ).toEqual({ stale: true, since: 200 });
  });

  it('is stale without a time when a failing query never had data', () => {
    expect(staleness([q({ isError: true })])).toEqual({ stale: true, since: null });
  });
});
