/**
 * Checking an upload away from the event loop that serves the dashboards: prepareImport (read,
 * validate, merge, preview) runs in a worker thread with its own heap limit and a time limit, one
 * upload at a time per process. A file that needs more memory or time than that is refused with a
 * report like any other file problem, and the server, its readers and the wall screens carry on.
 * The admin route and `npm run data:import` both check files through here.
 */
import { Worker } from 'node:worker_threads';
import { refusalAtSight } from './read';
import type { FileProblem } from './read';
import { fileFacts, refusedFile } from './prepare';
import type { ImportInput, PreparedImport } from './prepare';

export interface WorkerLimits {
  /**
   * The worker's heap (V8's old generation), MB. The heaviest file within the row limit, 100,000
   * rows of the 项目 sheet, needs between 384 and 512; the template, a few dozen.
   */
  memoryMb: number;
  /** Wall time of one check, ms: those 100,000 rows take about 15 s. */
  timeMs: number;
}

export const WORKER_LIMITS: WorkerLimits = { memoryMb: 768, timeMs: 60_000 };

/**
 * Uploads that may wait for the one being checked. Two editors uploading at the same moment is
 * an ordinary day before a deadline, and a check takes a second or two: waiting a moment beats
 * being told to upload again. One waiting upload is answered within two time limits, inside the
 * 3 minutes the admin page waits for an answer; a third at once is told to try again.
 */
const MAX_WAITING = 1;

/** The thread's script: the service's own, or one setThreadScript gave. */
let threadScript = new URL('./prepare-thread.mjs', import.meta.url);

/**
 * Checks later uploads with `script`, a thread script doing what prepare-thread.mjs does (the
 * tests give it the same code bundled ahead, which a thread loads in a sixth of the time); returns the
 * script before. The service and the commands never call it.
 */
export function setThreadScript(script: URL): URL {
  const before = threadScript;
  threadScript = script;
  return before;
}

const problem = (code: string, zh: string, en: string): FileProblem => ({ code, zh, en });

const tooHeavy = (limits: WorkerLimits) =>
  problem(
    'too_heavy',
    `文件太大：检查它需要的内存超过上限（${limits.memoryMb} MB），已停止，未作任何更改；月度数据表远小于此。请删去无关的行、列和格式，或分成几个文件上传。`,
    `The file is too large: checking it needs more memory than the limit (${limits.memoryMb} MB), so it was stopped and nothing was changed. A month's sheet is far smaller: remove unrelated rows, columns and formatting, or split it into several files.`,
  );

const tookTooLong = (limits: WorkerLimits) =>
  problem(
    'took_too_long',
    `检查这个文件超过 ${limits.timeMs / 1000} 秒仍未完成，已停止，未作任何更改。请删去无关的行、列和格式，或分成几个文件上传。`,
    `Checking this file took longer than ${limits.timeMs / 1000} s, so it was stopped and nothing was changed. Remove unrelated rows, columns and formatting, or split it into several files.`,
  );

const BUSY = problem(
  'busy',
  '其他编辑上传的文件正在检查，已有多个文件在排队；请稍等片刻再上传。未作任何更改。',
  'Other uploads are being checked and more are waiting; upload again in a moment. Nothing was changed.',
);

let queue: Promise<unknown> = Promise.resolve();
let pending = 0;

/**
 * prepareImport in a worker thread, after the uploads before it. Never rejects for what is in the
 * file: too heavy, too slow or a full queue is a refused file's report; a fault of the code (the
 * worker failing to start, a bug) rejects, as it would in this thread.
 */
export async function prepareInWorker(input: ImportInput, limits = WORKER_LIMITS): Promise<PreparedImport> {
  // A file its first bytes refuse (empty, .xls, binary) is answered at once, in this thread.
  const refused = refusalAtSight(input.bytes);
  if (refused) return refusedFile(fileFacts(input), refused);
  if (pending > MAX_WAITING) return refusedFile(fileFacts(input), { format: null, encoding: null, problem: BUSY });
  pending += 1;
  const turn = queue.then(() => inWorker(input, limits));
  queue = turn.catch(() => undefined);
  try {
    return await turn;
  } finally {
    pending -= 1;
  }
}

