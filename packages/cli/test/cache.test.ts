import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, LintCache } from '../src/lint/cache.js';
import { runLint } from '../src/lint/run.js';
import { repoRoot, runCli } from './helpers.js';

const LETTER = `---
onderwerp: Uw verzoek om een dakkapel
---

# Uw verzoek om een dakkapel

Geachte mevrouw Bakker,

Middels dit schrijven delen wij u mede dat wij uw verzoek om een dakkapel te plaatsen hebben ontvangen.

Wij moeten u helaas mededelen dat het plaatsen van een dakkapel conform ons beleid niet is toegestaan bij woningen in dit complex.

Met vriendelijke groet,

Afdeling Woonservice
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-cache-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'dakkapel.md'), LETTER);
  cpSync(join(repoRoot, 'fixtures', 'letters', 'overlast.md'), join(dir, 'overlast.md'));
  return dir;
}

const lint = (cwd: string, extra: Partial<Parameters<typeof runLint>[0]> = {}) => runLint({ paths: ['.'], cwd, noConfig: true, cache: true, ...extra });

/** Replaces every cached message text with a marker: a result that shows it came from the cache. */
function tamper(file: string, marker = 'UIT DE CACHE'): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { r: { messages: { message: string }[] } }> };
  for (const e of Object.values(data.entries)) for (const m of e.r.messages) m.message = marker;
  writeFileSync(file, JSON.stringify(data));
}

const messages = (run: Awaited<ReturnType<typeof runLint>>) => run.reports.flatMap((r) => r.messages.map((m) => m.message));

describe('--cache', () => {
  it('stores results in .huurbriefcache and reuses them for unchanged letters', async () => {
    const dir = project();
    const first = await lint(dir);
    expect(first.reports.map((r) => r.path)).toEqual(['dakkapel.md', 'overlast.md']);
    expect(messages(first).some((m) => /middels|mededelen/i.test(m))).toBe(true);
    const file = join(dir, CACHE_FILE);
    tamper(file);
    const second = await lint(dir);
    expect(new Set(messages(second))).toEqual(new Set(['UIT DE CACHE']));
    expect(second.reports.map((r) => r.path)).toEqual(['dakkapel.md', 'overlast.md']);
  });

  it('lints a letter again when its text changes, and only that letter', async () => {
    const dir = project();
    await lint(dir);
    tamper(join(dir, CACHE_FILE));
    writeFileSync(join(dir, 'dakkapel.md'), LETTER.replace('Middels dit schrijven delen wij u mede dat wij', 'Wij hebben'));
    const run = await lint(dir);
    const [dakkapel, overlast] = run.reports;
    expect(dakkapel!.messages.some((m) => m.message === 'UIT DE CACHE')).toBe(false);
    expect(dakkapel!.messages.length).toBeGreaterThan(0);
    expect(overlast!.messages.every((m) => m.message === 'UIT DE CACHE')).toBe(true);
  });

  it('lints again when the resolved config changes', async () => {
    const dir = project();
    await lint(dir, { noConfig: false });
    tamper(join(dir, CACHE_FILE));
    writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ extends: ['huurbrief:recommended'], rules: { 'sentence-length': 'off' } }));
    const run = await lint(dir, { noConfig: false });
    expect(messages(run)).not.toContain('UIT DE CACHE');
    expect(run.reports.flatMap((r) => r.messages).some((m) => m.ruleId === 'sentence-length')).toBe(false);
  });

  it('ignores the whole cache after a version or rule-set change', async () => {
    const dir = project();
    await lint(dir);
    const file = join(dir, CACHE_FILE);
    tamper(file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { engine: string };
    data.engine = 'huurbrief 0.0.1 with other rules';
    writeFileSync(file, JSON.stringify(data));
    const run = await lint(dir);
    expect(messages(run)).not.toContain('UIT DE CACHE');
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { engine: string };
    expect(rewritten.engine).not.toBe('huurbrief 0.0.1 with other rules');
  });

  it('treats a corrupt or foreign cache file as empty and rewrites it', async () => {
    const dir = project();
    const clean = messages(await runLint({ paths: ['.'], cwd: dir, noConfig: true }));
    for (const junk of ['{"huurbriefCache": 1, "entries": {"x": ', '\u0000\u0001binair', '[{"filePath": "/x.js", "messages": []}]', 'null', '{"huurbriefCache":1,"engine":"x","entries":{"a":{"h":1}}}']) {
      writeFileSync(join(dir, CACHE_FILE), junk);
      const run = await lint(dir);
      expect(run.problems).toEqual([]);
      expect(messages(run)).toEqual(clean);
      const data = JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')) as { huurbriefCache: number; entries: object };
      expect(data.huurbriefCache).toBe(1);
      expect(Object.keys(data.entries)).toHaveLength(2);
    }
    // Written atomically: no temporary files left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a cache entry for a letter that became unreadable is dropped, and the problem reported', async () => {
    const dir = project();
    await lint(dir);
    writeFileSync(join(dir, 'overlast.md'), Buffer.from([0x48, 0x00, 0x01, 0x02]));
    const run = await lint(dir);
    expect(run.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^overlast\.md: binair bestand/)]);
    const cache = new LintCache(join(dir, CACHE_FILE));
    const data = JSON.parse(readFileSync(cache.location, 'utf8')) as { entries: object };
    expect(Object.keys(data.entries).map((k) => k.split('/').pop())).toEqual(['dakkapel.md']);
  });

  it('CLI: --cache-location puts the file elsewhere; output is the same cold and warm', () => {
    const dir = project();
    const where = join(dir, 'sub-cache.json');
    const cold = runCli(['lint', '.', '--no-config', '--format', 'json', '--cache', '--cache-location', where], { cwd: dir });
    const warm = runCli(['lint', '.', '--no-config', '--format', 'json', '--cache', '--cache-location', where], { cwd: dir });
    expect(cold.code).toBe(1);
    expect(warm).toEqual(cold);
    expect(JSON.parse(readFileSync(where, 'utf8'))).toHaveProperty('entries');
    expect(readdirSync(dir)).not.toContain(CACHE_FILE);
  }, 60_000);

  it('CLI: a cache that cannot be written is a warning, not a failure', () => {
    const dir = project();
    const run = runCli(['lint', '.', '--no-config', '--cache', '--cache-location', join(dir, 'bestaat-niet', 'cache')], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/waarschuwing: kan de cache .* niet schrijven: de map bestaat niet\n/);
    expect(run.stdout).toMatch(/dakkapel\.md/);
  }, 60_000);
});
