import { expect } from 'vitest';
import { lintJson } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T, type Problem } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/reparatie-bevestiging.md';
const FILE = 'reparatie-bevestiging.md';
const SENTENCE = 'Indien u vragen heeft, bel ons. ';
/** The writer's budget from the last key press to the finding on screen (issue 10). */
const WITHIN_MS = 2000;

const key = (p: Problem) => `${p.line}:${p.column} ${p.code}`;

scenario('2. een zin met "Indien" typen geeft binnen 2 s een melding; weghalen laat hem verdwijnen', {}, async ({ wb, e2e }) => {
  const report = await lintJson(e2e.workspace, LETTER);
  expect(report.messages.some((m) => m.ruleId === 'plain-words')).toBe(false);
  // Line 12 starts the paragraph "Wilt u zorgen dat de kast ...".
  await wb.openFile(LETTER);
  const before = await wb.waitForProblems(FILE, (ps) => ps.length === report.messages.length, T.activation);
  const beforeKeys = before.map(key).sort();

  await wb.goTo(12, 1);
  await wb.page.keyboard.type(SENTENCE);
  const typed = Date.now();
  const withFinding = await wb.waitForProblems(FILE, (ps) => ps.some((p) => p.code === 'plain-words' && p.line === 12 && p.column === 1 && /Indien/.test(p.message)), WITHIN_MS);
  const appearedMs = Date.now() - typed;
  expect(withFinding.find((p) => p.code === 'plain-words')?.message).toMatch(/"Als".*"Indien"/);

  for (let i = 0; i < SENTENCE.length; i++) await wb.page.keyboard.press('Backspace');
  const deleted = Date.now();
  const after = await wb.waitForProblems(FILE, (ps) => ps.map(key).sort().join('\n') === beforeKeys.join('\n'), WITHIN_MS);
  const goneMs = Date.now() - deleted;
  expect(after.map(key).sort()).toEqual(beforeKeys);
  expect(await wb.visibleText()).toContain('Wilt u zorgen dat de kast onder het aanrecht leeg is?');
  process.stderr.write(`[scenario 2] finding appeared after ${appearedMs} ms, went away after ${goneMs} ms\n`);
});
