// Review scenarios against the real tools: temporary git repositories, keys and signatures made
// by ssh-keygen, several colleagues.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addKey,
  approve,
  AllowedSignersError,
  diffSinceApproval,
  requestChanges,
  requestReview,
  revoke,
  reviewStatus,
  verify,
} from '../src/index.js';
import {
  colleague,
  signedRecord,
  commit,
  git,
  initRepo,
  LETTER,
  LETTER_EDITED,
  LETTER_WITH_LINT_ERROR,
  removeDir,
  REPAIR_LETTER,
  sshKeygenVerify,
  tempDir,
  write,
  type Colleague,
} from './helpers.js';

let keys: string;
let anna: Colleague; // writer, ed25519
let bob: Colleague; // reviewer, rsa
let carla: Colleague; // reviewer, ecdsa
let dave: Colleague; // not in allowed signers
let erik: Colleague; // left the organisation: key valid until 2020
const dirs: string[] = [];

beforeAll(() => {
  keys = tempDir('keys');
  anna = colleague(keys, 'Anna', 'ed25519');
  bob = colleague(keys, 'Bob', 'rsa');
  carla = colleague(keys, 'Carla', 'ecdsa');
  dave = colleague(keys, 'Dave', 'ed25519');
  erik = colleague(keys, 'Erik', 'ed25519');
});

afterAll(() => {
  for (const d of [keys, ...dirs]) removeDir(d);
});

/** A repository with three colleagues (and Erik, expired) in allowed_signers and one letter by Anna. */
function setup(): string {
  const repo = tempDir('repo');
  dirs.push(repo);
  initRepo(repo, anna);
  for (const c of [anna, bob, carla]) addKey(c.email, c.pub, { cwd: repo });
  addKey(erik.email, erik.pub, { cwd: repo, validBefore: '20200101' });
  commit(repo, anna, 'Brief huurverhoging', { 'brieven/huurverhoging.md': LETTER });
  return repo;
}

function commitReviews(repo: string, who: Colleague, message = 'Review'): void {
  git(repo, who, 'add', '.huurbrief');
  git(repo, who, 'commit', '-q', '-m', message);
}

const as = (who: Colleague, repo: string) => ({ cwd: repo, key: who.key });

function sha(repo: string, rel: string): string {
  return reviewStatus(repo, rel).sha256;
}

describe('approve → edit → stale', () => {
  it('an approval binds to the content; an edit makes it stale and diff shows the change', async () => {
    const repo = setup();
    const req = requestReview('brieven/huurverhoging.md', { ...as(anna, repo), reviewer: bob.email, comment: 'Wil je kijken naar de bedragen?' });
    expect(req).toMatchObject({ ok: true });
    expect(reviewStatus(repo, 'brieven/huurverhoging.md')).toMatchObject({ state: 'pending', reviewers: [bob.email] });

    const ok = approve('brieven/huurverhoging.md', { ...as(bob, repo), comment: 'Bedragen kloppen.' });
    expect(ok).toMatchObject({ ok: true, payload: { kind: 'approve', principal: bob.email, path: 'brieven/huurverhoging.md' } });
    commitReviews(repo, bob);
    let report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(0);
    expect(report.letters[0]).toMatchObject({ state: 'approved', ok: true });
    expect(report.letters[0]!.approvals.map((a) => a.principal)).toEqual([bob.email]);

    commit(repo, anna, 'Telefoonnummer erbij', { 'brieven/huurverhoging.md': LETTER_EDITED });
    report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(1);
    expect(report.letters[0]).toMatchObject({ state: 'stale', ok: false });
    expect(report.letters[0]!.reason).toContain(`gewijzigd sinds de goedkeuring door ${bob.email}`);

    const diff = diffSinceApproval('brieven/huurverhoging.md', { cwd: repo });
    expect(diff.unavailable).toBeUndefined();
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.lines.filter((l) => l.op !== ' ')).toEqual([
      { op: '-', text: 'Op onze website leest u hoe dat gaat.' },
      { op: '+', text: 'Heeft u vragen over de verhoging? Mail ons dan.' },
    ]);

    // Re-approval of the new content: Anna wrote the change, Bob did not.
    expect(approve('brieven/huurverhoging.md', as(bob, repo))).toMatchObject({ ok: true });
    expect((await verify([], { cwd: repo })).exitCode).toBe(0);
  });

  it('a tampered letter (edited after approval, not committed) is stale', async () => {
    const repo = setup();
    approve('brieven/huurverhoging.md', as(bob, repo));
    writeFileSync(join(repo, 'brieven/huurverhoging.md'), LETTER.replace('€ 712,40', '€ 812,40'));
    const report = await verify(['brieven'], { cwd: repo });
    expect(report.exitCode).toBe(1);
    expect(report.letters[0]!.state).toBe('stale');
    expect(report.letters[0]!.notes).toContain('de brief heeft wijzigingen die nog niet in git zijn vastgelegd');
  });
});

