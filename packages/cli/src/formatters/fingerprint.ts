import { createHash } from 'node:crypto';
import type { LintMessage } from '@huurbrief/core';
import type { FileReport } from './types.js';

/**
 * Stable fingerprints for CI platforms that track findings across commits (SARIF
 * `partialFingerprints`, GitLab Code Quality `fingerprint`): the file, the rule, the words found
 * and which occurrence of those it is in the file. Not the line: a finding keeps its fingerprint
 * when a paragraph above it is added, so the platform does not see it as new.
 */
export function fingerprints(report: FileReport): string[] {
  return fingerprintMap(report, report.messages);
}

/**
 * Fingerprints of `of` (messages or baseline-accepted findings of the report). The occurrence
 * number counts over all findings of the letter, accepted ones included, so a finding keeps its
 * fingerprint when it moves in or out of the baseline.
 */
export function fingerprintMap(report: FileReport, of: readonly LintMessage[]): string[] {
  const accepted = report.baseline?.accepted ?? [];
  const all = accepted.length ? [...report.messages, ...accepted].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset) : report.messages;
  const seen = new Map<string, number>();
  const prints = new Map<LintMessage, string>();
  for (const m of all) {
    const what = (m.actual ?? m.message).toLowerCase().replace(/\s+/g, ' ').trim();
    const key = `${m.ruleId}\u0000${what}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    prints.set(m, createHash('sha256').update(`${report.path}\u0000${key}\u0000${n}`).digest('hex').slice(0, 32));
  }
  return of.map((m) => prints.get(m)!);
}
