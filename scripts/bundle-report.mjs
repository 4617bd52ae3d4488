// What each route downloads, from a build's manifest (dist/.vite/manifest.json):
//   initial  = the entry, the route's page chunk and their static imports (needed for first paint);
//   untilIdle = initial + every chunk the page can load lazily (charts and the like), except
//   onDemand = the chunks of modules loaded only on a user's request (ON_DEMAND: a chart's PNG
//   and CSV, the tracker's CSV, the Word briefing), which a page never loads by itself.
// Sizes are gzip bytes of the built files. `node scripts/bundle-report.mjs [distDir]` prints the table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROUTES = {
  '/': 'src/features/kpis/OverviewPage.tsx',
  '/sectors': 'src/features/sectors/SectorsPage.tsx',
  '/sectors/:id': 'src/features/sectors/SectorDetailPage.tsx',
  '/projects': 'src/features/projects/ProjectsPage.tsx',
  '/projects/:id': 'src/features/projects/ProjectDetailPage.tsx',
  '/present': 'src/features/presentation/PresentationPage.tsx',
  '/briefing': 'src/features/briefing/BriefingPage.tsx',
  '/admin': 'src/features/admin/AdminPage.tsx',
  '/changes': 'src/features/changes/ChangesPage.tsx',
  '/indicators/:id': 'src/features/indicators/IndicatorPage.tsx',
};

/** Modules imported only when the user asks for them (`await import()` in a click handler). */
export const ON_DEMAND = [
  'src/lib/chartImage.ts',
  'src/shared/csv.ts',
  'src/lib/download.ts',
  'src/features/projects/csv.ts',
  'src/features/briefing/docx.ts',
];

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export function bundleReport(dist = 'dist') {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  let stats = {};
  try {
    stats = JSON.parse(readFileSync(join(dist, '.vite/bundle-stats.json'), 'utf8'));
  } catch {
    stats = {};
  }
  const gz = new Map();
  const gzipOf = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return gz.get(file);
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);

  /** Static closure of manifest keys. */
  const closure = (keys, withDynamic, onDemand = false) => {
    const seen = new Set();
    const visit = (key) => {
      if (seen.has(key) || !manifest[key]) return;
      seen.add(key);
      for (const dep of manifest[key].imports ?? []) visit(dep);
      // The entry's lazy imports are the other pages, which this route does not load.
      if (withDynamic && !manifest[key].isEntry) {
        for (const dep of manifest[key].dynamicImports ?? []) if (onDemand || !ON_DEMAND.includes(dep)) visit(dep);
      }
    };
    keys.forEach(visit);
    return seen;
  };
  const files = (keys) => {
    const js = new Set();
    const css = new Set();
    for (const key of keys) {
      const item = manifest[key];
      if (item.file.endsWith('.js')) js.add(item.file);
      for (const c of item.css ?? []) css.add(c);
      if (item.file.endsWith('.css')) css.add(item.file);
    }
    return { js: [...js], css: [...css] };
  };
  const sum = (list) => list.reduce((a, f) => a + gzipOf(f), 0);

  const routes = {};
  for (const [route, page] of Object.entries(ROUTES)) {
    const initialKeys = closure([entryKey, page], false);
    // Until idle: the page's own lazy chunks, not the other pages the entry could load.
    const idleKeys = new Set([...initialKeys, ...closure([page], true)]);
    const allKeys = new Set([...idleKeys, ...closure([page], true, true)]);
    const initial = files(initialKeys);
    const idle = files(idleKeys);
    const all = files(allKeys);
    routes[route] = {
      initialJsGzipKB: kb(sum(initial.js)),
      initialCssGzipKB: kb(sum(initial.css)),
      untilIdleJsGzipKB: kb(sum(idle.js)),
      untilIdleCssGzipKB: kb(sum(idle.css)),
      initialChunks: initial.js,
      lazyChunks: idle.js.filter((f) => !initial.js.includes(f)),
      onDemandJsGzipKB: kb(sum(all.js.filter((f) => !idle.js.includes(f)))),
      /** ON_DEMAND modules that a route loads without being asked (a static import): a mistake. */
      onDemandLoadedAnyway: ON_DEMAND.filter((m) => idleKeys.has(m)),
    };
  }

  const chunks = Object.values(manifest)
    .filter((m) => m.file.endsWith('.js'))
    .map((m) => {
      const packages = stats[m.file] ?? {};
      const total = Object.values(packages).reduce((a, b) => a + b, 0) || 1;
      const gzip = gzipOf(m.file);
      const largest = Object.entries(packages)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([name, bytes]) => `${name} ~${kb((gzip * bytes) / total)}`);
      return { file: m.file, gzipKB: kb(gzip), largestDependencies: largest };
    })
    .sort((a, b) => b.gzipKB - a.gzipKB);

  return { routes, chunks };
}

export function printBundleReport(report) {
  console.log('\nRoute            initial JS  initial CSS  until-idle JS  on request (gzip KB)');
  for (const [route, r] of Object.entries(report.routes)) {
    console.log(
      `${route.padEnd(16)} ${String(r.initialJsGzipKB).padStart(10)}  ${String(r.initialCssGzipKB).padStart(11)}  ${String(r.untilIdleJsGzipKB).padStart(13)}  ${String(r.onDemandJsGzipKB).padStart(10)}`,
    );
  }
  console.log('\nChunk                                   gzip KB  largest dependencies (estimated gzip KB)');
  for (const c of report.chunks) {
    console.log(`${c.file.padEnd(40)} ${String(c.gzipKB).padStart(7)}  ${c.largestDependencies.join(', ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printBundleReport(bundleReport(process.argv[2] ?? 'dist'));
}
