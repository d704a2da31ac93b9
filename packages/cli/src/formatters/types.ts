import type { LintMessage, Metrics } from '@huurbrief/core';

/** One linted file as the CLI reports it. */
export interface FileReport {
  /** Relative to the current directory, with `/`. */
  path: string;
  language: string;
  messages: LintMessage[];
  metrics: Metrics;
}

export interface FormatterContext {
  /** Colours allowed (a TTY without NO_COLOR). */
  color: boolean;
  cwd: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatterContext) => string;
