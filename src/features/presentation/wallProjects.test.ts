import { http, HttpResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_VERSION_HEADER } from '../../api/client';
import { STAGE_IDS } from '../../api/common';
import type { Provenance } from '../../api/common';
import { MAX_PAGE_SIZE } from '../../api/projects';
import type { Project, ProjectDetail } from '../../api/projects';
import { kpi, measure } from '../../../tests/factories';
import { largeProjectSet, projectPage, projectsApi, projectsOf, sampleApi } from '../../../tests/fixtures';
import { renderWithData } from '../../../tests/render';
import { wallProjectsOptions } from '../../api/wallProjects';
import type { WallProjects } from '../../api/wallProjects';
import { addsUpToReported, countedOf, illustrativeStages } from './wallProjects';

/** The /projects requests made while `handlers` answer, as their query strings; the handlers come after the recorder. */
function recorded(handlers: RequestHandler[] = []) {
  const asked: URLSearchParams[] = [];
  const recorder = http.get('*/projects', ({ request }) => {
    asked.push(new URL(request.url).searchParams);
  });
  return { asked, handlers: [recorder, ...handlers] };
}

/** The wall screen's projects as its query answers them through the mock API with `handlers` in front. */
function askWall(sector: string | null, handlers: RequestHandler[] = []) {
  const { queryClient } = renderWithData(null, '/', { handlers });
  return queryClient.query(wallProjectsOptions(sector));
}

const ids = (projects: readonly Pick<Project, 'id'>[]) => projects.map((p) => p.id).sort();
const named = (projects: readonly ProjectDetail[]) => projects.filter((p) => p.provenance.kind === 'reported');

let large: ProjectDetail[];
beforeAll(() => {
  large = largeProjectSet(10_000);
});

describe('the wall screen’s project answer', () => {
  it('names every project the report names in a list of 10,000, where they sort after the 500th', async () => {
    const expected = named(large);
    // One page of the list in stage order, as the screen read it before, holds only some of them.
    const firstPage = projectPage(large, { sort: 'stage', pageSize: MAX_PAGE_SIZE });
    expect(firstPage.items.filter((p) => p.provenance.kind === 'reported').length).toBeLessThan(expected.length);

    const { asked, handlers } = recorded(projectsApi(large));
    const data = await askWall(null, handlers);
    expect(ids(data.named)).toEqual(ids(expected));
    // The stage totals and what they count are the whole list's.
    expect(data.total).toBe(10_000);
    expect(data.stageTotals).toEqual(projectPage(large, { pageSize: 1 }).stageTotals);
    expect(data.illustrative).toBe(10_000 - expected.length);
    expect(countedOf(data)).toBe('illustrative');
    expect(illustrativeStages(data)).toBe(true);
    // Three small answers: the list's totals and its illustrative count (a page of one each), and the named projects.
    expect(asked).toHaveLength(3);
    for (const params of asked) {
      expect(params.get('pageSize') === '1' || params.get('provenance') === 'reported').toBe(true);
    }
  });

  it('on the report’s data: its 23 projects, counted as the named ones, in two requests', async () => {
    const { asked, handlers } = recorded();
    const data = await askWall(null, handlers);
    expect(ids(data.named)).toEqual(ids(projectsOf('report')));
    expect(data).toMatchObject({ total: 23, illustrative: 0 });
    expect(countedOf(data)).toBe('named');
    expect(illustrativeStages(data)).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('keeps to the screen’s sector, its named projects in stage order', async () => {
    const { asked, handlers } = recorded(sampleApi());
    const data = await askWall('electronics', handlers);
    const inSector = projectsOf('sample').filter((p) => p.sector === 'electronics');
    expect(data.total).toBe(inSector.length);
    expect(data.illustrative).toBe(inSector.length - named(inSector).length);
    expect(ids(data.named)).toEqual(ids(named(inSector)));
    const order = data.named.map((p) => STAGE_IDS.indexOf(p.stage));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(asked.every((params) => params.get('sector') === 'electronics')).toBe(true);
  });

  it('asks again when a version is published between its answers: the answer is of one version', async () => {
    let first = true;
    // The named projects' first answer comes from version 2, the list's totals from version 1.
    const newer = http.get('*/projects', ({ request }) => {
      if (new URL(request.url).searchParams.get('provenance') !== 'reported' || !first) return undefined;
      first = false;
      const totals = { count: 0, withMoney: 0, planned: 0, completed: 0 };
      const answer = { items: [], page: 1, pageSize: MAX_PAGE_SIZE, total: 0, totals, stageTotals: [] };
      return HttpResponse.json(answer, { headers: { [DATA_VERSION_HEADER]: '2' } });
    });
    const { asked, handlers } = recorded([newer]);
    const data = await askWall(null, handlers);
    expect(data.named).toHaveLength(23);
    expect(countedOf(data)).toBe('named');
    expect(asked).toHaveLength(4);
  });
});

describe('what the stage totals count', () => {
  const reported: Provenance = { kind: 'reported', source: 'L52' };
  const project = (id: string, stage?: Provenance) =>
    ({ id, provenance: reported, ...(stage ? { fieldProvenance: { stage } } : {}) }) as Project;
  const answer = (projects: Project[], total: number, illustrative = 0): WallProjects => ({
    total,
    stageTotals: [],
    illustrative,
    named: projects,
  });

  it('says illustrative when any project of the list is, however many the report names', () => {
    expect(countedOf(answer([project('a')], 2_000, 1))).toBe('illustrative');
    expect(illustrativeStages(answer([project('a')], 2_000, 1))).toBe(true);
  });

  it('says named when the list is the projects the report names, and list when the office lists others', () => {
    expect(countedOf(answer([project('a'), project('b')], 2))).toBe('named');
    expect(countedOf(answer([], 0))).toBe('named');
    expect(countedOf(answer([project('a')], 2_000))).toBe('list');
    expect(illustrativeStages(answer([project('a')], 2_000))).toBe(false);
  });

  it('marks the stages illustrative where a named project’s stage is', () => {
    const assumed = project('b', { kind: 'illustrative' });
    expect(illustrativeStages(answer([project('a'), assumed], 2))).toBe(true);
    expect(countedOf(answer([project('a'), assumed], 2))).toBe('named');
  });
});

describe('whether the stages’ amounts add up to the report’s', () => {
  /** The reported 139.73亿元 of key-project investment completed (L56). */
  const keyProjects = kpi('key-projects', {
    group: 'projects',
    value: measure(13_973e6, 'cny', { kind: 'reported', source: 'L56' }),
  });
  const stages = (...completed: number[]) =>
    completed.map((amount, i) => ({
      stage: STAGE_IDS[i]!,
      count: 1,
      withMoney: 1,
      planned: amount,
      completed: amount,
    }));

  it('says so where they do to the 0.01亿元 the report gives, and not a cent further', () => {
    expect(addsUpToReported(stages(10_000e6, 3_973e6), keyProjects)).toBe(true);
    expect(addsUpToReported(stages(10_000e6, 3_973.4e6), keyProjects)).toBe(true);
    expect(addsUpToReported(stages(10_000e6, 3_974e6), keyProjects)).toBe(false);
    expect(addsUpToReported(stages(558_542e6), keyProjects)).toBe(false);
  });

  it('says nothing of it without a reported amount to add up to', () => {
    expect(addsUpToReported(stages(13_973e6), null)).toBe(false);
    const counted = kpi('key-projects', { group: 'projects', value: measure(180, 'projects') });
    expect(addsUpToReported(stages(180), counted)).toBe(false);
  });
});
