import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli, lintJson } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/welkom.md';

const reviewRecords = (workspace: string) => {
  try {
    return readdirSync(join(workspace, '.huurbrief', 'reviews'));
  } catch {
    return [];
  }
};

scenario('5. de statusbalk toont niveau en beoordeling; na goedkeuren en een wijziging: "Gewijzigd sinds goedkeuring"', {}, async ({ wb, e2e }) => {
  const report = await lintJson(e2e.workspace, LETTER);
  const level = report.metrics.level;
  expect(level, 'the CLI estimates a level').toMatch(/^(A1|A2|B1|B2|C1|C2)$/);
  expect(report.messages.filter((m) => m.severity === 'error')).toEqual([]);

  await wb.openFile(LETTER);
  await wb.waitForStatus(new RegExp(`\\b${level}\\b`), T.activation);
  await wb.waitForStatus(/Nog niet beoordeeld/, T.diagnostics);

  // Approve as the colleague (the repo's signing key is the reviewer's; the writer committed the letter).
  const approveCommand = e2e.extensionManifest.contributes?.commands?.find((c) => /approve|goedkeur/i.test(c.command))?.command;
  const recordsBefore = reviewRecords(e2e.workspace).length;
  if (approveCommand) {
    await wb.runCommand(approveCommand);
    // An optional comment box: accept it empty.
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    const approved = wb.statusItems().filter({ hasText: /Goedgekeurd door/ }).first();
    await Promise.race([input.waitFor({ state: 'visible', timeout: T.ui }).then(() => input.press('Enter')), approved.waitFor({ timeout: T.ui })]).catch(() => undefined);
  } else {
    const r = await cli(e2e.workspace, ['review', 'approve', LETTER, '--key', e2e.reviewerKey, '-m', 'Duidelijke brief.'], e2e.gitEnv);
    expect(r.code, `huurbrief review approve: ${r.stdout}${r.stderr}`).toBe(0);
  }
  await wb.waitForStatus(new RegExp(`Goedgekeurd door .*(${e2e.reviewerPrincipal.replace(/\./g, '\\.')}|Bos)`), T.diagnostics);
  expect(reviewRecords(e2e.workspace).length).toBe(recordsBefore + 1);

  // The writer changes a word after the approval.
  await wb.goTo(10, 1);
  await wb.page.keyboard.type('Hartelijk ');
  await wb.waitForStatus(/Gewijzigd sinds goedkeuring/, T.diagnostics);
});
