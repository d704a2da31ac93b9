import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  allRules,
  baselineCounts,
  ConfigError,
  didYouMean,
  entryTotal,
  matchBaseline,
  pruneEntry,
  serializeBaseline,
  updateEntry,
  type Baseline,
  type BaselineEntry,
  type ConfigLayer,
} from '@huurbrief/core';
import { BaselineError, BaselineLoader, baselineRoot, ConfigLoader, letterKey, newBaselineFile, readBaseline } from '@huurbrief/core/node';
import { UsageError } from '../errors.js';
import { writeFileAtomic, WriteError } from '../fix/write.js';
import type { FileReport } from '../formatters/types.js';
import { displayPath } from './run.js';

/** The baseline flags of `huurbrief lint`. */
export interface BaselineFlags {
  /** `--baseline <file>`: a path; `--no-baseline`: false. */
  baseline?: string | false;
  baselineUpdate?: boolean;
  baselineRule?: string[];
  baselinePrune?: boolean;
}

/** Checks the combination of baseline flags (usage errors, exit code 2). */
export function checkBaselineFlags(flags: BaselineFlags & { stdin?: boolean; fixDryRun?: boolean }): void {
  const writes = flags.baselineUpdate ? '--baseline-update' : flags.baselinePrune ? '--baseline-prune' : undefined;
  if (flags.baselineRule?.length && !flags.baselineUpdate) throw new UsageError('--baseline-rule werkt alleen samen met --baseline-update');
  if (flags.baseline === false && (writes || flags.baselineRule?.length)) throw new UsageError(`kies ${writes ?? '--baseline-rule'} of --no-baseline, niet allebei`);
  if (writes && flags.stdin) throw new UsageError(`${writes} werkt niet met --stdin: de baseline telt per bestand`);
  if (writes && flags.fixDryRun) throw new UsageError(`${writes} werkt niet met --fix-dry-run: de baseline moet tellen wat er echt in de brieven staat`);
  if (typeof flags.baseline === 'string' && flags.baseline.trim() === '') throw new UsageError('--baseline heeft een pad nodig');
  const known = allRules.map((r) => r.meta.id);
  for (const id of flags.baselineRule ?? []) {
    if (!known.includes(id)) {
      const near = didYouMean(id, known);
      throw new UsageError(`--baseline-rule: onbekende regel "${id}"${near ? ` (bedoelt u "${near}"?)` : ''}`);
    }
  }
  // A baseline named explicitly must be there and readable, before anything is linted
  // (--baseline-update creates it).
  if (typeof flags.baseline === 'string' && !flags.baselineUpdate) readBaseline(flags.baseline);
}

/** One baseline file as this run sees it. */
interface BaselineState {
  file: string;
  root: string;
  baseline: Baseline;
  /** The text that was read ('' for a file that does not exist yet). */
  before: string;
  existed: boolean;
  /** Counts before this run changed anything. */
  total: number;
  letters: number;
  /** Entries of linted letters that accept more than needed (when not pruning). */
  unused: { key: string; entry: BaselineEntry; unused: BaselineEntry }[];
}

export interface BaselineOutcome {
  /** Lines for stderr: what was written, and notes about entries that are no longer needed. */
  messages: string[];
  /** Broken baselines, letters outside a baseline's folder, files that could not be written (exit code 2). */
  problems: Error[];
}

const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

/** Notes name at most this many letters; the rest is a count. */
const NOTE_LINES = 20;

/**
 * Applies baselines to a lint run's reports, letter by letter (so streamed
 * output works), and with `--baseline-update` / `--baseline-prune` changes
 * them in memory; `finish()` writes them. Without those flags nothing is ever
 * written: a baseline only grows through `--baseline-update`.
 */
export class BaselineRun {
  private readonly loader: BaselineLoader;
  private readonly configs: ConfigLoader;
  private readonly states = new Map<string, BaselineState | BaselineError>();
  private readonly problems: Error[] = [];
  /** Reports left out of the output because their baseline is broken. */
  readonly dropped = new WeakSet<FileReport>();

  constructor(
    private readonly cwd: string,
    private readonly flags: BaselineFlags,
    configOptions: { configFile?: string; noConfig?: boolean; overrides?: ConfigLayer[] },
    /** `--stdin` without `--stdin-filename`: the letter has no path, so no baseline. */
    private readonly noPath = false,
  ) {
    this.loader = new BaselineLoader(typeof flags.baseline === 'string' ? { file: resolve(cwd, flags.baseline) } : {});
    this.configs = new ConfigLoader(configOptions);
  }

  private get writing(): boolean {
    return Boolean(this.flags.baselineUpdate || this.flags.baselinePrune);
  }

  /** Rules that are on for the letter (a rule that is off keeps its count untouched). */
  private enabledFor(abs: string): (ruleId: string) => boolean {
    try {
      const rules = this.configs.forFile(abs).config.rules;
      return (ruleId) => ruleId in rules;
    } catch (error) {
      if (error instanceof ConfigError) return () => true;
      throw error;
    }
  }

