// Word letters (.docx) in review: signed off by the SHA-256 of the file's exact bytes (format
// version 2), with what changed shown as a diff of the paragraphs. Real git, real ssh-keygen keys,
// .docx files built as Word writes them, and the built CLI for what the writer and CI see.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigLoader, isWordPath, lintFile, readLetterFile } from '@huurbrief/core/node';
import { makeDocx, mergeField } from '../../core/test/node/make-docx.js';
import {
  addKey,
  approve,
  BYTES_FORMAT_VERSION,
  contentHash,
  contentKindOf,
  diffSinceApproval,
  parsePayload,
  requestChanges,
  requestReview,
  reviewStatus,
  verify,
  type ReviewPayload,
} from '../src/index.js';
import { colleague, commit, git, initRepo, removeDir, signedRecord, tempDir, type Colleague } from './helpers.js';

const CLI = new URL('../../cli/bin/huurbrief.js', import.meta.url).pathname;
const tools = ['git', 'ssh-keygen'].filter((t) => spawnSync(t, ['--version']).error !== undefined);
const built = existsSync(new URL('../../cli/dist/cli.js', import.meta.url));
const missing = [...tools.map((t) => `${t} ontbreekt`), ...(built ? [] : ['de CLI is niet gebouwd (pnpm build)'])];
if (missing.length && process.env['CI'] !== 'true') console.warn(`word.test.ts (review) overgeslagen: ${missing.join(', ')}`);
const suite = missing.length && process.env['CI'] !== 'true' ? describe.skip : describe;

let keys: string;
let anna: Colleague; // writes the letters
let bob: Colleague; // reviews
let mallory: Colleague; // a colleague who edits the letter after it was approved
const dirs: string[] = [];

beforeAll(() => {
  if (missing.length && process.env['CI'] !== 'true') return;
  keys = tempDir('word-keys');
  anna = colleague(keys, 'Anna');
  bob = colleague(keys, 'Bob');
  mallory = colleague(keys, 'Mallory');
});

afterAll(() => {
  for (const d of [keys, ...dirs]) if (d) removeDir(d);
});

const L = 'brieven/huurverhoging.docx';

