#!/usr/bin/env node
/**
 * dist/bundle/cli.cjs (one file run with a V8 code cache: a much faster
 * start-up, see scripts/bundle/ in the repository) while it is fresh, i.e.
 * every input still has the size and mtime it was bundled from (or it is the
 * packaged build of an installed package); otherwise, or with
 * HUURBRIEF_NO_BUNDLE=1, dist/cli.js.
 */
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
