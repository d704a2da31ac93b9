import { expect } from 'vitest';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T, type Problem } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/afwijzing-dakkapel.md';

scenario('1. een slecht geschreven brief openen: dezelfde meldingen in Problemen als huurbrief lint --format json', {}, async ({ wb, e2e }) => {
  // `huurbrief lint --format json` on the letter, run by the setup right after packaging the extension.
  const report = e2e.cliReports[LETTER]!;
  // The fixture must stay badly written, or this scenario proves little.
  expect(report.messages.length).toBeGreaterThanOrEqual(8);
  expect(new Set(report.messages.map((m) => m.ruleId)).size).toBeGreaterThanOrEqual(2);
  const want = report.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`).sort();

  await wb.openFile(LETTER);
  // The whole list must be on screen to be read (the Problems tree only renders what is visible).
  await wb.setPanelMaximized(true);
  const show = (p: Problem) => `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`;
  const seen = await wb
    .waitForProblems('afwijzing-dakkapel.md', (ps) => ps.map(show).sort().join('\n') === want.join('\n'), T.activation)
    // Not the same within the time: compare what is on screen, for a readable diff.
    .catch(() => wb.problems('afwijzing-dakkapel.md'));
  expect(seen.map(show).sort()).toEqual(want);
  expect(new Set(seen.map((p) => p.source))).toEqual(new Set(['huurbrief']));
  await wb.setPanelMaximized(false);
});
