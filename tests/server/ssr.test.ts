/**
 * Pages rendered on the server (server/render/, src/entry-server.tsx): each route's first screen
 * holds the published version's figures as the page prints them, in both languages, with the
 * queries it was rendered from for the browser to hydrate; a publish changes the next render;
 * ETags answer 304; an address the server cannot render still gets the app's shell. The entry is
 * imported as source (no build), and the app's shell is the project's index.html.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { scaleDataset } from '../../data/scale';
import { createApp } from '../../server/app';
import { publish } from '../../server/db/publish';
import { pageHtml, pagePolicy, renderLimits } from '../../server/render/pages';
import { pageStylesheets } from '../../server/render/renderer';
import type { RenderPage } from '../../server/render/renderer';
import { DataService } from '../../server/service';
import type { App } from '../../server/static';
import { apiConfig } from '../../src/api/client';
import { render } from '../../src/entry-server';
import { memoryPglite, silent } from './harness';

const index = readFileSync(new URL('../../index.html', import.meta.url));
const shell: App = {
  files: new Map([
    ['/index.html', { body: index, type: 'text/html; charset=utf-8', etag: '"shell"', immutable: false }],
  ]),
  csp: null,
  mockBuild: false,
};

type Lang = 'zh-CN' | 'en';

interface Route {
  path: string;
  /** Text of the page as a reader sees it, in each language. */
  shows: Record<Lang, string[]>;
  /** Queries the page was rendered from (their keys' first parts). */
  queries: string[];
}

const PROJECT = '/projects/gzucm-chongqing-hospital';

const ROUTES: Route[] = [
  {
    path: '/',
    shows: {
      'zh-CN': ['经济运行总览', '数据截至 2023年8月26日', '139.73亿元', '完成当期计划的 119.8%', '180亿元'],
      en: ['Economic overview', 'Data as of Aug 26, 2023', '¥13.97B', '119.8% of the period’s plan', '¥18.0B'],
    },
    queries: ['meta', 'kpis'],
  },
  {
    path: '/sectors',
    shows: { 'zh-CN': ['产业结构', '产业一览', '汽车'], en: ['Sectors', 'Sectors at a glance', 'Automotive'] },
    queries: ['meta', 'sectors'],
  },
  {
    path: '/sectors/automotive?period=2023M07',
    shows: { 'zh-CN': ['汽车', '56.67亿元', '+10.8%', '53家'], en: ['Automotive', '¥5.67B', '+10.8%'] },
    queries: ['meta', 'sectors'],
  },
  {
    path: '/projects',
    shows: {
      'zh-CN': ['重大项目', '广州中医药大学第一附属医院重庆医院（一期）', '渝武高速公路复线', '139.73亿元'],
      en: ['Major projects', 'Chongqing Hospital of the First Affiliated Hospital', '¥13.97B'],
    },
    queries: ['meta', 'projects'],
  },
  {
    path: PROJECT,
    shows: {
      'zh-CN': ['广州中医药大学第一附属医院重庆医院（一期）', '一期开工仪式', '2023年8月26日'],
      en: ['Chongqing Hospital of the First Affiliated Hospital of Guangzhou University of Chinese Medicine (Phase 1)'],
    },
    queries: ['meta', 'projects'],
  },
  {
    path: '/briefing',
    shows: {
      'zh-CN': ['经济运行简报', '北碚区经济运行简报（2023年上半年）', '45.3%'],
      en: ['Economic briefing', 'Beibei District economic briefing — H1 2023', '45.3%'],
    },
    queries: ['meta', 'kpis', 'projects', 'sectors'],
  },
  {
    path: '/indicators/investment-signed',
    shows: {
      'zh-CN': ['签约资金', '最新：2023年上半年 180亿元', '2023年全年 400亿元'],
      en: ['Investment signed', 'Latest: H1 2023 ¥18.0B', '2023 (full year) ¥40.0B'],
    },
    queries: ['meta', 'kpiHistory'],
  },
];

