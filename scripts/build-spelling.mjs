#!/usr/bin/env node
// Builds the spelling data of @huurbrief/core into packages/core/spelling/
// (generated, not in git, shipped in the npm package):
//
//   nl.btrie, en.btrie        the cspell word lists (@cspell/dict-nl-nl, @cspell/dict-en_us)
//                             re-encoded in cspell's binary trie format: the same words and
//                             compounding, but ~60 ms and ~30 MB to load instead of ~450 ms
//                             and ~120 MB for the text trie they ship as (docs/performance.md)
//   nl.json, en.json          the dictionaries' suggestion costs (dictionaryInformation) and source
//   nl.weights.json, ...      those costs compiled into cspell's weight map (compiling them at run
//                             time takes 100-300 ms)
//   cspell.cjs                cspell-dictionary bundled as one CommonJS file, so the node entry can
//                             load it synchronously, and only when the spelling rule runs
//                             (cspell-dictionary is ESM only; lintText is synchronous)
//   NOTICE.md                 where each file comes from and under which licence
//   build.json                the inputs' versions: the build is skipped while they match
//
// Run by `pnpm build`; `--force` rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const coreDir = join(root, 'packages/core');
const outDir = join(coreDir, 'spelling');
const req = createRequire(join(coreDir, 'package.json'));

/** The dictionaries: language -> npm package (its cspell-ext.json names the trie file). */
const DICTIONARIES = { nl: '@cspell/dict-nl-nl', en: '@cspell/dict-en_us' };

// Some of these packages export no ./package.json and are ESM only: find them as pnpm links them.
const pkgDir = (name) => {
  const dir = join(coreDir, 'node_modules', name);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`build-spelling: ${name} is not installed in packages/core (pnpm install)`);
  return realpathSync(dir);
};
const pkgJson = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8'));
/** The ESM entry of an installed package. */
const importPkg = (name) => {
  const exp = pkgJson(name).exports?.['.'];
  const entry = typeof exp === 'string' ? exp : (exp?.import ?? exp?.default ?? pkgJson(name).main);
  return import(pathToFileURL(join(pkgDir(name), entry)).href);
};
const self = readFileSync(fileURLToPath(import.meta.url));

const stamp = {
  script: createHash('sha256').update(self).digest('hex').slice(0, 16),
  packages: Object.fromEntries(['cspell-dictionary', 'cspell-trie-lib', ...Object.values(DICTIONARIES)].map((n) => [n, pkgJson(n).version])),
};
const stampFile = join(outDir, 'build.json');
const wanted = ['cspell.cjs', 'NOTICE.md', ...Object.keys(DICTIONARIES).flatMap((l) => [`${l}.btrie`, `${l}.json`, `${l}.weights.json`])];
if (!process.argv.includes('--force') && existsSync(stampFile) && wanted.every((f) => existsSync(join(outDir, f)))) {
  if (readFileSync(stampFile, 'utf8') === `${JSON.stringify(stamp, null, 2)}\n`) process.exit(0);
}

