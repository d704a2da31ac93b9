import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, OpenDocument } from './helpers/documents.js';

const TEXT = readFileSync(fixture('overlast.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'huurbrief-lsp-config-'));
const CONFIG = join(dir, 'huurbrief.config.json');
let client: TestClient;

beforeAll(async () => {
  client = await startClient({ rootUri: pathToFileURL(dir).href });
});
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const watched = (path: string, type: 1 | 2 | 3) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type }] });

describe('config files', () => {
  it('uses the config next to the letter, and relints open letters when it changes', async () => {
    writeFileSync(CONFIG, JSON.stringify({ extends: ['huurbrief:recommended'], rules: { 'plain-words': 'error' } }));
    const path = join(dir, 'brief.md');
    const first = client.nextDiagnostics(pathToFileURL(path).href, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    const before = (await first).diagnostics;
    expect(before.filter((d) => d.code === 'plain-words').every((d) => d.severity === 1)).toBe(true);
    expect(before.some((d) => d.code === 'plain-words')).toBe(true);

    writeFileSync(CONFIG, JSON.stringify({ extends: ['huurbrief:recommended'], rules: { 'plain-words': 'off' } }));
    const relinted = client.nextDiagnostics(doc.uri, 1);
    await watched(CONFIG, 2);
    const after = (await relinted).diagnostics;
    expect(after.some((d) => d.code === 'plain-words')).toBe(false);
    expect(after.length).toBe(before.filter((d) => d.code !== 'plain-words').length);
    await doc.close();
  });

  it('a broken config gives one diagnostic at the top of each letter and one message, not one per letter or keystroke', async () => {
    writeFileSync(CONFIG, '{ "rules": { "plain-words": "error", } }');
    await watched(CONFIG, 2);
    const shown = client.messages.all.length;
    const a = join(dir, 'a.md');
    const b = join(dir, 'b.md');
    const firstA = client.nextDiagnostics(pathToFileURL(a).href, 1);
    const message = client.messages.next();
    const docA = await OpenDocument.open(client.connection, a, TEXT);
    const diagsA = (await firstA).diagnostics;
    expect(diagsA).toEqual([
      expect.objectContaining({
        code: 'config-error',
        severity: 1,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: expect.stringMatching(/^Fout in configuratie, de brief is niet gecontroleerd: .*huurbrief\.config\.json: regel 1, kolom \d+: geen geldige JSON/),
      }),
    ]);
    expect((await message).type).toBe(1);
    expect((await message).message).toContain('huurbrief.config.json');

    // A second letter and some typing: the same error is not shown again.
    const firstB = client.nextDiagnostics(pathToFileURL(b).href, 1);
    const docB = await OpenDocument.open(client.connection, b, TEXT);
    expect((await firstB).diagnostics.map((d) => d.code)).toEqual(['config-error']);
    const typed = client.nextDiagnostics(docA.uri, 2);
    await docA.insert(0, 'x');
    expect((await typed).diagnostics.map((d) => d.code)).toEqual(['config-error']);
    expect(client.messages.all.length).toBe(shown + 1);

    // Repaired: both letters are linted again.
    writeFileSync(CONFIG, '{ "rules": { "plain-words": "error" } }');
    const fixedA = client.nextDiagnostics(docA.uri, 2);
    const fixedB = client.nextDiagnostics(docB.uri, 1);
    await watched(CONFIG, 2);
    expect((await fixedA).diagnostics.some((d) => d.code === 'plain-words' && d.severity === 1)).toBe(true);
    expect((await fixedB).diagnostics.some((d) => d.code === 'config-error')).toBe(false);
    await docA.close();
    await docB.close();
  });
});