const withLang = (path: string, lang: Lang) =>
  lang === 'zh-CN' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=en`;

/** The page's text as a reader sees it: #root without tags or entities. */
function textOf(html: string): string {
  const root = /<div id="root">([\s\S]*)<\/div>\s*<script/.exec(html)?.[1] ?? '';
  return root
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

interface ServerState {
  version: string | null;
  queries: { queries: { queryKey: unknown[]; state: { status: string } }[] };
}

function stateOf(html: string): ServerState | null {
  const json = /<script type="application\/json" id="server-state">([^<]*)<\/script>/.exec(html)?.[1];
  return json === undefined ? null : (JSON.parse(json) as ServerState);
}

/** A pino logger whose lines a test can read. */
function capturingLogger() {
  const lines: { level: number; msg: string; path?: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

describe('pages rendered on the server', () => {
  let service: DataService;
  let request: (path: string, init?: RequestInit) => Promise<Response>;
  const { logger, lines } = capturingLogger();

  beforeAll(async () => {
    service = new DataService({ open: memoryPglite, seed: () => reportDataset, logger: silent, pollMs: 3_600_000 });
    await service.start();
    const hono = createApp({ service, app: shell, logger, renderer: { render, manifest: null } });
    request = async (path, init) => hono.request(path, init);
  });
  afterAll(async () => {
    // The app's client in this worker asks the network again.
    apiConfig.fetch = undefined;
    await service.stop();
  });

  for (const route of ROUTES) {
    it(`${route.path}: the published figures in both languages, and the queries they came from`, async () => {
      for (const lang of ['zh-CN', 'en'] as const) {
        const res = await request(withLang(route.path, lang));
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).not.toContain('<noscript>');
        const text = textOf(html);
        for (const shown of route.shows[lang]) expect(text, `${route.path} in ${lang}`).toContain(shown);
        const state = stateOf(html);
        expect(state?.version).toBe('1');
        const rendered = state?.queries.queries ?? [];
        expect(rendered.every((q) => q.state.status === 'success')).toBe(true);
        expect([...new Set(rendered.map((q) => q.queryKey[0]))].sort()).toEqual([...route.queries].sort());
        // The page's own policy: no inline script or style but those named by hash.
        const policy = res.headers.get('Content-Security-Policy') ?? '';
        expect(policy).not.toContain("'unsafe-inline'");
        expect(html).not.toMatch(/<script>/);
      }
    });
  }

  it('takes the theme from the address', async () => {
    const html = await (await request('/?theme=dark&lang=en')).text();
    expect(html).toContain('<html lang="en" data-theme="dark">');
  });

  it('answers 304 to the ETag of the page it rendered, and a publish changes the page on the next request', async () => {
    const first = await request('/');
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"p1-/);
    expect((await request('/', { headers: { 'If-None-Match': etag } })).status).toBe(304);

    const september = { ...reportDataset, meta: { ...reportDataset.meta, asOf: '2023-09-30' } };
    await publish(service.database(), september, { publishedBy: '甲', sourceName: 'a.xlsx', basedOn: 1 });
    await service.poll();
    const after = await request('/', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).toMatch(/^"p2-/);
    const html = await after.text();
    expect(textOf(html)).toContain('数据截至 2023年9月30日');
    expect(stateOf(html)?.version).toBe('2');
  });

  it('answers a new page in the encoding asked for, compressing the other after answering', async () => {
    const first = await request('/briefing?lang=en', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(first.headers.get('Content-Encoding')).toBe('br');
    const page = brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString('utf8');
    // A client that takes gzip only gets the same page, gzipped, once it has been compressed.
    await vi.waitFor(async () => {
      const gzipped = await request('/briefing?lang=en', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gzipped.headers.get('Content-Encoding')).toBe('gzip');
      expect(gzipped.headers.get('ETag')).toBe(first.headers.get('ETag'));
      expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8')).toBe(page);
    });
    // A client that takes gzip only gets a new page gzipped on its first request too.
    const gzipFirst = await request('/projects?lang=en&theme=dark', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipFirst.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipFirst.arrayBuffer())).toString('utf8')).toContain('Major projects');
  });

  it('gives an address it cannot render the app shell, and any other address a page', async () => {
    const unknownProject = await request('/projects/no-such-project');
    expect(unknownProject.status).toBe(200);
    const html = await unknownProject.text();
    expect(html).toContain('<!--app-->');
    expect(stateOf(html)).toBeNull();
    expect(lines.some((l) => l.msg === 'page left to the browser' && l.path === '/projects/no-such-project')).toBe(
      true,
    );

    const unknownPage = await request('/no/such/page?x=<script>');
    expect(unknownPage.status).toBe(200);
    expect(stateOf(await unknownPage.text())?.version).toBe('2');
  });

  it('never renders the admin page, which is each editor’s own', async () => {
    const html = await (await request('/admin')).text();
    expect(html).toContain('<!--app-->');
    expect(stateOf(html)).toBeNull();
  });

  it('serves the shell, and logs why, when rendering fails or takes too long', async () => {
    renderLimits.timeoutMs = 100;
    for (const [failing, reason] of [
      [() => Promise.reject(new Error('boom')), 'boom'],
      [
        (_url, _fetch, signal) =>
          new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error))),
        'timeout',
      ],
    ] as [RenderPage, string][]) {
      const caught = capturingLogger();
      const hono = createApp({
        service,
        app: shell,
        logger: caught.logger,
        renderer: { render: failing, manifest: null },
      });
      const res = await hono.request(`/projects?${reason}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<!--app-->');
      const logged = caught.lines.find((l) => l.msg === 'server render failed: serving the app shell');
      expect(logged?.level).toBe(50);
      expect(JSON.stringify(logged)).toContain(reason === 'boom' ? 'boom' : 'TimeoutError');
    }
    renderLimits.timeoutMs = 3000;
  });
});

