import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli } from '../harness/cli.js';
import { scenario, useBrowser } from '../harness/scenario.js';
import { T } from '../harness/workbench.js';

useBrowser();

const LETTER = 'brieven/onderhoud-cv-ketel.md';
const FILE = 'onderhoud-cv-ketel.md';
const CRASH = /crash|gecrasht|restart|herstart|connection|verbinding|will not be|niet meer gestart|stopped/i;

scenario('6. een kapotte configuratie geeft één duidelijke foutmelding, geen crashlus', { folder: 'brokenWorkspace' }, async ({ wb, e2e }) => {
  const broken = await cli(e2e.brokenWorkspace, ['lint', LETTER]);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toMatch(/huurbrief\.config\.json/);

  await wb.openFile(LETTER);
  const toast = wb.toasts().filter({ hasText: /huurbrief\.config\.json/ });
  await toast.first().waitFor({ state: 'visible', timeout: T.activation });
  const message = (await toast.first().innerText()).replace(/\s+/g, ' ');
  expect(message).toMatch(/configuratie/i);
  expect(message).toMatch(/regel 4/);
  expect(await toast.count()).toBe(1);

  // The writer keeps typing: every edit is linted against the broken config.
  await wb.goTo(10, 1);
  for (const word of ['Fijn ', 'dat u ', 'er bent. ']) await wb.page.keyboard.type(word);

  // Then repairs the config: the same server (still alive) picks it up and shows real findings.
  const config = { extends: ['huurbrief:recommended'], level: 'B1', rules: { 'sentence-length': 'warn' } };
  writeFileSync(join(e2e.brokenWorkspace, 'huurbrief.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await wb.waitForProblems(FILE, (ps) => ps.some((p) => p.code === 'plain-words' && /Indien/.test(p.message)) && !ps.some((p) => /configuratie/i.test(p.message)), T.activation);

  const all = await wb.allNotifications();
  const aboutConfig = all.filter((n) => /huurbrief\.config\.json/.test(n));
  expect(aboutConfig, `notifications: ${JSON.stringify(all)}`).toHaveLength(1);
  expect(all.filter((n) => CRASH.test(n)), `notifications: ${JSON.stringify(all)}`).toEqual([]);
});
