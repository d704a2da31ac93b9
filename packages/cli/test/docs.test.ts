// `pnpm run docs:check` as a test: every rule has docs, examples and a test, and
// the generated files (docs/rules/<id>.md, the README table, the config
// schema) are current. Plus the checker's own behaviour on a scratch tree.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules, configJsonSchema, type Rule } from '@huurbrief/core';
import { ruleDoc, ruleMarkdown } from '../src/docs/rule-doc.js';
import { checkDocs, generateFiles, replaceBetweenMarkers, rulesTable, START, END } from '../../../scripts/gen-docs-lib.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('generated rule documentation', () => {
  it('is complete and current (run `pnpm run docs` to regenerate)', () => {
    const problems = checkDocs({ root, rules: allRules, ruleDoc, ruleMarkdown, configJsonSchema });
    expect(problems).toEqual([]);
  });
});

const goodRule: Rule = {
  meta: {
    id: 'demo-huisregel',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Schrijf geen "geachte".',
    rationale: 'Huurders vinden "geachte" afstandelijk.',
    presets: ['recommended'],
    fixable: false,
    messages: { found: 'Schrijf geen "geachte".' },
    examples: { valid: [{ text: 'Beste mevrouw Jansen,\n' }], invalid: [{ text: 'Geachte mevrouw Jansen,\n' }] },
  },
  check({ doc, report }) {
    const i = doc.text.toLowerCase().indexOf('geachte');
    if (i !== -1) report({ messageId: 'found', start: i, end: i + 7 });
  },
};

function scratch(withTest: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-docs-'));
  mkdirSync(join(dir, 'packages', 'core', 'test'), { recursive: true });
  if (withTest) writeFileSync(join(dir, 'packages', 'core', 'test', 'demo.test.ts'), "ruleTester(demo, ...) // demo-huisregel\n");
  writeFileSync(join(dir, 'README.md'), `# Test\n\n${START}\noud\n${END}\n\nEinde.\n`);
  return dir;
}

describe('the checker', () => {
  const input = (dir: string, rules: readonly Rule[]) => ({ root: dir, rules, ruleDoc, ruleMarkdown, configJsonSchema });

  it('reports missing tests, missing files and a missing README table', () => {
    const dir = scratch(false);
    const problems = checkDocs(input(dir, [goodRule]));
    expect(problems).toContain('demo-huisregel: geen test (geen testbestand in packages/core noemt "demo-huisregel")');
    expect(problems).toContain('docs/rules/demo-huisregel.md ontbreekt (draai pnpm run docs)');
    expect(problems).toContain('README.md is verouderd (draai pnpm run docs)');
  });

  it('is satisfied once the files are generated, and notices a stale one', () => {
    const dir = scratch(true);
    for (const [path, content] of generateFiles(input(dir, [goodRule]))) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    expect(checkDocs(input(dir, [goodRule]))).toEqual([]);
    writeFileSync(join(dir, 'docs', 'rules', 'demo-huisregel.md'), 'met de hand bewerkt\n');
    expect(checkDocs(input(dir, [goodRule]))).toEqual(['docs/rules/demo-huisregel.md is verouderd (draai pnpm run docs)']);
    writeFileSync(join(dir, 'docs', 'rules', 'weg.md'), 'oud\n');
    expect(checkDocs(input(dir, [goodRule]))).toContain('docs/rules/weg.md hoort bij geen regel meer (draai pnpm run docs)');
  });

  it('reports a rule without examples and examples that do not do what they say', () => {
    const dir = scratch(true);
    const noExamples: Rule = { ...goodRule, meta: { ...goodRule.meta, examples: { valid: [], invalid: [{ text: 'Beste mevrouw Jansen,\n' }] } } };
    const problems = checkDocs(input(dir, [noExamples]));
    expect(problems).toContain('demo-huisregel: geen goede voorbeelden (meta.examples.valid)');
    expect(problems).toContain('demo-huisregel: fout voorbeeld 1 geeft geen melding');
  });

  it('replaces only what is between the README markers', () => {
    const readme = `Voor.\n${START}\noud\n${END}\nNa.\n`;
    expect(replaceBetweenMarkers(readme, 'nieuw')).toBe(`Voor.\n${START}\nnieuw\n${END}\nNa.\n`);
    expect(replaceBetweenMarkers('geen markeringen', 'x')).toBeNull();
    expect(rulesTable([goodRule])).toContain('| [`demo-huisregel`](docs/rules/demo-huisregel.md) | tone | waarschuwing |  | recommended | Schrijf geen "geachte". |');
  });
});
