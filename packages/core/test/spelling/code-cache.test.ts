import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findSpellingFolder } from '../../src/node/spelling.js';

// spelling/cspell.cjs runs through vm.Script with a V8 code cache next to it (start-up: no compile
// from source). A missing, foreign or unwritable cache must not matter. Each load runs in a fresh
// process (the built dist/, as the CLI runs it): within one process V8 reuses its own compilation
// and never looks at the cache.
const dir = mkdtempSync(join(tmpdir(), 'huurbrief-cspell-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'cspell.cjs');
copyFileSync(join(findSpellingFolder(), 'cspell.cjs'), file);
const cacheFile = `${file}.${process.versions.v8}-${process.arch}.v8cache`;
const dist = pathToFileURL(new URL('../../dist/node/spelling.js', import.meta.url).pathname).href;

/** Loads the bundle in a fresh node; whether it wrote a cache (its priming ran) and what it exports. */
function load(): { wrote: boolean; exported: string } {
  const script = `
    const { loadCspellBundle } = await import(${JSON.stringify(dist)});
    const run = loadCspellBundle(${JSON.stringify(file)});
    let wrote = false;
    run.saveCache(() => { wrote = true; });
    console.log(JSON.stringify({ wrote, exported: typeof run.module.createSpellingDictionaryFromTrieFile }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('cspell.cjs with a code cache', () => {
  it('writes the cache on the first run and uses it on the next', () => {
    expect(existsSync(cacheFile)).toBe(false);
    expect(load()).toEqual({ wrote: true, exported: 'function' });
    expect(existsSync(cacheFile)).toBe(true);
    expect(load()).toEqual({ wrote: false, exported: 'function' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('ignores a foreign cache and replaces it', () => {
    writeFileSync(cacheFile, 'not a V8 code cache');
    expect(load()).toEqual({ wrote: true, exported: 'function' });
    expect(load()).toEqual({ wrote: false, exported: 'function' });
  });

  it('runs without a cache where it cannot write one', () => {
    // A folder in the cache file's place: reading and replacing it fail for every user, root
    // included (a read-only folder would not stop root, so this test runs in CI as well).
    rmSync(cacheFile, { force: true });
    mkdirSync(join(cacheFile, 'blocked'), { recursive: true });
    try {
      expect(load()).toEqual({ wrote: true, exported: 'function' });
      expect(existsSync(join(cacheFile, 'blocked'))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(cacheFile, { recursive: true, force: true });
    }
  });
});
