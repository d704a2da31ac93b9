// Signing goes through `ssh-keygen -Y sign`, like git's SSH commit signing: it works with
// key files, keys held by ssh-agent (pass the public key) and hardware (FIDO) keys.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REVIEW_NAMESPACE } from './record.js';
import { parsePublicKeyLine, SignatureError, type SshPublicKey } from './sshsig.js';

/** Signing was not possible (no key, ssh-keygen failed): a refusal with a reason (exit code 1 or 2). */
export class SigningError extends Error {
  override readonly name = 'SigningError';
}

export interface SigningKey {
  /** What to pass to `ssh-keygen -f` (a private key, or a public key whose private half is in the agent). */
  file: string;
  publicKey: SshPublicKey;
  /** Where the key came from, for messages. */
  source: string;
  /** Temporary file to remove afterwards (literal key from git config). */
  cleanup?: () => void;
}

function readPublic(file: string, source: string): SshPublicKey {
  try {
    return parsePublicKeyLine(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SignatureError ? error.message : (error as Error).message;
    throw new SigningError(`${source}: ${file} is geen leesbare publieke SSH-sleutel (${reason})`);
  }
}

/**
 * Resolves the signing key: `--key <file>`, else git's `user.signingkey` (a path, or a literal
 * `ssh-... AAAA` / `key::ssh-... AAAA` public key whose private half is in ssh-agent).
 */
export function resolveSigningKey(option: string | undefined, gitSigningKey: string | undefined, cwd: string): SigningKey {
  const raw = option ?? gitSigningKey;
  const source = option ? '--key' : 'git config user.signingkey';
  if (!raw) {
    throw new SigningError('geen sleutel om mee te ondertekenen: geef --key <bestand> of stel git config user.signingkey in (een SSH-sleutel)');
  }
  const literal = raw.startsWith('key::') ? raw.slice(5) : /^(ssh-|ecdsa-|sk-)/.test(raw) ? raw : undefined;
  if (literal) {
    let publicKey: SshPublicKey;
    try {
      publicKey = parsePublicKeyLine(literal);
    } catch (error) {
      throw new SigningError(`${source}: geen geldige publieke SSH-sleutel (${(error as Error).message})`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-key-'));
    const file = join(dir, 'key.pub');
    writeFileSync(file, literal.trim() + '\n', { mode: 0o600 });
    return { file, publicKey, source, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const file = resolve(cwd, raw.replace(/^~(?=\/)/, process.env['HOME'] ?? '~'));
  if (!existsSync(file)) throw new SigningError(`${source}: sleutelbestand ${file} bestaat niet`);
  const text = readFileSync(file, 'utf8');
  if (/^(ssh-|ecdsa-|sk-)/.test(text.trim())) return { file, publicKey: readPublic(file, source), source };
  if (existsSync(file + '.pub')) return { file, publicKey: readPublic(file + '.pub', source), source };
  // A private key without .pub next to it: let ssh-keygen derive the public half.
  const derived = spawnSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8', stdio: ['inherit', 'pipe', 'pipe'] });
  if (derived.error || derived.status !== 0) {
    throw new SigningError(`${source}: kan de publieke sleutel van ${file} niet bepalen (${(derived.stderr || derived.error?.message || '').trim()})`);
  }
  try {
    return { file, publicKey: parsePublicKeyLine(derived.stdout), source };
  } catch (error) {
    throw new SigningError(`${source}: ${(error as Error).message}`);
  }
}

/** Signs the payload bytes with `ssh-keygen -Y sign -n huurbrief-review`; returns the armored signature. */
export function sshKeygenSign(key: SigningKey, payload: string): string {
  const result = spawnSync('ssh-keygen', ['-Y', 'sign', '-n', REVIEW_NAMESPACE, '-f', key.file], {
    input: payload,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (result.error) throw new SigningError(`ssh-keygen kon niet gestart worden: ${result.error.message}`);
  if (result.status !== 0 || !result.stdout.includes('BEGIN SSH SIGNATURE')) {
    const detail = (result.stderr || '').trim().split('\n').filter(Boolean).at(-1) ?? `uitvoercode ${result.status}`;
    throw new SigningError(`ondertekenen met ${key.file} mislukte: ${detail}`);
  }
  return result.stdout;
}
