// The editor and the baseline: findings .huurbrief/baseline.json accepts are
// hints (not warnings or errors), exactly the ones `huurbrief lint` accepts
// for the same text; a change to the baseline relints open letters; a broken
// baseline is said once and hides nothing.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, type CliMessage } from './helpers/cli.js';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, msg, OpenDocument, REPO } from './helpers/documents.js';

const dir = mkdtempSync(join(tmpdir(), 'huurbrief-lsp-baseline-'));
const BASELINE = join(dir, '.huurbrief', 'baseline.json');
const LETTER = join(dir, 'brieven', 'overlast.md');
let client: TestClient;

/** `huurbrief lint` in the template repository (exit code 1 for findings is fine). */
function cli(args: string[], input?: string): string {
  try {
    return execFileSync(process.execPath, [CLI_BIN, 'lint', ...args], { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    if (e.status !== 1 || e.stdout === undefined) throw error;
    return e.stdout;
  }
}

/** The CLI's findings for a text (as the letter at LETTER): reported and baseline-accepted. */
function cliFindings(text: string): { messages: CliMessage[]; suppressedMessages?: CliMessage[] } {
  return (JSON.parse(cli(['--format', 'json', '--stdin', '--stdin-filename', LETTER], text)) as { messages: CliMessage[]; suppressedMessages?: CliMessage[] }[])[0]!;
}

const place = (x: { line: number; column: number; ruleId: string } | Diagnostic) =>
  'ruleId' in x ? `${x.line - 1}:${x.column - 1} ${x.ruleId}` : `${x.range.start.line}:${x.range.start.character} ${String(x.code)}`;
const watched = (path: string) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type: 2 }] });

beforeAll(async () => {
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'brieven'));
  copyFileSync(join(REPO, 'fixtures/letters/huurbrief.config.json'), join(dir, 'huurbrief.config.json'));
  copyFileSync(fixture('overlast.md'), LETTER);
  cli(['--baseline-update']);
  client = await startClient({ rootUri: pathToFileURL(dir).href });
});
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('baseline in the editor', () => {
  it('accepted findings are hints saying "geaccepteerd in de baseline"; new ones keep their severity; the CLI agrees', async () => {
    const text = readFileSync(LETTER, 'utf8');
    const first = client.nextDiagnostics(pathToFileURL(LETTER).href, 1);
    const doc = await OpenDocument.open(client.connection, LETTER, text);
    const diags = (await first).diagnostics;
    const expected = cliFindings(text);
    const hints = diags.filter((d) => d.severity === DiagnosticSeverity.Hint);
    expect(hints.length).toBeGreaterThan(10);
    expect(hints.map(place)).toEqual(expected.suppressedMessages!.map(place));
    for (const h of hints) expect(msg(h)).toMatch(/ \(geaccepteerd in de baseline\)$/);
    // No errors or warnings left; the info findings stay information.
    expect(diags.filter((d) => d.severity !== DiagnosticSeverity.Hint).map(place)).toEqual(expected.messages.map(place));
    expect(diags.every((d) => d.severity === DiagnosticSeverity.Hint || d.severity === DiagnosticSeverity.Information)).toBe(true);

    // Typing a new threat below the others: that one is an error, the rest stays hints.
    const at = doc.text().indexOf('Hoogachtend,');
    const typed = client.nextDiagnostics(doc.uri, 2);
    await doc.insert(at, 'Bij herhaling volgt een boete.\n\n');
    const after = (await typed).diagnostics;
    const errors = after.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => [d.code, msg(d)])).toEqual([['threatening', expect.stringContaining('"boete"')]]);
    const again = cliFindings(doc.text());
    expect(after.filter((d) => d.severity === DiagnosticSeverity.Hint).map(place)).toEqual(again.suppressedMessages!.map(place));
    expect(after.filter((d) => d.severity !== DiagnosticSeverity.Hint).map(place)).toEqual(again.messages.map(place));

    // The status bar's counts: the new error counts, accepted findings apart.
    const info = (await client.connection.sendRequest('huurbrief/letterInfo', { uri: doc.uri })) as { counts: { errors: number; warnings: number; accepted: number } };
    expect(info.counts).toMatchObject({ errors: 1, warnings: 0, accepted: again.suppressedMessages!.length });
    await doc.close();
  });

  it('relints open letters when the baseline changes, and a broken baseline is one message and one diagnostic', async () => {
    const good = readFileSync(BASELINE, 'utf8');
    const doc = await OpenDocument.open(client.connection, LETTER);
    await client.nextDiagnostics(doc.uri, 1);

    // Without the threatening entry, those findings are errors again.
    const data = JSON.parse(good) as { letters: Record<string, Record<string, number>> };
    delete data.letters['brieven/overlast.md']!['threatening'];
    writeFileSync(BASELINE, `${JSON.stringify(data, null, 2)}\n`);
    let next = client.nextDiagnostics(doc.uri, 1);
    await watched(BASELINE);
    let diags = (await next).diagnostics;
    expect(diags.filter((d) => d.code === 'threatening').every((d) => d.severity === DiagnosticSeverity.Error)).toBe(true);
    expect(diags.filter((d) => d.code === 'threatening').length).toBe(JSON.parse(good).letters['brieven/overlast.md'].threatening);
    expect(diags.filter((d) => d.code === 'plain-words').every((d) => d.severity === DiagnosticSeverity.Hint)).toBe(true);

    // Broken: every finding shown with its own severity, an error on top names the file and place.
    writeFileSync(BASELINE, good.replace('"blaming": 3,', '"blaming": 3'));
    const message = client.messages.next();
    next = client.nextDiagnostics(doc.uri, 1);
    await watched(BASELINE);
    diags = (await next).diagnostics;
    expect(diags[0]).toMatchObject({ code: 'baseline-error', severity: DiagnosticSeverity.Error, range: { start: { line: 0, character: 0 } } });
    expect(msg(diags[0]!)).toMatch(/^Fout in de baseline, alle bevindingen worden getoond: .*\.huurbrief\/baseline\.json: regel \d+, kolom \d+: geen geldige JSON/);
    expect(diags.some((d) => d.severity === DiagnosticSeverity.Hint)).toBe(false);
    expect((await message).message).toContain('.huurbrief/baseline.json');

    // Repaired.
    writeFileSync(BASELINE, good);
    next = client.nextDiagnostics(doc.uri, 1);
    await watched(BASELINE);
    diags = (await next).diagnostics;
    expect(diags.some((d) => d.code === 'baseline-error')).toBe(false);
    expect(diags.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    await doc.close();
  });
});
