import type { LintMessage } from '@huurbrief/core';
import type { Formatter } from './types.js';

/** One finding as the JSON contract has it. */
function message(m: LintMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    category: m.category,
    severity: m.severity,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
  };
  if (m.actual !== undefined) out['actual'] = m.actual;
  if (m.expected !== undefined) out['expected'] = m.expected;
  if (m.note !== undefined) out['note'] = m.note;
  if (m.url !== undefined) out['url'] = m.url;
  if (m.fix !== undefined) out['fix'] = m.fix;
  return out;
}

/**
 * The JSON contract CI scripts rely on: exactly one array, one entry per file,
 * sorted by path, messages sorted by place. Findings a baseline accepted are
 * not in `messages` but in `suppressedMessages` (only when there are any), each
 * with `suppressions: [{ kind: "baseline", justification }]`, as ESLint
 * reports its suppressed messages.
 */
export const json: Formatter = (reports) =>
  `${JSON.stringify(
    reports.map((r) => {
      const entry: Record<string, unknown> = { path: r.path, language: r.language, messages: r.messages.map(message) };
      if (r.baseline?.accepted.length) {
        const suppressions = [{ kind: 'baseline', justification: `geaccepteerd in de baseline ${r.baseline.file}` }];
        entry['suppressedMessages'] = r.baseline.accepted.map((m) => ({ ...message(m), suppressions }));
      }
      entry['metrics'] = r.metrics;
      return entry;
    }),
    null,
    2,
  )}\n`;
