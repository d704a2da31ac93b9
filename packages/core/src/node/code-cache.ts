// Runs a CommonJS file through vm.Script with a V8 code cache next to it. One piece for the two
// places that do this: the CLI's and the language server's bundles (scripts/bundle/load.mjs, which
// gets a copy of this module's build next to it, since it runs before any package code), and the
// spelling rule's bundled cspell (node/spelling.ts). It imports Node built-ins only.
//
// The cache (`<file>.<v8 version>-<arch>.v8cache`) is written once, atomically, after a run without
// a usable one; V8 rejects a cache of another version, flags or source, and it is then written
// anew. A folder that cannot be written (a read-only install) simply has no cache.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

export interface CachedRun {
  exports: unknown;
  /**
   * Stores the compiled code, with the functions compiled so far; `prime` runs first (the work the
   * cache should hold). Does nothing when the cache was used, and only once.
   */
  saveCache(prime?: () => void): void;
}

/** Runs `source` (the text of `file`) as a CommonJS module and returns its exports. */
export function runWithCodeCache(file: string, source: string): CachedRun {
  const cacheFile = `${file}.${process.versions.v8}-${process.arch}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First run (or an unreadable cache): compile from source.
  }
  // Dynamic import() inside the code resolves as in the main context (where Node has the constant).
  const dynamic = (vm.constants as { USE_MAIN_CONTEXT_DEFAULT_LOADER?: unknown } | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  // The CommonJS wrapper on the first line: line numbers in stack traces stay right.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    ...(dynamic ? { importModuleDynamically: dynamic as never } : {}),
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let save = !cachedData || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCache(prime) {
      if (!save) return;
      save = false;
      prime?.();
      const tmp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only install: no cache, the code still runs.
        try {
          unlinkSync(tmp);
        } catch {
          // Never written.
        }
      }
    },
  };
}
