import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { configDefaults } from 'vitest/config';
import { resolveApiBaseUrl } from './src/api/client.ts';
import { BOOT_SCRIPT } from './server/boot.ts';
import { contentSecurityPolicy } from './server/csp.ts';
import { precompress } from './server/static.ts';

const require = createRequire(import.meta.url);

/**
 * Serves MSW's worker script in dev and emits it into builds that enable mocks; a normal
 * production build contains neither the worker nor any mock code.
 */
function mockServiceWorker(enabled: boolean): Plugin {
  const source = () => readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'mock-service-worker',
    applyToEnvironment: (environment) => environment.name === 'client',
    configureServer(server) {
      if (!enabled) return;
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(source());
      });
    },
    generateBundle() {
      if (enabled) this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: source() });
    },
  };
}

/**
 * Writes the gzip and brotli forms of the built app's files beside them (server/static.ts): the
 * data service reads them when it starts instead of compressing the app itself, 2 s of CPU at
 * every start. Not for a build with the mock API, which the data service does not serve.
 */
function precompressed(enabled: boolean): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    writeBundle: async ({ dir }) => {
      if (enabled && dir) await precompress(dir);
    },
  };
}

/**
 * Writes which modules (grouped by package) each chunk contains, for the bundle report
 * (scripts/bundle-report.mjs): dist/.vite/bundle-stats.json.
 */
function bundleStats(): Plugin {
  return {
    name: 'bundle-stats',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    generateBundle(_options, bundle) {
      const chunks: Record<string, Record<string, number>> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        const byPackage: Record<string, number> = {};
        for (const [id, info] of Object.entries(output.modules)) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
          const name =
            match?.[1] ?? (id.includes('/src/') ? 'src (app code)' : id.includes('/mocks/') ? 'mocks' : 'other');
          byPackage[name] = (byPackage[name] ?? 0) + info.renderedLength;
        }
        chunks[fileName] = byPackage;
      }
      this.emitFile({ type: 'asset', fileName: '.vite/bundle-stats.json', source: JSON.stringify(chunks, null, 1) });
    },
  };
}

/**
 * Every page shows /meta (district, data date, periods): with the real API, the HTML asks for it
 * while the app's code downloads, and the app's own request is answered from that preload. Not
 * with mocks: the mock worker starts only after the app's code has run.
 */
function preloadMeta(enabled: boolean, apiBaseUrl: string | undefined): Plugin {
  return {
    name: 'preload-meta',
    apply: 'build',
    transformIndexHtml: () =>
      enabled
        ? [
            {
              tag: 'link',
              attrs: {
                rel: 'preload',
                as: 'fetch',
                crossorigin: '',
                href: `${resolveApiBaseUrl(apiBaseUrl)}/meta`,
              },
              injectTo: 'head',
            },
          ]
        : [],
  };
}

/** The language and theme on <html> before the first paint (server/boot.ts), in dev and in builds. */
function firstPaintPrefs(): Plugin {
  return {
    name: 'first-paint-prefs',
    transformIndexHtml: () => [{ tag: 'script', children: BOOT_SCRIPT, injectTo: 'head' }],
  };
}

/** Adds the Content-Security-Policy meta tag to built pages (the dev server needs inline scripts for HMR). */
function csp(apiBaseUrl: string | undefined): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => {
      const tags: HtmlTagDescriptor[] = [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(apiBaseUrl) },
          injectTo: 'head-prepend',
        },
      ];
      // An API on another origin: open the connection while the app's code downloads.
      if (apiBaseUrl && /^https?:\/\//.test(apiBaseUrl)) {
        tags.push({
          tag: 'link',
          attrs: { rel: 'preconnect', href: new URL(apiBaseUrl).origin, crossorigin: '' },
          injectTo: 'head',
        });
      }
      return tags;
    },
  };
}

/**
 * `vite build` builds the app, then its server renderer (src/entry-server.tsx) into `server/` of
 * the same output directory, where the data service finds it (server/render/renderer.ts) and
 * never serves it as a file. A static host needs only the app: `server/` may be left out.
 */
function serverRenderer(): Plugin {
  return {
    name: 'server-renderer',
    config: (config, { command }) =>
      command === 'build'
        ? {
            builder: {
              buildApp: async (builder) => {
                const { client, ssr } = builder.environments;
                if (!client || !ssr) throw new Error('the build needs its client and ssr environments');
                await builder.build(client);
                await builder.build(ssr);
              },
            },
            environments: {
              ssr: {
                // Self-contained, so it runs wherever the build is put (a build directory outside the project too).
                resolve: { noExternal: true },
                // React's production build, as the app's: bundled, its `process.env.NODE_ENV` checks are
                // otherwise left to the server's environment, which `npm start` does not set, and the
                // development build (prop validation, owner stacks) rendered a page in twice the time.
                define: { 'process.env.NODE_ENV': JSON.stringify('production') },
                build: {
                  ssr: 'src/entry-server.tsx',
                  outDir: join(config.build?.outDir ?? 'dist', 'server'),
                  emptyOutDir: true,
                  copyPublicDir: false,
                  manifest: false,
                  sourcemap: false,
                },
              },
            },
          }
        : undefined,
  };
}

