import type { Severity } from '@huurbrief/core';
import type { Formatter } from './types.js';

// GitHub Actions workflow commands:
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
// The message (data) escapes %, CR and LF; property values also `:` and `,`.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * One annotation per finding (`::error file=...,line=...::message`), so the
 * findings appear beside the changed lines of a pull request.
 */
export const github: Formatter = (reports) => {
  let out = '';
  for (const r of reports) {
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(r.path)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`huurbrief ${m.ruleId}`)}`,
      ];
      const text = m.note ? `${m.message}\n${m.note}` : m.message;
      out += `::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(`${text} (${m.ruleId})`)}\n`;
    }
  }
  return out;
};
