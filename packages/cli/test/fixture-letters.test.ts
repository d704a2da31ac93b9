// Every fixture letter with a `<name>.expected.json` beside it must give
// exactly the findings listed there (rule id, place, severity) and, where
// given, the level. Regenerate after a deliberate change with
// `UPDATE_EXPECTED=1 npx vitest run packages/cli/test/fixture-letters.test.ts`
// and review the diff like any other change.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigLoader, lintFile } from '@huurbrief/core/node';
import { repoRoot } from './helpers.js';

interface Expected {
  level?: string;
  findings: string[];
}

function letters(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...letters(abs));
    else if (/\.(md|markdown|txt)$/.test(name) && existsSync(abs.replace(/\.\w+$/, '.expected.json'))) out.push(abs);
  }
  return out;
}

const all = letters(join(repoRoot, 'fixtures'));
const loader = new ConfigLoader();

describe('fixture letters give the findings listed beside them', () => {
  it('has the eight scenarios of the foundation issue', () => {
    const names = all.map((f) => relative(repoRoot, f));
    for (const scenario of ['onderhoud', 'huurverhoging', 'betalingsherinnering', 'afwijzing', 'overlast', 'renovatie', 'welkom', 'reparatie']) {
      expect(names.some((n) => n.includes(scenario)), scenario).toBe(true);
    }
  });

  for (const file of all) {
    it(relative(repoRoot, file), () => {
      const { result } = lintFile(file, loader);
      const actual: Expected = {
        ...(typeof result.metrics['level'] === 'string' ? { level: result.metrics['level'] } : {}),
        findings: result.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`),
      };
      const expectedFile = file.replace(/\.\w+$/, '.expected.json');
      if (process.env['UPDATE_EXPECTED']) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
      expect(actual.findings).toEqual(expected.findings);
      if (expected.level !== undefined) expect(actual.level).toBe(expected.level);
    });
  }
});
