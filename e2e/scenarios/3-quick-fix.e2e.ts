import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { lintJson } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/onderhoud-cv-ketel.md';
const FILE = 'onderhoud-cv-ketel.md';

scenario('3. een snelle oplossing (Ctrl+.) verandert de tekst zoals de suggestie zegt', {}, async ({ wb, e2e }) => {
  const report = e2e.cliReports[LETTER]!;
  const finding = report.messages.find((m) => m.ruleId === 'plain-words');
  expect(finding, 'the fixture letter has a plain-words finding').toBeDefined();
  const actual = 'Indien';
  expect(finding!.expected).toEqual(['Als']);
  const suggestion = finding!.expected![0]!;

  await wb.openFile(LETTER);
  await wb.waitForProblems(FILE, (ps) => ps.some((p) => p.code === 'plain-words' && p.line === finding!.line), T.activation);
  await wb.goTo(finding!.line, finding!.column + 1);
  const menu = await wb.quickFixMenu();
  // The quick fix that names the word and its suggestion, e.g. Vervang “Indien” door “Als”.
  const fix = menu.locator('.monaco-list-row', { hasText: actual }).filter({ hasText: suggestion }).first();
  await fix.waitFor({ timeout: T.ui });
  // As a writer does with the keyboard: arrow down to the fix, Enter.
  const rows = await menu.locator('.monaco-list-row').count();
  for (let i = 0; i <= rows && !(await fix.evaluate((el) => el.classList.contains('focused'))); i++) await wb.page.keyboard.press('ArrowDown');
  expect(await fix.getAttribute('class')).toMatch(/\bfocused\b/);
  await wb.page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: T.ui });

  await wb.waitForProblems(FILE, (ps) => !ps.some((p) => p.code === 'plain-words' && p.line === finding!.line), T.diagnostics);
  const text = await wb.visibleText();
  expect(text).toContain(`${suggestion} u die dag niet thuis bent, bel ons dan even.`);
  expect(text).not.toContain(`${actual} u die dag`);

  // What the writer saves is what the CLI then accepts.
  await wb.save();
  const saved = readFileSync(join(e2e.workspace, LETTER), 'utf8');
  expect(saved).toContain(`\n${suggestion} u die dag niet thuis bent, bel ons dan even.`);
  const again = await lintJson(e2e.workspace, LETTER);
  expect(again.messages.filter((m) => m.ruleId === 'plain-words')).toEqual([]);
});