export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const mocks = env.VITE_API_MOCKS === 'on' || (command === 'serve' && env.VITE_API_MOCKS !== 'off');
  return {
    plugins: [
      react(),
      mockServiceWorker(mocks && mode !== 'test'),
      csp(env.VITE_API_BASE_URL),
      firstPaintPrefs(),
      preloadMeta(!mocks, env.VITE_API_BASE_URL),
      precompressed(!mocks),
      bundleStats(),
      // A build with the mock API is never served by the data service: no renderer for it.
      ...(mocks ? [] : [serverRenderer()]),
    ],
    define: { __API_MOCKS__: JSON.stringify(mocks && mode !== 'test') },
    server: { port: 5173, strictPort: true, host: '127.0.0.1' },
    preview: {
      port: 4173,
      strictPort: true,
      host: '127.0.0.1',
      // PREVIEW_API=http://127.0.0.1:8787 serves /api from `npm run mock-api` on the same origin, as a deployment would.
      proxy: process.env.PREVIEW_API ? { '/api': process.env.PREVIEW_API } : undefined,
    },
    build: {
      target: 'es2020',
      // es2020's browsers, with the Firefox that knows `system-ui` (92): for older ones the CSS
      // minifier put nine Latin system fonts (Roboto, Noto Sans, Ubuntu …) before the page's Chinese
      // fonts, and a browser with one of them installed looked past it for every Chinese character
      // (the first layout of the Chinese overview 5 ms longer, 20 ms at a phone's speed).
      cssTarget: ['chrome80', 'edge80', 'firefox92', 'safari14'],
      sourcemap: true,
      manifest: true,
      // No modulepreload polyfill (0.3 KB gzip of every page's first load): the browsers that lack
      // modulepreload (Safari before 17) load the same modules when they are imported, only later.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          codeSplitting: {
            // The app shell every page starts with (API client and contract, address model, stores,
            // error panel) as one chunk, instead of a dozen small ones each paying its own overhead.
            groups: [
              {
                // React DOM in a chunk of its own: a server-rendered page runs each of the entry's
                // chunks by a script of its own (server/boot.ts), so the libraries and the app are
                // evaluated in tasks of their own rather than in one long one.
                name: 'react-dom',
                test: /\/node_modules\/(react-dom|scheduler)\//,
              },
              {
                name: 'shell',
                test: /\/src\/(api\/(client|common|meta|versions|queryClient)|lib\/(i18n|search|routeSearch)|stores\/[^/]+|components\/(ErrorPanel|messages))\.tsx?$/,
              },
              {
                // What figures are shown with on the overview and most other pages (a figure's text and
                // source, the first draw, a trend, how a target is worded): one chunk instead of six of a few
                // hundred bytes.
                name: 'figures',
                test: /\/src\/(components\/(FigureText|ProvenanceBadge)|lib\/(useFirstDeferred|useQueuedMount)|domain\/(trend|kpi))\.tsx?$/,
              },
            ],
          },
        },
      },
    },
    test: {
      restoreMocks: true,
      // Test files share their worker's modules (no fresh jsdom and module graph per file): set-up
      // per file was over a third of the suite's time. Files leave nothing behind: tests/setup.ts
      // and renderApp reset the stores, the mock API, storage and the DOM after every test.
      isolate: false,
      // Two workers even on two cores: the suite waits on databases and timers as much as it computes.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      testTimeout: 30_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'app',
            environment: 'jsdom',
            setupFiles: ['./tests/setup.ts'],
            include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
            exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/server/**', 'tests/processes/**'],
          },
        },
        {
          // The data service in Node, in the test's process: real databases, no MSW interception.
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            setupFiles: ['./tests/server/setup.ts'],
            include: ['tests/server/**/*.test.ts'],
            testTimeout: 120_000,
            hookTimeout: 180_000,
          },
        },
        {
          // The server and the commands as operating-system processes: started, killed mid-write, refused.
          extends: true,
          test: {
            name: 'processes',
            environment: 'node',
            include: ['tests/processes/**/*.test.ts'],
            testTimeout: 180_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});
