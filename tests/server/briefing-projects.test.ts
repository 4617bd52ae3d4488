/**
 * The briefing names the projects the report names, and only those travel with it: on the sample
 * dataset (23 named projects among 198) the server asks /projects for `provenance=reported`, and
 * the page it renders carries none of the sample's projects in its state or its text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../data/demo';
import { createApp } from '../../server/app';
import { DataService } from '../../server/service';
import { apiConfig } from '../../src/api/client';
import type { Project, ProjectPage } from '../../src/api/projects';
import { render } from '../../src/entry-server';
import { memoryPglite, silent } from './harness';

const byKind = (kind: string) => demoDataset.projects.filter((p) => p.provenance.kind === kind);
const named = byKind('reported');
const sample = byKind('illustrative');

interface RenderedQuery {
  queryKey: unknown[];
  state: { data: unknown };
}

describe('the briefing’s projects, on the sample dataset', () => {
  let service: DataService;
  let request: (path: string) => Promise<Response>;

  beforeAll(async () => {
    service = new DataService({ open: memoryPglite, seed: () => demoDataset, logger: silent, pollMs: 3_600_000 });
    await service.start();
    const index = readFileSync(new URL('../../index.html', import.meta.url));
    const shell = {
      files: new Map([
        ['/index.html', { body: index, type: 'text/html; charset=utf-8', etag: '"s"', immutable: false }],
      ]),
      csp: null,
      mockBuild: false,
    };
    const hono = createApp({ service, app: shell, logger: silent, renderer: { render, manifest: null } });
    request = async (path) => hono.request(path);
  });
  afterAll(async () => {
    apiConfig.fetch = undefined;
    await service.stop();
  });

  it('has both kinds of project to tell apart', () => {
    expect(named.length).toBe(23);
    expect(sample.length).toBeGreaterThan(100);
  });

  it('/projects?provenance= lists the projects of that provenance, with their totals', async () => {
    const page = (await (await request('/api/v1/projects?provenance=reported&pageSize=500')).json()) as ProjectPage;
    expect(page.items.map((p) => p.id).sort()).toEqual(named.map((p) => p.id).sort());
    expect(page.total).toBe(named.length);
    expect(page.stageTotals.reduce((n, s) => n + s.count, 0)).toBe(named.length);
    const illustrative = (await (await request('/api/v1/projects?provenance=illustrative')).json()) as ProjectPage;
    expect(illustrative.total).toBe(sample.length);
  });

  it('refuses a provenance the contract does not know, naming the parameter and the kinds it knows', async () => {
    const res = await request('/api/v1/projects?provenance=official');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('bad_query');
    expect(body.message).toBe('provenance: "official" is not one of reported, derived, imported, illustrative');
  });

  it('renders /briefing with the named projects only in its state, and no sample project anywhere', async () => {
    const html = await (await request('/briefing')).text();
    const json = /<script type="application\/json" id="server-state">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null';
    const state = JSON.parse(json) as { queries: { queries: RenderedQuery[] } } | null;
    const projectQueries = (state?.queries.queries ?? []).filter((q) => q.queryKey[0] === 'projects');
    expect(projectQueries).toHaveLength(1);
    const carried = projectQueries[0]?.state.data as Project[];
    expect(carried.map((p) => p.id).sort()).toEqual(named.map((p) => p.id).sort());
    for (const p of sample) expect(html).not.toContain(`"${p.id}"`);
  });
});
