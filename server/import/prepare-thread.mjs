/**
 * The worker thread of prepareInWorker (worker.ts): it loads the checking code, then waits for
 * one upload, checks it with prepareImport and posts the answer back; then the thread ends. It
 * registers tsx's loader itself: a worker does not inherit the `--import tsx` of `npm run serve`
 * (Node 20), nor vitest's transform in the tests.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { prepareImport } = await import('./prepare.ts');
parentPort.once('message', async ({ bytes, ...input }) => {
  parentPort.postMessage(await prepareImport({ ...input, bytes: Buffer.from(bytes) }));
});
