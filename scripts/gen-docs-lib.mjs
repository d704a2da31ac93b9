// Generates the rule docs from the rules themselves (ESLint's checkRuleFiles,
// remark-lint's generated readmes): docs/rules/<id>.md, the rules table in
// README.md between <!-- rules:start --> and <!-- rules:end -->, and
// packages/core/config-schema.json. `check` reports what is missing or stale
// instead of writing. Pure over its inputs, so the vitest test can run it on
// the TypeScript sources and `scripts/gen-docs.mjs` on the built packages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

const CATEGORY_ORDER = ['readability', 'plain-language', 'no-phrasing', 'tone', 'structure', 'template', 'privacy', 'spelling'];
const SEVERITY = { error: 'fout', warning: 'waarschuwing', info: 'melding' };

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * @param {readonly {meta: any}[]} rules
 * @returns {string} the Markdown table for the README
 */
export function rulesTable(rules) {
  const sorted = [...rules].sort(
    (a, b) => CATEGORY_ORDER.indexOf(a.meta.category) - CATEGORY_ORDER.indexOf(b.meta.category) || a.meta.id.localeCompare(b.meta.id),
  );
  const lines = [
    '<!-- Gegenereerd door `pnpm run docs` (scripts/gen-docs.mjs); niet met de hand bewerken. -->',
    '',
    '| Regel | Categorie | Niveau | Fix | Aan in | Wat de regel controleert |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { meta } of sorted) {
    const presets = meta.presets.includes('recommended') ? 'recommended' : meta.presets.includes('strict') ? 'strict' : '-';
    lines.push(
      `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.category} | ${SEVERITY[meta.defaultSeverity]} | ${meta.fixable ? 'ja' : ''} | ${presets} | ${cell(meta.description)} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces the part of `readme` between the markers; null when a marker is missing. */
export function replaceBetweenMarkers(readme, content) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) return null;
  return `${readme.slice(0, start + START.length)}\n${content}\n${readme.slice(end)}`;
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/**
 * Everything the generator writes, as {path (relative to root): content}.
 * @param {{root: string, rules: readonly {meta: any}[], ruleDoc: Function, ruleMarkdown: Function, configJsonSchema: Function}} input
 */
export function generateFiles({ root, rules, ruleDoc, ruleMarkdown, configJsonSchema }) {
  const files = new Map();
  for (const rule of rules) files.set(`docs/rules/${rule.meta.id}.md`, ruleMarkdown(ruleDoc(rule, rules)));
  files.set('packages/core/config-schema.json', `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`);
  const readmePath = join(root, 'README.md');
  if (existsSync(readmePath)) {
    const updated = replaceBetweenMarkers(readFileSync(readmePath, 'utf8'), rulesTable(rules));
    if (updated !== null) files.set('README.md', updated);
  }
  return files;
}

/**
 * What is wrong: a rule without description, rationale, examples or a test
 * file (in packages/core) that mentions its id; an example that does not do
 * what it says; a generated file that is missing or stale; a doc for a rule
 * that no longer exists. Returns Dutch lines, empty when all is well.
 */
export function checkDocs(input) {
  const { root, rules, ruleDoc } = input;
  const problems = [];
  const files = generateFiles(input);
  const testFiles = walk(join(root, 'packages', 'core')).map((p) => readFileSync(p, 'utf8'));
  for (const rule of rules) {
    const { meta } = rule;
    if (!meta.description?.trim()) problems.push(`${meta.id}: geen beschrijving (meta.description)`);
    if (!meta.rationale?.trim()) problems.push(`${meta.id}: geen uitleg voor huurders (meta.rationale)`);
    if (!meta.examples?.valid?.length) problems.push(`${meta.id}: geen goede voorbeelden (meta.examples.valid)`);
    if (!meta.examples?.invalid?.length) problems.push(`${meta.id}: geen foute voorbeelden (meta.examples.invalid)`);
    if (!testFiles.some((t) => t.includes(meta.id))) problems.push(`${meta.id}: geen test (geen testbestand in packages/core noemt "${meta.id}")`);
    const doc = ruleDoc(rule, rules);
    doc.valid.forEach((ex, i) => {
      if (ex.findings.length) problems.push(`${meta.id}: goed voorbeeld ${i + 1} geeft toch een melding: ${ex.findings[0].message}`);
    });
    doc.invalid.forEach((ex, i) => {
      if (!ex.findings.length) problems.push(`${meta.id}: fout voorbeeld ${i + 1} geeft geen melding`);
    });
  }
  const readme = join(root, 'README.md');
  if (!existsSync(readme)) problems.push('README.md bestaat niet');
  else if (!files.has('README.md')) problems.push(`README.md mist de markeringen ${START} en ${END}`);
  for (const [path, content] of files) {
    const abs = join(root, path);
    if (!existsSync(abs)) problems.push(`${path} ontbreekt (draai pnpm run docs)`);
    else if (readFileSync(abs, 'utf8') !== content) problems.push(`${path} is verouderd (draai pnpm run docs)`);
  }
  for (const orphan of orphanDocs(root, rules)) problems.push(`${orphan} hoort bij geen regel meer (draai pnpm run docs)`);
  return problems;
}

/** docs/rules/*.md without a rule. */
export function orphanDocs(root, rules) {
  const dir = join(root, 'docs', 'rules');
  if (!existsSync(dir)) return [];
  const ids = new Set(rules.map((r) => r.meta.id));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !ids.has(f.slice(0, -3)))
    .map((f) => relative(root, join(dir, f)).split(sep).join('/'));
}
