// The server's V8 settings (memory.ts) in a process of their own: they change process-wide flags.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const memory = fileURLToPath(new URL('../dist/memory.js', import.meta.url));
const probe = (env: Record<string, string> = {}) => {
  const script = `
    const { tuneHeap, collectAfterLint } = await import(${JSON.stringify(memory)});
    const tuned = tuneHeap();
    let junk = [];
    for (let i = 0; i < 1e5; i++) junk.push({ i });
    junk = null;
    collectAfterLint();
    console.log(JSON.stringify({ tuned, again: tuneHeap(), globalGc: typeof globalThis.gc }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { tuned: boolean; again: boolean; globalGc: string };
};

describe('the server process heap settings', () => {
  it('apply once, collect after a lint, and leave the global object alone', () => {
    expect(probe()).toEqual({ tuned: true, again: true, globalGc: 'undefined' });
  });

  it('HUURBRIEF_HEAP=default keeps V8 as it is', () => {
    expect(probe({ HUURBRIEF_HEAP: 'default' })).toEqual({ tuned: false, again: false, globalGc: 'undefined' });
  });
});