describe('who may approve', () => {
  it('refuses self-approval by the git author and by the requester', async () => {
    const repo = setup();
    const own = approve('brieven/huurverhoging.md', as(anna, repo));
    expect(own).toEqual({ ok: false, code: 'author', reason: expect.stringContaining(`u (${anna.email}) bent auteur`) });

    // Carla asks for the review of a letter Anna committed: Carla counts as an author too.
    requestReview('brieven/huurverhoging.md', { ...as(carla, repo), reviewer: bob.email });
    expect(approve('brieven/huurverhoging.md', as(carla, repo))).toMatchObject({ ok: false, code: 'author' });
    expect(reviewStatus(repo, 'brieven/huurverhoging.md').authors.sort()).toEqual([anna.email, carla.email].sort());
  });

  it('a forged self-approval record is reported as self-approved by verify', async () => {
    const repo = setup();
    signedRecord(repo, anna, { path: 'brieven/huurverhoging.md', sha256: sha(repo, 'brieven/huurverhoging.md') });
    const report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(1);
    expect(report.letters[0]).toMatchObject({ state: 'self-approved' });
    expect(report.letters[0]!.reason).toContain('auteur');
  });

  it('refuses a key that is not in allowed signers, and verify names the unknown signer', async () => {
    const repo = setup();
    expect(approve('brieven/huurverhoging.md', as(dave, repo))).toMatchObject({
      ok: false,
      code: 'unknown-signer',
      reason: expect.stringContaining('staat niet in .huurbrief/allowed_signers'),
    });
    // Dave signs a record claiming to be Bob: the signature is genuine, the key is not Bob's.
    signedRecord(repo, dave, { path: 'brieven/huurverhoging.md', sha256: sha(repo, 'brieven/huurverhoging.md'), principal: bob.email });
    const report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(1);
    expect(report.letters[0]).toMatchObject({ state: 'unknown-signer' });
  });

  it('refuses a key outside its validity window, and verify reports an expired signer', async () => {
    const repo = setup();
    expect(approve('brieven/huurverhoging.md', as(erik, repo))).toMatchObject({
      ok: false,
      code: 'expired-signer',
      reason: expect.stringContaining('alleen geldig tot 2020-01-01'),
    });
    signedRecord(repo, erik, { path: 'brieven/huurverhoging.md', sha256: sha(repo, 'brieven/huurverhoging.md') });
    const report = await verify([], { cwd: repo });
    expect(report.letters[0]).toMatchObject({ state: 'expired-signer' });
    expect(report.exitCode).toBe(1);

    // A colleague who starts later cannot approve yet either.
    const repo2 = setup();
    const frank = colleague(keys, 'Frank', 'ed25519');
    addKey(frank.email, frank.pub, { cwd: repo2, validAfter: '20990101' });
    expect(approve('brieven/huurverhoging.md', as(frank, repo2))).toMatchObject({ ok: false, code: 'expired-signer' });
  });

  it('refuses a letter outside the repository', () => {
    const repo = setup();
    const elsewhere = tempDir('elders');
    dirs.push(elsewhere);
    write(elsewhere, 'brief.md', LETTER);
    expect(approve(join(elsewhere, 'brief.md'), as(bob, repo))).toMatchObject({ ok: false, code: 'outside-repository' });
  });

  it('works through a symlinked checkout path', async () => {
    const repo = setup();
    const links = tempDir('link');
    dirs.push(links);
    symlinkSync(repo, join(links, 'brieven-repo'));
    const via = join(links, 'brieven-repo');
    expect(approve('brieven/huurverhoging.md', as(bob, via))).toMatchObject({ ok: true });
    expect((await verify(['brieven'], { cwd: via })).exitCode).toBe(0);
  });

  it('refuses an uncommitted letter: its author is not known yet', () => {
    const repo = setup();
    write(repo, 'brieven/reparatie.md', REPAIR_LETTER);
    expect(approve('brieven/reparatie.md', as(bob, repo))).toMatchObject({ ok: false, code: 'uncommitted' });
  });
});

