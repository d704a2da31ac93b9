// Started by hand (no editor): a Dutch usage text, never vscode-languageserver's stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_BIN } from './helpers/client.js';

const run = (args: string[]) => spawnSync(process.execPath, [SERVER_BIN, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('huurbrief-language-server without an editor', () => {
  it('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Gebruik: huurbrief-language-server --stdio/);
  });

  it('no transport: one Dutch line and the usage on stderr, exit 2, no stack trace', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('huurbrief-language-server: geef aan hoe de editor verbinding maakt (--stdio, --node-ipc, --socket=<poort> of --pipe=<naam>)');
    expect(r.stderr).not.toMatch(/\bat \S+ \(|Error:/);
  });
});
