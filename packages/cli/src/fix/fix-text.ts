import { applyFixes, type LintMessage, type LintResult } from '@huurbrief/core';

/** At most this many lint-and-fix passes per file (ESLint uses 10 as well). */
export const MAX_PASSES = 10;

export interface FixTextResult {
  /** The fixed text (equal to the input when nothing was fixed). */
  output: string;
  /** Every applied fix, in pass order, with the text it replaced. */
  applied: (LintMessage & { pass: number; replaced: string })[];
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
 * Lints and fixes until nothing changes (or MAX_PASSES). Each pass applies
 * the one-suggestion fixes that do not overlap (core's applyFixes: earliest
 * first, never a byte outside a fix's range); fixes skipped for overlapping
 * get their turn in the next pass, against the re-linted text. A fix's line
 * breaks follow the file's line endings. Stops when a text repeats, so two
 * rules that undo each other cannot loop.
 */
export function fixText(text: string, lint: (text: string) => LintResult, maxPasses = MAX_PASSES): FixTextResult {
  const eol = lineEnding(text);
  const applied: FixTextResult['applied'] = [];
  const seen = new Set([text]);
  let current = text;
  let result = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const messages = eol === '\n' ? result.messages : result.messages.map((m) => (m.fix ? { ...m, fix: { ...m.fix, text: m.fix.text.replace(/\r?\n/g, '\r\n') } } : m));
    const outcome = applyFixes(current, messages);
    if (outcome.applied.length === 0 || seen.has(outcome.output)) break;
    passes++;
    for (const m of outcome.applied) applied.push({ ...m, pass: passes, replaced: current.slice(m.fix!.range[0], m.fix!.range[1]) });
    current = outcome.output;
    seen.add(current);
    result = lint(current);
  }
  return { output: current, applied, result, passes };
}
