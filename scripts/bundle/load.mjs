// Runs a CommonJS bundle made by scripts/bundle/build.mjs, with a V8 code
// cache next to it. Copied into each package's dist/bundle/ as load.js, next
// to code-cache.js (a copy of core's node/code-cache.js, which runs the
// bundle); both import nothing but Node built-ins, so loading them costs nothing.
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
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';

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
  // The code cache: core's node/code-cache.js, copied next to this file by build.mjs.
  return runWithCodeCache(file, source);
}
