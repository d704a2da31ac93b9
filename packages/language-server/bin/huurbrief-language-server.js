#!/usr/bin/env node
/**
 * dist/bundle/server.cjs (one file run with a V8 code cache: the server starts
 * much faster, see scripts/bundle/ in the repository) while it is fresh, i.e.
 * every input still has the size and mtime it was bundled from (or it is the
 * packaged build of an installed package); otherwise, or with
 * HUURBRIEF_NO_BUNDLE=1, dist/server.js.
 */
// V8's heap settings of the server (dist/memory.js) before any code is compiled: V8 checks a code
// cache against the flags it was made with, so they must be the same when it is made and used.
const { tuneHeap } = await import('../dist/memory.js');
tuneHeap();
let bundle;
if (!process.env.HUURBRIEF_NO_BUNDLE) {
  try {
    const { loadBundle } = await import('../dist/bundle/load.js');
    bundle = loadBundle('server');
  } catch (error) {
    // No bundle (esbuild missing at build time): the unbundled server below.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}
if (bundle) {
  // The code cache holds what the first lint compiled: store it once the server has been at work a moment, or at exit.
  setTimeout(() => bundle.saveCache(), 5000).unref();
  process.once('exit', () => bundle.saveCache());
} else {
  await import('../dist/server.js');
}
