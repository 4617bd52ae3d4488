/**
 * The worker thread of prepareInWorker (worker.ts): one upload checked by prepareImport, the
 * answer posted back, then the thread ends. It registers tsx's loader itself: a worker does not
 * inherit the `--import tsx` of `npm run serve` (Node 20), nor vitest's transform in the tests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { prepareImport } = await import('./prepare.ts');
const { bytes, ...input } = workerData;
parentPort.postMessage(await prepareImport({ ...input, bytes: Buffer.from(bytes) }));
