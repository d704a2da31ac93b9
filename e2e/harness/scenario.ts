// One scenario = one vitest test with its own browser page on a workspace. On failure a
// screenshot of what the writer would have seen goes to test-output/e2e/<scenario>.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject, it } from 'vitest';
import { OUTPUT_DIR, type E2EContext } from './env.js';
import { launchBrowser, Workbench } from './workbench.js';

export interface ScenarioContext {
  wb: Workbench;
  e2e: E2EContext;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/** Toasts of vscode-languageclient when the server does not start or keeps crashing. */
const FATAL = /crashed \d+ times|Server initialization failed|couldn't create connection to server|Connection to server got closed/i;

let browser: Browser | undefined;

/** One Chromium per scenario file, closed afterwards (also when scenarios fail). */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    const b = browser;
    browser = undefined;
    await b?.close();
  }, 30_000);
}

export function scenario(
  title: string,
  options: { folder?: 'workspace' | 'brokenWorkspace'; timeout?: number },
  body: (ctx: ScenarioContext) => Promise<void>,
): void {
  it(
    title,
    async () => {
      if (!browser) throw new Error('no browser (useBrowser() missing or Chromium did not start)');
      const e2e = inject('e2e');
      let wb: Workbench | undefined;
      const consoleLines: string[] = [];
      try {
        wb = await Workbench.open(browser, e2e.baseUrl, e2e[options.folder ?? 'workspace'], e2e.extensionManifest);
        wb.page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${m.text()}`);
        });
        // A language server that cannot start shows a toast; fail at once with its text instead
        // of letting every later wait run into its timeout.
        const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: FATAL }).first();
        const fatal = new Promise<never>((_, reject) => {
          toast.waitFor({ state: 'visible', timeout: 0 }).then(
            async () => reject(new Error(`the extension failed: ${(await toast.innerText().catch(() => '')).replace(/\s+/g, ' ')} (see test-output/e2e/vscode-logs/**/*huurbrief.log)`)),
            () => undefined,
          );
        });
        fatal.catch(() => undefined);
        await Promise.race([body({ wb, e2e }), fatal]);
      } catch (error) {
        mkdirSync(OUTPUT_DIR, { recursive: true });
        const name = slug(title);
        const pages = browser.contexts().flatMap((c) => c.pages());
        const page = wb?.page ?? pages.at(-1);
        if (page && !page.isClosed()) {
          await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), timeout: 15_000 }).catch(() => undefined);
        }
        writeFileSync(join(OUTPUT_DIR, `${name}.console.txt`), `${consoleLines.join('\n')}\n`);
        throw error;
      } finally {
        if (wb) await wb.close().catch(() => undefined);
      }
    },
    options.timeout ?? 180_000,
  );
}
