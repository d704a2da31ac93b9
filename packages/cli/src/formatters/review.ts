import { STATE_LABELS, type ReviewReport } from '@huurbrief/review';

/** "verouderd: ...", the state named once (reasons often start with it). */
const said = (l: ReviewReport['letters'][number]) => (l.reason.startsWith(STATE_LABELS[l.state]) ? l.reason : `${STATE_LABELS[l.state]}: ${l.reason}`);
import { escapeData, escapeProperty } from './github.js';
import { xmlEscape } from './xml.js';

// `review status` and `review verify` for CI platforms: GitHub annotations and JUnit XML, as the
// lint formats are; JSON is the report itself. A letter that is not approved is an error on the
// letter; bad input (exit 2) is an error on the file that holds it.


export function reviewGithub(report: ReviewReport): string {
  let out = '';
  for (const l of report.letters) {
    if (l.ok) continue;
    out += `::error file=${escapeProperty(l.path)},title=${escapeProperty(`huurbrief review: ${l.state}`)}::${escapeData(said(l))}\n`;
  }
  for (const p of report.problems) out += `::error file=${escapeProperty(p.file)},title=${escapeProperty('huurbrief review: foute invoer')}::${escapeData(p.reason)}\n`;
  for (const s of report.skipped) out += `::notice file=${escapeProperty(s.file)},title=huurbrief review::${escapeData(`niet gecontroleerd: ${s.reason}`)}\n`;
  for (const w of report.warnings) out += `::warning title=huurbrief review::${escapeData(w)}\n`;
  return out;
}

export function reviewJunit(report: ReviewReport): string {
  const cases = report.letters.map((l) => {
    const head = `    <testcase classname="huurbrief.review" name="${xmlEscape(l.path)}">`;
    return l.ok ? `${head}</testcase>` : `${head}\n      <failure type="${xmlEscape(l.state)}" message="${xmlEscape(said(l))}"/>\n    </testcase>`;
  });
  for (const p of report.problems) {
    cases.push(`    <testcase classname="huurbrief.review" name="${xmlEscape(p.file)}">\n      <error type="${xmlEscape(p.code)}" message="${xmlEscape(p.reason)}"/>\n    </testcase>`);
  }
  const failures = report.letters.filter((l) => !l.ok).length;
  const total = report.letters.length + report.problems.length;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="huurbrief review" tests="${total}" failures="${failures}" errors="${report.problems.length}">\n` +
    `  <testsuite name="huurbrief review" tests="${total}" failures="${failures}" errors="${report.problems.length}">\n` +
    (cases.length ? `${cases.join('\n')}\n` : '') +
    '  </testsuite>\n</testsuites>\n'
  );
}