describe('the page around a render', () => {
  it('keeps the queries as JSON no string in them can close or open markup with', () => {
    const hostile = '</script><script>alert(1)</script><!--';
    const html = pageHtml(
      index.toString(),
      {
        html: '<p>x</p>',
        state: { queries: [{ name: hostile }] },
        version: '1',
        lang: 'en',
        theme: null,
        page: null,
        failed: 0,
      },
      { styles: [], stylesheets: [] },
      "default-src 'self'",
    );
    expect(html).not.toContain(hostile);
    expect(html).not.toContain('<!--app-->');
    expect(stateOf(html)?.queries).toEqual({ queries: [{ name: hostile }] });
  });
});

describe('what a rendered page adds to the shell', () => {
  it('puts in the stylesheets of the page and of the chunks it imports that the shell does not link', () => {
    const manifest = {
      'index.html': { file: 'assets/index.js', css: ['assets/index.css'], imports: ['_shell.js'] },
      '_shell.js': { file: 'assets/shell.js', css: ['assets/shell.css'] },
      '_badge.js': { file: 'assets/badge.js', css: ['assets/badge.css'], imports: ['_shell.js'] },
      'src/features/kpis/OverviewPage.tsx': {
        file: 'assets/OverviewPage.js',
        css: ['assets/OverviewPage.css'],
        imports: ['_shell.js', '_badge.js', 'index.html'],
      },
    };
    expect(pageStylesheets(manifest, 'src/features/kpis/OverviewPage.tsx')).toEqual([
      'assets/OverviewPage.css',
      'assets/badge.css',
    ]);
    expect(pageStylesheets(manifest, null)).toEqual([]);
  });

  it('allows exactly its style elements and attributes by hash, never inline styles at large', () => {
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const policy = pagePolicy(
      "default-src 'self'; style-src 'self'; img-src 'self'",
      '<div style="width:45%"></div><p style="font-family:&quot;A&quot;"></p><div style="width:45%"></div>',
      ['.a{color:red}'],
    );
    expect(policy).toBe(
      `default-src 'self'; style-src 'self' ${sha('.a{color:red}')} 'unsafe-hashes' ${sha('width:45%')} ${sha('font-family:"A"')}; img-src 'self'`,
    );
    expect(pagePolicy("style-src 'self'", '<p>no styles</p>', [])).toBe("style-src 'self'");
  });
});

describe('pages rendered on the server, on a dataset without the report’s half-year', () => {
  let service: DataService;
  let request: (path: string) => Promise<Response>;

  beforeAll(async () => {
    service = new DataService({
      open: memoryPglite,
      seed: () => scaleDataset('2023M02'),
      logger: silent,
      pollMs: 3_600_000,
    });
    await service.start();
    const hono = createApp({ service, app: shell, logger: silent, renderer: { render, manifest: null } });
    request = async (path) => hono.request(path);
  });
  afterAll(async () => {
    apiConfig.fetch = undefined;
    await service.stop();
  });

  it('renders the default period /meta names when the address names none', async () => {
    for (const path of ['/', '/briefing', '/present', '/sectors']) {
      const html = await (await request(path)).text();
      const rendered = stateOf(html)?.queries.queries ?? [];
      expect(rendered.length, path).toBeGreaterThan(1);
      expect(rendered.every((q) => q.state.status === 'success')).toBe(true);
      const figures = rendered.filter((q) => q.queryKey[0] === 'kpis').map((q) => JSON.stringify(q.queryKey));
      for (const key of figures) expect(key, path).toContain('"2023M02"');
      expect(textOf(html), path).toContain('2023年1–2月');
    }
  });
});
