import { expect } from 'vitest';
import { cli } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/herinnering-meterstand.md';
const FILE = 'herinnering-meterstand.md';
const norm = (s: string) => s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

scenario('4. met de muis op een melding staan toont de Nederlandse uitleg', {}, async ({ wb, e2e }) => {
  const report = e2e.cliReports[LETTER]!;
  const finding = report.messages.find((m) => m.ruleId === 'plain-words');
  expect(finding, 'the fixture letter has a plain-words finding ("dient")').toBeDefined();
  const explained = await cli(e2e.workspace, ['explain', finding!.ruleId, '--format', 'json']);
  expect(explained.code).toBe(0);
  const rule = JSON.parse(explained.stdout) as { rationale: string; description: string };
  const firstSentence = norm(rule.rationale).split(/(?<=\.)\s/)[0]!;

  await wb.openFile(LETTER);
  await wb.waitForProblems(FILE, (ps) => ps.some((p) => p.code === finding!.ruleId && p.line === finding!.line), T.activation);
  await wb.goTo(finding!.line, finding!.column + 1);
  // A real mouse hover over the flagged word (just right of the text cursor).
  const box = await wb.cursorBox();
  await wb.page.mouse.move(box.x + 4, box.y + box.height / 2);
  const hover = wb.page.locator('.monaco-hover:not(.hidden)', { hasText: firstSentence.slice(0, 40) }).first();
  await hover.waitFor({ state: 'visible', timeout: T.ui });
  const text = norm(await hover.innerText());
  expect(text).toContain(norm(finding!.message));
  expect(text).toContain(firstSentence);
  expect(text).toMatch(/Niet zo|Wel zo|Voorbeeld/);
});
