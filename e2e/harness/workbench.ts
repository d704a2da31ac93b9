// What a writer sees and does in VS Code, as Playwright locators and actions. Every wait is an
// explicit, bounded wait for something on screen; nothing sleeps for a fixed time.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, type ExtensionManifest } from './env.js';

/** Generous bounds: the machine is shared (2 cores, several jobs). */
export const T = {
  workbench: 90_000,
  activation: 60_000,
  ui: 15_000,
  diagnostics: 30_000,
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface Problem {
  file: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly manifest: ExtensionManifest,
  ) {}

  /** Opens the folder in a new browser page and waits for the workbench and its status bar. */
  static async open(browser: Browser, baseUrl: string, folder: string, manifest: ExtensionManifest): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(T.ui);
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`, { timeout: T.workbench });
    await page.locator('.monaco-workbench').waitFor({ timeout: T.workbench });
    await page.locator('.statusbar').waitFor({ timeout: T.workbench });
    // The explorer shows the folder once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: T.workbench });
    return new Workbench(page, manifest);
  }

  get extensionId(): string {
    return `${this.manifest.publisher}.${this.manifest.name}`;
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  // --- files and the editor -------------------------------------------------

  /** Quick Open (Ctrl+P) a workspace-relative path; waits until its editor is active and focused. */
  async openFile(relPath: string): Promise<void> {
    const name = relPath.split('/').at(-1)!;
    const input = await this.quickInput('Control+P');
    await input.fill(relPath);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: T.ui });
    await input.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: T.ui });
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: T.ui });
  }

  private async quickInput(shortcut: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press(shortcut);
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        return input;
      } catch {
        // The first key press can land before the workbench registered its keybindings.
      }
    }
    await input.waitFor({ state: 'visible', timeout: T.ui });
    return input;
  }

  /** Runs a command from the palette by its contributed title ("Category: Title"). */
  async runCommand(commandId: string): Promise<void> {
    const contributed = this.manifest.contributes?.commands?.find((c) => c.command === commandId);
    if (!contributed) throw new Error(`the extension contributes no command ${commandId}`);
    const label = contributed.category ? `${contributed.category}: ${contributed.title}` : contributed.title;
    await this.runPaletteCommand(label);
  }

  /** Runs any command from the palette (F1) by its visible label. */
  async runPaletteCommand(label: string): Promise<void> {
    const input = await this.quickInput('F1');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
    await row.waitFor({ timeout: T.ui });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T.ui }).catch(() => undefined);
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G "line:column"). */
  async goTo(line: number, column: number): Promise<void> {
    const input = await this.quickInput('Control+G');
    // Go to Line is Quick Open with the ':' prefix; filling the box replaces the prefix too.
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T.ui });
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: T.ui });
    await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: T.ui });
  }

  /**
   * Opens the Quick Fix menu (Ctrl+.) at the cursor and returns it. Under load the first key press
   * can come before the editor asked the server for code actions, and then VS Code shows nothing
   * (or "No code actions available"); a writer presses again, and so do we.
   */
  async quickFixMenu(): Promise<Locator> {
    const menu = this.page.locator('.action-widget');
    for (let attempt = 0; attempt < 4; attempt++) {
      await this.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: T.ui });
      await this.page.keyboard.press('Control+.');
      try {
        await menu.waitFor({ state: 'visible', timeout: 5000 });
        return menu;
      } catch {
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.keyboard.press('Control+.');
    await menu.waitFor({ state: 'visible', timeout: T.ui });
    return menu;
  }

  /** The editor's visible text, line by line (the fixture letters fit on one screen). */
  async visibleText(): Promise<string> {
    // Monaco renders spaces as no-break spaces.
    const text = await this.page.locator('.editor-instance .monaco-editor .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Ctrl+S and wait until the tab no longer shows unsaved changes. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: T.ui });
  }

  /** Screen position of the text cursor (for a real mouse hover over the word under it). */
  async cursorBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first().boundingBox();
    if (!box) throw new Error('no text cursor on screen');
    return box;
  }

  // --- the Problems panel -----------------------------------------------------

  /** Shows the Problems panel (Ctrl+Shift+M) unless it is already visible. */
  async showProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: T.ui });
    }
    return panel;
  }

  /**
   * Reads every problem of `fileName` from the Problems tree. The tree is virtualised: the
   * caller makes sure it fits (maximised panel); we fail instead of silently reading a part.
   */
  async problems(fileName: string): Promise<Problem[]> {
    const panel = await this.showProblems();
    const rows = await panel.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((el) => ({
        index: Number(el.getAttribute('data-index')),
        last: el.getAttribute('data-last-element') === 'true',
        label: el.getAttribute('aria-label') ?? '',
        resource: el.querySelector('.marker-message') ? null : (el.querySelector('.label-name')?.textContent ?? null),
        severity: el.querySelector('.marker-icon')?.className ?? '',
        message: el.querySelector('.marker-message')?.textContent ?? '',
        source: el.querySelector('.marker-source')?.textContent ?? '',
        code: el.querySelector('.marker-code')?.textContent ?? '',
        place: el.querySelector('.marker-line')?.textContent ?? '',
      })),
    );
    rows.sort((a, b) => a.index - b.index);
    if (rows.length && (rows[0]!.index !== 0 || !rows.at(-1)!.last)) {
      throw new Error(`the Problems list does not fit on the screen (rows ${rows[0]!.index}..${rows.at(-1)!.index} visible)`);
    }
    const out: Problem[] = [];
    let file = '';
    for (const r of rows) {
      if (r.resource !== null) {
        file = r.resource;
        continue;
      }
      if (file !== fileName) continue;
      const place = /Ln (\d+), Col (\d+)/.exec(r.place);
      if (!place) throw new Error(`problem without a place: ${r.label}`);
      const severity = /\berror\b/.test(r.severity) ? 'error' : /\bwarning\b/.test(r.severity) ? 'warning' : 'info';
      out.push({ file, severity, message: r.message, source: r.source, code: r.code, line: Number(place[1]), column: Number(place[2]) });
    }
    return out;
  }

  /** Waits until the problems of `fileName` satisfy `accept`; returns them (or fails with the last ones seen). */
  async waitForProblems(fileName: string, accept: (problems: Problem[]) => boolean, timeout: number): Promise<Problem[]> {
    const panel = await this.showProblems();
    let last: Problem[] = [];
    let lastError: unknown;
    const check = async () => {
      try {
        last = await this.problems(fileName);
        lastError = undefined;
        return accept(last);
      } catch (error) {
        lastError = error;
        return false;
      }
    };
    // Re-read the tree whenever the panel's DOM changes (the tree re-renders on new markers).
    const handle = await panel.elementHandle();
    const until = Date.now() + timeout;
    while (!(await check())) {
      const left = until - Date.now();
      if (left <= 0) {
        const seen = last.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`).join('\n  ');
        throw new Error(`Problems for ${fileName} did not reach the expected state within ${timeout / 1000} s; last seen:\n  ${seen || '(none)'}${lastError ? `\n(${String(lastError)})` : ''}`);
      }
      // Wait for the next change of the panel (bounded, so a change we missed is seen on the next read).
      await this.page.evaluate(
        ({ el, ms }) =>
          new Promise<void>((resolve) => {
            const observer = new MutationObserver(() => {
              observer.disconnect();
              resolve();
            });
            observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
            setTimeout(() => {
              observer.disconnect();
              resolve();
            }, ms);
          }),
        { el: handle, ms: Math.min(left, 1000) },
      );
    }
    return last;
  }

  /**
   * Measures in the page, from the writer's last key press to the moment a Problems row for
   * `code` whose message matches `message` appears (`present: true`) or is gone (`false`).
   * Call before typing; `result()` waits (bounded) and returns the milliseconds. Measured in the
   * browser so Playwright's own round trips do not count.
   */
  async measureProblem(fileName: string, code: string, message: RegExp, present: boolean): Promise<{ result: (timeout: number) => Promise<number> }> {
    await this.showProblems();
    const id = `m${Date.now()}${Math.random().toString(36).slice(2)}`;
    await this.page.evaluate(
      ({ id, fileName, code, source, flags, present }) => {
        const w = window as unknown as Record<string, { lastKey: number; at?: number }>;
        const state: { lastKey: number; at?: number } = { lastKey: performance.now() };
        w[id] = state;
        const onKey = () => {
          if (state.at === undefined) state.lastKey = performance.now();
        };
        document.addEventListener('keydown', onKey, true);
        const re = new RegExp(source, flags);
        const has = () => {
          let file = '';
          for (const row of [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort(
            (a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')),
          )) {
            const msg = row.querySelector('.marker-message');
            if (!msg) file = row.querySelector('.label-name')?.textContent ?? '';
            else if (file === fileName && row.querySelector('.marker-code')?.textContent === code && re.test(msg.textContent ?? '')) return true;
          }
          return false;
        };
        const observer = new MutationObserver(() => {
          if (state.at === undefined && has() === present) {
            state.at = performance.now();
            observer.disconnect();
            document.removeEventListener('keydown', onKey, true);
          }
        });
        observer.observe(document.querySelector('.markers-panel')!, { subtree: true, childList: true, characterData: true });
      },
      { id, fileName, code, source: message.source, flags: message.flags, present },
    );
    return {
      result: async (timeout: number) => {
        const handle = await this.page.waitForFunction(
          (id) => {
            const s = (window as unknown as Record<string, { lastKey: number; at?: number }>)[id];
            return s && s.at !== undefined ? s.at - s.lastKey : false;
          },
          id,
          { timeout, polling: 100 },
        );
        return (await handle.jsonValue()) as number;
      },
    };
  }

  /** Maximises the panel (so the whole Problems list is rendered) or restores it. */
  async setPanelMaximized(maximized: boolean): Promise<void> {
    await this.showProblems();
    const isMax = async () =>
      this.page.locator('.monaco-workbench').evaluate((wb) => {
        const editor = wb.querySelector('.part.editor') as HTMLElement | null;
        return !editor || editor.offsetHeight === 0;
      });
    if ((await isMax()) === maximized) return;
    await this.runPaletteCommand('View: Toggle Maximized Panel');
    await this.page.waitForFunction(
      (want) => {
        const editor = document.querySelector('.monaco-workbench .part.editor') as HTMLElement | null;
        return (!editor || editor.offsetHeight === 0) === want;
      },
      maximized,
      { timeout: T.ui },
    );
  }

  // --- status bar and notifications ---------------------------------------------

  /** The extension's status bar items (VS Code gives them the id "<extension id>.<item id>"). */
  statusItems(): Locator {
    return this.page.locator(`.statusbar-item[id^="${this.extensionId.toLowerCase()}." i]`);
  }

  /** The text of all of the extension's status bar items, joined. */
  async statusText(): Promise<string> {
    const texts = await this.statusItems().evaluateAll((els) => els.map((el) => `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''}`));
    return texts.join(' | ').replace(/\s+/g, ' ').trim();
  }

  /** Waits until the extension's status bar items show text matching `pattern`. */
  async waitForStatus(pattern: RegExp, timeout: number): Promise<string> {
    let last = '';
    try {
      await this.page.waitForFunction(
        ({ prefix, source, flags }) => {
          const re = new RegExp(source, flags);
          const els = [...document.querySelectorAll('.statusbar-item')].filter((el) => el.id.toLowerCase().startsWith(prefix));
          return re.test(els.map((el) => `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''}`).join(' | ').replace(/\s+/g, ' '));
        },
        { prefix: `${this.extensionId.toLowerCase()}.`, source: pattern.source, flags: pattern.flags },
        { timeout, polling: 'raf' },
      );
      return await this.statusText();
    } catch (error) {
      last = await this.statusText().catch(() => '');
      throw new Error(`the status bar did not show ${pattern} within ${timeout / 1000} s; it showed: ${last || '(no huurbrief items)'}\n${String(error)}`);
    }
  }

  /** Visible notification toasts. */
  toasts(): Locator {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  /** Every notification in the notification centre (opens it). */
  async allNotifications(): Promise<string[]> {
    await this.runPaletteCommand('Notifications: Show Notifications');
    const center = this.page.locator('.notifications-center');
    await center.waitFor({ state: 'visible', timeout: T.ui });
    return center.locator('.notification-list-item').evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }
}