describe('lint gate', () => {
  it('refuses a letter with lint errors unless overridden with a recorded reason', async () => {
    const repo = setup();
    commit(repo, anna, 'Meterstandbrief', {
      'huurbrief.config.json': JSON.stringify({ rules: { 'plain-words': 'error' } }),
      'brieven/meterstand.md': LETTER_WITH_LINT_ERROR,
    });
    const refused = approve('brieven/meterstand.md', as(bob, repo));
    expect(refused).toMatchObject({ ok: false, code: 'lint-errors' });
    expect(refused.ok ? '' : refused.reason).toMatch(/1 lintfout;.*\n {2}5:1 .*plain-words/s);

    expect(() => approve('brieven/meterstand.md', { ...as(bob, repo), overrideLint: true })).toThrow(/vraagt om een reden/);
    const ok = approve('brieven/meterstand.md', { ...as(bob, repo), overrideLint: true, comment: 'Vaste tekst van de juridische afdeling.' });
    expect(ok).toMatchObject({ ok: true, payload: { lintOverride: true, comment: 'Vaste tekst van de juridische afdeling.', lint: { errors: 1 } } });
    expect(ok.ok ? ok.message : '').toBe('brieven/meterstand.md goedgekeurd door bob@delinde.nl ondanks 1 lintfout');
    const status = reviewStatus(repo, 'brieven/meterstand.md');
    expect(status.state).toBe('approved');
    expect(status.reason).toContain('ondanks lintfouten');
  });
});

describe('changes and revoke', () => {
  it('a change request with a line blocks; a later approval by the same reviewer lifts it; revoke withdraws', async () => {
    const repo = setup();
    const changes = requestChanges('brieven/huurverhoging.md', { ...as(carla, repo), line: 5, comment: 'Noem ook het percentage.' });
    expect(changes).toMatchObject({ ok: true, payload: { kind: 'changes', line: 5 } });
    approve('brieven/huurverhoging.md', as(bob, repo));
    let status = reviewStatus(repo, 'brieven/huurverhoging.md');
    expect(status.state).toBe('changes-requested');
    expect(status.comments).toMatchObject([{ principal: carla.email, line: 5, comment: 'Noem ook het percentage.' }]);
    expect(status.reason).toContain('regel 5: Noem ook het percentage.');
    expect(() => requestChanges('brieven/huurverhoging.md', { ...as(carla, repo), line: 99, comment: 'x' })).toThrow(/regels/);

    approve('brieven/huurverhoging.md', as(carla, repo));
    status = reviewStatus(repo, 'brieven/huurverhoging.md');
    expect(status.state).toBe('approved');
    expect(status.approvals.map((a) => a.principal).sort()).toEqual([bob.email, carla.email].sort());

    expect(revoke('brieven/huurverhoging.md', as(bob, repo))).toMatchObject({ ok: true });
    expect(reviewStatus(repo, 'brieven/huurverhoging.md').approvals.map((a) => a.principal)).toEqual([carla.email]);
    expect(revoke('brieven/huurverhoging.md', as(carla, repo))).toMatchObject({ ok: true });
    const report = await verify([], { cwd: repo });
    expect(report.letters[0]).toMatchObject({ state: 'revoked' });
    expect(report.exitCode).toBe(1);
    expect(revoke('brieven/huurverhoging.md', as(carla, repo))).toMatchObject({ ok: false, code: 'not-approved' });
  });
});

