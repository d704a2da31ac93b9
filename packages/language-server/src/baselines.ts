import { basename, dirname } from 'node:path';
import { matchBaseline, type LintMessage, type ResolvedConfig } from '@huurbrief/core';
import { BaselineError, BaselineLoader } from '@huurbrief/core/node';

export interface BaselineResult {
  /** Findings the baseline accepts (shown as hints). */
  accepted: ReadonlySet<LintMessage>;
  /** The baseline that applies, when there is one. */
  file?: string;
  /** A baseline that cannot be read: no finding is accepted, the writer is told why. */
  error?: BaselineError;
}

const NONE: BaselineResult = { accepted: new Set() };

/**
 * The baseline for open letters: the same lookup (the nearest
 * `.huurbrief/baseline.json` at or above the letter) and the same matching
 * (core's `matchBaseline`) as `huurbrief lint`, so the editor and the CLI
 * accept the same findings for the same text. Cleared when a baseline changes.
 */
export class Baselines {
  private readonly loader = new BaselineLoader();

  constructor(
    private readonly onError: (error: BaselineError) => void = () => {},
    private readonly onOk: (file: string) => void = () => {},
  ) {}

  /** Which of a letter's findings the baseline accepts; `path` undefined (an unsaved letter): none. */
  match(path: string | undefined, messages: readonly LintMessage[], config: ResolvedConfig): BaselineResult {
    if (!path) return NONE;
    let found;
    try {
      found = this.loader.forLetter(path);
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      this.onError(error);
      return { accepted: new Set(), file: error.file, error };
    }
    if (!found) return NONE;
    this.onOk(found.file);
    if (found.key === undefined) return { accepted: new Set(), file: found.file };
    const { accepted } = matchBaseline(messages, found.baseline.letters[found.key], (ruleId) => ruleId in config.rules);
    return { accepted: new Set(accepted), file: found.file };
  }

  /** True for a path that is a baseline file (a change means: relint). */
  static isBaselineFile(path: string): boolean {
    return basename(path) === 'baseline.json' && basename(dirname(path)) === '.huurbrief';
  }

  clear(): void {
    this.loader.clear();
  }
}
