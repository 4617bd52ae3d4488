/**
 * A page rendered on the server asks for the app's modules once it has painted (server/boot.ts,
 * MODULES_SCRIPT): the tags the built index.html has for them in its head are replaced by the list
 * the modules script reads and the script itself, at the end of the body.
 */
import { describe, expect, it } from 'vitest';
import { MODULES_ELEMENT_ID, MODULES_SCRIPT } from '../../server/boot';
import { pageHtml } from '../../server/render/pages';
import type { RenderedPage } from '../../server/render/renderer';

const built = [
  '<!doctype html><html lang="zh-CN"><head>',
  '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
  '<script type="module" crossorigin src="/assets/index-a1.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/runtime-b2.js">',
  '<link rel="modulepreload" crossorigin href="/assets/shell-c3.js">',
  '</head><body><div id="root"><!--app--><header>shell</header><!--/app--></div></body></html>',
].join('\n');

const page: RenderedPage = {
  html: '<main><h1>北碚区经济运行</h1></main>',
  state: { queries: [] },
  version: '3',
  lang: 'zh-CN',
  theme: null,
  page: null,
  failed: 0,
};

const render = (index: string) => pageHtml(index, page, { styles: [], stylesheets: [] }, "default-src 'self'");

describe('the app’s modules on a rendered page', () => {
  it('are listed at the end of the body with the script that asks for them, not in the head', () => {
    const html = render(built);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('type="module"');
    expect(head).not.toContain('modulepreload');
    const list = new RegExp(`<script type="application/json" id="${MODULES_ELEMENT_ID}">([^<]*)</script>`).exec(html);
    expect(JSON.parse(list?.[1] ?? 'null')).toEqual({
      entry: '/assets/index-a1.js',
      run: ['/assets/runtime-b2.js', '/assets/shell-c3.js'],
      preload: [],
    });
    expect(html).toContain(`<script>${MODULES_SCRIPT}</script></body>`);
    // After the page's own content and its queries, which the app reads when it starts.
    expect(html.indexOf(MODULES_SCRIPT)).toBeGreaterThan(html.indexOf('id="server-state"'));
    expect(html.indexOf('id="server-state"')).toBeGreaterThan(html.indexOf('北碚区经济运行'));
  });

  it('run the modules the entry imports before it, and preload the page’s own, each once', () => {
    const html = pageHtml(
      built,
      page,
      {
        styles: [],
        stylesheets: [],
        modules: ['assets/OverviewPage-d4.js', 'assets/shell-c3.js', 'assets/pace-e5.js'],
      },
      "default-src 'self'",
    );
    const list = new RegExp(`<script type="application/json" id="${MODULES_ELEMENT_ID}">([^<]*)</script>`).exec(html);
    expect(JSON.parse(list?.[1] ?? 'null')).toEqual({
      entry: '/assets/index-a1.js',
      run: ['/assets/runtime-b2.js', '/assets/shell-c3.js'],
      preload: ['/assets/OverviewPage-d4.js', '/assets/pace-e5.js'],
    });
  });

  it('leave a page naming no built entry as it is (the development server’s index.html)', () => {
    const html = render(built.replace(/<script type="module"[^>]*><\/script>/, ''));
    expect(html).not.toContain(MODULES_ELEMENT_ID);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/shell-c3.js">');
  });
});
