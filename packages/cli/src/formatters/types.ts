import type { LintMessage, Metrics } from '@huurbrief/core';

/** One linted file as the CLI reports it. */
export interface FileReport {
  /** Relative to the current directory, with `/`. */
  path: string;
  language: string;
  messages: LintMessage[];
  metrics: Metrics;
  /**
   * The letter's lines, for a Word document only: its line numbers are paragraph numbers the
   * writer cannot see in Word, so stylish output quotes the paragraph. Not part of the JSON contract.
   */
  source?: string[];
  /**
   * Findings accepted by the baseline (not in `messages`: they are not shown as problems and do
   * not count for the exit code), and the baseline file as shown to the user.
   */
  baseline?: { file: string; accepted: LintMessage[] };
}

export interface FormatterContext {
  /** Colours allowed (a TTY without NO_COLOR). */
  color: boolean;
  cwd: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatterContext) => string;
