import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Golden files under packages/cli/test/golden/. Findings change as rules
 * land; regenerate them all with one command:
 *
 *   HUURBRIEF_UPDATE_GOLDEN=1 npx vitest run packages/cli/test/formatters.test.ts
 *
 * and review the diff before committing.
 */
export const UPDATE = process.env['HUURBRIEF_UPDATE_GOLDEN'] === '1';

export function goldenPath(name: string): string {
  return fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
}

export function expectGolden(name: string, actual: string): void {
  const path = goldenPath(name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden file ${name} was missing and has been written; check it and run again`);
    return;
  }
  expect(actual, `${name} differs; if the change is intended: HUURBRIEF_UPDATE_GOLDEN=1 npx vitest run packages/cli/test/formatters.test.ts`).toBe(readFileSync(path, 'utf8'));
}
