import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, OpenDocument, REPO, msg } from './helpers/documents.js';

const TEXT = readFileSync(fixture('overlast.md'), 'utf8');
let client: TestClient | undefined;
afterEach(async () => {
  await client?.shutdown();
  client = undefined;
});

describe('settings and pull diagnostics', () => {
  it('answers textDocument/diagnostic and does not push when the client pulls', async () => {
    client = await startClient({ rootUri: pathToFileURL(REPO).href, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    const doc = await OpenDocument.open(client.connection, fixture('_lsp-pull.md'), TEXT);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } })) as { kind: string; items: { code: string }[] };
    expect(report.kind).toBe('full');
    expect(report.items.some((d) => d.code === 'plain-words')).toBe(true);
    await doc.insert(0, 'Indien u vragen heeft, belt u ons.\n\n');
    const again = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } })) as { items: { code: string; message: string }[] };
    expect(again.items.some((d) => msg(d).includes('"Indien"'))).toBe(true);
    // A request after the edit has been answered; nothing was pushed for the open letter.
    await client.connection.sendRequest('huurbrief/letterInfo', { uri: doc.uri });
    expect(client.diagnostics.all.filter((p) => p.uri === doc.uri && p.diagnostics.length)).toEqual([]);
  });

  it('huurbrief.enable false publishes nothing; huurbrief.level overrides the target level', async () => {
    client = await startClient({
      rootUri: pathToFileURL(REPO).href,
      capabilities: { workspace: { configuration: true } },
      settings: (scope) => (scope?.endsWith('_uit.md') ? { enable: false } : { level: 'A2' }),
    });
    const off = fixture('_uit.md');
    const offDiags = client.nextDiagnostics(pathToFileURL(off).href, 1);
    await OpenDocument.open(client.connection, off, TEXT);
    expect((await offDiags).diagnostics).toEqual([]);

    const on = fixture('_a2.md');
    const onDiags = client.nextDiagnostics(pathToFileURL(on).href, 1);
    const doc = await OpenDocument.open(client.connection, on, TEXT);
    expect((await onDiags).diagnostics.length).toBeGreaterThan(0);
    const info = (await client.connection.sendRequest('huurbrief/letterInfo', { uri: doc.uri })) as { targetLevel: string };
    expect(info.targetLevel).toBe('A2');
  });

  it('huurbrief.run onSave lints on open and save, not while typing', async () => {
    client = await startClient({ rootUri: pathToFileURL(REPO).href, capabilities: { workspace: { configuration: true } }, settings: () => ({ run: 'onSave' }) });
    const path = fixture('_opslaan.md');
    const opened = client.nextDiagnostics(pathToFileURL(path).href, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    await opened;
    await doc.insert(0, 'Indien u vragen heeft, belt u ons.\n\n');
    const saved = client.nextDiagnostics(doc.uri, 2);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: doc.uri } });
    expect((await saved).diagnostics.some((d) => msg(d).includes('"Indien"'))).toBe(true);
    // Only the open and the save produced diagnostics (typing did not).
    expect(client.diagnostics.all.filter((p) => p.uri === doc.uri).map((p) => p.version)).toEqual([1, 2]);
  });
});
