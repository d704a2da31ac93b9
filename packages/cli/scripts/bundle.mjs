// Bundles the built CLI (dist/) into dist/bundle/ for a fast start-up: Node's
// ESM loader spends most of a one-letter run resolving and compiling the ~400
// small modules of the unified stack; one bundle loads in a fraction of that.
//
// bin/huurbrief.js uses the bundle only while it is fresh: dist/bundle/inputs.json
// lists every input file with its size and mtime, and any difference (a later
// `tsc -b`, an edited dependency) makes the bin load dist/cli.js instead. So a
// stale bundle is never run; `pnpm build` makes a fresh one.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(pkg, 'dist', 'bundle');
const manifest = join(out, 'inputs.json');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('bundle: esbuild not installed; the CLI runs unbundled (slower start-up)\n');
  process.exit(0);
}

const cliDist = join(pkg, 'dist');
// Files that code loads by `new URL('./x.js', import.meta.url)` (worker threads): entry points of their own, next to the bundle.
const entryPoints = { cli: join(cliDist, 'cli.js'), worker: join(cliDist, 'lint', 'worker.js') };
const reviewDist = join(pkg, 'node_modules', '@huurbrief', 'review', 'dist');
const verifyWorker = join(reviewDist, 'verify-worker.js');
if (existsSync(verifyWorker)) entryPoints['verify-worker'] = verifyWorker;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  // Less to parse at start-up; names stay (readable stack traces).
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM may call require() for Node built-ins.
  banner: { js: "import { createRequire as __huurbriefRequire } from 'node:module'; const require = __huurbriefRequire(import.meta.url);" },
});

// Every `new URL('./x.js', import.meta.url)` in the output must point at a file in the bundle.
for (const file of Object.keys(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const text = readFileSync(resolve(file), 'utf8');
  for (const m of text.matchAll(/new URL\(\s*["'`](\.\/[^"'`]+)["'`]\s*,\s*import\.meta\.url\s*\)/g)) {
    if (!existsSync(join(out, m[1]))) {
      rmSync(out, { recursive: true, force: true });
      process.stderr.write(`bundle: ${relative(pkg, resolve(file))} loads ${m[1]}, which is not in the bundle; the CLI runs unbundled\n`);
      process.exit(0);
    }
  }
}

const inputs = Object.keys(result.metafile.inputs).map((f) => {
  const abs = resolve(f);
  const st = statSync(abs);
  return [relative(out, abs).split(sep).join('/'), st.size, st.mtimeMs];
});
// `--packaged` (prepack): the bundle goes into the npm package, where its inputs are other
// installed files with other mtimes; the bin then trusts it as it is (postpack rebuilds the
// development bundle with the freshness check).
const packaged = process.argv.includes('--packaged');
writeFileSync(manifest, JSON.stringify(packaged ? { packaged: true, inputs } : { inputs }));
process.stdout.write(`bundle: dist/bundle/ from ${inputs.length} modules\n`);
