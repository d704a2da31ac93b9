import type { Fix, LintMessage } from '../types.js';

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
