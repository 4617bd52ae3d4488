/**
 * One contract suite, three servers, two datasets: every case is asked of the MSW handlers (what
 * the app is developed and tested against), of the data service on PGlite, and of the data
 * service on PostgreSQL when TEST_DATABASE_URL is set (CI sets it), each holding the report's
 * own data (what a new database serves) and the sample data (the demo). The answers must be the
 * same status and the same JSON, valid against the zod contract; error cases must give the
 * status and error code written in the case.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import { datasetHandlers } from '../../mocks/handlers';
import { sectorKpis } from '../../server/answers/figures';
import { LEVEL_IDS, PROJECT_TYPE_IDS, STAGE_IDS } from '../../src/api/common';
import { KpiHistorySchema } from '../../src/api/history';
import { KpiListSchema } from '../../src/api/kpis';
import { MetaSchema } from '../../src/api/meta';
import { PROJECT_SORT_FIELDS, ProjectDetailSchema, ProjectPageSchema } from '../../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../../src/api/sectors';
import { emptyTestPostgres, openTestPostgres, startService, TEST_DATABASE_URL } from './harness';
import type { TestServer } from './harness';

interface Case {
  group: string;
  path: string;
  schema?: z.ZodMiniType;
  /** For error cases: what must come back. */
  expect?: { status: number; error: string };
}

/** Every case for a dataset: each of its periods and projects, and the same bad input. */
const casesOf = (dataset: Dataset): Case[] => {
  const periods = [...dataset.meta.periods.map((p) => p.id), ''];
  const SECTOR_IDS = dataset.meta.sectors.map((s) => s.id);
  return [
    { group: 'meta', path: '/meta', schema: MetaSchema },
    ...periods.flatMap((period) =>
      ['', ...SECTOR_IDS].map((sector) => ({
        group: 'kpis',
        path: `/kpis?period=${period}${sector ? `&sector=${sector}` : ''}`,
        schema: KpiListSchema,
      })),
    ),
    { group: 'kpis', path: '/kpis', schema: KpiListSchema },
    ...[...dataset.kpis, ...sectorKpis(dataset)].map((k) => ({
      group: 'history',
      path: `/kpis/${k.id}/history`,
      schema: KpiHistorySchema,
    })),
    ...periods.map((period) => ({ group: 'sectors', path: `/sectors?period=${period}`, schema: SectorListSchema })),
    ...SECTOR_IDS.flatMap((id) =>
      periods.map((period) => ({
        group: 'sector',
        path: `/sectors/${id}?period=${period}`,
        schema: SectorDetailSchema,
      })),
    ),
    ...[
      '',
      '?page=2',
      '?page=4',
      '?page=99',
      '?pageSize=1',
      '?pageSize=500',
      '?pageSize=7&page=3',
      ...STAGE_IDS.map((s) => `?stage=${s}`),
      ...SECTOR_IDS.map((s) => `?sector=${s}`),
      ...LEVEL_IDS.map((s) => `?level=${s}`),
      ...PROJECT_TYPE_IDS.map((s) => `?type=${s}`),
      ...['reported', 'derived', 'imported', 'illustrative'].map((s) => `?provenance=${s}`),
      `?provenance=reported&pageSize=500&sort=-completed`,
      `?provenance=illustrative&stage=construction&q=${encodeURIComponent('项目')}&pageSize=7&page=2`,
      ...PROJECT_SORT_FIELDS.flatMap((f) => [`?sort=${f}&pageSize=500`, `?sort=-${f}&pageSize=500`]),
      `?q=${encodeURIComponent('桥')}`,
      `?q=${encodeURIComponent('北碚')}&sort=-completed`,
      `?q=${encodeURIComponent('  渝武  ')}`,
      `?q=${encodeURIComponent('示例项目')}&pageSize=500&sort=name`,
      `?q=${encodeURIComponent('不存在的项目')}`,
      '?q=SMART',
      '?q=%25',
      '?q=_',
      `?stage=construction&sector=electronics&sort=-progress`,
      `?stage=preliminary&level=district&type=manufacturing&sort=start&pageSize=5&page=2`,
      `?level=municipal&sort=-planned&pageSize=500`,
      '?stage=&sector=',
    ].map((query) => ({ group: 'projects', path: `/projects${query}`, schema: ProjectPageSchema })),
    ...dataset.projects.map((p) => ({ group: 'project', path: `/projects/${p.id}`, schema: ProjectDetailSchema })),
    // Bad input: the status and the error code are part of the contract.
    ...(
      [
        ['/meta?x=1', 400, 'bad_query'],
        ['/kpis?period=bogus', 400, 'bad_period'],
        ['/kpis?period=1999', 400, 'bad_period'],
        ['/kpis?period=2023M13', 400, 'bad_period'],
        ['/kpis?period=2023D0231', 400, 'bad_period'],
        ['/kpis?period=2023D0827', 400, 'bad_period'],
        ['/kpis?sector=steel', 400, 'bad_sector'],
        ['/kpis?sectors=automotive', 400, 'bad_query'],
        ['/kpis/no-such-figure/history', 404, 'not_found'],
        ['/kpis/investment-signed/history?period=2023H1', 400, 'bad_query'],
        ['/sectors?period=2023Q9', 400, 'bad_period'],
        ['/sectors?page=1', 400, 'bad_query'],
        ['/sectors/steel', 404, 'not_found'],
        ['/sectors/Automotive', 404, 'not_found'],
        ['/sectors/automotive?period=bogus', 400, 'bad_period'],
        ['/projects?pageSize=501', 400, 'bad_query'],
        ['/projects?pageSize=0', 400, 'bad_query'],
        ['/projects?page=0', 400, 'bad_query'],
        ['/projects?page=abc', 400, 'bad_query'],
        ['/projects?page=1.5', 400, 'bad_query'],
        ['/projects?sort=bogus', 400, 'bad_query'],
        ['/projects?sort=--name', 400, 'bad_query'],
        ['/projects?stage=built', 400, 'bad_query'],
        ['/projects?sector=steel', 400, 'bad_query'],
        ['/projects?provenance=official', 400, 'bad_query'],
        ['/projects?provenance=Reported', 400, 'bad_query'],
        [`/projects?q=${'x'.repeat(101)}`, 400, 'bad_query'],
        ['/projects?limit=10', 400, 'bad_query'],
        ['/projects/NOPE', 404, 'not_found'],
        ['/projects/no-such-project', 404, 'not_found'],
        [`/projects/${'a'.repeat(65)}`, 404, 'not_found'],
        ['/projects/baoshan-bridge-west-extension?x=1', 400, 'bad_query'],
      ] as const
    ).map(([path, status, error]) => ({ group: 'errors', path, expect: { status, error } })),
  ];
};