/** A worker thread with the checking code loaded, waiting for its one upload. */
interface Thread {
  worker: Worker;
  script: URL;
  limits: WorkerLimits;
  /** Set once the thread has failed or stopped on its own. */
  failure: Error | null;
}

/**
 * How long a loaded thread waits for the next upload before it is stopped. Loading the checking
 * code takes the better part of a second; an editor who fixes a refused file and uploads it again
 * should not wait for that, and a server nobody uploads to should not hold a thread.
 */
const SPARE_IDLE_MS = 10 * 60 * 1000;

let spare: { thread: Thread; idle: NodeJS.Timeout } | null = null;

function startThread(limits: WorkerLimits): Thread {
  const script = threadScript;
  const worker = new Worker(script, {
    // The thread registers tsx itself; the parent's flags (`--import tsx`) would load it twice.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
  });
  const thread: Thread = { worker, script, limits, failure: null };
  // Until it is given an upload, a waiting thread keeps no process alive, and its failure is only noted.
  worker.unref();
  worker.on('error', (error) => {
    thread.failure ??= error;
  });
  worker.once('exit', (code) => {
    thread.failure ??= new Error(`the import worker stopped with exit code ${code}`);
  });
  return thread;
}

/** The loaded thread for these limits (and the current script) if one is waiting, else a new one. */
function takeThread(limits: WorkerLimits): Thread {
  const waiting = spare;
  spare = null;
  if (waiting) clearTimeout(waiting.idle);
  const { thread } = waiting ?? {};
  if (thread && thread.limits === limits && thread.script === threadScript && !thread.failure) return thread;
  if (waiting) void waiting.thread.worker.terminate();
  return startThread(limits);
}

/**
 * Loads a thread for the next upload while this one is checked, so that an editor uploading again
 * (a fixed file, the next month) does not wait for the loading. The spare only loads the code (a
 * few dozen MB); it checks nothing until the upload before it has ended and its heap is gone.
 */
function keepSpare(limits: WorkerLimits) {
  const thread = startThread(limits);
  const idle = setTimeout(() => {
    if (spare?.thread === thread) spare = null;
    void thread.worker.terminate();
  }, SPARE_IDLE_MS);
  idle.unref();
  spare = { thread, idle };
}

function inWorker(input: ImportInput, limits: WorkerLimits): Promise<PreparedImport> {
  // A copy the worker takes over (transferred, not cloned again); the caller's buffer may share
  // its memory with others, and its bytes are still needed for a refusal's checksum.
  const bytes = new Uint8Array(input.bytes).buffer;
  const refuse = (refusal: FileProblem) =>
    refusedFile(fileFacts(input), { format: null, encoding: null, problem: refusal });
  const thread = takeThread(limits);
  // Only threads with the service's own limits are kept loaded.
  if (limits === WORKER_LIMITS) keepSpare(limits);
  const { worker } = thread;
  return new Promise((resolve, reject) => {
    let outcome: PreparedImport | Error | null = null;
    const timer = setTimeout(() => {
      outcome ??= refuse(tookTooLong(limits));
      void worker.terminate();
    }, limits.timeMs);
    const settle = () => {
      clearTimeout(timer);
      if (outcome instanceof Error) reject(outcome);
      else if (outcome) resolve(outcome);
      else reject(thread.failure ?? new Error('the import worker stopped before answering'));
    };
    worker.ref();
    worker.once('message', (prepared: PreparedImport) => {
      outcome ??= prepared;
      void worker.terminate();
    });
    worker.on('messageerror', (error) => {
      outcome ??= error;
    });
    worker.on('error', (error: Error & { code?: string }) => {
      outcome ??= error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse(tooHeavy(limits)) : error;
    });
    // The next upload starts only once this worker and its heap are gone.
    worker.once('exit', settle);
    if (thread.failure) {
      outcome = thread.failure;
      void worker.terminate();
      return;
    }
    worker.postMessage({ ...input, bytes }, [bytes]);
  });
}
