import type { ConfigLayer, LintResult } from '@huurbrief/core';

/** What every worker gets at start: how to find config, whether to time rules. */
export interface WorkerSetup {
  configFile?: string;
  noConfig?: boolean;
  overrides?: ConfigLayer[];
  timing?: boolean;
}

export type ToWorker = { type: 'lint'; files: { index: number; path: string }[] } | { type: 'done' };

/** One file's outcome: a result, or why it could not be linted. */
export interface WorkerOutcome {
  index: number;
  result?: LintResult;
  input?: string;
  config?: { file: string; key: string; reason: string };
  /** An unexpected exception (a bug): the main thread rethrows it. */
  crash?: string;
}

export type FromWorker = { type: 'results'; outcomes: WorkerOutcome[] } | { type: 'timings'; timings: [string, number][] };
