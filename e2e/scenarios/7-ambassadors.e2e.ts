import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/herinnering-meterstand.md';

const records = (workspace: string) => {
  const dir = join(workspace, '.huurbrief', 'reviews');
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
};

scenario('7. een brief in een map met ambassadeurs: de statusbalk noemt wie mag aftekenen; een andere collega wordt geweigerd', {}, async ({ wb, e2e }) => {
  // The team's ambassadors are the writer (Sanne, who wrote the letter, so she may not) and Eva.
  // In the working tree: the editor reads it as `review status` does (CI reads the base's).
  const file = join(e2e.workspace, '.huurbrief', 'ambassadors');
  writeFileSync(file, '# Ambassadeurs\n@meterstand = s.devries@delinde.nl eva@delinde.nl\nbrieven/herinnering-*.md @meterstand\n');
  try {
    const before = records(e2e.workspace);
    await wb.openFile(LETTER);
    await wb.waitForStatus(/Nog niet beoordeeld · ambassadeur: eva@delinde\.nl/, T.diagnostics);
    // The item's own text names only Eva (Sanne wrote the letter); the tooltip says why.
    const texts = await wb.statusItems().evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(texts).toContain('Nog niet beoordeeld · ambassadeur: eva@delinde.nl');

    // Karim (the repo's signing key) is a trusted colleague but no ambassador: refused, nothing signed.
    await wb.runCommand('huurbrief.approve');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: T.ui });
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: T.ui });
    await input.fill('Prima brief.');
    await input.press('Enter');
    const toast = wb.toasts().filter({ hasText: 'geen ambassadeur' }).first();
    await toast.waitFor({ state: 'visible', timeout: T.diagnostics });
    expect((await toast.innerText()).replace(/\s+/g, ' ')).toContain(
      `u (${e2e.reviewerPrincipal}) bent geen ambassadeur voor ${LETTER}; aftekenen door een ambassadeur (eva@delinde.nl; @meterstand, .huurbrief/ambassadors regel 3; s.devries@delinde.nl is auteur van deze versie)`,
    );
    expect(records(e2e.workspace)).toEqual(before);
    expect(readFileSync(file, 'utf8')).toContain('@meterstand');
  } finally {
    rmSync(file, { force: true });
  }
});