  private state(file: string): BaselineState | BaselineError {
    let state = this.states.get(file);
    if (state) return state;
    let baseline: Baseline = { letters: {} };
    let existed = existsSync(file);
    try {
      if (existed || !this.flags.baselineUpdate) baseline = this.loader.load(file);
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      // --baseline-update may create the file; anything else wrong with it stops this baseline.
      if (!(this.flags.baselineUpdate && error.reason === 'bestand bestaat niet')) {
        const shown = new BaselineError(displayPath(this.cwd, file), error.place, error.reason);
        this.states.set(file, shown);
        this.problems.push(shown);
        return shown;
      }
      existed = false;
    }
    const entries = Object.values(baseline.letters);
    state = {
      file,
      root: baselineRoot(file),
      baseline,
      before: existed ? serializeBaseline(baseline) : '',
      existed,
      total: entries.reduce((n, e) => n + entryTotal(e), 0),
      letters: entries.length,
      unused: [],
    };
    this.states.set(file, state);
    return state;
  }

  /**
   * Splits the report's findings into reported (`messages`) and accepted
   * (`baseline.accepted`). False when the letter must be left out of the
   * output: its baseline is broken (a problem, exit code 2).
   */
  apply(report: FileReport): boolean {
    if (this.flags.baseline === false || this.noPath) return true;
    const abs = resolve(this.cwd, report.path);
    const file = this.loader.fileFor(abs) ?? (this.flags.baselineUpdate ? newBaselineFile(abs, this.cwd) : undefined);
    if (!file) return true;
    const state = this.state(file);
    if (state instanceof BaselineError) {
      this.dropped.add(report);
      return false;
    }
    const key = letterKey(state.root, abs);
    if (key === undefined) {
      if (this.writing) {
        this.problems.push(new UsageError(`${report.path}: ligt buiten de map van de baseline ${displayPath(this.cwd, state.file)} (${displayPath(this.cwd, state.root)}); niet opgenomen`));
      }
      return true;
    }
    const isEnabled = this.enabledFor(abs);
    let entry = state.baseline.letters[key];
    if (this.flags.baselineUpdate) {
      entry = updateEntry(entry, baselineCounts(report.messages), { isEnabled, ...(this.flags.baselineRule?.length ? { rules: this.flags.baselineRule } : {}) });
    }
    const match = matchBaseline(report.messages, entry, isEnabled);
    if (this.flags.baselinePrune) entry = pruneEntry(entry, match.unused);
    else if (entry && Object.keys(match.unused).length) state.unused.push({ key, entry, unused: match.unused });
    if (entry) state.baseline.letters[key] = entry;
    else delete state.baseline.letters[key];
    report.messages = match.reported;
    if (match.accepted.length) report.baseline = { file: displayPath(this.cwd, state.file), accepted: match.accepted };
    return true;
  }

  /**
   * After the run: letters in a baseline that no longer exist are removed
   * (update, prune) or noted; changed baselines are written atomically; the
   * notes say which entries accept more than needed.
   */
  finish(): BaselineOutcome {
    const messages: string[] = [];
    for (const state of this.states.values()) {
      if (state instanceof BaselineError) continue;
      const shown = displayPath(this.cwd, state.file);
      const gone = Object.keys(state.baseline.letters)
        .filter((key) => !existsSync(join(state.root, ...key.split('/'))))
        .sort();
      if (this.writing) {
        for (const key of gone) delete state.baseline.letters[key];
        const text = serializeBaseline(state.baseline);
        if (text === state.before && state.existed) {
          messages.push(`baseline ${shown} is ongewijzigd (${this.summary(state.baseline)})`);
          continue;
        }
        try {
          saveBaseline(state.file, text);
        } catch (error) {
          if (!(error instanceof WriteError)) throw error;
          this.problems.push(new UsageError(`kan de baseline ${shown} niet schrijven: ${error.reason}`));
          continue;
        }
        const now = this.summary(state.baseline);
        const was = state.existed ? `was ${plural(state.total, 'bevinding', 'bevindingen')} in ${plural(state.letters, 'brief', 'brieven')}` : 'nieuw bestand';
        messages.push(`baseline ${shown} ${this.flags.baselineUpdate ? 'bijgewerkt' : 'strakker gemaakt'}: ${now} (${was})`);
        continue;
      }
      const lines: string[] = [];
      for (const u of state.unused.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
        const rules = Object.keys(u.unused)
          .sort()
          .map((id) => `${id} ${u.entry[id]} → ${u.entry[id]! - u.unused[id]!}`);
        lines.push(`${u.key}: ${rules.join(', ')}`);
      }
      for (const key of gone) lines.push(`${key}: de brief bestaat niet meer`);
      if (!lines.length) continue;
      const shownLines = lines.slice(0, NOTE_LINES).map((l) => `  ${l}`);
      if (lines.length > NOTE_LINES) shownLines.push(`  … en ${lines.length - NOTE_LINES} meer`);
      messages.push(
        `opmerking: de baseline ${shown} accepteert meer dan nodig is (${plural(lines.length, 'brief', 'brieven')}):\n${shownLines.join('\n')}\n  Maak de baseline strakker met: huurbrief lint --baseline-prune`,
      );
    }
    return { messages, problems: this.problems };
  }

  private summary(baseline: Baseline): string {
    const entries = Object.values(baseline.letters);
    const total = entries.reduce((n, e) => n + entryTotal(e), 0);
    return `${plural(total, 'bevinding', 'bevindingen')} in ${plural(entries.length, 'brief', 'brieven')} geaccepteerd`;
  }
}

/** Writes a baseline atomically (temporary file in the same folder, then rename); creates `.huurbrief/`. */
export function saveBaseline(file: string, text: string): void {
  writeFileAtomic(file, Buffer.from(text, 'utf8'));
}
