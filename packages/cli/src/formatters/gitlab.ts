import type { Severity } from '@huurbrief/core';
import { fingerprints } from './fingerprint.js';
import type { Formatter } from './types.js';

// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues with a
// description, check_name, fingerprint, severity and location (path, begin line).
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: Formatter = (reports) => {
  const issues: Record<string, unknown>[] = [];
  for (const r of reports) {
    const prints = fingerprints(r);
    r.messages.forEach((m, i) => {
      issues.push({
        type: 'issue',
        description: `${m.message} (${m.ruleId})`,
        check_name: m.ruleId,
        categories: ['Style'],
        fingerprint: prints[i],
        severity: SEVERITY[m.severity],
        location: { path: r.path, lines: { begin: m.line, end: m.endLine } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