/** A run of text; `hidden` sets Word's "verborgen" (w:vanish): not printed, but the text is in the file. */
const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** The letter as Word stores it: a merge field in the greeting, the objection sentence as its own run. */
function letter(options: { amount?: string; objectionProps?: string } = {}): Uint8Array {
  return makeDocx(
    [
      'Huurverhoging per 1 juli 2025',
      '',
      `<w:p>${run('Beste ')}${mergeField('Aanhef')}${run(' ')}${mergeField('Achternaam')}${run(',')}</w:p>`,
      '',
      `Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € ${options.amount ?? '712,40'} per maand.`,
      'Dat is € 23,10 meer dan nu.',
      '',
      `<w:p>${run('Bent u het niet eens met de verhoging? ')}${run('Dan kunt u tot 1 juli bezwaar maken.', options.objectionProps ?? '<w:b/>')}</w:p>`,
      'Op onze website leest u hoe dat gaat.',
      '',
      'Met vriendelijke groet,',
      '',
      'Woonstichting De Linde',
    ],
    { header: ['Woonstichting De Linde', 'Postbus 123 · 1234 AB Dorp · T 0299 452 452'] },
  );
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Run {
  code: number | null;
  out: string;
}

function cli(repo: string, args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** The record's payload, as signed (first line of the file). */
function payloadOf(repo: string, file: string): ReviewPayload {
  return JSON.parse(readFileSync(join(repo, file), 'utf8').split('\n')[0]!) as ReviewPayload;
}

/** main: Anna, Bob and Mallory may sign; Anna's Word letter requested by her and approved by Bob. */
function approvedOnMain(original: Uint8Array = letter()): string {
  const repo = tempDir('word');
  dirs.push(repo);
  initRepo(repo, anna);
  for (const c of [anna, bob, mallory]) addKey(c.email, c.pub, { cwd: repo });
  commit(repo, anna, 'Brief huurverhoging in Word', { [L]: original });
  expect(requestReview(L, { cwd: repo, key: anna.key, reviewer: bob.email })).toMatchObject({ ok: true });
  commit(repo, anna, 'Review gevraagd');
  expect(approve(L, { cwd: repo, key: bob.key, comment: 'Bedragen kloppen.' })).toMatchObject({ ok: true });
  commit(repo, bob, 'Goedgekeurd');
  return repo;
}

suite('review of Word letters (.docx): signed by their bytes', () => {
  it('the author requests, a colleague approves, verify passes; the records hash the exact bytes (format version 2)', () => {
    const original = letter();
    const repo = tempDir('word');
    dirs.push(repo);
    initRepo(repo, anna);
    for (const c of [anna, bob]) addKey(c.email, c.pub, { cwd: repo });
    commit(repo, anna, 'Brief huurverhoging in Word', { [L]: original });

    const requested = requestReview(L, { cwd: repo, key: anna.key, reviewer: bob.email, comment: 'Kun je de bedragen nakijken?' });
    expect(requested).toMatchObject({ ok: true, message: `beoordeling gevraagd aan ${bob.email} voor ${L}` });
    commit(repo, anna, 'Review gevraagd');
    expect(approve(L, { cwd: repo, key: anna.key })).toMatchObject({ ok: false, code: 'author' });
    const approved = approve(L, { cwd: repo, key: bob.key, comment: 'Bedragen kloppen.' });
    expect(approved).toMatchObject({ ok: true, message: `${L} goedgekeurd door ${bob.email}` });
    commit(repo, bob, 'Goedgekeurd');

    // What is signed: the SHA-256 of the file as it is on disk, marked as bytes, in version 2.
    for (const result of [requested, approved]) {
      const payload = payloadOf(repo, result.ok ? result.file! : '');
      expect(payload).toMatchObject({ 'huurbrief-review': BYTES_FORMAT_VERSION, path: L, sha256: sha256(original), content: 'bytes' });
      // Not the text huurbrief reads from it: formatting and hidden text are part of what was approved.
      expect(payload.sha256).not.toBe(contentHash(readLetterFile(join(repo, L)).text));
    }
    // The lint summary in the record is lint's own count for the Word letter.
    const lint = lintFile(join(repo, L), new ConfigLoader({})).result.messages;
    const payload = payloadOf(repo, approved.ok ? approved.file! : '');
    expect(payload.lint).toEqual({
      errors: lint.filter((m) => m.severity === 'error').length,
      warnings: lint.filter((m) => m.severity === 'warning').length,
      infos: lint.filter((m) => m.severity === 'info').length,
    });

    const r = cli(repo, ['review', 'verify', 'brieven']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`✔ ${L}  goedgekeurd door ${bob.email}`);
    expect(r.out).not.toContain('Niet gecontroleerd');
    const log = cli(repo, ['review', 'log', L]);
    expect(log.out).toMatch(/verzoek +anna@delinde\.nl +→ bob@delinde\.nl +\(huidige versie\)/);
    expect(log.out).toMatch(/goedkeuring +bob@delinde\.nl +\(huidige versie\)/);
  });

  it('a text edit makes the approval stale, and diff shows the changed paragraph', async () => {
    const repo = approvedOnMain();
    commit(repo, anna, 'Ander bedrag', { [L]: letter({ amount: '718,90' }) });

    const r = cli(repo, ['review', 'verify', 'brieven']);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(`✖ ${L}  verouderd: gewijzigd sinds de goedkeuring door ${bob.email}`);
    expect(r.out).not.toContain('alleen de opmaak');

    const d = diffSinceApproval(L, { cwd: repo });
    expect(d.formattingOnly).toBeUndefined();
    expect(d.hunks.flatMap((h) => h.lines.filter((l) => l.op !== ' '))).toEqual([
      { op: '-', text: 'Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 712,40 per maand.' },
      { op: '+', text: 'Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 718,90 per maand.' },
    ]);
    // Paragraph 5 is the amount: the hunk header counts paragraphs, as lint's findings do.
    expect(d.hunks[0]).toMatchObject({ oldStart: 2, newStart: 2 });
    const shown = cli(repo, ['review', 'diff', L]);
    expect(shown.code, shown.out).toBe(0);
    expect(shown.out).toContain(`--- ${L}, goedgekeurd door ${bob.email}`);
    expect(shown.out).toContain('-Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 712,40 per maand.\n+Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 718,90 per maand.\n');

    // Bob approves the new version; a change request tied to a paragraph names paragraphs, not bytes.
    expect(approve(L, { cwd: repo, key: bob.key })).toMatchObject({ ok: true });
    expect(() => requestChanges(L, { cwd: repo, key: bob.key, line: 40, comment: 'x' })).toThrow(/heeft 16 alinea's/);
    expect(requestChanges(L, { cwd: repo, key: bob.key, line: 5, comment: 'Noem ook het oude bedrag.' })).toMatchObject({ ok: true });
    expect(reviewStatus(repo, L)).toMatchObject({ state: 'changes-requested', reason: expect.stringContaining('regel 5: Noem ook het oude bedrag.') });
    expect((await verify(['brieven'], { cwd: repo })).exitCode).toBe(1);
  });

  it('only the formatting changed (a run made hidden, same text): still stale, and said so', () => {
    const repo = approvedOnMain();
    // The objection sentence hidden in Word: not printed, yet the text read from the file is the same.
    commit(repo, mallory, 'Opmaak', { [L]: letter({ objectionProps: '<w:b/><w:vanish/>' }) });

    const r = cli(repo, ['review', 'verify', 'brieven']);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(`✖ ${L}  verouderd: gewijzigd sinds de goedkeuring door ${bob.email}`);
    expect(r.out).toContain(`let op: alleen de opmaak is gewijzigd sinds de goedkeuring door ${bob.email}: de tekst is gelijk`);

    const d = diffSinceApproval(L, { cwd: repo });
    expect(d).toMatchObject({ unchanged: false, hunks: [], formattingOnly: true });
    const shown = cli(repo, ['review', 'diff', L]);
    expect(shown.code, shown.out).toBe(0);
    expect(shown.out).toContain(`${L}: alleen de opmaak is gewijzigd sinds de goedkeuring (goedgekeurd door ${bob.email}`);
  });

  it('--base: blobs from git are hashed as bytes; the honest flow passes, replaced bytes are caught', () => {
    const original = letter();
    const repo = approvedOnMain(original);
    expect(cli(repo, ['review', 'verify', '--base', 'main', 'brieven']).code).toBe(0);

    // Honest: Anna changes the amount on a branch, asks Bob, Bob approves; CI checks the branch.
    git(repo, anna, 'checkout', '-q', '-b', 'bedrag');
    commit(repo, anna, 'Ander bedrag', { [L]: letter({ amount: '718,90' }) });
    expect(requestReview(L, { cwd: repo, key: anna.key, reviewer: bob.email })).toMatchObject({ ok: true });
    commit(repo, anna, 'Review gevraagd');
    expect(approve(L, { cwd: repo, key: bob.key })).toMatchObject({ ok: true });
    commit(repo, bob, 'Goedgekeurd');
    const honest = cli(repo, ['review', 'verify', '--base', 'main', 'brieven']);
    expect(honest.code, honest.out).toBe(0);
    expect(honest.out).toContain(`✔ ${L}  goedgekeurd door ${bob.email}`);

    // Attack: after Bob's approval on main, Mallory swaps in other bytes on her branch: a hidden
    // objection sentence (text unchanged), an extra part Word keeps but huurbrief does not read.
    git(repo, mallory, 'checkout', '-q', '-b', 'opmaak', 'main');
    commit(repo, mallory, 'Alleen opmaak', { [L]: letter({ objectionProps: '<w:vanish/>' }) });
    const hidden = cli(repo, ['review', 'verify', '--base', 'main', 'brieven']);
    expect(hidden.code, hidden.out).toBe(1);
    expect(hidden.out).toContain(`✖ ${L}  verouderd`);
    expect(hidden.out).toContain('alleen de opmaak is gewijzigd');

    const padded = Buffer.concat([Buffer.from(original), Buffer.from('ongezien')]);
    commit(repo, mallory, 'Bytes erbij', { [L]: padded });
    const swapped = cli(repo, ['review', 'verify', '--base', 'main', 'brieven']);
    expect(swapped.code, swapped.out).toBe(1);
    expect(swapped.out).toContain(`✖ ${L}  verouderd`);

    // Back to the exact approved bytes: approved again (nothing else changed the letter since).
    commit(repo, mallory, 'Terug', { [L]: original });
    const back = cli(repo, ['review', 'verify', '--base', 'main', 'brieven']);
    expect(back.code, back.out).toBe(0);

    // Uncommitted bytes in the work tree: verify compares the checkout with git, so they are not what was approved.
    writeFileSync(join(repo, L), padded);
    const dirty = cli(repo, ['review', 'verify', 'brieven']);
    expect(dirty.code, dirty.out).toBe(1);
    expect(dirty.out).toContain(`✖ ${L}  verouderd`);
  });

  it('records that cannot be checked fail loudly; a version-1 record of a Word letter does not count', async () => {
    const repo = approvedOnMain();
    const bytes = readFileSync(join(repo, L));
    // Before Word letters were signed by their bytes, huurbrief hashed the text it read from them.
    const text = readLetterFile(join(repo, L)).text;
    git(repo, anna, 'checkout', '-q', '-b', 'oud');
    const old = signedRecord(repo, bob, { path: L, sha256: contentHash(text), kind: 'approve' });
    commit(repo, anna, 'Oud record');
    const status = reviewStatus(repo, L);
    expect(status.state).toBe('approved'); // the bytes approval still stands
    expect(status.notes.join('\n')).toContain(`${old} telt niet mee: formaatversie 1 tekent de tekst uit een Word-document af`);

    // A version-1 record cannot be made to count for a Word letter by putting the bytes hash in it either.
    const repo2 = tempDir('word');
    dirs.push(repo2);
    initRepo(repo2, anna);
    for (const c of [anna, bob]) addKey(c.email, c.pub, { cwd: repo2 });
    commit(repo2, anna, 'Brief', { [L]: bytes });
    signedRecord(repo2, bob, { path: L, sha256: sha256(bytes) });
    commit(repo2, bob, 'Record met versie 1');
    const report = await verify(['brieven'], { cwd: repo2 });
    expect(report.exitCode).toBe(1);
    expect(report.letters[0]!.ok).toBe(false);

    // What the content field may say is fixed by the path: bad input otherwise (exit code 2).
    const line = (p: Record<string, unknown>) =>
      JSON.stringify({ 'huurbrief-review': 2, kind: 'approve', path: L, sha256: 'a'.repeat(64), content: 'bytes', principal: 'bob@delinde.nl', time: '2025-03-01T10:11:33.412Z', comment: '', lint: { errors: 0, warnings: 0, infos: 0 }, ...p });
    expect(parsePayload(line({}), 'r')).toMatchObject({ 'huurbrief-review': 2, content: 'bytes' });
    expect(() => parsePayload(line({ content: 'text' }), 'r')).toThrow(/veld "content" is "text", maar brieven\/huurverhoging\.docx is een Word-document/);
    expect(() => parsePayload(line({ path: 'brieven/huurverhoging.md' }), 'r')).toThrow(/veld "content" is "bytes", maar brieven\/huurverhoging\.md is geen Word-document/);
    expect(() => parsePayload(line({ content: undefined }), 'r')).toThrow(/veld "content" moet "text" of "bytes" zijn/);
    expect(() => parsePayload(line({ 'huurbrief-review': 1 }), 'r')).toThrow(/veld "content" hoort bij formaatversie 2/);
    expect(parsePayload(line({ path: 'brieven/huurverhoging.md', content: 'text' }), 'r')).toMatchObject({ content: 'text' });

    // A forged version-2 record in the repository is exit code 2, naming the file.
    const forged = signedRecord(repo2, bob, { path: L, sha256: sha256(bytes), 'huurbrief-review': 2, content: 'text' });
    const bad = cli(repo2, ['review', 'verify', 'brieven']);
    expect(bad.code, bad.out).toBe(2);
    expect(bad.out).toContain(`${forged}: veld "content" is "text"`);
  });

  it('hashing follows what core reads as a Word document', () => {
    for (const name of ['a.docx', 'A.DOCX', 'b.docm', 'c.dotx', 'd.md', 'e.txt', 'f.doc', 'g.rtf', 'h.markdown']) {
      expect([name, contentKindOf(name) === 'bytes']).toEqual([name, isWordPath(name)]);
    }
  });

  it('.doc and .rtf letters stay out of scope with their reason; named explicitly they are bad input', () => {
    const repo = approvedOnMain();
    commit(repo, anna, 'Oude formaten', {
      'brieven/oud.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'brieven/oud.rtf': '{\\rtf1\\ansi Beste huurder,\\par}',
    });
    const r = cli(repo, ['review', 'verify', 'brieven']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Niet gecontroleerd (2):');
    expect(r.out).toContain('brieven/oud.doc: Word 97-2003-document (.doc); huurbrief leest alleen .docx');
    expect(r.out).toContain('brieven/oud.rtf: RTF-bestand; huurbrief leest geen RTF');
    const named = cli(repo, ['review', 'verify', 'brieven/oud.doc']);
    expect(named.code, named.out).toBe(2);
    expect(named.out).toContain('brieven/oud.doc: Word 97-2003-document (.doc); huurbrief leest alleen .docx');
  });

  it('a text letter saved as UTF-16 (Word\'s "Unicode text") verifies: its blob is decoded as the checkout is', () => {
    const repo = tempDir('word');
    dirs.push(repo);
    initRepo(repo, anna);
    for (const c of [anna, bob]) addKey(c.email, c.pub, { cwd: repo });
    const text = 'Beste huurder,\r\n\r\nPer 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 712,40 per maand.\r\n\r\nMet vriendelijke groet,\r\n\r\nWoonstichting De Linde\r\n';
    commit(repo, anna, 'Brief als Unicode-tekst', { 'brieven/huur.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    const done = approve('brieven/huur.txt', { cwd: repo, key: bob.key });
    expect(done).toMatchObject({ ok: true });
    // A text letter keeps format version 1, hashed as normalised text.
    expect(payloadOf(repo, done.ok ? done.file! : '')).toMatchObject({ 'huurbrief-review': 1, sha256: contentHash(text) });
    expect(payloadOf(repo, done.ok ? done.file! : '')).not.toHaveProperty('content');
    commit(repo, bob, 'Goedgekeurd');
    const r = cli(repo, ['review', 'verify', '--base', 'main', 'brieven']);
    expect(r.code, r.out).toBe(0);
  });
});
