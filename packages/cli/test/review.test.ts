// `huurbrief review ...` end to end: the built CLI, a temporary git repository, keys made by
// ssh-keygen, one key held by a real ssh-agent, git's user.signingkey in the repository config.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers.js';

const LETTER = `# Huurverhoging per 1 juli

Beste {{huurder.naam}},

Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 712,40 per maand.

Bent u het niet eens met de verhoging? Dan kunt u tot 1 juli bezwaar maken.

Met vriendelijke groet,

Woonstichting De Linde
`;

let dir: string;
let repo: string;
let agent: { sock: string; pid: number } | undefined;
const baseEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', SSH_AUTH_SOCK: '' };
const who = (name: string) => ({
  GIT_AUTHOR_NAME: name,
  GIT_AUTHOR_EMAIL: `${name.toLowerCase()}@delinde.nl`,
  GIT_COMMITTER_NAME: name,
  GIT_COMMITTER_EMAIL: `${name.toLowerCase()}@delinde.nl`,
});

function git(name: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env: { ...baseEnv, ...who(name) }, encoding: 'utf8' });
}
function cli(name: string, args: string[], extraEnv: Record<string, string> = {}): CliRun {
  return runCli(['review', ...args], { cwd: repo, env: { ...baseEnv, ...who(name), NO_COLOR: '1', FORCE_COLOR: '0', ...extraEnv } });
}
const key = (name: string) => join(dir, name.toLowerCase());

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huurbrief-cli-review-'));
  repo = join(dir, 'repo');
  mkdirSync(repo);
  for (const [name, type] of [['Anna', 'ed25519'], ['Bob', 'ed25519'], ['Carla', 'rsa']] as const) {
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', `${name.toLowerCase()}@delinde.nl`, '-f', key(name)]);
  }
  git('Anna', 'init', '-q', '-b', 'main');
  // Bob's private key lives only in an ssh-agent; he signs with his public key.
  const out = execFileSync('ssh-agent', ['-s'], { encoding: 'utf8' });
  agent = { sock: /SSH_AUTH_SOCK=([^;]+);/.exec(out)![1]!, pid: Number(/SSH_AGENT_PID=(\d+);/.exec(out)![1]) };
  execFileSync('ssh-add', ['-q', key('Bob')], { env: { ...baseEnv, SSH_AUTH_SOCK: agent.sock } });
  rmSync(key('Bob'));
});

afterAll(() => {
  if (agent) process.kill(agent.pid);
  rmSync(dir, { recursive: true, force: true });
});

