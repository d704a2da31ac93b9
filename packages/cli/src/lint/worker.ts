// A lint worker (worker_threads): lints the files it is sent with its own
// ConfigLoader and sends back results. Started by workers.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '@huurbrief/core';
import { ConfigLoader, InputError, lintFile } from '@huurbrief/core/node';
import type { FromWorker, ToWorker, WorkerOutcome, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const loader = new ConfigLoader({
  ...(setup.configFile ? { configFile: setup.configFile } : {}),
  ...(setup.noConfig ? { noConfig: true } : {}),
  ...(setup.overrides?.length ? { overrides: setup.overrides } : {}),
});
const timings = setup.timing ? new Map<string, number>() : undefined;
const port = parentPort!;

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'done') {
    const out: FromWorker = { type: 'timings', timings: timings ? [...timings] : [] };
    port.postMessage(out);
    port.close();
    return;
  }
  const outcomes: WorkerOutcome[] = msg.files.map(({ index, path }) => {
    try {
      const { result } = lintFile(path, loader, timings ? { timings } : {});
      return { index, result };
    } catch (error) {
      if (error instanceof InputError) return { index, input: error.reason };
      if (error instanceof ConfigError) return { index, config: { file: error.file, key: error.key, reason: error.reason } };
      return { index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  const out: FromWorker = { type: 'results', outcomes };
  port.postMessage(out);
});
