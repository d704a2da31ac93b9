import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ConfigError, lintText, type ConfigLayer, type LintResult, type ResolvedConfig } from '@huurbrief/core';
import { ConfigLoader, decodeLetter, findLetterFiles, InputError, lintFile, readLetterFile } from '@huurbrief/core/node';
import type { FileReport } from '../formatters/types.js';
import { CACHE_FILE, contentHash, LintCache } from './cache.js';
import type { WorkerSetup } from './protocol.js';
import { lintInWorkers, workerCount, type Concurrency } from './workers.js';

export interface LintRunOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
  noConfig?: boolean;
  /** Config layers applied over every file's config (`--rule`). */
  overrides?: ConfigLayer[];
  /** Called after each file (for the progress line on a TTY). */
  onProgress?: (done: number, total: number) => void;
  /** Lint this text instead of files (`--stdin`). */
  stdin?: { text: Uint8Array; filename?: string };
  /** A folder or pattern without letters is an error (exit 2), as in ESLint; false: `--no-error-on-unmatched-pattern`. */
  errorOnUnmatchedPattern?: boolean;
  /** Reuse results of unchanged files (`--cache`). */
  cache?: boolean;
  /** Cache file (default `.huurbriefcache` in `cwd`). */
  cacheLocation?: string;
  /** Worker threads (`--concurrency`); default: lint on the main thread. */
  concurrency?: Concurrency;
  /** Time every rule (`--timing`): milliseconds per rule id in `LintRun.timings`. */
  timing?: boolean;
  /**
   * Called with each report as soon as it and every report before it (in
   * sorted order) are done: for streaming output. The report is also in
   * `LintRun.reports` afterwards; the callback may shrink it.
   */
  onReport?: (report: FileReport) => void;
  /**
   * Asked after each letter of a serial run: a promise when the streamed output waits to be
   * written; the run goes on once it resolves (a slow reader does not make the output pile up).
   */
  drain?: () => Promise<void> | undefined;
}

export interface LintRun {
  reports: FileReport[];
  /** Files or arguments that could not be linted (exit code 2); the rest was linted. */
  problems: (InputError | ConfigError)[];
  /** Original texts by absolute path, for --fix. */
  loader: ConfigLoader;
  /** Milliseconds per rule, summed over all files and workers (with `timing`). */
  timings?: Map<string, number>;
  /** Not fatal, worth a line on stderr (a cache that could not be written). */
  warnings?: string[];
}

export const displayPath = (cwd: string, abs: string) => relative(cwd, abs).split(sep).join('/') || abs;

