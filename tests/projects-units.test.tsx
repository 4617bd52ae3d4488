import { describe, expect, it } from 'vitest';
import { demoProjects, largeProjectSet } from '../data/projects';
import { queryProjects } from '../server/answers/projects';
import { reportDataset } from '../data/dataset';
import { projectHandlers } from '../mocks/handlers/projects';
import { server } from '../mocks/node';
import { fetchAllProjects } from '../src/api/projects';
import { projectsCsv } from '../src/features/projects/csv';
import { labelsFor } from '../src/features/projects/labels';
import { projectLabelMessages } from '../src/lib/projectLabelMessages';
import type { ProjectLabelKey } from '../src/lib/projectLabelMessages';
import { projectMessages } from '../src/features/projects/messages';
import type { ProjectMessageKey } from '../src/features/projects/messages';
import { parseTrackerSearch } from '../src/features/projects/params';
import { translate } from '../src/lib/i18n';
import type { Translate } from '../src/lib/i18n';

describe('parseTrackerSearch', () => {
  it('reads valid values and defaults the paging', () => {
    const s = parseTrackerSearch(
      new URLSearchParams(
        'stage=signed&sector=automotive&level=district&type=logistics&q=%20物流%20&sort=-planned&page=3&pageSize=100&lang=en&mock=large',
      ),
    );
    expect(s.ignored).toEqual([]);
    expect(s.filter).toEqual({
      stage: 'signed',
      sector: 'automotive',
      level: 'district',
      type: 'logistics',
      q: '物流',
      sort: '-planned',
      page: 3,
      pageSize: 100,
    });
    expect(parseTrackerSearch(new URLSearchParams('')).filter).toEqual({ page: 1, pageSize: 50 });
  });

  it('drops and reports invalid values instead of throwing', () => {
    const s = parseTrackerSearch(
      new URLSearchParams(`stage=done&level=national&type=x&sort=-price&page=0&pageSize=7&q=${'长'.repeat(120)}`),
    );
    expect(s.filter).toEqual({ page: 1, pageSize: 50 });
    expect(s.ignored.map((i) => i.param)).toEqual(['stage', 'level', 'type', 'q', 'sort', 'page', 'pageSize']);
    expect(s.ignored.find((i) => i.param === 'q')?.value).toHaveLength(41);
  });
});

describe('fetchAllProjects', () => {
  it('reads every page of a filtered list larger than the API page size', async () => {
    // 599 of 1,000 under construction: two pages of the API's largest page size (500).
    const large = largeProjectSet(1_000);
    server.use(...projectHandlers(() => large));
    const expected = queryProjects(large, { stage: 'construction', sort: 'name', pageSize: 1_000 });
    expect(expected.total).toBeGreaterThan(500);
    const all = await fetchAllProjects({ stage: 'construction', sort: 'name' });
    expect(all).toHaveLength(expected.total);
    expect(all.map((p) => p.id)).toEqual(expected.items.map((p) => p.id));
  });
});

describe('projectsCsv', () => {
  it('neutralises formula starts in text but keeps numbers numeric', () => {
    const p = { ...demoProjects[0]!, name: '+cmd|" /C calc"!A0', description: '-2+3' };
    const t: Translate<ProjectMessageKey> = (k, v) => translate(projectMessages, 'zh-CN', k, v);
    const labels = labelsFor(t, (k, v) => translate(projectLabelMessages, 'zh-CN', k, v));
    const csv = projectsCsv([p], t, labels);
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`,"'+cmd|"" /C calc""!A0",'-2+3,`);
    expect(row).toContain(`,${p.planned?.value},${p.completed?.value},`);
  });
});

describe('sector names', () => {
  it('are one per sector everywhere: the tracker names sectors as /meta does, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const t: Translate<ProjectMessageKey> = (k, v) => translate(projectMessages, locale, k, v);
      const names: Translate<ProjectLabelKey> = (k, v) => translate(projectLabelMessages, locale, k, v);
      // Before /meta arrives the catalog stands in; after, /meta's own words are used.
      for (const sectors of [undefined, reportDataset.meta.sectors]) {
        const labels = labelsFor(t, names, sectors, locale);
        for (const s of reportDataset.meta.sectors) expect(labels.sector(s.id)).toBe(s.label[locale]);
      }
    }
  });
});
