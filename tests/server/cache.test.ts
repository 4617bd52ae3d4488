/**
 * The data service's cache of answers of the published version: every figure answer of three
 * years of months stays (481 `/kpis` and 481 `/sectors` answers), so readers going through the
 * months are answered from memory; project searches, as many as their filters, take turns in
 * what is left of 16 MiB, never less than 4 MiB; figures beyond 64 MiB make room, oldest first.
 */
import { describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { CACHE_LIMITS, DataService } from '../../server/service';
import type { Snapshot } from '../../server/service';
import { silent } from './harness';

const MiB = 2 ** 20;

const service = new DataService({
  open: () => Promise.reject(new Error('not used')),
  seed: () => reportDataset,
  logger: silent,
  pollMs: 60_000,
});

const snapshot = (): Snapshot => ({
  version: { id: 1, publishedAt: '2026-01-01T00:00:00Z' },
  figures: reportDataset,
  projects: { all: [], byId: new Map() } as unknown as Snapshot['projects'],
  responses: new Map(),
  cachedBytes: 0,
  searchBytes: 0,
});

/** Asks `s`'s cache for `key`, an answer of `kb` KB the first time. */
const ask = (s: Snapshot, key: string, kb: number) =>
  service.cached(s, key, () => Promise.resolve({ body: Buffer.alloc(kb * 1024), etag: `"${key}"` }));

const periods = Array.from(
  { length: 37 },
  (_, i) => `20${23 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
);
const sectors = ['', ...Array.from({ length: 12 }, (_, i) => `&sector=s${i}`)];
const figureKeys = periods.flatMap((p) => sectors.map((s) => `/api/v1/kpis?period=${p}${s}`));
const sectorKeys = periods.flatMap((p) => sectors.map((s) => `/api/v1/sectors${s && `/${s.slice(8)}`}?period=${p}`));
const searchBytes = (s: Snapshot) =>
  [...s.responses].filter(([k]) => k.startsWith('/api/v1/projects?')).reduce((n, [, e]) => n + e.bytes, 0);

describe('the cache of answers', () => {
  it('keeps every /kpis and /sectors answer of three years of months, searches taking turns in 4 MiB beside them', async () => {
    const s = snapshot();
    for (const key of figureKeys) await ask(s, key, 73);
    for (const key of sectorKeys) await ask(s, key, 11);
    const figures = s.cachedBytes;
    expect(figures).toBeGreaterThan(40 * MiB);
    for (let i = 0; i < 100; i++) await ask(s, `/api/v1/projects?pageSize=${100 + i}`, 140);
    expect(figureKeys.every((k) => s.responses.has(k)) && sectorKeys.every((k) => s.responses.has(k))).toBe(true);
    expect(s.searchBytes).toBe(searchBytes(s));
    expect(s.searchBytes).toBeLessThanOrEqual(CACHE_LIMITS.searchesAtLeast);
    expect(s.searchBytes).toBeGreaterThan(CACHE_LIMITS.searchesAtLeast - 200 * 1024);
    // The searches asked for last are the ones kept.
    expect(s.responses.has('/api/v1/projects?pageSize=199')).toBe(true);
    expect(s.responses.has('/api/v1/projects?pageSize=100')).toBe(false);
    expect(s.cachedBytes - s.searchBytes).toBe(figures);
  });

  it('keeps figures within 64 MiB, the answers asked for least recently going first', async () => {
    const s = snapshot();
    for (const key of figureKeys) await ask(s, key, 73);
    await ask(s, figureKeys[0]!, 73); // asked again: now the most recent
    for (let i = 0; i < 400; i++) await ask(s, `/api/v1/projects/p${i}`, 100);
    expect(s.cachedBytes).toBeLessThanOrEqual(CACHE_LIMITS.figures);
    expect(s.cachedBytes).toBeGreaterThan(CACHE_LIMITS.figures - 200 * 1024);
    expect(s.responses.has(figureKeys[0]!)).toBe(true);
    expect(s.responses.has(figureKeys[1]!)).toBe(false);
    expect(s.responses.has('/api/v1/projects/p399')).toBe(true);
  });
});
