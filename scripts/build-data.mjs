#!/usr/bin/env node
// Compiles the rule data files (packages/core/data/<name>.yml) into typed
// modules (packages/core/src/data/<name>.generated.ts), so the core's main
// entry does no file I/O at run time. Loading is strict: an unknown key, a
// missing required key, a wrong type or a duplicate entry fails the build,
// naming the file, the entry and the key. `--check` fails when a generated
// file is stale (used by the tests).
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'packages/core/data');
const outDir = join(root, 'packages/core/src/data');
const check = process.argv.includes('--check');

function typeOf(v) {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function fail(file, where, reason) {
  const e = new Error(`${file}: ${where}: ${reason}`);
  e.dataError = true;
  throw e;
}

/** Forms of an entry that have exactly one replacement: the only ones a fix can apply to. */
export function fixableForms(entry, spec) {
  const one = (v) => (typeof v === 'string' && v !== '') || (Array.isArray(v) && v.length === 1);
  const forms = [];
  const own = spec.forms ? entry[spec.forms] : undefined;
  if (own) for (const [form, repl] of Object.entries(own)) if (one(repl)) forms.push(form);
  const base = entry[spec.base];
  if (!(own && entry[spec.key] in own) && one(base)) forms.push(String(entry[spec.key]));
  return forms;
}

/**
 * Fix conditions (`herstel`, `geenHerstel`): an entry with a form that has one
 * replacement must say in which contexts its fix applies (`herstel`: a list of
 * context names, or per form a list) or why it has none (`geenHerstel`). Unknown
 * contexts, forms without one replacement, and forms left undecided fail.
 */
function checkFix(file, where, entry, spec, contexts) {
  const forms = fixableForms(entry, { ...spec, key: spec.key });
  const h = entry.herstel;
  const reason = entry.geenHerstel;
  if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '')) fail(file, where, 'key "geenHerstel" should be a non-empty reason');
  const checkList = (list, what) => {
    if (!Array.isArray(list) || list.length === 0) fail(file, where, `${what} should be a non-empty list of contexts`);
    const seen = new Set();
    for (const c of list) {
      if (typeof c !== 'string' || !contexts.has(c)) fail(file, where, `${what}: unknown context "${c}" (known: ${[...contexts].join(', ')})`);
      if (seen.has(c)) fail(file, where, `${what}: context "${c}" twice`);
      seen.add(c);
    }
  };
  if (forms.length === 0) {
    if (h !== undefined || reason !== undefined) fail(file, where, 'has no form with exactly one replacement, so "herstel"/"geenHerstel" mean nothing here');
    return;
  }
  let covered = [];
  if (h === undefined) covered = [];
  else if (Array.isArray(h)) {
    checkList(h, 'herstel');
    covered = forms;
  } else if (typeOf(h) === 'object' && spec.forms) {
    for (const [form, list] of Object.entries(h)) {
      if (!forms.includes(form)) fail(file, where, `herstel: "${form}" is not a form with exactly one replacement (forms: ${forms.join(', ')})`);
      checkList(list, `herstel.${form}`);
    }
    covered = Object.keys(h);
  } else fail(file, where, `key "herstel" should be a list of contexts${spec.forms ? ' or a mapping form -> contexts' : ''}`);
  const open = forms.filter((f) => !covered.includes(f));
  if (open.length && reason === undefined) fail(file, where, `no "herstel" or "geenHerstel" for ${open.map((f) => `"${f}"`).join(', ')}: say where the fix applies, or why there is none`);
  if (!open.length && reason !== undefined) fail(file, where, '"geenHerstel" but every form has a "herstel"');
}

export function loadDataFile(file, schema, contexts = new Set()) {
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) fail(file, `line ${doc.errors[0].linePos?.[0]?.line ?? '?'}`, doc.errors[0].message.split('\n')[0]);
  const data = doc.toJS();
  if (!Array.isArray(data)) fail(file, 'top', 'expected a list of entries');
  const seen = new Map();
  data.forEach((entry, i) => {
    const where = `entry ${i + 1}${entry && entry[schema.key] ? ` (${entry[schema.key]})` : ''}`;
    if (typeOf(entry) !== 'object') fail(file, where, 'expected a mapping');
    for (const k of Object.keys(entry)) {
      if (!schema.fields[k]) fail(file, where, `unknown key "${k}" (known: ${Object.keys(schema.fields).join(', ')})`);
      const t = schema.fields[k].type;
      const actual = typeOf(entry[k]);
      if (t && t !== 'any' && actual !== t && !(t === 'array' && actual === 'string' && schema.fields[k].allowString)) {
        fail(file, where, `key "${k}" should be ${t}, is ${actual}`);
      }
    }
    for (const [k, f] of Object.entries(schema.fields)) if (f.required && !(k in entry)) fail(file, where, `missing key "${k}"`);
    if (schema.herstel) checkFix(file, where, entry, { ...schema.herstel, key: schema.key }, contexts);
    const key = String(entry[schema.key]).toLowerCase();
    if (seen.has(key)) fail(file, where, `duplicate of entry ${seen.get(key)} ("${key}")`);
    seen.set(key, i + 1);
  });
  return data;
}

