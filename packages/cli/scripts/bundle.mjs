// Bundles the built CLI (dist/) into dist/bundle/: cli.cjs for the bin, worker.cjs
// for the lint worker threads, verify-worker.cjs for review's; see
// scripts/bundle/build.mjs (and load.mjs for how the bin runs them).
// `--packaged` (prepack): the shipped build of the npm package.
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePackage } from '../../../scripts/bundle/build.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entries = { cli: join(pkg, 'dist', 'cli.js'), worker: join(pkg, 'dist', 'lint', 'worker.js') };
const workers = ['worker'];
const verifyWorker = join(pkg, 'node_modules', '@huurbrief', 'review', 'dist', 'verify-worker.js');
if (existsSync(verifyWorker)) {
  entries['verify-worker'] = verifyWorker;
  workers.push('verify-worker');
}
const n = await bundlePackage({ pkg, entries, workers, packaged: process.argv.includes('--packaged') });
if (n !== undefined) process.stdout.write(`bundle: packages/cli/dist/bundle/ from ${n} modules\n`);