describe('huurbrief review', () => {
  it('two colleagues: keys, request, refused self-approval, approval through ssh-agent, verify, stale, diff, log', () => {
    for (const name of ['Anna', 'Bob', 'Carla']) {
      const r = cli('Anna', ['keys', 'add', `${name.toLowerCase()}@delinde.nl`, `${key(name)}.pub`]);
      expect(r.stdout).toContain(`${name.toLowerCase()}@delinde.nl toegevoegd aan .huurbrief/allowed_signers`);
    }
    expect(cli('Anna', ['keys', 'add', 'bob@delinde.nl', `${key('Bob')}.pub`])).toMatchObject({ code: 2, stderr: expect.stringContaining('staat al in .huurbrief/allowed_signers') });
    expect(cli('Anna', ['keys', 'add', 'anna2@delinde.nl', key('Anna')])).toMatchObject({ code: 2, stderr: expect.stringContaining('privésleutel') });

    mkdirSync(join(repo, 'brieven'));
    writeFileSync(join(repo, 'brieven/huurverhoging.md'), LETTER);
    git('Anna', 'add', '-A');
    git('Anna', 'commit', '-q', '-m', 'Brief huurverhoging');

    // Before any request: the state is named once, not "geen goedkeuring: geen goedkeuring; ...".
    const none = cli('Anna', ['status']);
    expect(none.stdout).toMatch(/^✖ brieven\/huurverhoging\.md {2}geen goedkeuring; /m);
    expect(none.stdout).not.toContain('geen goedkeuring: geen goedkeuring');
    expect(cli('Anna', ['diff', 'brieven/huurverhoging.md']).stdout).toBe('brieven/huurverhoging.md: nog nooit goedgekeurd\n');

    // Anna signs with git's user.signingkey (repository config, never the global one).
    git('Anna', 'config', 'user.signingkey', key('Anna'));
    const req = cli('Anna', ['request', 'brieven/huurverhoging.md', '--reviewer', 'bob@delinde.nl', '-m', 'Kun je de bedragen nakijken?']);
    expect(req).toMatchObject({ code: 0, stdout: expect.stringContaining('beoordeling gevraagd aan bob@delinde.nl') });

    const own = cli('Anna', ['approve', 'brieven/huurverhoging.md']);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('huurbrief: geweigerd: u (anna@delinde.nl) bent auteur van deze versie van brieven/huurverhoging.md');

    let v = cli('Anna', ['verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('✖ brieven/huurverhoging.md  wacht op beoordeling: nog niet goedgekeurd; beoordeling gevraagd aan bob@delinde.nl');
    expect(v.stdout).toContain('Wat deze controle garandeert:');

    const ok = cli('Bob', ['approve', 'brieven/huurverhoging.md', '--key', `${key('Bob')}.pub`, '-m', 'Bedragen kloppen.'], { SSH_AUTH_SOCK: agent!.sock });
    expect(ok.stderr).toBe('');
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining('brieven/huurverhoging.md goedgekeurd door bob@delinde.nl') });
    git('Bob', 'add', '.huurbrief');
    git('Bob', 'commit', '-q', '-m', 'Goedkeuring');

    v = cli('Anna', ['verify', 'brieven']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/✔ brieven\/huurverhoging\.md {2}goedgekeurd door bob@delinde\.nl \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);

    writeFileSync(join(repo, 'brieven/huurverhoging.md'), LETTER.replace('€ 712,40', '€ 718,90'));
    git('Anna', 'commit', '-q', '-am', 'Bedrag aangepast');
    v = cli('Anna', ['verify', '--format', 'json']);
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout) as { letters: { path: string; state: string; authors: string[] }[]; exitCode: number };
    expect(report.letters).toMatchObject([{ path: 'brieven/huurverhoging.md', state: 'stale', authors: ['anna@delinde.nl'] }]);
    // The same verdict for the CI platforms: a GitHub annotation and a JUnit failure on the letter.
    const gh = cli('Anna', ['verify', '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=brieven\/huurverhoging\.md,title=huurbrief review%3A stale::verouderd/m);
    const junit = cli('Anna', ['verify', '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuite name="huurbrief review" tests="1" failures="1" errors="0">');
    expect(junit.stdout).toContain('<testcase classname="huurbrief.review" name="brieven/huurverhoging.md">\n      <failure type="stale" message="verouderd');

    const diff = cli('Anna', ['diff', 'brieven/huurverhoging.md']);
    expect(diff.stdout).toContain('--- brieven/huurverhoging.md, goedgekeurd door bob@delinde.nl op');
    expect(diff.stdout).toContain('-Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 712,40 per maand.\n+Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 718,90 per maand.');

    const changes = cli('Carla', ['changes', 'brieven/huurverhoging.md', '--line', '5', '-m', 'Noem ook het oude bedrag.', '--key', key('Carla')]);
    expect(changes.code).toBe(0);
    const status = cli('Anna', ['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('brieven/huurverhoging.md  wijzigingen gevraagd door carla@delinde.nl');
    expect(status.stdout).toContain('carla@delinde.nl, regel 5: Noem ook het oude bedrag.');

    const log = cli('Anna', ['log', 'brieven/huurverhoging.md']);
    expect(log.stdout.split('\n').filter((l) => /^ {2}\d{4}-/.test(l)).map((l) => l.replace(/^ {2}\S+ \S+ UTC {2}/, '').replace(/ +/g, ' '))).toEqual([
      'verzoek anna@delinde.nl → bob@delinde.nl (eerdere versie)',
      'goedkeuring bob@delinde.nl (eerdere versie)',
      'wijzigingen carla@delinde.nl regel 5 (huidige versie)',
    ]);
  }, 240_000); // each CLI run starts a node process; slow on a busy machine

  it('exit code 2 names the file and the reason for a tampered record', () => {
    const name = git('Anna', 'ls-files', '.huurbrief/reviews').split('\n').find((f) => f.includes('-approve-'))!;
    const file = join(repo, name);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('Bedragen kloppen.', 'Bedragen kloppen!'));
    const v = cli('Anna', ['verify']);
    expect(v.code).toBe(2);
    expect(v.stdout).toContain(`${name}: handtekening klopt niet`);
    writeFileSync(file, original);
  }, 60_000);

  it('a shared folder without git: no "git add" hint after recording', () => {
    const shared = join(dir, 'gedeelde-map');
    mkdirSync(shared);
    const r = runCli(['review', 'keys', 'add', 'bob@delinde.nl', `${key('Bob')}.pub`], { cwd: shared, env: { ...baseEnv, ...who('Anna'), NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^bob@delinde\.nl toegevoegd aan \.huurbrief\/allowed_signers \(SHA256:\S+\)\.\n$/);
  });

  it('usage problems are exit code 2 with a Dutch message', () => {
    expect(cli('Carla', ['changes', 'brieven/huurverhoging.md', '--line', 'vijf', '-m', 'x', '--key', key('Carla')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("ongeldige waarde 'vijf' voor optie --line"),
    });
    expect(cli('Carla', ['approve', 'brieven/huurverhoging.md', '--override-lint', '--key', key('Carla')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--override-lint vraagt om een reden'),
    });
    expect(cli('Carla', ['approve', 'brieven/bestaat-niet.md', '--key', key('Carla')])).toMatchObject({ code: 2, stderr: 'huurbrief: brieven/bestaat-niet.md: bestand bestaat niet\n' });
    expect(cli('Carla', ['approve', 'brieven/huurverhoging.md', '--key', join(dir, 'geen-sleutel')])).toMatchObject({ code: 2, stderr: expect.stringContaining('bestaat niet') });
    writeFileSync(join(repo, '.huurbrief/allowed_signers'), readFileSync(join(repo, '.huurbrief/allowed_signers'), 'utf8') + 'dirk@delinde.nl ssh-ed25519\n');
    expect(cli('Anna', ['verify'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^huurbrief: \.huurbrief\/allowed_signers:5: verwacht/) });
    git('Anna', 'checkout', '--', '.huurbrief/allowed_signers');
  }, 120_000);
});
