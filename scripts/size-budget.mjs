// Fails the build when a route's JavaScript exceeds its budget (gzip). Timings are not judged
// here (machines are noisy); `npm run bench` records them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleReport, printBundleReport } from './bundle-report.mjs';

export const BUDGETS = { initialJsForOverviewKB: 130, untilIdleJsPerRouteKB: 250 };

const dist = process.argv[2] ?? 'dist';
const report = bundleReport(dist);
printBundleReport(report);

const failures = [];
const overview = report.routes['/'];
if (overview.initialJsGzipKB > BUDGETS.initialJsForOverviewKB) {
  failures.push(
    `initial JS for / is ${overview.initialJsGzipKB} KB gzip (budget ${BUDGETS.initialJsForOverviewKB} KB)`,
  );
}
if (overview.initialChunks.some((f) => /recharts|CartesianChart|LineChart/i.test(f))) {
  failures.push('the charting library is in the initial JS for /');
}
for (const [route, r] of Object.entries(report.routes)) {
  for (const m of r.onDemandLoadedAnyway) {
    failures.push(`${route} loads ${m} without being asked (it must only be imported when the user asks for it)`);
  }
  if (r.untilIdleJsGzipKB > BUDGETS.untilIdleJsPerRouteKB) {
    failures.push(
      `${route} loads ${r.untilIdleJsGzipKB} KB gzip of JS until idle (budget ${BUDGETS.untilIdleJsPerRouteKB} KB)`,
    );
  }
}
// The server renderer is bundled whole: React's choice of build must be made at build time, or the
// server (whose environment need not say production) renders with the development build, at half speed.
const renderer = join(dist, 'server');
if (existsSync(renderer)) {
  for (const file of readdirSync(renderer, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
    if (readFileSync(join(renderer, file), 'utf8').includes('process.env.NODE_ENV')) {
      failures.push(`the server renderer's ${file} chooses React's build at run time (process.env.NODE_ENV)`);
    }
  }
}
console.log(
  `\nBudget: initial JS for / ${overview.initialJsGzipKB} / ${BUDGETS.initialJsForOverviewKB} KB; ` +
    `largest until-idle route ${Math.max(...Object.values(report.routes).map((r) => r.untilIdleJsGzipKB))} / ${BUDGETS.untilIdleJsPerRouteKB} KB`,
);
if (failures.length > 0) {
  console.error(`\nSize budget exceeded:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
