// Builds huurbrief.vsix: bundles (scripts/build.mjs), stages a manifest without the workspace's
// dependency specifiers (pnpm's "catalog:" and "workspace:*" mean nothing to vsce, and the bundle
// needs no node_modules), and runs `vsce package --no-dependencies` on the staged folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = `${root}dist/vsix-stage/`;
const out = `${root}huurbrief.vsix`;

execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'inherit' });

rmSync(stage, { recursive: true, force: true });
mkdirSync(`${stage}dist`, { recursive: true });
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
delete manifest.dependencies;
delete manifest.devDependencies;
delete manifest.scripts;
delete manifest.private;
writeFileSync(`${stage}package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
for (const f of ['extension.cjs', 'server.cjs', 'lint-worker.cjs']) copyFileSync(`${root}dist/${f}`, `${stage}dist/${f}`);
// The spelling word lists and their licences (NOTICE.md), next to the server that loads them.
cpSync(`${root}dist/spelling`, `${stage}dist/spelling`, { recursive: true, filter: (src) => !src.endsWith('.v8cache') }); // not a code cache a local run left
copyFileSync(`${root}README.md`, `${stage}README.md`);
copyFileSync(`${root}.vscodeignore`, `${stage}.vscodeignore`);
const license = fileURLToPath(new URL('../../../LICENSE', import.meta.url));
if (existsSync(license)) copyFileSync(license, `${stage}LICENSE`);
// The config's JSON Schema, for completion and checks in huurbrief.config.json (contributes.jsonValidation).
copyFileSync(fileURLToPath(new URL('../../core/config-schema.json', import.meta.url)), `${stage}config-schema.json`);
copyFileSync(`${root}icon.png`, `${stage}icon.png`);

const vsce = `${root}node_modules/@vscode/vsce/vsce`;
rmSync(out, { force: true });
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: stage, stdio: 'inherit' });
console.log(`huurbrief.vsix: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
