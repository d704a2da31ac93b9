import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './helpers/client.js';
import { fixture, OpenDocument } from './helpers/documents.js';

// A real repository: the letter is written and committed by one colleague, approved by another
// through the server's huurbrief/review request (ssh-keygen signs, @huurbrief/review records).
const repo = mkdtempSync(join(tmpdir(), 'huurbrief-lsp-review-'));
const LETTER = join(repo, 'brieven', 'reparatie.md');
const REVIEWER = 's.devries@woonstad.example';
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', encoding: 'utf8' });
let client: TestClient;

beforeAll(async () => {
  git('init', '-q');
  git('config', 'user.name', 'Schrijver');
  git('config', 'user.email', 'schrijver@woonstad.example');
  git('config', 'commit.gpgsign', 'false');
  mkdirSync(join(repo, 'brieven'));
  copyFileSync(fixture('reparatie-bevestiging.md'), LETTER);
  const key = join(repo, '..', `${repo.split('/').pop()}-key`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', REVIEWER, '-f', key]);
  mkdirSync(join(repo, '.huurbrief'));
  writeFileSync(join(repo, '.huurbrief', 'allowed_signers'), `${REVIEWER} namespaces="huurbrief-review" ${readFileSync(`${key}.pub`, 'utf8').trim()}\n`);
  git('add', '.');
  git('commit', '-q', '-m', 'Brief over de reparatie');
  // From here on the colleague works in this checkout.
  git('config', 'user.email', REVIEWER);
  git('config', 'user.signingkey', key);
  client = await startClient({ rootUri: pathToFileURL(repo).href });
});
afterAll(async () => {
  await client.shutdown();
  rmSync(repo, { recursive: true, force: true });
  rmSync(`${repo}-key`, { force: true });
  rmSync(`${repo}-key.pub`, { force: true });
});

type Info = { review: { state: string; label: string; by?: string } };
const info = (uri: string) => client.connection.sendRequest('huurbrief/letterInfo', { uri }) as Promise<Info>;

describe('review state and actions through the server', () => {
  it('shows "Nog niet beoordeeld", approves through huurbrief/review, then "Gewijzigd sinds goedkeuring" after an edit', async () => {
    const opened = client.nextDiagnostics(pathToFileURL(LETTER).href, 1);
    const doc = await OpenDocument.open(client.connection, LETTER);
    await opened;
    expect((await info(doc.uri)).review).toMatchObject({ state: 'missing', label: 'Nog niet beoordeeld' });

    const approved = (await client.connection.sendRequest('huurbrief/review', { uri: doc.uri, kind: 'approve', comment: 'Duidelijke brief' })) as {
      ok: boolean;
      message: string;
      review: Info['review'];
    };
    expect(approved.message).toContain(`goedgekeurd door ${REVIEWER}`);
    expect(approved).toMatchObject({ ok: true, review: { state: 'approved', label: `Goedgekeurd door ${REVIEWER}`, by: REVIEWER } });
    expect((await info(doc.uri)).review.label).toBe(`Goedgekeurd door ${REVIEWER}`);

    await doc.insert(doc.text().indexOf('Met vriendelijke groet'), 'Wij bellen u een dag van tevoren.\n\n');
    expect((await info(doc.uri)).review).toMatchObject({ state: 'stale', label: 'Gewijzigd sinds goedkeuring', by: REVIEWER });

    // An unsaved letter cannot be approved or sent for review: the record is about the saved file.
    const refused = (await client.connection.sendRequest('huurbrief/review', { uri: doc.uri, kind: 'request' })) as { ok: boolean; message: string };
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('Sla de brief eerst op') });
  });

  it('names the ambassadors who may sign off a letter in an ambassadors folder, and refuses anyone else', async () => {
    const AMBASSADOR = 'anna@woonstad.example';
    const letter = join(repo, 'brieven', 'incasso', 'herinnering.md');
    mkdirSync(join(repo, 'brieven', 'incasso'));
    copyFileSync(fixture('betalingsherinnering.md'), letter);
    writeFileSync(join(repo, '.huurbrief', 'ambassadors'), `@incasso = ${AMBASSADOR}\nbrieven/incasso/ @incasso\n`);
    git('add', '.');
    git('-c', 'user.email=schrijver@woonstad.example', 'commit', '-q', '-m', 'Incasso met een ambassadeur');
    const opened = client.nextDiagnostics(pathToFileURL(letter).href, 1);
    const doc = await OpenDocument.open(client.connection, letter);
    await opened;
    const signOff = `een ambassadeur (${AMBASSADOR}; @incasso, .huurbrief/ambassadors regel 2)`;
    expect((await info(doc.uri)).review).toMatchObject({ state: 'missing', label: 'Nog niet beoordeeld', ambassadors: [AMBASSADOR], signOff });
    const refused = (await client.connection.sendRequest('huurbrief/review', { uri: doc.uri, kind: 'approve' })) as { ok: boolean; message: string };
    expect(refused).toMatchObject({ ok: false, message: `u (${REVIEWER}) bent geen ambassadeur voor brieven/incasso/herinnering.md; aftekenen door ${signOff}` });
    // The reparatie letter outside the folder: any colleague who is not an author, as before.
    const other = await OpenDocument.open(client.connection, LETTER, readFileSync(LETTER, 'utf8'));
    const review = (await info(other.uri)).review as Info['review'] & { ambassadors?: string[]; signOff?: string };
    expect(review.ambassadors).toBeUndefined();
    expect(review.signOff).toBe('een collega uit .huurbrief/allowed_signers die geen auteur is');

    // A malformed ambassadors file: the editor says which line, as the CLI does.
    writeFileSync(join(repo, '.huurbrief', 'ambassadors'), `brieven/incasso/ @incaso\n`);
    expect((await info(doc.uri)).review).toMatchObject({
      state: 'unknown',
      label: 'Fout in reviewgegevens',
      reason: '.huurbrief/ambassadors:1: onbekend team @incaso (er zijn geen teams gedefinieerd; definieer het met "@incaso = naam naam")',
    });
  });
});
