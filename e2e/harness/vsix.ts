// Builds the workspace and packages the extension with its own `package` script.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './env.js';
import { runOk } from './processes.js';

const EXTENSION_DIR = join(REPO_ROOT, 'packages', 'vscode-extension');

function vsixFiles(dir: string, depth = 0): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth < 2) out.push(...vsixFiles(path, depth + 1));
    else if (entry.isFile() && entry.name.endsWith('.vsix')) out.push(path);
  }
  return out;
}

/**
 * `pnpm run build` (the CLI the scenarios compare with) and `pnpm --filter huurbrief run package`;
 * returns the .vsix that the package script wrote. HUURBRIEF_E2E_VSIX=<file> skips packaging and
 * installs that file instead (to run the harness against another build); HUURBRIEF_E2E_SKIP_BUILD=1
 * skips `pnpm run build` (the CLI's dist/ is used as it is).
 */
export async function buildAndPackage(log: (line: string) => void): Promise<string> {
  const started = Date.now();
  const given = process.env['HUURBRIEF_E2E_VSIX'];
  if (process.env['HUURBRIEF_E2E_SKIP_BUILD'] === '1') log('build: skipped (HUURBRIEF_E2E_SKIP_BUILD=1)');
  else {
    log('build: pnpm run build');
    await runOk('pnpm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 10 * 60_000 });
  }
  if (given) return given;
  log('package: pnpm --filter huurbrief run package');
  await runOk('pnpm', ['--filter', 'huurbrief', 'run', 'package'], { cwd: REPO_ROOT, timeoutMs: 10 * 60_000 });
  const fresh = vsixFiles(EXTENSION_DIR)
    .map((file) => ({ file, mtime: statSync(file).mtimeMs }))
    .filter((f) => f.mtime >= started - 1000)
    .sort((a, b) => b.mtime - a.mtime);
  const newest = fresh[0];
  if (!newest) throw new Error(`pnpm --filter huurbrief run package wrote no .vsix under ${EXTENSION_DIR}`);
  log(`package: ${newest.file} (${Math.round(statSync(newest.file).size / 1024)} KB)`);
  return newest.file;
}
