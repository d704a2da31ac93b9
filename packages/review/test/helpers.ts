// Test helpers for review: temporary git repositories, real ssh-keygen keys, colleagues.
// Git identity comes from the environment of each git call; the global git config is never read
// or written (GIT_CONFIG_GLOBAL=/dev/null).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FORMAT_VERSION, recordFileName, recordText, serializePayload, type ReviewPayload } from '../src/index.js';
import { sshKeygenSign } from '../src/sign.js';
import { parsePublicKeyLine } from '../src/sshsig.js';

// Every git process the code under test starts inherits this: no global or system config.
process.env['GIT_CONFIG_GLOBAL'] = '/dev/null';
process.env['GIT_CONFIG_NOSYSTEM'] = '1';

export interface Colleague {
  name: string;
  email: string;
  /** Private key file (ssh-keygen, no passphrase). */
  key: string;
  pub: string;
}

export type KeyType = 'ed25519' | 'rsa' | 'ecdsa';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `huurbrief-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A colleague with a fresh key made by ssh-keygen. */
export function colleague(dir: string, name: string, type: KeyType = 'ed25519'): Colleague {
  const email = `${name.toLowerCase()}@delinde.nl`;
  const key = join(dir, `${name.toLowerCase()}_${type}`);
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', email, '-f', key]);
  return { name, email, key, pub: key + '.pub' };
}

export function gitEnv(who: Colleague): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
  };
}

export function git(repo: string, who: Colleague, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env: gitEnv(who), encoding: 'utf8' });
}

export function initRepo(dir: string, who: Colleague): string {
  git(dir, who, 'init', '-q', '-b', 'main');
  git(dir, who, 'config', 'commit.gpgsign', 'false');
  return dir;
}

export function write(repo: string, rel: string, text: string | Uint8Array): string {
  const abs = join(repo, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return abs;
}

/** Writes files and commits everything as `who`. */
export function commit(repo: string, who: Colleague, message: string, files: Record<string, string | Uint8Array> = {}): void {
  for (const [rel, text] of Object.entries(files)) write(repo, rel, text);
  git(repo, who, 'add', '-A');
  git(repo, who, 'commit', '-q', '-m', message);
}

/** `ssh-keygen -Y verify` as the cross-check of our in-process verification. */
export function sshKeygenVerify(allowedSigners: string, principal: string, namespace: string, signature: string, message: string): { ok: boolean; output: string } {
  const dir = tempDir('xcheck');
  try {
    writeFileSync(join(dir, 'sig'), signature);
    writeFileSync(join(dir, 'allowed'), allowedSigners);
    const r = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', join(dir, 'allowed'), '-I', principal, '-n', namespace, '-s', join(dir, 'sig')], {
      input: message,
      encoding: 'utf8',
    });
    return { ok: r.status === 0, output: (r.stdout + r.stderr).trim() };
  } finally {
    removeDir(dir);
  }
}

export const LETTER = `# Huurverhoging per 1 juli

Beste {{huurder.naam}},

Per 1 juli 2025 gaat uw huur omhoog. Uw kale huur wordt € 712,40 per maand.
Dat is € 23,10 meer dan nu.

Bent u het niet eens met de verhoging? Dan kunt u tot 1 juli bezwaar maken.
Op onze website leest u hoe dat gaat.

Met vriendelijke groet,

Woonstichting De Linde
`;

export const LETTER_EDITED = LETTER.replace('Op onze website leest u hoe dat gaat.', 'Heeft u vragen over de verhoging? Mail ons dan.');

export const REPAIR_LETTER = `# Uw reparatieverzoek

Beste {{huurder.naam}},

Wij hebben uw reparatieverzoek voor de keukenkraan ontvangen.
Onze monteur komt op {{afspraak.datum}} tussen 8.00 en 12.00 uur.

Met vriendelijke groet,

Woonstichting De Linde
`;

/** A letter with a plain-words finding (an error under the test config). */
export const LETTER_WITH_LINT_ERROR = `# Meterstand doorgeven

Beste {{huurder.naam}},

Indien u vragen heeft, kunt u ons bellen.

Met vriendelijke groet,

Woonstichting De Linde
`;

/** A record made by hand (ssh-keygen signs), for records the commands refuse to make. */
export function signedRecord(repo: string, who: Colleague, payload: Partial<ReviewPayload> & { path: string; sha256: string }, namespace?: string): string {
  const full = {
    'huurbrief-review': FORMAT_VERSION,
    kind: 'approve',
    principal: who.email,
    time: new Date().toISOString(),
    comment: '',
    lint: { errors: 0, warnings: 0, infos: 0 },
    ...payload,
  } as ReviewPayload;
  const line = serializePayload(full);
  const signature = namespace
    ? execFileSync('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', who.key], { input: line, encoding: 'utf8' })
    : sshKeygenSign({ file: who.key, publicKey: parsePublicKeyLine(readFileSync(who.pub, 'utf8')), source: 'test' }, line);
  const text = recordText(line, signature);
  const name = recordFileName(text, full);
  write(repo, `.huurbrief/reviews/${name}`, text);
  return `.huurbrief/reviews/${name}`;
}
