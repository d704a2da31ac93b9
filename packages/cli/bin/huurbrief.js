#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';

/**
 * dist/bundle/cli.js (one file: a much faster start-up, see scripts/bundle.mjs)
 * while it is fresh, i.e. every input still has the size and mtime it was
 * bundled from (or it is the packaged build of an installed package); otherwise,
 * or with HUURBRIEF_NO_BUNDLE=1, dist/cli.js.
 */
function entry() {
  if (process.env.HUURBRIEF_NO_BUNDLE) return '../dist/cli.js';
  const dir = new URL('../dist/bundle/', import.meta.url);
  try {
    const { inputs, packaged } = JSON.parse(readFileSync(new URL('inputs.json', dir), 'utf8'));
    // Installed from the npm package: the bundle is the shipped build (see scripts/bundle.mjs).
    if (packaged) return '../dist/bundle/cli.js';
    for (const [file, size, mtime] of inputs) {
      const st = statSync(new URL(file, dir));
      if (st.size !== size || st.mtimeMs !== mtime) return '../dist/cli.js';
    }
    return '../dist/bundle/cli.js';
  } catch {
    return '../dist/cli.js';
  }
}
const { main } = await import(entry()).catch((error) => {
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
  },
  (error) => {
    process.stderr.write(`huurbrief: interne fout: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