interface Answer {
  status: number;
  body: unknown;
}

async function read(res: Response): Promise<Answer> {
  const body = (await res.json()) as Record<string, unknown>;
  // The publishing time is the server's own; it is checked by the schema, not compared.
  if (typeof body.dataVersion === 'object' && body.dataVersion !== null) {
    body.dataVersion = { ...body.dataVersion, publishedAt: '(time of publishing)' };
  }
  return { status: res.status, body };
}

function contract(what: string, dataset: Dataset) {
  const cases = casesOf(dataset);
  const handlers = datasetHandlers(() => dataset);
  /** The reference answers, from the mock API the app is developed against. */
  const reference = new Map<string, Answer>();
  beforeAll(async () => {
    for (const c of cases) {
      const res = await getResponse(handlers, new Request(`http://localhost/api/v1${c.path}`));
      if (!res) throw new Error(`the mock API has no handler for ${c.path}`);
      reference.set(c.path, await read(res));
    }
  });

  /** Checks one server against every case; returns the failures in words. */
  async function check(request: (path: string) => Promise<Response>, group: string): Promise<string[]> {
    const failures: string[] = [];
    for (const c of cases.filter((x) => x.group === group)) {
      const res = await request(`/api/v1${c.path}`);
      const raw = res.clone();
      const got = await read(res);
      const want = reference.get(c.path);
      if (c.expect) {
        const body = got.body as { error?: unknown; message?: unknown };
        if (got.status !== c.expect.status || body.error !== c.expect.error || typeof body.message !== 'string') {
          failures.push(
            `${c.path}: ${got.status} ${JSON.stringify(got.body)}, expected ${c.expect.status} ${c.expect.error}`,
          );
        }
      } else if (got.status !== 200) {
        failures.push(`${c.path}: HTTP ${got.status} ${JSON.stringify(got.body).slice(0, 200)}`);
      } else if (c.schema) {
        const parsed = safeParse(c.schema, await raw.json());
        if (!parsed.success) failures.push(`${c.path}: breaks the contract: ${parsed.error.issues[0]?.message ?? ''}`);
      }
      try {
        expect(got).toStrictEqual(want);
      } catch {
        failures.push(`${c.path}: differs from the mock API`);
      }
    }
    return failures;
  }

  const groups = [...new Set(cases.map((c) => c.group))];

  describe(`the cases themselves, on ${what}`, () => {
    it('cover every endpoint, and the reference (mock) answers the bad input as the cases say', async () => {
      expect(groups).toEqual(['meta', 'kpis', 'history', 'sectors', 'sector', 'projects', 'project', 'errors']);
      const failures = await check(
        async (path) => (await getResponse(handlers, new Request(`http://localhost${path}`)))!,
        'errors',
      );
      expect(failures).toEqual([]);
      expect(cases.length).toBeGreaterThan(200);
    });
  });

  function suite(name: string, start: () => Promise<TestServer>) {
    describe(`the data service on ${name}, holding ${what}`, () => {
      let server: TestServer;
      let passed = 0;
      beforeAll(async () => {
        server = await start();
      });
      afterAll(async () => {
        console.info(`contract on ${name} (${what}): ${cases.length} cases, ${passed} passed`);
        await server.stop();
      });
      it.each(groups)('answers every %s case as the mock API does', async (group) => {
        const failures = await check(server.request, group);
        expect(failures).toEqual([]);
        passed += cases.filter((c) => c.group === group).length;
      });
      it('answers the same a second time, from its cache', async () => {
        const failures = await check(server.request, 'projects');
        expect(failures).toEqual([]);
      });
    });
  }

  suite('PGlite', () => startService({ seed: () => dataset }));
  if (TEST_DATABASE_URL) {
    suite('PostgreSQL (TEST_DATABASE_URL)', async () => {
      const url = await emptyTestPostgres('contract');
      return startService({ open: openTestPostgres(url), seed: () => dataset });
    });
  }
}

contract('the report’s data', reportDataset);
contract('the sample data', demoDataset);

if (TEST_DATABASE_URL) {
  // Both datasets ran on PostgreSQL above.
} else if (process.env.REQUIRE_POSTGRES) {
  it('the data service on PostgreSQL', () => {
    expect.fail('REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not: CI must prove the contract on PostgreSQL');
  });
} else {
  it.skip('the data service on PostgreSQL: set TEST_DATABASE_URL to run the suite against a PostgreSQL server', () =>
    undefined);
}
