// SSHSIG in node:crypto, cross-checked against ssh-keygen in both directions.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublicKeyLine, publicKeyBlob, publicKeyLine, SignatureError, signSshSignature, verifySshSignature } from '../src/index.js';
import { resolveSigningKey } from '../src/sign.js';
import { colleague, removeDir, sshKeygenVerify, tempDir, type Colleague, type KeyType } from './helpers.js';

const MESSAGE = 'Beste mevrouw Jansen,\n\nWij hebben uw reparatieverzoek ontvangen.\n';
let dir: string;
const people: Partial<Record<KeyType, Colleague>> = {};

beforeAll(() => {
  dir = tempDir('sshsig');
  for (const t of ['ed25519', 'rsa', 'ecdsa'] as const) people[t] = colleague(dir, `Mw${t}`, t);
});
afterAll(() => removeDir(dir));

function keygenSign(who: Colleague, namespace: string, message = MESSAGE): string {
  return execFileSync('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', who.key], { input: message, encoding: 'utf8' });
}

describe('verifying signatures made by ssh-keygen', () => {
  for (const t of ['ed25519', 'rsa', 'ecdsa'] as const) {
    it(`${t}: verifies, and rejects a changed message, another namespace and a flipped byte`, () => {
      const who = people[t]!;
      const armored = keygenSign(who, 'huurbrief-review');
      const sig = verifySshSignature(armored, Buffer.from(MESSAGE), 'huurbrief-review');
      expect(sig.publicKey.fingerprint).toBe(parsePublicKeyLine(readFileSync(who.pub, 'utf8')).fingerprint);
      expect(execFileSync('ssh-keygen', ['-l', '-f', who.pub], { encoding: 'utf8' })).toContain(sig.publicKey.fingerprint);

      expect(() => verifySshSignature(armored, Buffer.from(MESSAGE.replace('Jansen', 'Janssen')), 'huurbrief-review')).toThrow(/handtekening klopt niet/);
      expect(() => verifySshSignature(armored, Buffer.from(MESSAGE), 'git')).toThrow(/naamruimte "huurbrief-review", verwacht "git"/);

      const lines = armored.trim().split('\n');
      const body = Buffer.from(lines.slice(1, -1).join(''), 'base64');
      body[body.length - 3] ^= 0x01; // inside the signature value
      const flipped = `${lines[0]}\n${body.toString('base64')}\n${lines.at(-1)}\n`;
      expect(() => verifySshSignature(flipped, Buffer.from(MESSAGE), 'huurbrief-review')).toThrow(SignatureError);
    });
  }

  it('rejects garbage with a reason, not a stack trace', () => {
    expect(() => verifySshSignature('hallo', Buffer.from(MESSAGE), 'huurbrief-review')).toThrow(/BEGIN SSH SIGNATURE/);
    const truncated = '-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n';
    expect(() => verifySshSignature(truncated, Buffer.from(MESSAGE), 'huurbrief-review')).toThrow(/onverwacht einde/);
  });
});

describe('signing in-process produces what ssh-keygen accepts', () => {
  const cases = [
    ['ed25519', () => generateKeyPairSync('ed25519')],
    ['rsa', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['ecdsa P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['ecdsa P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
  ] as const;
  for (const [name, make] of cases) {
    it(name, () => {
      const { privateKey } = make();
      const armored = signSshSignature(privateKey, Buffer.from(MESSAGE), 'huurbrief-review');
      const allowed = `corporatie@delinde.nl ${publicKeyLine(privateKey)}\n`;
      const check = sshKeygenVerify(allowed, 'corporatie@delinde.nl', 'huurbrief-review', armored, MESSAGE);
      expect(check.output).toContain('Good "huurbrief-review" signature for corporatie@delinde.nl');
      expect(verifySshSignature(armored, Buffer.from(MESSAGE), 'huurbrief-review').publicKey.blob.equals(publicKeyBlob(privateKey))).toBe(true);
    });
  }
});

describe('FIDO (sk-ssh-ed25519) signatures', () => {
  it('verifies the hardware-key format, cross-checked with ssh-keygen', () => {
    // Build an sk-ssh-ed25519 signature with a software key: the format is what a token produces.
    const { privateKey } = generateKeyPairSync('ed25519');
    const str = (b: Buffer | string) => {
      const body = Buffer.isBuffer(b) ? b : Buffer.from(b);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(body.length);
      return Buffer.concat([len, body]);
    };
    const raw = publicKeyBlob(privateKey).subarray(4 + 'ssh-ed25519'.length + 4);
    const type = 'sk-ssh-ed25519@openssh.com';
    const blob = Buffer.concat([str(type), str(raw), str('ssh:')]);
    const sha = (b: Buffer | string, alg = 'sha256') => createHash(alg).update(b).digest();
    const signed = Buffer.concat([Buffer.from('SSHSIG'), str('huurbrief-review'), str(''), str('sha512'), str(sha(MESSAGE, 'sha512'))]);
    const flags = Buffer.from([0x01]);
    const counter = Buffer.from([0, 0, 0, 7]);
    const sig = cryptoSign(null, Buffer.concat([sha('ssh:'), flags, counter, sha(signed)]), privateKey);
    const whole = Buffer.concat([Buffer.from('SSHSIG'), Buffer.from([0, 0, 0, 1]), str(blob), str('huurbrief-review'), str(''), str('sha512'), str(Buffer.concat([str(type), str(sig), flags, counter]))]);
    const armored = `-----BEGIN SSH SIGNATURE-----\n${whole.toString('base64').match(/.{1,70}/g)!.join('\n')}\n-----END SSH SIGNATURE-----\n`;

    expect(verifySshSignature(armored, Buffer.from(MESSAGE), 'huurbrief-review').publicKey.type).toBe(type);
    const check = sshKeygenVerify(`beheer@delinde.nl ${type} ${blob.toString('base64')}\n`, 'beheer@delinde.nl', 'huurbrief-review', armored, MESSAGE);
    expect(check.output).toContain('Good "huurbrief-review" signature for beheer@delinde.nl');
    expect(() => verifySshSignature(armored, Buffer.from(MESSAGE + ' '), 'huurbrief-review')).toThrow(/klopt niet/);
  });
});

describe('choosing the signing key', () => {
  it('accepts --key, git user.signingkey as a path, and a literal key::ssh-... (agent-held) key', () => {
    const who = people.ed25519!;
    const pub = readFileSync(who.pub, 'utf8').trim();
    const fromFile = resolveSigningKey(who.key, undefined, dir);
    expect(fromFile).toMatchObject({ file: who.key, source: '--key' });
    expect(fromFile.publicKey.fingerprint).toBe(parsePublicKeyLine(pub).fingerprint);

    const literal = resolveSigningKey(undefined, `key::${pub}`, dir);
    expect(literal.source).toBe('git config user.signingkey');
    expect(readFileSync(literal.file, 'utf8').trim()).toBe(pub);
    literal.cleanup!();
    expect(existsSync(literal.file)).toBe(false);

    expect(() => resolveSigningKey(undefined, undefined, dir)).toThrow(/geef --key <bestand> of stel git config user.signingkey in/);
    expect(() => resolveSigningKey('bestaat-niet', undefined, dir)).toThrow(/sleutelbestand .*bestaat-niet bestaat niet/);
  });
});