describe('bad input is exit code 2, naming the file', () => {
  it('a tampered record: the signature no longer verifies', async () => {
    const repo = setup();
    const done = approve('brieven/huurverhoging.md', { ...as(bob, repo), comment: 'Akkoord.' });
    const file = join(repo, done.ok ? done.file! : '');
    expect(reviewStatus(repo, 'brieven/huurverhoging.md').state).toBe('approved'); // verified once (and remembered)
    writeFileSync(file, readFileSync(file, 'utf8').replace('Akkoord.', 'Akkoord!'));
    const report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(2);
    expect(report.problems).toEqual([{ file: done.ok ? done.file : '', code: 'bad-signature', reason: expect.stringContaining('handtekening klopt niet') }]);
  });

  it('a record under another name, a wrong namespace, an unknown version, a stray file', async () => {
    const repo = setup();
    const done = approve('brieven/huurverhoging.md', as(bob, repo));
    const moved = join(repo, '.huurbrief/reviews/20250101T000000Z-approve-000000000000000000000000.review');
    renameSync(join(repo, done.ok ? done.file! : ''), moved);
    const hash = sha(repo, 'brieven/huurverhoging.md');
    const git = signedRecord(repo, carla, { path: 'brieven/huurverhoging.md', sha256: hash }, 'git');
    const v3 = signedRecord(repo, carla, { path: 'brieven/huurverhoging.md', sha256: hash, 'huurbrief-review': 3 });
    write(repo, '.huurbrief/reviews/notitie.txt', 'even niet vergeten');
    const report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(2);
    const byFile = Object.fromEntries(report.problems.map((p) => [p.file, p]));
    expect(byFile['.huurbrief/reviews/20250101T000000Z-approve-000000000000000000000000.review']).toMatchObject({ code: 'malformed', reason: expect.stringContaining('bestandsnaam past niet bij de inhoud') });
    expect(byFile[git]).toMatchObject({ code: 'namespace', reason: expect.stringContaining('naamruimte "git"') });
    expect(byFile[v3]).toMatchObject({ code: 'version', reason: expect.stringContaining('onbekende formaatversie 3 (deze huurbrief kent versie 1 en 2)') });
    expect(byFile['.huurbrief/reviews/notitie.txt']).toMatchObject({ code: 'malformed' });
    expect(report.problems).toHaveLength(4);
  });

  it('a malformed allowed-signers line names the file and line', async () => {
    const repo = setup();
    const file = join(repo, '.huurbrief/allowed_signers');
    writeFileSync(file, readFileSync(file, 'utf8') + 'gerrit@delinde.nl valid-before="morgen" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA\n');
    await expect(verify([], { cwd: repo })).rejects.toThrow(AllowedSignersError);
    await expect(verify([], { cwd: repo })).rejects.toThrow(/^\.huurbrief\/allowed_signers:6: valid-before="morgen" is geen geldige tijd/);
  });
});

