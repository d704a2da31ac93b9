import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { chooseServer } from '../src/server-choice.js';

const dir = mkdtempSync(join(tmpdir(), 'huurbrief-choice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('prefers the workspace-installed language server in a trusted workspace, else the bundled one', () => {
  const folder = join(dir, 'sjablonen');
  const pkg = join(folder, 'node_modules/@huurbrief/language-server');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  writeFileSync(join(pkg, 'bin/huurbrief-language-server.js'), '');
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@huurbrief/language-server', version: '0.2.0' }));
  const empty = join(dir, 'leeg');
  mkdirSync(empty);

  expect(chooseServer('/ext/dist/server.cjs', '0.1.0', [empty, folder], true)).toEqual({ module: join(pkg, 'bin/huurbrief-language-server.js'), label: `werkmap (0.2.0, ${pkg})` });
  // Not trusted: no code from the workspace's node_modules.
  expect(chooseServer('/ext/dist/server.cjs', '0.1.0', [folder], false)).toEqual({ module: '/ext/dist/server.cjs', label: 'ingebouwd (0.1.0)' });
  expect(chooseServer('/ext/dist/server.cjs', '0.1.0', [empty], true)).toEqual({ module: '/ext/dist/server.cjs', label: 'ingebouwd (0.1.0)' });
});
