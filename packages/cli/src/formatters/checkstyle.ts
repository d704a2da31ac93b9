import type { Formatter } from './types.js';
import { xmlEscape } from './xml.js';

/**
 * Checkstyle XML (as ESLint and textlint write it): one `<file>` per letter,
 * one `<error>` per finding; `source` is `huurbrief.<rule-id>`.
 */
export const checkstyle: Formatter = (reports) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const r of reports) {
    out += `  <file name="${xmlEscape(r.path)}">\n`;
    for (const m of r.messages) {
      out += `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xmlEscape(`${m.message} (${m.ruleId})`)}" source="${xmlEscape(`huurbrief.${m.ruleId}`)}" />\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
};