/** Lints files (or stdin) and collects per-file reports sorted by path. */
export async function runLint(options: LintRunOptions): Promise<LintRun> {
  const loader = new ConfigLoader({
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.noConfig ? { noConfig: true } : {}),
    ...(options.overrides?.length ? { overrides: options.overrides } : {}),
  });
  const problems: (InputError | ConfigError)[] = [];
  const reports: FileReport[] = [];

  if (options.stdin) {
    const name = options.stdin.filename ?? '<stdin>';
    const { text } = decodeLetter(name, options.stdin.text);
    const loaded = loader.forFile(resolve(options.cwd, options.stdin.filename ?? 'stdin.md'));
    const timings = options.timing ? new Map<string, number>() : undefined;
    const result = lintText(text, { config: loaded.config, filePath: name, ...(timings ? { timings } : {}) });
    reports.push({ path: options.stdin.filename ? displayPath(options.cwd, resolve(options.cwd, name)) : name, ...result });
    return timings ? { reports, problems, loader, timings } : { reports, problems, loader };
  }

  // ignorePatterns of the config that applies at the working directory.
  let ignorePatterns: string[] = [];
  try {
    ignorePatterns = loader.forFile(resolve(options.cwd, 'x.md')).config.ignorePatterns;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(error);
  }
  const found = await findLetterFiles(options.paths, options.cwd, ignorePatterns);
  problems.push(...found.errors);
  // "0 brieven, geen problemen" for a folder of Word files or a typo in a glob hides a gap: exit 2.
  if (options.errorOnUnmatchedPattern !== false) problems.push(...found.unmatched);
  // In output order (by displayed path) from the start, so results can be streamed.
  const shown = new Map(found.files.map((abs) => [abs, displayPath(options.cwd, abs)]));
  const files = [...found.files].sort((a, b) => compare(shown.get(a)!, shown.get(b)!));

  const cache = options.cache ? new LintCache(resolve(options.cwd, options.cacheLocation ?? CACHE_FILE)) : undefined;
  const outcomes: (Outcome | undefined)[] = new Array<Outcome | undefined>(files.length);
  // Delivers finished files in order: to onReport at once, else collected.
  let delivered = 0;
  const deliver = () => {
    for (let o = outcomes[delivered]; o; o = outcomes[delivered]) {
      const abs = files[delivered]!;
      if (o.result) {
        const report: FileReport = { path: shown.get(abs)!, ...o.result };
        if (/\.docx$/i.test(abs)) {
          try {
            report.source = readLetterFile(abs).text.split('\n');
          } catch {
            // Read before without trouble; if it is gone now, the findings stand without quotes.
          }
        }
        options.onReport?.(report);
        reports.push(report);
      } else if (o.error instanceof InputError) problems.push(new InputError(shown.get(abs)!, o.error.reason));
      else if (o.error && !problems.some((p) => p instanceof ConfigError && p.message === o.error!.message)) problems.push(o.error);
      outcomes[delivered++] = DELIVERED;
    }
  };
  /** Files still to lint, with what the cache needs to store their result. */
  const pending: { index: number; path: string; hash?: string; config?: ResolvedConfig }[] = [];
  let done = 0;
  const progress = () => options.onProgress?.(done, files.length);

  files.forEach((abs, index) => {
    if (!cache) {
      pending.push({ index, path: abs });
      return;
    }
    // Cache lookup by the file's bytes and its resolved config; anything odd
    // (unreadable, bad config) is left to lintFile, which reports it properly.
    let hash: string;
    let config: ResolvedConfig;
    try {
      hash = contentHash(readFileSync(abs));
      config = loader.forFile(abs).config;
    } catch {
      pending.push({ index, path: abs });
      return;
    }
    const hit = cache.get(abs, hash, config);
    if (hit) {
      outcomes[index] = { result: hit };
      done++;
    } else pending.push({ index, path: abs, hash, config });
  });
  progress();
  deliver();

  const settle = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    done++;
    progress();
    if (cache) {
      const p = byIndex.get(index);
      if (outcome.result && p?.hash && p.config) cache.set(p.path, p.hash, p.config, outcome.result);
      else if (outcome.error instanceof InputError) cache.delete(files[index]!);
    }
    deliver();
  };
  const byIndex = new Map(cache ? pending.map((p) => [p.index, p]) : []);

  const workers = workerCount(options.concurrency, pending.length);
  const timings = options.timing ? new Map<string, number>() : undefined;
  if (workers > 0) {
    const setup: WorkerSetup = {
      ...(options.configFile ? { configFile: options.configFile } : {}),
      ...(options.noConfig ? { noConfig: true } : {}),
      ...(options.overrides?.length ? { overrides: options.overrides } : {}),
      ...(options.timing ? { timing: true } : {}),
    };
    const summed = await lintInWorkers(
      pending,
      workers,
      setup,
      (o) => {
        if (o.crash !== undefined) throw new Error(`lint worker failed on ${files[o.index]}: ${o.crash}`);
        const outcome: Outcome = o.result
          ? { result: o.result }
          : o.input !== undefined
            ? { error: new InputError(files[o.index]!, o.input) }
            : { error: new ConfigError(o.config!.file, o.config!.key, o.config!.reason) };
        settle(o.index, outcome);
      },
      // The main thread's share, with the same config loader as a serial run.
      ({ index, path }) => {
        try {
          return { index, result: lintFile(path, loader, timings ? { timings } : {}).result };
        } catch (error) {
          if (error instanceof InputError) return { index, input: error.reason };
          if (error instanceof ConfigError) return { index, config: { file: error.file, key: error.key, reason: error.reason } };
          throw error;
        }
      },
    );
    if (timings) for (const [id, ms] of summed) timings.set(id, (timings.get(id) ?? 0) + ms);
  } else {
    for (const p of pending) {
      try {
        const { result } = lintFile(p.path, loader, timings ? { timings } : {});
        settle(p.index, { result });
      } catch (error) {
        if (error instanceof InputError || error instanceof ConfigError) settle(p.index, { error });
        else throw error;
      }
      const writing = options.drain?.();
      if (writing) await writing;
    }
  }

  outcomes.length = 0;
  const run: LintRun = { reports, problems, loader };
  if (timings) run.timings = timings;
  if (cache) {
    const failed = cache.save();
    if (failed) {
      const reason = failed === 'ENOENT' ? 'de map bestaat niet' : failed === 'EACCES' || failed === 'EPERM' ? 'geen schrijfrechten' : failed === 'ENOTDIR' ? 'een deel van het pad is geen map' : failed === 'EISDIR' ? 'dat is een map' : failed;
      run.warnings = [`kan de cache ${cache.location} niet schrijven: ${reason}`];
    }
  }
  return run;
}

interface Outcome {
  result?: LintResult;
  error?: InputError | ConfigError;
}
const DELIVERED: Outcome = Object.freeze({});

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
