// Bundles the extension (client, CommonJS as VS Code loads it) and the language server with its
// lint worker into dist/, so the .vsix needs no node_modules. `vscode` is provided by the editor.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = fileURLToPath(new URL('../../language-server/src/', import.meta.url));
for (const f of ["extension.cjs", "server.cjs", "lint-worker.cjs", "spelling"]) rmSync(`${root}dist/${f}`, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: false,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // ESM sources use import.meta.url (the server finds its lint worker next to itself).
  define: { 'import.meta.url': '__huurbrief_import_meta_url' },
  banner: { js: "const __huurbrief_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: [`${root}src/extension.ts`], outfile: `${root}dist/extension.cjs`, external: ['vscode'] }),
  build({ ...common, entryPoints: [`${server}server.ts`], outfile: `${root}dist/server.cjs` }),
  build({ ...common, entryPoints: [`${server}lint-worker.ts`], outfile: `${root}dist/lint-worker.cjs` }),
]);

// The spelling rule's word lists (built by scripts/build-spelling.mjs): the server finds them next to itself.
const spelling = fileURLToPath(new URL('../../core/spelling/', import.meta.url));
if (!existsSync(`${spelling}build.json`)) throw new Error(`build: ${spelling} is missing; run pnpm build first (the spelling word lists)`);
// Not the V8 code cache that runs from the checkout leave next to cspell.cjs (node/spelling.ts): it belongs to that node.
cpSync(spelling, `${root}dist/spelling`, { recursive: true, filter: (src) => !src.endsWith('.v8cache') });
