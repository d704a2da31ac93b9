import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asLsp, cliLint, fixtureLetters } from './helpers/cli.js';
import { startClient, type TestClient } from './helpers/client.js';
import { REPO } from './helpers/documents.js';

let client: TestClient;
beforeAll(async () => {
  client = await startClient({ rootUri: pathToFileURL(REPO).href });
});
afterAll(async () => {
  await client.shutdown();
});

it('publishes exactly the findings of `huurbrief lint --format json` for every fixture letter', async () => {
  const letters = fixtureLetters();
  const cli = cliLint(letters);
  let compared = 0;
  for (const path of letters) {
    const expected = cli.get(path);
    if (!expected) continue; // not a lintable letter for the CLI either (reported as a problem there)
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const published = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: path.endsWith('.txt') ? 'plaintext' : 'markdown', version: 1, text } });
    const got = (await published).diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
    expect(got, path).toEqual(expected.map(asLsp));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    compared++;
  }
  expect(compared).toBeGreaterThanOrEqual(9);
});
