// Bundles the built language server (dist/) into dist/bundle/: server.cjs for the
// bin, lint-worker.cjs for large documents (linter.ts finds it next to the
// server), verify-worker.cjs for review's record checks; see
// scripts/bundle/build.mjs and load.mjs in the repository.
// `--packaged` (prepack): the shipped build of the npm package.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePackage } from '../../../scripts/bundle/build.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entries = { server: join(pkg, 'dist', 'server.js'), 'lint-worker': join(pkg, 'dist', 'lint-worker.js') };
const workers = [];
const verifyWorker = join(pkg, 'node_modules', '@huurbrief', 'review', 'dist', 'verify-worker.js');
if (existsSync(verifyWorker)) {
  entries['verify-worker'] = verifyWorker;
  workers.push('verify-worker');
}
const n = await bundlePackage({ pkg, entries, workers, packaged: process.argv.includes('--packaged') });
if (n !== undefined) process.stdout.write(`bundle: packages/language-server/dist/bundle/ from ${n} modules\n`);
