// The CLI as the reference: what `huurbrief lint --format json` says about a letter.
import { join } from 'node:path';
import { REPO_ROOT } from './env.js';
import { run } from './processes.js';

export const CLI = join(REPO_ROOT, 'packages', 'cli', 'bin', 'huurbrief.js');

export interface CliMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  message: string;
  expected?: string[];
}

export interface CliReport {
  path: string;
  messages: CliMessage[];
  metrics: { level?: string } & Record<string, unknown>;
}

/** Runs the CLI in `cwd` (exit 0 or 1 are both answers; 2 is a failure that shows stderr). */
export async function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, timeoutMs: 60_000 });
}

export async function lintJson(cwd: string, relPath: string): Promise<CliReport> {
  const r = await cli(cwd, ['lint', '--format', 'json', relPath]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`huurbrief lint ${relPath} exited with ${r.code}:\n${r.stderr}`);
  const reports = JSON.parse(r.stdout) as CliReport[];
  if (reports.length !== 1) throw new Error(`expected one report for ${relPath}, got ${reports.length}`);
  return reports[0]!;
}
