import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_FILES, parseConcurrency, workerCount } from '../src/lint/workers.js';
import { repoRoot, runCli } from './helpers.js';

const names = ['Bakker', 'Yilmaz', 'de Vries', 'El Amrani', 'Jansen', 'Visser', 'Öztürk'];

/** 60 letters from the fixture letters with different names and dates, plus a binary file and an empty one. */
function largeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-conc-'));
  chmodSync(dir, 0o755);
  const src = join(repoRoot, 'fixtures', 'letters');
  const letters = readdirSync(src).filter((f) => f.endsWith('.md')).sort();
  for (let i = 0; i < 60; i++) {
    const name = letters[i % letters.length]!;
    const text = readFileSync(join(src, name), 'utf8')
      .replace(/Yilmaz|Bakker/g, names[i % names.length]!)
      .replace(/\b\d{1,2} (maart|juli|februari)\b/g, `${1 + (i % 28)} $1`);
    const sub = join(dir, `map-${i % 4}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(2, '0')}-${name}`), text);
  }
  writeFileSync(join(dir, 'map-1', 'kapot.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  writeFileSync(join(dir, 'map-2', 'leeg.md'), '');
  return dir;
}

describe('--concurrency: worker threads give exactly the serial output', () => {
  it('on the fixtures (json and stylish), with every explicit worker count', () => {
    for (const format of ['json', 'stylish']) {
      const serial = runCli(['lint', 'fixtures', '--format', format]);
      expect(serial.code).toBe(1);
      expect(serial.stdout.length).toBeGreaterThan(1000);
      for (const n of format === 'json' ? ['2', '3'] : ['2']) {
        const parallel = runCli(['lint', 'fixtures', '--format', format, '--concurrency', n]);
        expect(parallel).toEqual(serial);
      }
    }
  }, 180_000);

  it('on 60 letters with unreadable ones among them: same reports, same problems, same exit code', () => {
    const dir = largeProject();
    const serial = runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(serial.code).toBe(2);
    const reports = JSON.parse(serial.stdout) as { path: string; messages: unknown[] }[];
    expect(reports).toHaveLength(60);
    expect(reports.map((r) => r.path)).toEqual(reports.map((r) => r.path).sort());
    expect(reports.some((r) => r.messages.length > 0)).toBe(true);
    expect(serial.stderr).toMatch(/map-1\/kapot\.md: binair bestand/);
    expect(serial.stderr).toMatch(/map-2\/leeg\.md: bestand is leeg/);
    expect(runCli(['lint', '.', '--format', 'json', '--concurrency', 'auto'], { cwd: dir })).toEqual(serial);
    expect(runCli(['lint', '.', '--format', 'json', '--concurrency', '2'], { cwd: dir })).toEqual(serial);
    expect(runCli(['lint', '.', '--concurrency', '2'], { cwd: dir })).toEqual(runCli(['lint', '.'], { cwd: dir }));
  }, 240_000);

  it('rejects a wrong value with exit code 2', () => {
    const run = runCli(['lint', 'fixtures', '--concurrency', 'veel']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--concurrency/);
    expect(run.stdout).toBe('');
  });
});

describe('how many workers', () => {
  it('parses auto, off and positive numbers only', () => {
    expect(parseConcurrency('auto')).toBe('auto');
    expect(parseConcurrency('off')).toBe('off');
    expect(parseConcurrency('4')).toBe(4);
    for (const bad of ['0', '-1', '1.5', 'twee', '']) expect(parseConcurrency(bad)).toBeUndefined();
  });

  it('auto uses workers only for large runs; off and 1 never', () => {
    expect(workerCount('auto', AUTO_MIN_FILES - 1)).toBe(0);
    expect(workerCount('auto', 10_000)).toBe(availableParallelism() >= 2 ? availableParallelism() : 0);
    expect(workerCount('off', 10_000)).toBe(0);
    expect(workerCount(1, 10_000)).toBe(0);
    expect(workerCount(undefined, 10_000)).toBe(0);
    expect(workerCount(4, 3)).toBe(3);
    expect(workerCount(2, 1)).toBe(0);
  });
});

describe('--timing', () => {
  it('prints the slowest rules on stderr, serial and with workers, and leaves stdout alone', () => {
    const plain = runCli(['lint', 'fixtures/letters', '--format', 'json']);
    for (const extra of [[], ['--concurrency', '2']]) {
      const run = runCli(['lint', 'fixtures/letters', '--format', 'json', '--timing', '5', ...extra]);
      expect(run.stdout).toBe(plain.stdout);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^Regel\s+\| Tijd \(ms\) \| Relatief$/);
      const rows = lines.slice(2, -1).filter((l) => !l.startsWith('('));
      expect(rows).toHaveLength(5);
      for (const row of rows) expect(row).toMatch(/^[a-z0-9-]+\s+\|\s+\d+\.\d \|\s+\d+\.\d%$/);
      const times = rows.map((r) => Number(r.split('|')[1]));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(lines.at(-1)).toMatch(/^totaal\s+\|/);
    }
  }, 120_000);
});
