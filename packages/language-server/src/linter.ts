import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { lintText, type LintResult, type ResolvedConfig } from '@huurbrief/core';
import type { WorkerRequest } from './lint-worker.js';

export interface LintJob {
  uri: string;
  text: string;
  config: ResolvedConfig;
  filePath: string;
}

/** Thrown (as a rejection) when a run is cancelled because the document changed. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
}

/** Documents from this many UTF-16 code units on are linted in a worker thread. */
export const WORKER_THRESHOLD = 60_000;

interface Pending {
  id: number;
  uri: string;
  resolve: (r: LintResult) => void;
  reject: (e: Error) => void;
  job: LintJob;
}

/** The worker file next to this module (`.js` from tsc, `.cjs` in the extension's bundle). */
function workerUrl(): URL {
  const self = import.meta.url;
  return new URL(`./lint-worker${extname(fileURLToPath(self))}`, self);
}

/**
 * Runs the core on a document. Letters (a few KB, tens of ms) are linted on
 * the main thread: no hand-over cost. Large documents go to one worker thread,
 * one at a time; a run for an outdated version is cancelled by terminating
 * the worker, because a run on 2 MB takes seconds and cannot be interrupted.
 */
export class Linter {
  private worker: Worker | undefined;
  private queue: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 1;

  constructor(readonly threshold = WORKER_THRESHOLD) {}

  lint(job: LintJob): Promise<LintResult> {
    if (job.text.length < this.threshold) {
      try {
        return Promise.resolve(lintText(job.text, { config: job.config, filePath: job.filePath }));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, uri: job.uri, resolve, reject, job });
      this.pump();
    });
  }

  /** Drops queued and running worker jobs for `uri` (a newer version is coming). */
  cancel(uri: string): void {
    const dropped = this.queue.filter((p) => p.uri === uri);
    this.queue = this.queue.filter((p) => p.uri !== uri);
    for (const p of dropped) p.reject(new Cancelled(uri));
    if (this.running?.uri === uri) {
      const running = this.running;
      this.running = undefined;
      void this.worker?.terminate();
      this.worker = undefined;
      running.reject(new Cancelled(uri));
      this.pump();
    }
  }

  /** True while a worker run is busy or queued for `uri`. */
  busy(uri: string): boolean {
    return this.running?.uri === uri || this.queue.some((p) => p.uri === uri);
  }

  dispose(): void {
    for (const p of this.queue) p.reject(new Cancelled(p.uri));
    this.queue = [];
    if (this.running) this.running.reject(new Cancelled(this.running.uri));
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private spawn(): Worker {
    const worker = new Worker(workerUrl());
    worker.on('message', (msg: { id: number; result?: LintResult; error?: string }) => {
      const p = this.running;
      if (!p || p.id !== msg.id) return;
      this.running = undefined;
      if (msg.result) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'onbekende fout in de controle'));
      this.pump();
    });
    worker.on('error', (error) => {
      // The worker died (not a rule error: those become findings). Fail the run, start afresh next time.
      const p = this.running;
      this.running = undefined;
      this.worker = undefined;
      p?.reject(error);
      this.pump();
    });
    worker.unref();
    return worker;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next;
    this.worker ??= this.spawn();
    const request: WorkerRequest = { id: next.id, text: next.job.text, config: next.job.config, filePath: next.job.filePath };
    this.worker.postMessage(request);
  }
}
