import { expect } from 'vitest';
import { lintJson } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/afwijzing-dakkapel.md';

scenario('1. een slecht geschreven brief openen: dezelfde meldingen in Problemen als huurbrief lint --format json', {}, async ({ wb, e2e }) => {
  const report = await lintJson(e2e.workspace, LETTER);
  // The fixture must stay badly written, or this scenario proves little.
  expect(report.messages.length).toBeGreaterThanOrEqual(8);
  expect(new Set(report.messages.map((m) => m.ruleId)).size).toBeGreaterThanOrEqual(2);
  const want = report.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`).sort();

  await wb.openFile(LETTER);
  // The whole list must be on screen to be read (the Problems tree only renders what is visible).
  await wb.setPanelMaximized(true);
  const seen = await wb.waitForProblems(
    'afwijzing-dakkapel.md',
    (ps) => ps.length === want.length && ps.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`).sort().join('\n') === want.join('\n'),
    T.activation,
  );
  expect(seen.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`).sort()).toEqual(want);
  expect(new Set(seen.map((p) => p.source))).toEqual(new Set(['huurbrief']));
  await wb.setPanelMaximized(false);
});
