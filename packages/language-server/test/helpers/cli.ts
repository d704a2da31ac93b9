import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './documents.js';

export const CLI_BIN = join(REPO, 'packages/cli/bin/huurbrief.js');

export interface CliMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  actual?: string;
  expected?: string[];
  fix?: { range: [number, number]; text: string };
}

/** Every .md letter under fixtures/ (recursively), absolute paths. */
export function fixtureLetters(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.md') || e.name.endsWith('.txt')) out.push(abs);
    }
  };
  walk(join(REPO, 'fixtures'));
  return out.sort();
}

/** `huurbrief lint --format json` on files (exit code 1 for findings is fine): absolute path → messages. */
export function cliLint(files: readonly string[]): Map<string, CliMessage[]> {
  return new Map([...cliReports(files)].map(([path, r]) => [path, r.messages]));
}

export interface CliReport {
  messages: CliMessage[];
  metrics: Record<string, unknown> & { sentences: number; words: number };
}

/** The CLI's JSON reports by absolute path. */
export function cliReports(files: readonly string[]): Map<string, CliReport> {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [CLI_BIN, 'lint', '--format', 'json', ...files], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    if (e.status !== 1 || !e.stdout) throw error;
    stdout = e.stdout;
  }
  const reports = JSON.parse(stdout) as ({ path: string } & CliReport)[];
  return new Map(reports.map((r) => [join(REPO, r.path), r]));
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** The comparable shape of a CLI finding as the server should publish it. */
export function asLsp(m: CliMessage) {
  return {
    code: m.ruleId,
    severity: SEVERITY[m.severity],
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    message: m.message,
  };
}

/** `huurbrief lint --stdin --stdin-filename <path> --format json`: the CLI's findings for a text. */
export function cliLintText(text: string, path: string): CliMessage[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [CLI_BIN, 'lint', '--format', 'json', '--stdin', '--stdin-filename', path], { cwd: REPO, input: text, encoding: 'utf8' });
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    if (e.status !== 1 || !e.stdout) throw error;
    stdout = e.stdout;
  }
  return (JSON.parse(stdout) as { messages: CliMessage[] }[])[0]!.messages;
}