describe('git history', () => {
  it('concurrent approvals on two branches merge without conflict', async () => {
    const repo = setup();
    git(repo, anna, 'checkout', '-q', '-b', 'bob');
    approve('brieven/huurverhoging.md', as(bob, repo));
    commitReviews(repo, bob, 'Goedkeuring Bob');
    git(repo, anna, 'checkout', '-q', 'main');
    git(repo, anna, 'checkout', '-q', '-b', 'carla');
    approve('brieven/huurverhoging.md', as(carla, repo));
    commitReviews(repo, carla, 'Goedkeuring Carla');
    git(repo, anna, 'checkout', '-q', 'main');
    git(repo, anna, 'merge', '-q', '--no-edit', 'bob');
    git(repo, anna, 'merge', '-q', '--no-edit', 'carla'); // throws on a conflict
    expect(readdirSync(join(repo, '.huurbrief/reviews')).filter((f) => f.endsWith('.review'))).toHaveLength(2);
    const report = await verify([], { cwd: repo });
    expect(report.exitCode).toBe(0);
    expect(report.letters[0]!.approvals.map((a) => a.principal).sort()).toEqual([bob.email, carla.email].sort());
  });

  it('follows a rename: the approval carries over, and authors before the rename stay authors', async () => {
    const repo = setup();
    approve('brieven/huurverhoging.md', as(bob, repo));
    commitReviews(repo, bob);
    mkdirSync(join(repo, 'brieven/2025'));
    git(repo, carla, 'mv', 'brieven/huurverhoging.md', 'brieven/2025/huurverhoging-juli.md');
    git(repo, carla, 'commit', '-q', '-m', 'Mappen per jaar');
    let status = reviewStatus(repo, 'brieven/2025/huurverhoging-juli.md');
    expect(status).toMatchObject({ state: 'approved', ok: true, authors: [anna.email] }); // a pure rename makes no author
    expect(status.notes).toContain('eerder bekend als brieven/huurverhoging.md (git-hernoeming gevolgd)');

    // A new letter written by Anna, renamed and edited by Carla: Anna is still an author.
    commit(repo, anna, 'Reparatiebrief', { 'brieven/reparatie.md': REPAIR_LETTER });
    git(repo, carla, 'mv', 'brieven/reparatie.md', 'brieven/reparatie-keuken.md');
    commit(repo, carla, 'Hernoemd en aangepast', { 'brieven/reparatie-keuken.md': REPAIR_LETTER.replace('keukenkraan', 'kraan in de keuken') });
    status = reviewStatus(repo, 'brieven/reparatie-keuken.md');
    expect(status.authors.sort()).toEqual([anna.email, carla.email].sort());
    expect(approve('brieven/reparatie-keuken.md', as(anna, repo))).toMatchObject({ ok: false, code: 'author' });
    expect(approve('brieven/reparatie-keuken.md', as(bob, repo))).toMatchObject({ ok: true });

    // verify reads all histories from one `git log` and follows the renames in memory: same answers.
    const report = await verify([], { cwd: repo });
    expect(report.letters.map((l) => [l.path, l.state, [...l.authors].sort()])).toEqual([
      ['brieven/2025/huurverhoging-juli.md', 'approved', [anna.email]],
      ['brieven/reparatie-keuken.md', 'approved', [anna.email, carla.email].sort()],
    ]);
    expect(report.exitCode).toBe(0);
  });

  it('authorship starts after the last approved content', () => {
    const repo = setup();
    approve('brieven/huurverhoging.md', as(bob, repo));
    commitReviews(repo, bob);
    commit(repo, carla, 'Telefoonnummer erbij', { 'brieven/huurverhoging.md': LETTER_EDITED });
    const status = reviewStatus(repo, 'brieven/huurverhoging.md');
    expect(status.authors).toEqual([carla.email]);
    // Anna wrote the approved version only: she may review Carla's change.
    const r = approve('brieven/huurverhoging.md', as(anna, repo));
    expect(r.ok ? '' : r.reason).toBe('');
  });

  it('a CRLF checkout of the same content is still approved', async () => {
    const repo = setup();
    approve('brieven/huurverhoging.md', as(bob, repo));
    commitReviews(repo, bob);
    const clone = tempDir('crlf');
    dirs.push(clone);
    execFileSync('git', ['-c', 'core.autocrlf=true', 'clone', '-q', repo, clone]);
    execFileSync('git', ['config', 'core.autocrlf', 'true'], { cwd: clone });
    expect(readFileSync(join(clone, 'brieven/huurverhoging.md'), 'utf8')).toContain('\r\n');
    const report = await verify([], { cwd: clone });
    expect(report.problems).toEqual([]);
    expect(report.letters[0]).toMatchObject({ state: 'approved' });
    expect(report.exitCode).toBe(0);
  });
});

