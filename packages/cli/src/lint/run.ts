import { relative, resolve, sep } from 'node:path';
import { ConfigError, lintText, type ConfigLayer } from '@huurbrief/core';
import { ConfigLoader, decodeLetter, findLetterFiles, InputError, lintFile } from '@huurbrief/core/node';
import type { FileReport } from '../formatters/types.js';

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
}

export interface LintRun {
  reports: FileReport[];
  /** Files or arguments that could not be linted (exit code 2); the rest was linted. */
  problems: (InputError | ConfigError)[];
  /** Original texts by absolute path, for --fix. */
  loader: ConfigLoader;
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
    const result = lintText(text, { config: loaded.config, filePath: name });
    reports.push({ path: options.stdin.filename ? displayPath(options.cwd, resolve(options.cwd, name)) : name, ...result });
    return { reports, problems, loader };
  }

  // ignorePatterns of the config that applies at the working directory.
  let ignorePatterns: string[] = [];
  try {
    ignorePatterns = loader.forFile(resolve(options.cwd, 'x.md')).config.ignorePatterns;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(error);
  }
  const { files, errors } = await findLetterFiles(options.paths, options.cwd, ignorePatterns);
  problems.push(...errors);
  let done = 0;
  for (const abs of files) {
    options.onProgress?.(done++, files.length);
    try {
      const { result } = lintFile(abs, loader);
      reports.push({ path: displayPath(options.cwd, abs), ...result });
    } catch (error) {
      if (error instanceof InputError) problems.push(new InputError(displayPath(options.cwd, abs), error.reason));
      else if (error instanceof ConfigError) {
        if (!problems.some((p) => p instanceof ConfigError && p.message === error.message)) problems.push(error);
      } else throw error;
    }
  }
  options.onProgress?.(done, files.length);
  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { reports, problems, loader };
}
