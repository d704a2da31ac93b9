// Worker thread that lints large documents, so the server keeps answering
// (hover, code actions, other letters) while a 2 MB document is checked.
import { parentPort } from 'node:worker_threads';
import { lintText, type ResolvedConfig } from '@huurbrief/core';
// Registers the shipped word lists for the spelling rule (loaded in this thread on first use).
import '@huurbrief/core/node';

export interface WorkerRequest {
  id: number;
  text: string;
  config: ResolvedConfig;
  filePath: string;
}

parentPort?.on('message', (job: WorkerRequest) => {
  try {
    const result = lintText(job.text, { config: job.config, filePath: job.filePath });
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
