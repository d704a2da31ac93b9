// Streamed output (json/stylish to a pipe) waits for a slow reader instead of piling up in memory.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputStream, type OutputTarget } from '../src/lint/stream.js';
import { cliBin, repoRoot, runCli } from './helpers.js';

class FakeOut extends EventEmitter {
  writableNeedDrain = false;
  destroyed = false;
  chunks: string[] = [];
  write(s: string): boolean {
    this.chunks.push(s);
    return !this.writableNeedDrain;
  }
}

describe('streamed output and a slow reader', () => {
  it('drain() is a promise only while the output waits, resolved by drain or close', async () => {
    const out = new FakeOut();
    const stream = outputStream({ format: 'json' }, false, out as unknown as OutputTarget)!;
    expect(stream.drain()).toBeUndefined();
    out.writableNeedDrain = true;
    let resolved = false;
    const waiting = stream.drain()!.then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(resolved).toBe(false);
    out.writableNeedDrain = false;
    out.emit('drain');
    await waiting;
    expect(out.listenerCount('drain') + out.listenerCount('close')).toBe(0);
    out.writableNeedDrain = true;
    const closed = stream.drain()!;
    out.emit('close');
    await closed;
  });

  it('a reader that pauses gets the same bytes as --output-file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'huurbrief-stream-')), 'out.json');
    const written = runCli(['lint', 'fixtures', '--format', 'json', '--output-file', file], { cwd: repoRoot });
    const child = spawn(process.execPath, [cliBin, 'lint', 'fixtures', '--format', 'json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] });
    // Read nothing for a while: the output (200 KB) does not fit in the pipe.
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(written.code);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(readFileSync(file, 'utf8'));
  });
});