describe('signed commits and shallow clones', () => {
  it('--require-signed-commits: every commit that changed the letter is SSH-signed by an allowed signer', async () => {
    const repo = setup();
    write(repo, 'brieven/reparatie.md', REPAIR_LETTER);
    git(repo, anna, 'add', 'brieven/reparatie.md');
    git(repo, anna, '-c', 'gpg.format=ssh', '-c', `user.signingkey=${anna.key}`, 'commit', '-q', '-S', '-m', 'Reparatiebrief (ondertekend)');
    for (const letter of ['brieven/huurverhoging.md', 'brieven/reparatie.md']) expect(approve(letter, as(bob, repo))).toMatchObject({ ok: true });

    expect((await verify([], { cwd: repo })).exitCode).toBe(0);
    const report = await verify([], { cwd: repo, requireSignedCommits: true });
    const byPath = Object.fromEntries(report.letters.map((l) => [l.path, l]));
    expect(byPath['brieven/reparatie.md']).toMatchObject({ state: 'approved', authors: [anna.email] });
    expect(byPath['brieven/huurverhoging.md']).toMatchObject({ state: 'unknown-signer', reason: expect.stringContaining('zonder geldige SSH-handtekening') });
    expect(report.exitCode).toBe(1);
    expect(report.guarantees.join(' ')).toContain('Commits die een brief wijzigen moeten met SSH ondertekend zijn');
  });

  it('a shallow clone is bad input: authorship cannot be established', async () => {
    const repo = setup();
    approve('brieven/huurverhoging.md', as(bob, repo));
    commitReviews(repo, bob);
    const clone = tempDir('shallow');
    dirs.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const report = await verify([], { cwd: clone });
    expect(report.exitCode).toBe(2);
    expect(report.problems).toEqual([{ file: '.git', code: 'shallow', reason: expect.stringContaining('ondiepe clone') }]);
  });
});

describe('outside git', () => {
  it('authorship comes from signed requests only, and verify says so', async () => {
    const dir = tempDir('nogit');
    dirs.push(dir);
    for (const c of [anna, bob]) addKey(c.email, c.pub, { cwd: dir });
    write(dir, 'brieven/reparatie.md', REPAIR_LETTER);
    requestReview('brieven/reparatie.md', { ...as(anna, dir), reviewer: bob.email });
    expect(approve('brieven/reparatie.md', as(anna, dir))).toMatchObject({ ok: false, code: 'author' });
    expect(approve('brieven/reparatie.md', as(bob, dir))).toMatchObject({ ok: true });
    const report = await verify([], { cwd: dir });
    expect(report).toMatchObject({ git: false, exitCode: 0 });
    expect(report.guarantees.join(' ')).toContain('Geen git-repository: het auteurschap komt alleen uit de ondertekende verzoeken');
  });
});

describe('cross-check with ssh-keygen -Y verify', () => {
  it('records made by the commands verify with ssh-keygen for ed25519, rsa and ecdsa keys', () => {
    const repo = setup();
    commit(repo, dave, 'Reparatiebrief', { 'brieven/reparatie.md': REPAIR_LETTER });
    for (const who of [anna, bob, carla]) {
      const r = approve('brieven/reparatie.md', as(who, repo));
      expect(r.ok).toBe(true);
      const text = readFileSync(join(repo, r.ok ? r.file! : ''), 'utf8');
      const cut = text.indexOf('-----BEGIN');
      const check = sshKeygenVerify(readFileSync(join(repo, '.huurbrief/allowed_signers'), 'utf8'), who.email, 'huurbrief-review', text.slice(cut), text.slice(0, cut));
      expect(check.output).toContain(`Good "huurbrief-review" signature for ${who.email}`);
    }
    expect(reviewStatus(repo, 'brieven/reparatie.md').approvals).toHaveLength(3);
  });
});
