import { SEVERITY_LABEL } from './labels.js';
import type { Formatter } from './types.js';
import { cdata, xmlEscape } from './xml.js';

/**
 * JUnit XML for CI test reports (GitLab, Jenkins, Azure): one `<testsuite>`
 * per letter, one failing `<testcase>` per finding (type = severity); a
 * letter without findings is one passing test case.
 */
export const junit: Formatter = (reports) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n';
  const total = reports.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  const failures = reports.reduce((n, r) => n + r.messages.length, 0);
  out += `<testsuites name="huurbrief" tests="${total}" failures="${failures}" errors="0" time="0">\n`;
  for (const r of reports) {
    const path = xmlEscape(r.path);
    out += `  <testsuite name="${path}" tests="${Math.max(1, r.messages.length)}" failures="${r.messages.length}" errors="0" skipped="0" time="0">\n`;
    if (r.messages.length === 0) {
      out += `    <testcase name="${path}" classname="huurbrief" time="0" />\n`;
    }
    for (const m of r.messages) {
      const summary = `${m.line}:${m.column} ${m.message}`;
      const details = [
        `${r.path}:${m.line}:${m.column}: ${SEVERITY_LABEL[m.severity]}: ${m.message} (${m.ruleId})`,
        ...(m.note ? [m.note] : []),
        ...(m.url ? [m.url] : []),
      ].join('\n');
      out += `    <testcase name="${xmlEscape(`${m.ruleId} ${m.line}:${m.column}`)}" classname="${xmlEscape(`huurbrief.${m.ruleId}`)}" file="${path}" line="${m.line}" time="0">\n`;
      out += `      <failure type="${m.severity}" message="${xmlEscape(summary)}">${cdata(details)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};
