// Where things are: the repository, the e2e output, the code-server cache.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliReport } from './cli.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_DIR = join(REPO_ROOT, 'e2e');
/** Screenshots of failed scenarios and the logs of the run (gitignored). */
export const OUTPUT_DIR = join(REPO_ROOT, 'test-output', 'e2e');
export const SETUP_SCRIPT = process.env['HUURBRIEF_E2E_SETUP_SCRIPT'] ?? '/work/shared/tools/vscode-web-setup.sh';
export const CHROMIUM = process.env['HUURBRIEF_E2E_CHROMIUM'] ?? '/usr/bin/chromium';
/** The flags from the setup script's header. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Where code-server is installed: HUURBRIEF_E2E_CACHE, else a fresh temp folder on CI
 * (CI=true: nothing is reused between runs), else ~/.cache/huurbrief-e2e (reused locally).
 */
export function cacheDir(runDir: string): string {
  const explicit = process.env['HUURBRIEF_E2E_CACHE'];
  if (explicit) return explicit;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') return join(runDir, 'cache');
  return join(homedir(), '.cache', 'huurbrief-e2e');
}

/** The code-server install inside the cache (the setup script's DIR). */
export function codeServerDir(cache: string): string {
  return join(cache, 'vscode');
}

export function runTempRoot(): string {
  return process.env['HUURBRIEF_E2E_TMP'] ?? tmpdir();
}

/** What the global setup hands to the scenarios (through vitest's provide/inject). */
export interface E2EContext {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** The temp copy of e2e/workspace (a git repository with review keys). */
  workspace: string;
  /** The temp copy of e2e/workspace-broken-config. */
  brokenWorkspace: string;
  /** Reviewer's private key (its principal is in .huurbrief/allowed_signers of `workspace`). */
  reviewerKey: string;
  reviewerPrincipal: string;
  /** Where the git config for CLI runs lives (the same one code-server uses). */
  gitEnv: Record<string, string>;
  /** The packaged extension's manifest (package.json) as installed: ids of commands etc. */
  extensionManifest: ExtensionManifest;
  /**
   * `huurbrief lint --format json` of every letter in `workspace` (workspace-relative path →
   * report), run right after the extension was packaged, so both come from the same sources.
   */
  cliReports: Record<string, CliReport>;
  /** Path of the installed extension (for the log of the run). */
  vsix: string;
}

export interface ExtensionManifest {
  name: string;
  publisher: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}
