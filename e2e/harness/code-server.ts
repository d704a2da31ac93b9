// code-server (the VS Code web build) from the shared setup script, with a fresh profile per run.
import { type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, OUTPUT_DIR, SETUP_SCRIPT } from './env.js';
import { freePort, run, runOk, startLogged, stopGroup } from './processes.js';

const APT_PACKAGES = ['ripgrep', 'chromium', 'libkrb5-dev'];

async function missingAptPackages(): Promise<string[]> {
  const missing: string[] = [];
  for (const p of APT_PACKAGES) {
    const r = await run('dpkg', ['-s', p], { timeoutMs: 30_000 });
    if (r.code !== 0 || !/Status: install ok installed/.test(r.stdout)) missing.push(p);
  }
  return missing;
}

/** Resolves when no apt-get/dpkg process runs (another job may hold the apt lock). */
async function aptIdle(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await run('pgrep', ['-x', 'apt-get|dpkg|apt'], { timeoutMs: 10_000 });
    if (r.code !== 0) return;
    if (Date.now() > until) throw new Error(`apt is still busy after ${timeoutMs / 1000} s (pids ${r.stdout.trim().replace(/\n/g, ' ')})`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/**
 * Installs code-server into `dir` with the shared script (idempotent, a few minutes the first
 * time) and returns its launcher. The script installs chromium, ripgrep and libkrb5-dev with
 * apt when they are missing; when apt is locked by another job it skips that silently and
 * fails later, so we wait for apt and retry.
 */
export async function ensureCodeServer(dir: string, log: (line: string) => void): Promise<string> {
  const launcher = join(dir, 'code-server');
  if (existsSync(launcher) && existsSync(CHROMIUM)) return launcher;
  mkdirSync(dir, { recursive: true });
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    if ((await missingAptPackages()).length) await aptIdle(10 * 60_000);
    log(`code-server: installing into ${dir} (attempt ${attempt}; a few minutes the first time)`);
    const r = await run('bash', [SETUP_SCRIPT, dir], { timeoutMs: 20 * 60_000 });
    if (r.code === 0 && existsSync(launcher)) break;
    lastError = `${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`;
    // The script rewrites install.log on the next attempt: keep this one for the report.
    if (existsSync(join(dir, 'install.log'))) copyFileSync(join(dir, 'install.log'), join(OUTPUT_DIR, `code-server-install-attempt-${attempt}.log`));
    log(`code-server setup failed (exit ${r.code}): ${lastError.trim().split('\n').slice(-3).join(' | ')}`);
  }
  if (!existsSync(launcher)) throw new Error(`code-server setup failed after 3 attempts (see ${join(dir, 'install.log')}):\n${lastError}`);
  const missing = await missingAptPackages();
  if (missing.length) throw new Error(`code-server is installed, but these Debian packages are missing: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`);
  return launcher;
}

export interface Profile {
  extensionsDir: string;
  userDataDir: string;
  configFile: string;
}

/** A fresh profile: extensions dir, user data with settings that keep the workbench quiet and predictable. */
export function createProfile(root: string): Profile {
  const profile = { extensionsDir: join(root, 'extensions'), userDataDir: join(root, 'user-data'), configFile: join(root, 'code-server.yaml') };
  mkdirSync(profile.extensionsDir, { recursive: true });
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  // Keeps code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.editor.enablePreview': false,
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    // Typing in the tests must produce exactly the typed text.
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.wordBasedSuggestions': 'off',
    'editor.acceptSuggestionOnEnter': 'off',
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.formatOnType': false,
    'editor.hover.delay': 300,
    'editor.lightbulb.enabled': 'on',
    'files.autoSave': 'off',
    'files.insertFinalNewline': false,
    'files.trimTrailingWhitespace': false,
    'markdown.validate.enabled': false,
    // The LSP traffic lands in the extension's output channel log (test-output/e2e/vscode-logs).
    'huurbrief.trace.server': 'messages',
  };
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return profile;
}

/** `code-server --install-extension` into the profile; fails with its output when VS Code refuses the .vsix. */
export async function installExtension(launcher: string, profile: Profile, vsix: string, env: NodeJS.ProcessEnv): Promise<void> {
  const r = await runOk(launcher, ['--install-extension', vsix, '--force', '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, '--config', profile.configFile], {
    timeoutMs: 120_000,
    env,
  });
  if (!/successfully installed/i.test(r.stdout + r.stderr)) throw new Error(`installing ${vsix} did not succeed:\n${r.stdout}\n${r.stderr}`);
}

export interface RunningCodeServer {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts code-server on 127.0.0.1 with a free port; resolves when it listens. */
export async function startCodeServer(launcher: string, profile: Profile, folder: string, logFile: string, env: NodeJS.ProcessEnv): Promise<RunningCodeServer> {
  const port = await freePort();
  const child = await startLogged(
    launcher,
    [
      '--config',
      profile.configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--disable-proxy',
      '--extensions-dir',
      profile.extensionsDir,
      '--user-data-dir',
      profile.userDataDir,
      folder,
    ],
    { logFile, ready: /HTTP server listening on http:\/\/127\.0\.0\.1:\d+/, timeoutMs: 90_000, env },
  );
  return { baseUrl: `http://127.0.0.1:${port}`, process: child, stop: () => stopGroup(child) };
}
