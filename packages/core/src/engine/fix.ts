import type { Fix, LintMessage, LintResult } from '../types.js';

export interface FixOutcome {
  /** The text with the fixes applied. */
  output: string;
  /** The messages whose fix was applied. */
  applied: LintMessage[];
  /** Fixable messages skipped because their range overlaps an applied fix. */
  skipped: LintMessage[];
}

/**
 * Applies the fixes of `messages` to `text`: earliest first, skipping any fix
 * that overlaps one already taken (ESLint's rule), and never touching a byte
 * outside a fix's range.
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): FixOutcome {
  const fixable = messages.filter((m): m is LintMessage & { fix: Fix } => m.fix !== undefined);
  fixable.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const applied: LintMessage[] = [];
  const skipped: LintMessage[] = [];
  let out = '';
  let last = 0;
  for (const m of fixable) {
    const [s, e] = m.fix.range;
    if (s < last || s > e || e > text.length) {
      skipped.push(m);
      continue;
    }
    if (text.slice(s, e) === m.fix.text) continue; // already fixed: idempotent
    out += text.slice(last, s) + m.fix.text;
    last = e;
    applied.push(m);
  }
  return { output: out + text.slice(last), applied, skipped };
}

/** At most this many lint-and-fix passes per letter (ESLint uses 10 as well). */
export const MAX_PASSES = 10;

export interface FixTextResult {
  /** The fixed text (equal to the input when nothing was fixed). */
  output: string;
  /** Every applied fix, in pass order, with the text it replaced. */
  applied: (LintMessage & { pass: number; replaced: string })[];
  /** Fixes left out because the letter had a finding afterwards that it did not have before. */
  rejected: LintMessage[];
  /** The lint result of `output`: what is left to do by hand. */
  result: LintResult;
  passes: number;
}

/** `\r\n` when the text uses Windows line endings, otherwise `\n`. */
export function lineEnding(text: string): '\r\n' | '\n' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * What identifies a finding across a fix (offsets move): rule, severity and,
 * for a finding about a few words, those words. A finding about a whole
 * sentence or letter counts per rule and severity.
 */
export function findingKey(m: LintMessage): string {
  const actual = m.actual !== undefined && (m.actual.match(/\s+/g) ?? []).length <= 3 ? m.actual.toLowerCase() : '';
  return `${m.ruleId}|${m.severity}|${actual}`;
}

function counts(messages: readonly LintMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of messages) out.set(findingKey(m), (out.get(findingKey(m)) ?? 0) + 1);
  return out;
}

/**
 * Findings in `after` that `before` did not have (by findingKey, counted).
 * With `allowFixable`, a new finding that itself carries a fix does not count:
 * a later pass fixes it ("m.b.t." → "met betrekking tot" → "over").
 */
export function newFindings(before: readonly LintMessage[], after: readonly LintMessage[], allowFixable = false): LintMessage[] {
  const left = counts(before);
  const out: LintMessage[] = [];
  for (const m of after) {
    const k = findingKey(m);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else if (!(allowFixable && m.fix)) out.push(m);
  }
  return out;
}

/**
 * Lints and fixes until nothing changes (or MAX_PASSES): the one fix decision
 * behind `--fix`, `--fix-dry-run` and the editor's fix-all. Each pass applies
 * the fixes the rules offer (they offer one only where the data say the
 * replacement is grammatical, and the engine's guard agrees) that do not
 * overlap; fixes skipped for overlapping get their turn in the next pass,
 * against the re-linted text. A pass after which the letter has a finding it
 * did not have before (and that no later pass fixes) is retried one fix at a
 * time, keeping only the fixes that add none. In the end the letter has no
 * finding that it did not have at the start. A fix's line breaks follow the
 * text's line endings. Stops when a text repeats, so two rules that undo each
 * other cannot loop.
 */
export function fixText(text: string, lint: (text: string) => LintResult, maxPasses = MAX_PASSES): FixTextResult {
  const eol = lineEnding(text);
  const applied: FixTextResult['applied'] = [];
  const rejected: LintMessage[] = [];
  const seen = new Set([text]);
  const original = lint(text);
  let current = text;
  let result = original;
  let clean = { text, result, applied: 0, passes: 0 };
  let passes = 0;
  const withEol = (messages: readonly LintMessage[]) =>
    eol === '\n' ? messages : messages.map((m) => (m.fix ? { ...m, fix: { ...m.fix, text: m.fix.text.replace(/\r?\n/g, '\r\n') } } : m));
  const acceptable = (r: LintResult) => newFindings(original.messages, r.messages, true).length === 0;

  while (passes < maxPasses) {
    const outcome = applyFixes(current, withEol(result.messages));
    if (outcome.applied.length === 0 || seen.has(outcome.output)) break;
    let next = outcome.output;
    let nextResult = lint(next);
    let taken = outcome.applied;
    if (!acceptable(nextResult)) {
      // One fix at a time, from the current text, keeping those that add no finding.
      next = current;
      nextResult = result;
      taken = [];
      let shift = 0;
      for (const m of outcome.applied) {
        const [s, e] = m.fix!.range;
        const trial = next.slice(0, s + shift) + m.fix!.text + next.slice(e + shift);
        const trialResult = lint(trial);
        if (acceptable(trialResult)) {
          taken.push(m);
          shift += m.fix!.text.length - (e - s);
          next = trial;
          nextResult = trialResult;
        } else rejected.push(m);
      }
      if (taken.length === 0 || seen.has(next)) break;
    }
    passes++;
    // Ranges are those of the text the pass started with (sorted, not overlapping).
    for (const m of taken) applied.push({ ...m, pass: passes, replaced: current.slice(m.fix!.range[0], m.fix!.range[1]) });
    current = next;
    result = nextResult;
    seen.add(current);
    if (newFindings(original.messages, result.messages).length === 0) clean = { text: current, result, applied: applied.length, passes };
  }
  if (clean.text !== current) {
    // A chain of fixes ended with a finding the letter did not have: keep the last state without one.
    return { output: clean.text, applied: applied.slice(0, clean.applied), rejected, result: clean.result, passes: clean.passes };
  }
  return { output: current, applied, rejected, result, passes };
}