/**
 * The `hyphen` package ships the patterns of 80 languages (9.7 MB); huurbrief
 * uses only the Dutch ones. Instead of depending on the whole package at run
 * time, its hyphenation code (ISC) and its Dutch patterns are written into one
 * generated module of the core, and `hyphen` stays a build-time dependency.
 * The patterns are serialised as JSON and compared with the originals, so the
 * generated module hyphenates exactly as `hyphen/nl` does. They are kept as a
 * JSON string and parsed on the first hyphenation (start-up of the CLI and the
 * language server: about 20 ms less than evaluating them as an object literal).
 */
function vendorDutchHyphenation() {
  const require = createRequire(join(root, 'packages/core/package.json'));
  const pkgFile = require.resolve('hyphen/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const dir = dirname(pkgFile);
  const patterns = require(join(dir, 'patterns/nl.js'));
  const json = JSON.stringify(patterns);
  if (!isDeepStrictEqual(JSON.parse(json), patterns)) fail('hyphen/patterns/nl.js', 'patterns', 'not plain JSON data');
  const code = readFileSync(join(dir, 'hyphen.js'), 'utf8');
  return (
    `// Generated by scripts/build-data.mjs from ${pkg.name}@${pkg.version} (${pkg.license}, ${pkg.repository?.url ?? ''}):\n` +
    `// its hyphenation code and its Dutch patterns (hyphen/patterns/nl.js, from the TeX hyph-utf8 project), nothing else. Do not edit.\n` +
    `// @ts-nocheck\n/* eslint-disable */\n` +
    `const module = { exports: {} };\nconst define = undefined;\n` +
    code.replace(/\}\)\(this, function/, '})(undefined, function') +
    `\nconst createHyphenator = module.exports;\n` +
    `// The patterns as a JSON string, parsed on the first hyphenation: JSON.parse builds the 176 KB\n` +
    `// table about twice as fast as an object literal, and a process that counts no syllables never builds it.\n` +
    `const PATTERNS = ${JSON.stringify(json)};\n` +
    `let hyphenator: ((text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string) | undefined;\n` +
    `/** Synchronous Dutch hyphenation, as \`hyphen/nl\`'s \`hyphenateSync\`; the table is built on the first call. */\n` +
    `export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string {\n` +
    `  hyphenator ??= createHyphenator(JSON.parse(PATTERNS));\n` +
    `  return hyphenator(text, options);\n` +
    `}\n` +
    `/** True once the table is built (for tests: it is built lazily). */\n` +
    `export function hyphenationLoaded(): boolean {\n` +
    `  return hyphenator !== undefined;\n` +
    `}\n`
  );
}

function main() {
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const stale = [];
  // The fix contexts first: the other lists name them in `herstel`.
  const contextSchema = JSON.parse(readFileSync(join(dataDir, 'fix-contexts.schema.json'), 'utf8'));
  const contexts = new Set(loadDataFile(join(dataDir, 'fix-contexts.yml'), contextSchema).map((c) => c.naam));
  for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.yml')).sort()) {
    const base = name.replace(/\.yml$/, '');
    const schemaFile = join(dataDir, `${base}.schema.json`);
    if (!existsSync(schemaFile)) fail(name, 'schema', `missing ${base}.schema.json`);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const data = loadDataFile(join(dataDir, name), schema, contexts);
    const ident = base.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const out =
      `// Generated by scripts/build-data.mjs from packages/core/data/${name}. Do not edit.\n` +
      `/* eslint-disable */\n` +
      `export const ${ident} = ${JSON.stringify(data, null, 1)};\n`;
    const target = join(outDir, `${base}.generated.ts`);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== out) {
      if (check) stale.push(target);
      else writeFileSync(target, out);
    }
  }
  const hyphenTarget = join(root, 'packages/core/src/readability/hyphen-nl.generated.ts');
  const hyphenOut = vendorDutchHyphenation();
  if ((existsSync(hyphenTarget) ? readFileSync(hyphenTarget, 'utf8') : '') !== hyphenOut) {
    if (check) stale.push(hyphenTarget);
    else writeFileSync(hyphenTarget, hyphenOut);
  }
  if (stale.length) {
    console.error(`stale generated data (run pnpm build:data):\n${stale.join('\n')}`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (e) {
    console.error(e.dataError ? `build-data: ${e.message}` : e);
    process.exit(1);
  }
}