const tmp = `${outDir}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

// 1. cspell-dictionary as one CommonJS file.
const esbuild = await import(pathToFileURL(req.resolve('esbuild')).href);
await esbuild.build({
  stdin: {
    contents: "export { createSpellingDictionaryFromTrieFile } from 'cspell-dictionary';",
    resolveDir: coreDir,
    loader: 'js',
  },
  outfile: join(tmp, 'cspell.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'inline',
  logLevel: 'warning',
});

// 2. The word lists, re-encoded (same words: decoded and encoded by cspell-trie-lib itself).
const trieLib = await importPkg('cspell-trie-lib');
const notices = [];
for (const [lang, name] of Object.entries(DICTIONARIES)) {
  const dir = pkgDir(name);
  const ext = JSON.parse(readFileSync(join(dir, 'cspell-ext.json'), 'utf8'));
  const def = ext.dictionaryDefinitions[0];
  const source = readFileSync(join(dir, def.path));
  const trie = trieLib.decodeTrie(def.path.endsWith('.gz') ? gunzipSync(source).toString('utf8') : source.toString('utf8'));
  const binary = trieLib.encodeITrieToBTrie(trie);
  // The same words in, the same words out: a sample round trip.
  const again = trieLib.decodeTrie(binary);
  for (const w of ['huis', 'huurachterstand', 'house', 'Amsterdam', 'cv-ketel']) {
    if (trie.has(w) !== again.has(w)) throw new Error(`build-spelling: ${lang}: "${w}" differs after re-encoding`);
  }
  // Not gzipped: the npm tarball and the .vsix compress it anyway, and gunzip would cost ~20 ms per load.
  writeFileSync(join(tmp, `${lang}.btrie`), binary);
  // The suggestion costs compiled from dictionaryInformation (100-300 ms at run time, mostly the
  // alphabet's pairs), stored compiled: cspell's WeightMap is plain objects plus a Map of
  // regex penalties, which node/spelling.ts turns back into a Map of RegExps.
  const weights = trieLib.mapDictionaryInformationToWeightMap(def.dictionaryInformation ?? {});
  const known = ['insDel', 'replace', 'swap', 'adjustments'];
  if (Object.keys(weights).some((k) => !known.includes(k))) throw new Error(`build-spelling: ${lang}: unexpected weight map keys ${Object.keys(weights)}`);
  const adjustments = [...weights.adjustments].map(([key, a]) => {
    if (Object.keys(a).some((k) => !['id', 'regexp', 'penalty'].includes(k)) || !(a.regexp instanceof RegExp)) throw new Error(`build-spelling: ${lang}: unexpected adjustment ${key}`);
    return [key, { id: a.id, regexp: { source: a.regexp.source, flags: a.regexp.flags }, penalty: a.penalty }];
  });
  writeFileSync(join(tmp, `${lang}.weights.json`), JSON.stringify({ insDel: weights.insDel, replace: weights.replace, swap: weights.swap, adjustments }));
  const pkg = pkgJson(name);
  writeFileSync(
    join(tmp, `${lang}.json`),
    `${JSON.stringify({ name: def.name, package: name, version: pkg.version, license: pkg.license, dictionaryInformation: def.dictionaryInformation ?? {}, repMap: def.repMap ?? [] }, null, 2)}\n`,
  );
  notices.push({ lang, name, pkg, dir });
}

// 3. Licences: the packages are MIT; their word data come from OpenTaal (nl) and SCOWL (en).
const section = (title, body) => `## ${title}\n\n${body.trim()}\n`;
const licenseOf = (dir) => readFileSync(join(dir, 'LICENSE'), 'utf8');
let notice = `# Spelling data in this folder

Generated by scripts/build-spelling.mjs from the npm packages below (not edited). The word
lists are the cspell dictionaries, re-encoded in cspell's binary trie format; \`cspell.cjs\`
is cspell-dictionary and its dependencies bundled into one file.

| File | From | Version | Licence |
| --- | --- | --- | --- |
| nl.btrie, nl.json, nl.weights.json | ${DICTIONARIES.nl} (word data: OpenTaal, Nederlandse woordenlijst voor spellingcontrole) | ${stamp.packages[DICTIONARIES.nl]} | MIT; word data Revised BSD and/or CC BY 3.0 (OpenTaal) |
| en.btrie, en.json, en.weights.json | ${DICTIONARIES.en} (word data: SCOWL, en_US-large) | ${stamp.packages[DICTIONARIES.en]} | MIT; word data SCOWL copyright (permissive, notice below) |
| cspell.cjs | cspell-dictionary, cspell-trie-lib and their dependencies | ${stamp.packages['cspell-dictionary']} | MIT |

`;
notice += section(`${DICTIONARIES.nl} (MIT)`, licenseOf(pkgDir(DICTIONARIES.nl)));
const openTaal = join(pkgDir(DICTIONARIES.nl), 'src/hunspell/license');
if (!existsSync(openTaal)) throw new Error(`build-spelling: ${openTaal} is missing: the Dutch word list must ship with its licence`);
notice += `\n${section('Dutch word data: OpenTaal licence', readFileSync(openTaal, 'utf8'))}`;
notice += `\n${section(`${DICTIONARIES.en} (MIT)`, licenseOf(pkgDir(DICTIONARIES.en)))}`;
const scowl = join(pkgDir(DICTIONARIES.en), 'src/hunspell/README_en_US-large.txt');
if (!existsSync(scowl)) throw new Error(`build-spelling: ${scowl} is missing: the English word list must ship with its copyright notice`);
notice += `\n${section('English word data: SCOWL and Hunspell en_US notice', readFileSync(scowl, 'utf8'))}`;
notice += `\n${section('cspell-dictionary and cspell-trie-lib (MIT)', licenseOf(pkgDir('cspell-dictionary')))}`;
writeFileSync(join(tmp, 'NOTICE.md'), notice);
writeFileSync(join(tmp, 'build.json'), `${JSON.stringify(stamp, null, 2)}\n`);

// Swap in the new folder in one step (a reader never sees half a build).
const old = `${outDir}.old-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(tmp, outDir);
rmSync(old, { recursive: true, force: true });
process.stdout.write(`build-spelling: packages/core/spelling/ (${Object.keys(DICTIONARIES).join(', ')})\n`);
