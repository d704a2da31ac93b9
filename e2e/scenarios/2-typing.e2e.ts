import { expect } from 'vitest';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T, type Problem } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/reparatie-bevestiging.md';
const FILE = 'reparatie-bevestiging.md';
const SENTENCE = 'Indien u vragen heeft, bel ons. ';
/** The writer's budget from the last key press to the finding on screen in the Problems panel (issue 10). */
const WITHIN_MS = 2000;

const key = (p: Problem) => `${p.line}:${p.column} ${p.code}`;

scenario('2. een zin met "Indien" typen geeft binnen 2 s een melding; weghalen laat hem verdwijnen', {}, async ({ wb, e2e }) => {
  const report = e2e.cliReports[LETTER]!;
  expect(report.messages.some((m) => m.ruleId === 'plain-words')).toBe(false);
  // Line 12 starts the paragraph "Wilt u zorgen dat de kast ...".
  await wb.openFile(LETTER);
  const before = await wb.waitForProblems(FILE, (ps) => ps.length === report.messages.length, T.activation);
  const beforeKeys = before.map(key).sort();

  await wb.goTo(12, 1);
  const appears = await wb.measureProblem(FILE, 'plain-words', /Indien/, true);
  await wb.page.keyboard.type(SENTENCE);
  const appearedMs = await appears.result(T.diagnostics);
  const withFinding = await wb.waitForProblems(FILE, (ps) => ps.some((p) => p.code === 'plain-words' && p.line === 12 && p.column === 1), T.diagnostics);
  expect(withFinding.find((p) => p.code === 'plain-words')?.message).toMatch(/"Als".*"Indien"/);

  const goes = await wb.measureProblem(FILE, 'plain-words', /Indien/, false);
  for (let i = 0; i < SENTENCE.length; i++) await wb.page.keyboard.press('Backspace');
  const goneMs = await goes.result(T.diagnostics);
  const after = await wb.waitForProblems(FILE, (ps) => ps.map(key).sort().join('\n') === beforeKeys.join('\n'), T.diagnostics);
  expect(after.map(key).sort()).toEqual(beforeKeys);
  process.stderr.write(`[scenario 2] from the last key press: finding shown after ${Math.round(appearedMs)} ms, gone after ${Math.round(goneMs)} ms\n`);
  expect(appearedMs).toBeLessThanOrEqual(WITHIN_MS);
  expect(goneMs).toBeLessThanOrEqual(WITHIN_MS);
  expect(await wb.visibleText()).toContain('Wilt u zorgen dat de kast onder het aanrecht leeg is?');
});
