// Runs a CommonJS bundle made by scripts/bundle/build.mjs, with a V8 code
// cache next to it. Copied into each package's dist/bundle/ as load.js; it
// imports nothing but Node built-ins, so loading it costs nothing.
//
// Start-up of a Node CLI is mostly compiling JavaScript: one bundle saves the
// ESM loader's work on ~400 modules, the code cache saves compiling the
// bundle (and the functions the first run needed) again. Node 20 has no code
// cache for ES modules (module.enableCompileCache() is Node 22), so the bundle
// is CommonJS and runs through vm.Script with `cachedData`.
//
// The cache file is written next to the bundle (the package's own folder, as
// trusted as the code itself) after a run without a usable cache, atomically;
// where that folder is read-only there is simply no cache. V8 rejects a cache
// of another V8 version, other flags or another source, and then the next run
// writes a new one.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = new URL('./', import.meta.url);

/**
 * The bundle may run: it is the shipped build of an installed package, or
 * every input still has the size and mtime it was bundled from (so a later
 * `tsc -b` never runs stale code).
 */
export function bundleIsFresh() {
  try {
    const { inputs, packaged } = JSON.parse(readFileSync(new URL('inputs.json', here), 'utf8'));
    if (packaged) return true;
    for (const [file, size, mtime] of inputs) {
      const st = statSync(new URL(file, here));
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `<name>.cjs` of this bundle and returns its exports, plus `saveCache()`
 * to call once the run has done its typical work (it stores the compiled code,
 * including the functions compiled meanwhile; it does nothing when the cache
 * was used). Undefined when the bundle is missing or stale (`check`, default
 * true: the worker entries skip it, their parent already checked).
 */
export function loadBundle(name, { check = true } = {}) {
  if (check && !bundleIsFresh()) return undefined;
  const file = fileURLToPath(new URL(`${name}.cjs`, here));
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const cacheFile = `${file}.${process.versions.v8}-${process.arch}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First run (or a read-only folder): compile from source.
  }
  const dynamic = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  // The CommonJS wrapper on the bundle's first line: line numbers in stack traces stay right.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    ...(dynamic ? { importModuleDynamically: dynamic } : {}),
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let save = !cachedData || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCache() {
      if (!save) return;
      save = false;
      const tmp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only install: no cache, the bundle still runs.
        try {
          unlinkSync(tmp);
        } catch {
          // Never written.
        }
      }
    },
  };
}
