#!/usr/bin/env node
// pnpm run docs        writes docs/rules/<id>.md, the README rules table and packages/core/config-schema.json
// pnpm run docs:check  fails (exit 1) when a rule lacks docs, examples or tests, or a generated file is stale
// Runs on the built packages (`tsc -b packages/cli` builds core too).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocs, generateFiles, orphanDocs } from './gen-docs-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await import('../packages/core/dist/index.js');
const docs = await import('../packages/cli/dist/docs/rule-doc.js');
const input = { root, rules: core.allRules, ruleDoc: docs.ruleDoc, ruleMarkdown: docs.ruleMarkdown, configJsonSchema: core.configJsonSchema };

if (process.argv.includes('--check')) {
  const problems = checkDocs(input);
  if (problems.length) {
    process.stderr.write(`huurbrief docs:check: ${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'}\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`huurbrief docs:check: documentatie van ${core.allRules.length} regels is compleet en actueel\n`);
} else {
  const files = generateFiles(input);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const orphan of orphanDocs(root, core.allRules)) rmSync(join(root, orphan));
  process.stdout.write(`huurbrief docs: ${files.size} bestanden geschreven\n`);
}
