import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/welkom.md';

/** The approvals of `letter` on disk: record files whose first line (the signed payload) says so. */
const approvals = (workspace: string, letter: string) => {
  const dir = join(workspace, '.huurbrief', 'reviews');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8').split('\n')[0]!) as { kind: string; path: string; principal: string; comment: string })
    .filter((p) => p.kind === 'approve' && p.path === letter);
};

scenario('5. de statusbalk toont niveau en beoordeling; na goedkeuren en een wijziging: "Gewijzigd sinds goedkeuring"', {}, async ({ wb, e2e }) => {
  const report = e2e.cliReports[LETTER]!;
  const level = report.metrics.level;
  expect(level, 'the CLI estimates a level').toMatch(/^(A1|A2|B1|B2|C1|C2)$/);
  expect(report.messages.filter((m) => m.severity === 'error')).toEqual([]);

  await wb.openFile(LETTER);
  await wb.waitForStatus(new RegExp(`\\b${level}\\b`), T.activation);
  await wb.waitForStatus(/Nog niet beoordeeld/, T.diagnostics);

  // Approve from the editor as the colleague (the repo's signing key is the reviewer's; the
  // writer committed the letter). The extension asks for confirmation, then for a comment.
  expect(approvals(e2e.workspace, LETTER)).toEqual([]);
  await wb.runCommand('huurbrief.approve');
  const dialog = wb.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: T.ui });
  expect(await dialog.innerText()).toMatch(/welkom\.md/);
  await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: T.ui });
  await input.fill('Duidelijke, vriendelijke brief.');
  await input.press('Enter');
  await wb.waitForStatus(new RegExp(`Goedgekeurd door .*(${e2e.reviewerPrincipal.replace(/\./g, '\\.')}|Bos)`), T.diagnostics);
  const signed = approvals(e2e.workspace, LETTER);
  expect(signed.map((a) => [a.principal, a.comment])).toEqual([[e2e.reviewerPrincipal, 'Duidelijke, vriendelijke brief.']]);
  // The approval is a real one: CI's check accepts it.
  const verified = await cli(e2e.workspace, ['review', 'verify', LETTER], e2e.gitEnv);
  expect(verified.code, `huurbrief review verify: ${verified.stdout}${verified.stderr}`).toBe(0);

  // The writer changes a word after the approval.
  await wb.goTo(10, 1);
  await wb.page.keyboard.type('Hartelijk ');
  await wb.waitForStatus(/Gewijzigd sinds goedkeuring/, T.diagnostics);
});
