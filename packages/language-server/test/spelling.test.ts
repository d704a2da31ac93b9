// The spelling rule in the language server: the word lists load in the server
// process on first use, a typo gets a diagnostic and a quick fix, and typing a
// word letter by letter ends without a finding once the word is complete.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, OpenDocument, REPO, msg } from './helpers/documents.js';

const TEXT = readFileSync(fixture('overlast.md'), 'utf8');
let client: TestClient;
let n = 0;
const letter = () => fixture(`_lsp-spelling-${++n}.md`);
const spelling = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'spelling');

beforeAll(async () => {
  client = await startClient({ rootUri: `file://${REPO}`, initializationOptions: { debounceMs: 0 } });
});
afterAll(async () => {
  if (client.process.exitCode === null) await client.shutdown();
});

describe('spelling in the language server', () => {
  it('reports a typo with its suggestion and offers the fix as a quick fix', async () => {
    const text = TEXT.replace('Hoogachtend', 'Wij maken graag een betalingregeling met u.\n\nHoogachtend');
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, text);
    const found = spelling((await first).diagnostics);
    expect(found.map(msg)).toEqual(['Onbekend woord "betalingregeling": bedoelt u "betalingsregeling"?']);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: doc.uri },
      range: found[0]!.range,
      context: { diagnostics: [found[0]!] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Vervang “betalingregeling” door “betalingsregeling”');
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    const next = client.nextDiagnostics(doc.uri, 2);
    await doc.edit(fix!.edit!.changes![doc.uri]!);
    expect(spelling((await next).diagnostics)).toEqual([]);
    await doc.close();
  });

  it('typing a word letter by letter: unknown while incomplete, no finding when complete', async () => {
    const at = TEXT.indexOf('Hoogachtend');
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, `${TEXT.slice(0, at)}Wij sturen u een \n\n${TEXT.slice(at)}`);
    expect(spelling((await first).diagnostics)).toEqual([]);
    const word = 'huurovereenkomst.';
    let last: Diagnostic[] = [];
    for (let i = 0; i < word.length; i++) {
      const pos = doc.doc.positionAt(at + 'Wij sturen u een '.length + i);
      const next = client.nextDiagnostics(doc.uri, doc.version + 1);
      await doc.edit([{ range: { start: pos, end: pos }, newText: word[i]! }]);
      last = spelling((await next).diagnostics);
      if (i === 'huurovereen'.length - 1) expect(last.map(msg)[0]).toMatch(/^Onbekend woord "huurovereen"/);
    }
    expect(doc.text()).toContain('Wij sturen u een huurovereenkomst.');
    expect(last).toEqual([]);
    await doc.close();
  });
});
