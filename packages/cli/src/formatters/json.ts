import type { Formatter } from './types.js';

/**
 * The JSON contract CI scripts rely on: exactly one array, one entry per file,
 * sorted by path, messages sorted by place.
 */
export const json: Formatter = (reports) =>
  `${JSON.stringify(
    reports.map((r) => ({
      path: r.path,
      language: r.language,
      messages: r.messages.map((m) => {
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
      }),
      metrics: r.metrics,
    })),
    null,
    2,
  )}\n`;
