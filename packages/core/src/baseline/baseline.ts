// The baseline: today's findings of a letter, accepted as a count per rule, so
// a team can adopt huurbrief on hundreds of existing letters and fail only on
// what is new (as ESLint's bulk suppressions do). Pure: the file is read and
// written by the node entry (../node/baseline.ts) and the CLI.
import type { LintMessage } from '../types.js';

/** Version of the file format (`"version"` in the file). */
export const BASELINE_VERSION = 1;

/** Per rule id: how many of the letter's findings are accepted. */
export type BaselineEntry = Record<string, number>;

export interface Baseline {
  /** Per letter (path relative to the baseline's root, with `/`): its entry. */
  letters: Record<string, BaselineEntry>;
}

/** What the baseline does to one letter's findings. */
export interface BaselineMatch {
  /** Findings the baseline does not cover: shown, and counted for the exit code. */
  reported: LintMessage[];
  /** Findings accepted by the baseline. */
  accepted: LintMessage[];
  /** Per rule id: how much of the entry's count no finding used (only rules that are on). */
  unused: BaselineEntry;
}

/**
 * Only errors and warnings go into a baseline: an info finding ("melding")
 * never fails a run, so it stays visible as advice and is never accepted.
 */
export function isCounted(m: Pick<LintMessage, 'severity'>): boolean {
  return m.severity === 'error' || m.severity === 'warning';
}

/** A letter's counted findings per rule id (rules without findings are absent). */
export function baselineCounts(messages: readonly LintMessage[]): BaselineEntry {
  const out: BaselineEntry = {};
  for (const m of messages) if (isCounted(m)) out[m.ruleId] = (out[m.ruleId] ?? 0) + 1;
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order in which a rule's findings use up its count: by place in the
 * letter, then by message. Inserting or moving paragraphs keeps this order, so
 * the same findings stay accepted; no line numbers are involved.
 */
function compareForBaseline(a: LintMessage, b: LintMessage): number {
  return a.offset - b.offset || a.endOffset - b.endOffset || byText(a.message, b.message) || byText(a.severity, b.severity);
}

/**
 * Splits one letter's findings into accepted and reported: per rule, the first
 * `count` counted findings (in the order above) are accepted, the rest are
 * reported. Info findings are always reported. `isEnabled` tells which rules
 * are on for the letter: the count of a rule that is off is never "unused"
 * (turning a rule off with `--rule` must not look like progress).
 * Both lists keep the order of `messages`.
 */
export function matchBaseline(messages: readonly LintMessage[], entry: BaselineEntry | undefined, isEnabled: (ruleId: string) => boolean = () => true): BaselineMatch {
  if (!entry) return { reported: [...messages], accepted: [], unused: {} };
  const left: BaselineEntry = { ...entry };
  const acceptedSet = new Set<LintMessage>();
  for (const m of messages.filter(isCounted).sort(compareForBaseline)) {
    const n = left[m.ruleId] ?? 0;
    if (n > 0) {
      acceptedSet.add(m);
      left[m.ruleId] = n - 1;
    }
  }
  const unused: BaselineEntry = {};
  for (const [ruleId, n] of Object.entries(left)) if (n > 0 && isEnabled(ruleId)) unused[ruleId] = n;
  return {
    reported: messages.filter((m) => !acceptedSet.has(m)),
    accepted: messages.filter((m) => acceptedSet.has(m)),
    unused,
  };
}

/** Entry without zero counts and with sorted keys; undefined when nothing is left. */
function tidy(entry: BaselineEntry): BaselineEntry | undefined {
  const keys = Object.keys(entry).filter((k) => (entry[k] ?? 0) > 0).sort(byText);
  if (!keys.length) return undefined;
  return Object.fromEntries(keys.map((k) => [k, entry[k]!]));
}

export interface UpdateOptions {
  /** Only these rules are written (`--baseline-rule`); the entry's other counts stay. */
  rules?: readonly string[];
  /** Rules that are off for the letter keep their count (see matchBaseline). */
  isEnabled?: (ruleId: string) => boolean;
}

/**
 * `--baseline-update` for one letter: the entry becomes the letter's current
 * counts (for every rule that is on, or only for `rules`). The only operation
 * that may raise a count or add a rule.
 */
export function updateEntry(old: BaselineEntry | undefined, current: BaselineEntry, options: UpdateOptions = {}): BaselineEntry | undefined {
  const isEnabled = options.isEnabled ?? (() => true);
  const only = options.rules ? new Set(options.rules) : undefined;
  const touched = (ruleId: string) => isEnabled(ruleId) && (!only || only.has(ruleId));
  const out: BaselineEntry = {};
  for (const [ruleId, n] of Object.entries(old ?? {})) if (!touched(ruleId)) out[ruleId] = n;
  for (const [ruleId, n] of Object.entries(current)) if (touched(ruleId)) out[ruleId] = n;
  return tidy(out);
}

/** `--baseline-prune` for one letter: every count goes down by what was unused; never up. */
export function pruneEntry(old: BaselineEntry | undefined, unused: BaselineEntry): BaselineEntry | undefined {
  if (!old) return undefined;
  const out: BaselineEntry = {};
  for (const [ruleId, n] of Object.entries(old)) out[ruleId] = Math.max(0, n - (unused[ruleId] ?? 0));
  return tidy(out);
}

/** Total of all counts in an entry. */
export function entryTotal(entry: BaselineEntry | undefined): number {
  return Object.values(entry ?? {}).reduce((sum, n) => sum + n, 0);
}

/**
 * The file's text: fixed key order (letters and rules sorted by code unit),
 * two-space indent and a final newline, so a change shows as a small diff and
 * two runs on the same letters write the same bytes.
 */
export function serializeBaseline(baseline: Baseline): string {
  const letters: Record<string, BaselineEntry> = {};
  for (const path of Object.keys(baseline.letters).sort(byText)) {
    const entry = tidy(baseline.letters[path]!);
    if (entry) letters[path] = entry;
  }
  return `${JSON.stringify({ version: BASELINE_VERSION, letters }, null, 2)}\n`;
}
