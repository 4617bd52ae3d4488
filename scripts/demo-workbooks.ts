/**
 * `npm run demo:workbooks`: writes the sample dataset's workbooks to data/demo/ (the template,
 * filled as an office would have had it each month), which `npm run demo` publishes one by one.
 * Run it after changing data/demo.ts or the template; tests/server/demo.test.ts checks that the
 * files in the repository are what this writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DIR, demoWorkbookFiles } from '../server/import/demo';

mkdirSync(DEMO_DIR, { recursive: true });
for (const old of readdirSync(DEMO_DIR).filter((f) => f.endsWith('.xlsx'))) rmSync(join(DEMO_DIR, old));
for (const [name, bytes] of await demoWorkbookFiles()) {
  writeFileSync(join(DEMO_DIR, name), bytes);
  process.stdout.write(`wrote ${join(DEMO_DIR, name)} (${bytes.length} bytes)\n`);
}
