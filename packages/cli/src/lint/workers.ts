import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerOutcome, WorkerSetup } from './protocol.js';

/** `--concurrency auto` uses workers only from this many files on: below it, start-up costs more than it saves. */
export const AUTO_MIN_FILES = 50;
/** Files per message: fewer round trips, still a fair share at the end of a run. */
const BATCH = 8;

export type Concurrency = 'auto' | 'off' | number;

/** Parses `--concurrency`: `auto`, `off` or a positive whole number. Undefined for anything else. */
export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto' || value === 'off') return value;
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
  return undefined;
}

/** How many worker threads to use for `files` files (0: lint on the main thread). */
export function workerCount(concurrency: Concurrency | undefined, files: number): number {
  if (concurrency === undefined || concurrency === 'off' || files < 2) return 0;
  if (concurrency === 'auto') {
    if (files < AUTO_MIN_FILES) return 0;
    const n = Math.min(availableParallelism(), Math.ceil(files / AUTO_MIN_FILES));
    return n >= 2 ? n : 0;
  }
  return concurrency >= 2 ? Math.min(concurrency, files) : 0;
}

/**
 * Lints files on `count` threads: the main thread (`here`, when given) and
 * worker threads for the rest. Each thread takes the next batch when it is
 * done (so a slow file does not hold the others up); a worker has its own
 * config loader and two batches in flight. Outcomes arrive in completion
 * order, tagged with their index, and the caller puts them back in order.
 * Resolves with the summed rule timings of the workers.
 *
 * The main thread lints too, between handling the workers' messages: on two
 * cores `--concurrency 2` is then one worker, not two next to an idle main
 * thread (one start-up, one warm-up of the JIT, half the results copied
 * between threads, less memory).
 */
export function lintInWorkers(
  files: readonly { index: number; path: string }[],
  count: number,
  setup: WorkerSetup,
  onOutcome: (outcome: WorkerOutcome) => void,
  here?: (file: { index: number; path: string }) => WorkerOutcome,
): Promise<Map<string, number>> {
  const timings = new Map<string, number>();
  let next = 0;
  const batch = () => {
    const files2 = files.slice(next, next + BATCH);
    next += files2.length;
    return files2;
  };
  return new Promise((resolvePool, rejectPool) => {
    let running = 0;
    let failed = false;
    const workers: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      rejectPool(error);
    };
    const threads = Math.max(1, Math.min(count, Math.ceil(files.length / BATCH)));
    const n = here ? threads - 1 : threads;
    if (here) {
      running++;
      // One file at a time, then back to the event loop: worker results are taken in between.
      const step = () => {
        if (failed) return;
        const file = next < files.length ? files[next++] : undefined;
        if (!file) {
          if (--running === 0) resolvePool(timings);
          return;
        }
        try {
          onOutcome(here(file));
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        setImmediate(step);
      };
      setImmediate(step);
    }
    for (let i = 0; i < n; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
      workers.push(worker);
      running++;
      let inFlight = 0;
      let finished = false;
      const send = (msg: ToWorker) => worker.postMessage(msg);
      const feed = () => {
        const files2 = batch();
        if (files2.length) {
          inFlight++;
          send({ type: 'lint', files: files2 });
        }
      };
      worker.on('message', (msg: FromWorker) => {
        if (failed) return;
        if (msg.type === 'results') {
          inFlight--;
          try {
            for (const o of msg.outcomes) onOutcome(o);
          } catch (error) {
            fail(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          feed();
          if (inFlight === 0) send({ type: 'done' });
        } else {
          for (const [id, ms] of msg.timings) timings.set(id, (timings.get(id) ?? 0) + ms);
          finished = true;
        }
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (failed) return;
        if (!finished) {
          fail(new Error(`lint worker stopped unexpectedly (exit code ${code})`));
          return;
        }
        if (--running === 0) resolvePool(timings);
      });
      // Two batches in flight: the worker never waits for the main thread.
      feed();
      feed();
      if (inFlight === 0) send({ type: 'done' });
    }
  });
}
