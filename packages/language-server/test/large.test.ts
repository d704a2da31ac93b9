import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, OpenDocument, REPO, msg } from './helpers/documents.js';

// Large documents are linted in a worker thread (after a longer debounce for the largest); the
// server keeps answering other letters meanwhile, and an edit cancels the run for the old version.
const LETTERS = ['overlast', 'renovatie', 'huurverhoging', 'welkom'].map((n) => readFileSync(fixture(`${n}.md`), 'utf8').replace(/^---[\s\S]*?---\n/, ''));
const sized = (chars: number) => {
  let text = '';
  while (text.length < chars) text += `${LETTERS.join('\n')}\n`;
  return text;
};

let client: TestClient;
afterEach(async () => {
  if (client.process.exitCode === null) await client.shutdown();
});

it('keeps answering while a 2 MB document is linted, and shuts down in the middle of that run', async () => {
  client = await startClient({ rootUri: pathToFileURL(REPO).href });
  const huge = await OpenDocument.open(client.connection, fixture('_lsp-2mb.md'), sized(2_000_000));
  const t0 = performance.now();
  // Hover on the huge document answers at once (nothing known yet) instead of waiting for the run.
  expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: huge.uri }, position: { line: 3, character: 5 } })).toBeNull();
  const small = fixture('_lsp-small.md');
  const smallDone = client.nextDiagnostics(pathToFileURL(small).href, 1);
  await OpenDocument.open(client.connection, small, LETTERS[0]);
  expect((await smallDone).diagnostics.length).toBeGreaterThan(0);
  expect(performance.now() - t0).toBeLessThan(5000);
  // The worker is still busy with the 2 MB document: shutdown stops it, the process exits cleanly.
  expect(client.diagnostics.all.some((p) => p.uri === huge.uri)).toBe(false);
  expect(await client.shutdown()).toBe(0);
}, 60_000);

it('publishes only the latest version of a large document (the outdated worker run is cancelled)', async () => {
  client = await startClient({ rootUri: pathToFileURL(REPO).href });
  const path = fixture('_lsp-large.md');
  const uri = pathToFileURL(path).href;
  const done = client.nextDiagnostics(uri, 2);
  const doc = await OpenDocument.open(client.connection, path, sized(120_000));
  await doc.insert(0, 'Indien u vragen heeft, belt u ons.\n\n');
  const published = await done;
  expect(published.diagnostics.some((d) => msg(d).includes('"Indien"') && d.range.start.line === 0)).toBe(true);
  expect(published.diagnostics.length).toBeGreaterThan(100);
  expect(client.diagnostics.all.filter((p) => p.uri === uri && p.version === 1)).toEqual([]);
}, 120_000);
