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
  const seen = new Map<string, number>();
  return report.messages.map((m: LintMessage) => {
    const what = (m.actual ?? m.message).toLowerCase().replace(/\s+/g, ' ').trim();
    const key = `${m.ruleId}\u0000${what}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return createHash('sha256').update(`${report.path}\u0000${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
