import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { asLsp, cliLint } from './helpers/cli.js';
import { startClient } from './helpers/client.js';
import { fixture, OpenDocument } from './helpers/documents.js';

const dir = mkdtempSync(join(tmpdir(), 'huurbrief-lsp-workspace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('huurbrief/lintWorkspace lints closed letters like the CLI; opening one (pull) clears the pushed copy', async () => {
  writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ extends: ['huurbrief:recommended'], ignorePatterns: ['concepten/**'] }));
  const a = join(dir, 'overlast.md');
  const b = join(dir, 'huurverhoging.md');
  copyFileSync(fixture('overlast.md'), a);
  copyFileSync(fixture('huurverhoging.md'), b);
  const client = await startClient({ rootUri: pathToFileURL(dir).href, capabilities: { textDocument: { diagnostic: {} } } });
  const pushedA = client.nextDiagnostics(pathToFileURL(a).href);
  const pushedB = client.nextDiagnostics(pathToFileURL(b).href);
  const result = (await client.connection.sendRequest('huurbrief/lintWorkspace', {})) as { files: number; errors: number; warnings: number; problems: string[] };
  const cli = cliLint([a, b]);
  const all = [...cli.values()].flat();
  expect(result).toMatchObject({ files: 2, errors: all.filter((m) => m.severity === 'error').length, warnings: all.filter((m) => m.severity === 'warning').length, problems: [] });
  const strip = (ds: { code?: unknown; severity?: unknown; range: unknown; message: unknown }[]) => ds.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
  expect(strip((await pushedA).diagnostics)).toEqual(cli.get(a)!.map(asLsp));
  expect(strip((await pushedB).diagnostics)).toEqual(cli.get(b)!.map(asLsp));

  const cleared = client.nextDiagnostics(pathToFileURL(a).href);
  await OpenDocument.open(client.connection, a);
  expect((await cleared).diagnostics).toEqual([]);
  await client.shutdown();
});
