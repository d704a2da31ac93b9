// Makes the workspace copy a git repository with review keys, as a corporation's template repo
// would be: a writer commits the letters; a colleague (the reviewer) has an SSH key listed in
// .huurbrief/allowed_signers. The repo's git config signs as the reviewer, so approving from the
// editor (or `huurbrief review approve`) signs as a colleague who did not write the letters.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from './processes.js';

export const WRITER = { name: 'Sanne de Vries', email: 's.devries@delinde.nl' };
export const REVIEWER = { name: 'Karim Bos', email: 'k.bos@delinde.nl' };

export interface ReviewSetup {
  reviewerKey: string;
  gitEnv: Record<string, string>;
}

/** An isolated git environment: no system or user config of the machine leaks into the run. */
export function isolatedGitEnv(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gitconfig');
  writeFileSync(file, '[init]\n\tdefaultBranch = main\n[safe]\n\tdirectory = *\n[commit]\n\tgpgsign = false\n');
  return { GIT_CONFIG_GLOBAL: file, GIT_CONFIG_NOSYSTEM: '1' };
}

export async function setupReviewRepo(workspace: string, keysDir: string, gitEnv: Record<string, string>): Promise<ReviewSetup> {
  mkdirSync(keysDir, { recursive: true });
  const env = { ...process.env, ...gitEnv };
  const keys: Record<string, string> = {};
  for (const [who, person] of Object.entries({ writer: WRITER, reviewer: REVIEWER })) {
    const file = join(keysDir, who);
    await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', person.email, '-f', file], { timeoutMs: 30_000 });
    keys[who] = readFileSync(`${file}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  }
  mkdirSync(join(workspace, '.huurbrief'), { recursive: true });
  writeFileSync(
    join(workspace, '.huurbrief', 'allowed_signers'),
    `# Wie brieven mag goedkeuren (git allowed-signers-formaat)\n${WRITER.email} namespaces="huurbrief-review" ${keys['writer']}\n${REVIEWER.email} namespaces="huurbrief-review" ${keys['reviewer']}\n`,
  );
  const git = (...args: string[]) => runOk('git', args, { cwd: workspace, env, timeoutMs: 30_000 });
  await git('init', '-q', '-b', 'main');
  // The editor and the CLI sign with the repo's key: the reviewer's.
  await git('config', 'user.name', REVIEWER.name);
  await git('config', 'user.email', REVIEWER.email);
  await git('config', 'user.signingkey', join(keysDir, 'reviewer'));
  await git('config', 'gpg.format', 'ssh');
  await git('add', '-A');
  // The letters are written (committed) by the writer.
  await runOk('git', ['commit', '-q', '-m', 'Brieven voor de e2e-test'], {
    cwd: workspace,
    timeoutMs: 30_000,
    env: { ...env, GIT_AUTHOR_NAME: WRITER.name, GIT_AUTHOR_EMAIL: WRITER.email, GIT_COMMITTER_NAME: WRITER.name, GIT_COMMITTER_EMAIL: WRITER.email },
  });
  return { reviewerKey: join(keysDir, 'reviewer'), gitEnv };
}
