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

/** One replacement, in the coordinates of the text before it. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

/** Where an offset of the old text lands in the new one (inside an edit: at its start). */
function moved(edits: readonly Edit[], offset: number): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= offset) delta += e.length - (e.end - e.start);
    else if (e.start < offset) return e.start + delta;
    else break;
  }
  return offset + delta;
}

const shortActual = (m: LintMessage) => (m.actual !== undefined && (m.actual.match(/\s+/g) ?? []).length <= 3 ? m.actual.toLowerCase() : '');
const touches = (s: number, e: number, a: number, b: number) => s <= b && a <= e;

/**
 * The findings of `after` (the text with `edits` applied to the text of
 * `before`) that were not there before. A finding far from the edits must be
 * the same finding moved (rule, severity, words, place); a finding at an edit
 * must have been there, for the same rule and severity, at the same edit (a
 * sentence that got shorter keeps its sentence-length finding, and a fixed word
 * that the same rule still reports is not new). Each old finding answers for
 * one new finding.
 */
export function newFindings(before: readonly LintMessage[], after: readonly LintMessage[], edits: readonly Edit[]): LintMessage[] {
  const sorted = [...edits].sort((x, y) => x.start - y.start);
  const spans: { old: [number, number]; now: [number, number] }[] = [];
  let delta = 0;
  for (const e of sorted) {
    spans.push({ old: [e.start, e.end], now: [e.start + delta, e.start + delta + e.length] });
    delta += e.length - (e.end - e.start);
  }
  const used = new Set<LintMessage>();
  const out: LintMessage[] = [];
  for (const m of after) {
    const at = spans.filter((x) => touches(x.now[0], x.now[1], m.offset, m.endOffset));
    const match = before.find((b) => {
      if (used.has(b) || b.ruleId !== m.ruleId || b.severity !== m.severity) return false;
      if (at.length) return at.some((x) => touches(x.old[0], x.old[1], b.offset, b.endOffset));
      return shortActual(b) === shortActual(m) && moved(sorted, b.offset) === m.offset && moved(sorted, b.endOffset) === m.endOffset;
    });
    if (match) used.add(match);
    else out.push(m);
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
 * did not have before is retried one fix at a time, keeping only the fixes
 * that add none; a new finding that carries a fix of its own may stay for the
 * next pass ("m.b.t." → "met betrekking tot" → "over"), but if the letter ends
 * with such a finding, the fixes go back to the last state without one. A
 * fix's line breaks follow the text's line endings. Stops when a text repeats,
 * so two rules that undo each other cannot loop.
 */
export function fixText(text: string, lint: (text: string) => LintResult, maxPasses = MAX_PASSES): FixTextResult {
  const eol = lineEnding(text);
  const applied: FixTextResult['applied'] = [];
  const rejected: LintMessage[] = [];
  const seen = new Set([text]);
  let current = text;
  let result = lint(text);
  let clean = { text, result, applied: 0, passes: 0 };
  /** New findings that were let through because they carry a fix: they must go in a later pass. */
  let pending: LintMessage[] = [];
  let passes = 0;
  const withEol = (messages: readonly LintMessage[]) =>
    eol === '\n' ? messages : messages.map((m) => (m.fix ? { ...m, fix: { ...m.fix, text: m.fix.text.replace(/\r?\n/g, '\r\n') } } : m));
  const editsOf = (ms: readonly LintMessage[]): Edit[] => ms.map((m) => ({ start: m.fix!.range[0], end: m.fix!.range[1], length: m.fix!.text.length }));
  /** New findings of a step, or null when one of them has no fix. */
  const check = (before: LintResult, after: LintResult, edits: Edit[]): LintMessage[] | null => {
    const fresh = newFindings(before.messages, after.messages, edits);
    return fresh.every((m) => m.fix) ? fresh : null;
  };

  /** Rejected fixes (rule, words, replacement): a later pass does not try them again (precision first: nor the same fix elsewhere). */
  const rejectedKeys = new Set<string>();
  const fixKey = (t: string, m: LintMessage) => `${m.ruleId}\u0000${t.slice(m.fix!.range[0], m.fix!.range[1])}\u0000${m.fix!.text}`;

  while (passes < maxPasses) {
    const offered = rejectedKeys.size ? result.messages.filter((m) => !m.fix || !rejectedKeys.has(fixKey(current, m))) : result.messages;
    const outcome = applyFixes(current, withEol(offered));
    if (outcome.applied.length === 0 || seen.has(outcome.output)) break;
    let next = outcome.output;
    let nextResult = lint(next);
    let taken = outcome.applied;
    let fresh = check(result, nextResult, editsOf(taken));
    if (fresh === null) {
      // One fix at a time, from the current text, keeping those that add no finding.
      next = current;
      nextResult = result;
      taken = [];
      fresh = [];
      let shift = 0;
      for (const m of outcome.applied) {
        const [s, e] = m.fix!.range;
        const trial = next.slice(0, s + shift) + m.fix!.text + next.slice(e + shift);
        const trialResult = lint(trial);
        const found = check(nextResult, trialResult, [{ start: s + shift, end: e + shift, length: m.fix!.text.length }]);
        if (found === null) {
          rejected.push(m);
          rejectedKeys.add(fixKey(current, m));
          continue;
        }
        taken.push(m);
        fresh.push(...found);
        shift += m.fix!.text.length - (e - s);
        next = trial;
        nextResult = trialResult;
      }
      if (taken.length === 0 || seen.has(next)) break;
    }
    passes++;
    // Ranges are those of the text the pass started with (sorted, not overlapping).
    for (const m of taken) applied.push({ ...m, pass: passes, replaced: current.slice(m.fix!.range[0], m.fix!.range[1]) });
    // Pending findings that are still reported (matched at the same place) stay pending.
    if (pending.length) {
      const unmatched = new Set(newFindings(pending, nextResult.messages, editsOf(taken)));
      pending = [...new Set([...fresh, ...nextResult.messages.filter((m) => !unmatched.has(m))])];
    } else pending = fresh;
    current = next;
    result = nextResult;
    seen.add(current);
    if (pending.length === 0) clean = { text: current, result, applied: applied.length, passes };
  }
  if (clean.text !== current) {
    // A chain of fixes ended with a finding the letter did not have: keep the last state without one.
    return { output: clean.text, applied: applied.slice(0, clean.applied), rejected, result: clean.result, passes: clean.passes };
  }
  return { output: current, applied, rejected, result, passes };
}

/**
 * The fix loop's rule for one fix on its own (the editor's quick fix): true
 * when the letter, with only this fix applied, has no finding that it did not
 * have before, apart from findings that carry a fix of their own.
 */
export function singleFixAccepted(text: string, before: LintResult, message: LintMessage, lint: (text: string) => LintResult): boolean {
  if (!message.fix) return false;
  const [s, e] = message.fix.range;
  const after = lint(text.slice(0, s) + message.fix.text + text.slice(e));
  return newFindings(before.messages, after.messages, [{ start: s, end: e, length: message.fix.text.length }]).every((m) => m.fix);
}
