// Bundles a built package (its dist/) into dist/bundle/ for a fast start-up:
// one CommonJS file per entry point, run by dist/bundle/load.js (a copy of
// ./load.mjs) with a V8 code cache. Used by packages/cli/scripts/bundle.mjs and
// packages/language-server/scripts/bundle.mjs.
//
// The bin uses the bundle only while it is fresh: dist/bundle/inputs.json lists
// every input file with its size and mtime, and any difference (a later
// `tsc -b`, an edited dependency) makes the bin load dist/ instead. So a stale
// bundle is never run; `pnpm build` makes a fresh one. `--packaged` (prepack)
// marks the bundle as the shipped build: installed, its inputs are other files
// with other mtimes, and the bin trusts it as it is.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const loader = fileURLToPath(new URL('./load.mjs', import.meta.url));
// What runs a bundle with its code cache: core's build of node/code-cache.ts (Node built-ins only).
const codeCache = fileURLToPath(new URL('../../packages/core/dist/node/code-cache.js', import.meta.url));

/**
 * @param {object} options
 * @param {string} options.pkg       the package folder
 * @param {Record<string, string>} options.entries   bundle name -> built file (absolute)
 * @param {string[]} [options.workers]  entries started as worker threads by
 *   `new URL('./<name>.js', import.meta.url)`: each gets a `<name>.js` next to
 *   the bundle that runs `<name>.cjs` through the loader
 * @param {boolean} [options.packaged]
 * @returns {Promise<number|undefined>} number of input modules; undefined when not bundled
 */
export async function bundlePackage({ pkg, entries, workers = [], packaged = false }) {
  let esbuild;
  try {
    // The package's own devDependency (this file lives outside the packages).
    esbuild = await import(pathToFileURL(createRequire(join(pkg, 'package.json')).resolve('esbuild')).href);
  } catch {
    process.stderr.write(`bundle: esbuild not installed; ${relative(process.cwd(), pkg) || '.'} runs unbundled (slower start-up)\n`);
    return undefined;
  }
  const out = join(pkg, 'dist', 'bundle');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const inputs = new Set();
  for (const [name, file] of Object.entries(entries)) {
    const result = await esbuild.build({
      entryPoints: [file],
      outfile: join(out, `${name}.cjs`),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      metafile: true,
      // Less to parse at start-up; names stay (readable stack traces).
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: true,
      logLevel: 'warning',
      // ES module sources use import.meta.url (worker files, data next to the code): the bundle's own URL.
      define: { 'import.meta.url': '__huurbrief_bundle_url' },
      banner: { js: "const __huurbrief_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
    });
    for (const f of Object.keys(result.metafile.inputs)) inputs.add(resolve(f));
  }
  for (const name of workers) {
    writeFileSync(join(out, `${name}.js`), `// Worker thread entry: runs ${name}.cjs of this bundle (see load.js).\nimport { loadBundle } from './load.js';\nconst bundle = loadBundle('${name}', { check: false });\nprocess.once('exit', () => bundle?.saveCache());\n`);
  }
  copyFileSync(loader, join(out, 'load.js'));
  copyFileSync(codeCache, join(out, 'code-cache.js'));
  // Every `new URL('./x', import.meta.url)` in the output must point at a file in the bundle.
  for (const name of Object.keys(entries)) {
    const text = readFileSync(join(out, `${name}.cjs`), 'utf8');
    for (const m of text.matchAll(/new URL\(\s*["'`](\.\/[^"'`$]+)["'`]\s*,\s*__huurbrief_bundle_url\s*\)/g)) {
      if (!existsSync(join(out, m[1]))) {
        rmSync(out, { recursive: true, force: true });
        process.stderr.write(`bundle: ${name}.cjs loads ${m[1]}, which is not in the bundle; ${relative(process.cwd(), pkg) || '.'} runs unbundled\n`);
        return undefined;
      }
    }
  }
  const list = [...inputs].map((abs) => {
    const st = statSync(abs);
    return [relative(out, abs).split(sep).join('/'), st.size, st.mtimeMs];
  });
  writeFileSync(join(out, 'inputs.json'), JSON.stringify(packaged ? { packaged: true, inputs: list } : { inputs: list }));
  return list.length;
}
