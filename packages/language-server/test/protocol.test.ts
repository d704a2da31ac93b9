import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes, type CodeAction, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fixText, lintText } from '@huurbrief/core';
import { ConfigLoader } from '@huurbrief/core/node';
import { asLsp, cliLintText, cliReports } from './helpers/cli.js';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, OpenDocument, REPO, msg } from './helpers/documents.js';

const TEXT = readFileSync(fixture('overlast.md'), 'utf8');
// The server and the CLI run the same built core; compare with the CLI's findings on the same text.
const CLI = cliReports([fixture('overlast.md')]).get(fixture('overlast.md'))!;
let n = 0;
/** A fresh URI per test (in the fixtures folder, so the same config applies); the text is the overlast letter. */
const letter = () => fixture(`_lsp-test-${++n}.md`);
const OFFICIAL = 'Indien u vragen heeft, kunt u ons bellen. ';

let client: TestClient;

beforeAll(async () => {
  client = await startClient({ rootUri: `file://${REPO}` });
});
afterAll(async () => {
  if (client.process.exitCode === null) await client.shutdown();
});

const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
const actionsAt = (doc: OpenDocument, d: Diagnostic, only?: string[]) =>
  client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range: d.range,
    context: { diagnostics: [d], ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

async function applyAction(doc: OpenDocument, action: CodeAction) {
  const edits = action.edit?.changes?.[doc.uri];
  expect(edits?.length).toBeGreaterThan(0);
  const version = await doc.edit(edits!);
  return version;
}

describe('language server over stdio', () => {
  it('initializes with push diagnostics, incremental sync, code actions and hover', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.huurbrief'] });
    // This client announced no pull diagnostics: the server pushes.
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(client.initializeResult.serverInfo?.name).toBe('huurbrief');
  });

  it('publishes the same findings as the core on open, mapped to 0-based LSP ranges', async () => {
    const text = TEXT;
    const path = letter();
    const pending = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, text);
    const published = await pending;
    const expected = CLI.messages;
    expect(published.version).toBe(1);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual(
      expected.map((m) => [m.ruleId, m.line, m.column, m.message]),
    );
    const dient = published.diagnostics.find((d) => msg(d).includes('"dient"'))!;
    expect(dient).toMatchObject({
      source: 'huurbrief',
      severity: 2,
      code: 'plain-words',
      codeDescription: { href: expect.stringContaining('docs/rules/plain-words.md') },
      range: { start: { line: 11, character: 4 }, end: { line: 11, character: 9 } },
    });
    // data carries the CLI's suggestions and fix for code actions.
    const cliDient = CLI.messages.find((m) => m.message.includes('"dient"'))!;
    expect(dient.data).toMatchObject({ expected: cliDient.expected, fix: cliDient.fix });
    await doc.close();
  });

  it('updates diagnostics after incremental edits, and only for the latest version', async () => {
    const path = letter();
    const opened = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    await opened;
    const at = doc.text().indexOf('Hoogachtend');
    // Three quick keystroke-like edits: only the last version gets diagnostics.
    await doc.insert(at, 'Ind');
    await doc.insert(at + 3, 'ien');
    const settled = client.nextDiagnostics(doc.uri, 4);
    await doc.insert(at + 6, OFFICIAL.slice(6));
    const after = await settled;
    expect(client.diagnostics.all.filter((p) => p.uri === doc.uri && (p.version === 2 || p.version === 3))).toEqual([]);
    const indien = byRule(after.diagnostics, 'plain-words').find((d) => msg(d).includes('"Indien"'));
    expect(indien?.range.start).toEqual(doc.doc.positionAt(at));

    // Removing the sentence removes the finding.
    const cleared = client.nextDiagnostics(doc.uri, 5);
    await doc.edit([{ range: { start: doc.doc.positionAt(at), end: doc.doc.positionAt(at + OFFICIAL.length) }, newText: '' }]);
    expect((await cleared).diagnostics.some((d) => msg(d).includes('"Indien"'))).toBe(false);
    await doc.close();
  });

  it('offers a quick fix per suggestion that replaces the word, keeping its capitals', async () => {
    const text = TEXT.replace('Hoogachtend', `${OFFICIAL}\n\nHoogachtend`);
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, text);
    const indien = (await first).diagnostics.find((d) => msg(d).includes('"Indien"'))!;
    const actions = await actionsAt(doc, indien);
    const fix = actions.find((a) => a.title === 'Vervang “Indien” door “Als”');
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    const next = client.nextDiagnostics(doc.uri, 2);
    await applyAction(doc, fix!);
    expect(doc.text()).toContain('Als u vragen heeft, kunt u ons bellen.');
    expect((await next).diagnostics.some((d) => msg(d).includes('"Indien"'))).toBe(false);
    await doc.close();
  });

  it('offers no replacement where --fix would not fix: the message names the better word', async () => {
    const text = TEXT.replace('Hoogachtend', 'De kosten zijn echter hoger dan verwacht.\n\nHoogachtend');
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, text);
    const echter = (await first).diagnostics.find((d) => msg(d).includes('"echter"'))!;
    expect(msg(echter)).toContain('"maar"');
    const actions = await actionsAt(doc, echter);
    expect(actions.filter((a) => a.title.startsWith('Vervang'))).toEqual([]);
    expect(actions.some((a) => a.title.startsWith('Regel plain-words hier negeren'))).toBe(true);
    await doc.close();
  });

  it('offers no quick fix after which another rule would report something new (as --fix)', async () => {
    const text = TEXT.replace('Hoogachtend', 'Wenst u te verhuizen? Bel ons.\n\nHoogachtend');
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, text);
    const wenst = (await first).diagnostics.find((d) => msg(d).includes('"Wenst"'))!;
    // The core offers a fix ("Wilt u verhuizen?"), but that sentence is a request without a date (action-and-deadline).
    expect((wenst.data as { fix?: unknown }).fix).toBeDefined();
    const actions = await actionsAt(doc, wenst);
    expect(actions.filter((a) => a.title.startsWith('Vervang'))).toEqual([]);
    await doc.close();
  });

  it('fixes every auto-fixable finding with source.fixAll.huurbrief', async () => {
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    const diags = (await first).diagnostics;
    const fixable = diags.filter((d) => (d.data as { fix?: unknown }).fix);
    expect(fixable.length).toBeGreaterThan(1);
    const [all] = await actionsAt(doc, fixable[0]!, ['source.fixAll']);
    expect(all?.kind).toBe('source.fixAll.huurbrief');
    const next = client.nextDiagnostics(doc.uri, 2);
    await applyAction(doc, all!);
    // The same text as the core's fix loop with the letter's config (what `--fix` writes).
    const config = new ConfigLoader().forFile(path).config;
    expect(doc.text()).toBe(fixText(TEXT, (t) => lintText(t, { config, filePath: path })).output);
    expect(doc.text()).not.toBe(TEXT);
    const remaining = (await next).diagnostics;
    expect(remaining.length).toBeLessThan(diags.length);
    expect(remaining.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }))).toEqual(cliLintText(doc.text(), path).map(asLsp));
    await doc.close();
  });

  it('"disable this rule here" inserts an ignore comment with a reason before the block', async () => {
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    const diags = (await first).diagnostics;
    const dient = diags.find((d) => msg(d).includes('"dient"'))!;
    const ignore = (await actionsAt(doc, dient)).find((a) => a.title.startsWith('Regel plain-words hier negeren'))!;
    const next = client.nextDiagnostics(doc.uri, 2);
    await applyAction(doc, ignore);
    expect(doc.text()).toContain('<!-- huurbrief-ignore plain-words -- schrijf hier waarom deze melding niet klopt -->\nMen dient zich');
    const after = (await next).diagnostics;
    // Both plain-words findings of that paragraph are gone, nothing else changed, no complaint about the comment.
    expect(after.filter((d) => d.code === 'plain-words' && d.range.start.line === 12)).toEqual([]);
    expect(after.some((d) => d.code === 'disable-without-reason' || d.code === 'unused-disable')).toBe(false);
    expect(after.filter((d) => d.code !== 'plain-words').length).toBe(diags.filter((d) => d.code !== 'plain-words').length);
    await doc.close();
  });

  it('hovers a finding with the Dutch rationale, a bad and a good example and the docs link', async () => {
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    const dient = (await first).diagnostics.find((d) => msg(d).includes('"dient"'))!;
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: doc.uri },
      position: { line: dient.range.start.line, character: dient.range.start.character + 2 },
    })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('Schrijf "moet" in plaats van "dient".');
    expect(value).toContain('Niet zo:');
    expect(value).toContain('Wel zo:');
    expect(value).toMatch(/\[Meer over de regel plain-words\]\(https:\/\/.*plain-words\.md\)/);
    const nothing = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 0, character: 0 } });
    expect(nothing).toBeNull();
    await doc.close();
  });

  it('answers huurbrief/letterInfo with metrics, counts and the review state', async () => {
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    const diags = (await first).diagnostics;
    const info = (await client.connection.sendRequest('huurbrief/letterInfo', { uri: doc.uri })) as Record<string, unknown>;
    const expected = CLI;
    expect(info).toMatchObject({
      uri: doc.uri,
      version: 1,
      targetLevel: 'B1',
      sentences: expected.metrics.sentences,
      words: expected.metrics.words,
      longSentences: diags.filter((d) => d.code === 'sentence-length').length,
      counts: { errors: diags.filter((d) => d.severity === 1).length, warnings: diags.filter((d) => d.severity === 2).length },
    });
    expect(info['level']).toBe(expected.metrics['level']);
    expect(info['fleschDouma']).toBe(expected.metrics['fleschDouma']);
    expect(info['levelReasons']).toEqual(expected.metrics['levelReasons']);
    expect((info['levelReasons'] as string[]).length).toBeGreaterThan(0);
    // The repository has no .huurbrief/allowed_signers: the review state says so instead of inventing one.
    expect(info['review']).toMatchObject({ state: 'unknown' });
    await doc.close();
  });

  it('answers malformed requests with LSP errors and keeps serving', async () => {
    await expect(client.connection.sendRequest('huurbrief/letterInfo', {})).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
    await expect(client.connection.sendRequest('huurbrief/letterInfo', { uri: 'file:///nergens/brief.md' })).rejects.toMatchObject({
      code: ErrorCodes.InvalidParams,
      message: expect.stringContaining('niet geopend'),
    });
    await expect(client.connection.sendRequest('textDocument/hover', { textDocument: {} })).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
    await expect(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///x.md' } })).rejects.toMatchObject({
      code: ErrorCodes.InvalidParams,
    });
    await expect(client.connection.sendRequest('huurbrief/review', { uri: 'file:///x.md', kind: 'stempel' })).rejects.toMatchObject({
      code: ErrorCodes.InvalidParams,
    });
    await expect(client.connection.sendRequest('huurbrief/bestaat-niet', {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    // Still alive.
    const path = letter();
    const first = client.nextDiagnostics(`file://${path}`, 1);
    const doc = await OpenDocument.open(client.connection, path, TEXT);
    expect((await first).diagnostics.length).toBeGreaterThan(0);
    await doc.close();
  });

  it('shuts down cleanly', async () => {
    expect(await client.shutdown()).toBe(0);
  });
});
