#!/usr/bin/env node
/**
 * dist/bundle/cli.cjs (one file run with a V8 code cache: a much faster
 * start-up, see scripts/bundle/ in the repository) while it is fresh, i.e.
 * every input still has the size and mtime it was bundled from (or it is the
 * packaged build of an installed package); otherwise, or with
 * HUURBRIEF_NO_BUNDLE=1, dist/cli.js.
 */
import { setFlagsFromString } from 'node:v8';

// V8's heap (issue 20, docs/performance.md): a letter's syntax tree dies with its lint, so V8 must
// not pretenure it (allocate it in old space once it saw it survive a scavenge), and old space may
// grow to 1.5× the live heap between full collections instead of up to 4×. 10,000 letters to a pipe
// peaked at 359 MB without this; CPU time is the same or lower. Set before the bundle is loaded: V8
// checks a code cache against the flags it was made with. HUURBRIEF_HEAP=default: V8's own defaults.
if (process.env.HUURBRIEF_HEAP !== 'default') {
  for (const flag of ['--no-allocation-site-pretenuring', '--heap-growing-percent=50']) setFlagsFromString(flag);
}

async function load() {
  if (!process.env.HUURBRIEF_NO_BUNDLE) {
    let loader;
    try {
      loader = await import('../dist/bundle/load.js');
    } catch (error) {
      // No bundle (esbuild missing at build time): the unbundled CLI below.
      if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
    const bundle = loader?.loadBundle('cli');
    if (bundle) return { main: bundle.exports.main, saveCache: bundle.saveCache };
  }
  const { main } = await import('../dist/cli.js');
  return { main, saveCache: () => {} };
}

const { main, saveCache } = await load().catch((error) => {
  process.stderr.write(`huurbrief: interne fout: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(2);
});

// `huurbrief rules | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    saveCache();
  },
  (error) => {
    process.stderr.write(`huurbrief: interne fout: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
