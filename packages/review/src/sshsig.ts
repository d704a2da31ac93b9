// SSH public keys and SSHSIG signatures (OpenSSH PROTOCOL.sshsig), verified with node:crypto.
//
// `ssh-keygen -Y sign` produces these signatures; we verify them in-process so that
// `review verify` spawns no process per record. Supported key types: ssh-ed25519,
// ecdsa-sha2-nistp256/384/521, ssh-rsa (with rsa-sha2-256/512 signatures), and the
// FIDO variants sk-ssh-ed25519@openssh.com and sk-ecdsa-sha2-nistp256@openssh.com.
import { createHash, createPublicKey, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';

const MAGIC = Buffer.from('SSHSIG');
const ARMOR_BEGIN = '-----BEGIN SSH SIGNATURE-----';
const ARMOR_END = '-----END SSH SIGNATURE-----';

/** A signature that is malformed or does not verify. `code` says which (for exit code 2 reasons). */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  constructor(
    readonly code: 'malformed' | 'namespace' | 'bad-signature' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------
// SSH wire format

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos === this.buf.length;
  }
  bytes(n: number): Buffer {
    if (this.pos + n > this.buf.length) throw new SignatureError('malformed', 'onverwacht einde van de gegevens');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }
  byte(): number {
    return this.bytes(1)[0]!;
  }
  string(): Buffer {
    return this.bytes(this.uint32());
  }
  text(): string {
    return this.string().toString('latin1');
  }
}

function sshString(data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  return Buffer.concat([len, body]);
}

/** An unsigned big-endian integer as an SSH mpint (leading zero when the top bit is set). */
function sshMpint(unsigned: Buffer): Buffer {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  let body = unsigned.subarray(i);
  if (body.length && (body[0]! & 0x80) !== 0) body = Buffer.concat([Buffer.from([0]), body]);
  return sshString(body);
}

/** Strips the sign byte of an mpint and left-pads to `size` bytes. */
function unsignedFixed(mpint: Buffer, size: number): Buffer {
  let body = mpint;
  while (body.length > size && body[0] === 0) body = body.subarray(1);
  if (body.length > size) throw new SignatureError('malformed', 'ECDSA-waarde te lang');
  return Buffer.concat([Buffer.alloc(size - body.length), body]);
}

function stripMpint(mpint: Buffer): Buffer {
  let body = mpint;
  while (body.length > 1 && body[0] === 0) body = body.subarray(1);
  return body;
}

const b64url = (b: Buffer) => b.toString('base64url');

// ---------------------------------------------------------------------------
// Public keys

const CURVES: Record<string, { crv: string; hash: string; size: number }> = {
  nistp256: { crv: 'P-256', hash: 'sha256', size: 32 },
  nistp384: { crv: 'P-384', hash: 'sha384', size: 48 },
  nistp521: { crv: 'P-521', hash: 'sha512', size: 66 },
};

export interface SshPublicKey {
  /** e.g. `ssh-ed25519`. */
  type: string;
  /** The key in wire format (what `authorized_keys` has in base64). */
  blob: Buffer;
  /** `SHA256:...` as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** For sk-* keys: the FIDO application (usually `ssh:`). */
  application?: string;
  /** For ECDSA keys: the curve name (`nistp256`, ...). */
  curve?: string;
  key: KeyObject;
}

const keyCache = new Map<string, SshPublicKey>();

/** Parses a public key blob (wire format). Cached: allowed-signers files repeat a few keys. */
export function parsePublicKeyBlob(blob: Buffer): SshPublicKey {
  const cacheKey = blob.toString('base64');
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const r = new Reader(blob);
  const type = r.text();
  let key: KeyObject;
  let application: string | undefined;
  let curve: string | undefined;
  try {
    if (type === 'ssh-ed25519' || type === 'sk-ssh-ed25519@openssh.com') {
      const x = r.string();
      if (x.length !== 32) throw new SignatureError('malformed', 'Ed25519-sleutel heeft geen 32 bytes');
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(x) }, format: 'jwk' });
      if (type.startsWith('sk-')) application = r.text();
    } else if (type === 'ssh-rsa') {
      const e = stripMpint(r.string());
      const n = stripMpint(r.string());
      key = createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' });
    } else if (type.startsWith('ecdsa-sha2-') || type === 'sk-ecdsa-sha2-nistp256@openssh.com') {
      curve = r.text();
      const c = CURVES[curve];
      if (!c) throw new SignatureError('unsupported', `onbekende curve ${curve}`);
      const q = r.string();
      if (q.length !== 1 + 2 * c.size || q[0] !== 4) throw new SignatureError('malformed', 'ECDSA-punt is niet ongecomprimeerd');
      key = createPublicKey({
        key: { kty: 'EC', crv: c.crv, x: b64url(q.subarray(1, 1 + c.size)), y: b64url(q.subarray(1 + c.size)) },
        format: 'jwk',
      });
      if (type.startsWith('sk-')) application = r.text();
    } else {
      throw new SignatureError('unsupported', `sleuteltype ${type} wordt niet ondersteund`);
    }
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    throw new SignatureError('malformed', `ongeldige ${type}-sleutel: ${(error as Error).message}`);
  }
  if (!r.done) throw new SignatureError('malformed', `ongeldige ${type}-sleutel: extra bytes`);
  const parsed: SshPublicKey = {
    type,
    blob,
    fingerprint: 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, ''),
    key,
  };
  if (application !== undefined) parsed.application = application;
  if (curve !== undefined) parsed.curve = curve;
  keyCache.set(cacheKey, parsed);
  return parsed;
}

/** Parses `ssh-ed25519 AAAA... comment` (the `.pub` / authorized_keys form). */
export function parsePublicKeyLine(line: string): SshPublicKey {
  const [type, data] = line.trim().split(/\s+/);
  if (!type || !data) throw new SignatureError('malformed', 'verwacht "<sleuteltype> <base64-sleutel>"');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new SignatureError('malformed', 'de sleutel is geen geldige base64');
  const key = parsePublicKeyBlob(Buffer.from(data, 'base64'));
  if (key.type !== type) throw new SignatureError('malformed', `sleuteltype ${type} komt niet overeen met de sleutel (${key.type})`);
  return key;
}

/** The `type base64` line for a node:crypto public key (Ed25519, RSA or ECDSA). */
export function publicKeyLine(key: KeyObject): string {
  const blob = publicKeyBlob(key);
  return `${new Reader(blob).text()} ${blob.toString('base64')}`;
}

export function publicKeyBlob(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' });
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    return Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.from(jwk.x!, 'base64url'))]);
  }
  if (jwk.kty === 'RSA') {
    return Buffer.concat([sshString('ssh-rsa'), sshMpint(Buffer.from(jwk.e!, 'base64url')), sshMpint(Buffer.from(jwk.n!, 'base64url'))]);
  }
  if (jwk.kty === 'EC') {
    const curve = Object.entries(CURVES).find(([, c]) => c.crv === jwk.crv)?.[0];
    if (!curve) throw new Error(`unsupported curve ${jwk.crv}`);
    const q = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
    return Buffer.concat([sshString(`ecdsa-sha2-${curve}`), sshString(curve), sshString(q)]);
  }
  throw new Error(`unsupported key type ${String(jwk.kty)}`);
}

// ---------------------------------------------------------------------------
// SSHSIG

export interface SshSignature {
  publicKey: SshPublicKey;
  namespace: string;
  hashAlgorithm: 'sha256' | 'sha512';
  /** The inner signature blob (`string type, string sig[, flags, counter]`). */
  signature: Buffer;
}

/** Decodes the armored `-----BEGIN SSH SIGNATURE-----` block. */
export function parseArmoredSignature(armored: string): SshSignature {
  const lines = armored.trim().split('\n').map((l) => l.trim());
  if (lines[0] !== ARMOR_BEGIN || lines.at(-1) !== ARMOR_END) {
    throw new SignatureError('malformed', `handtekening moet tussen "${ARMOR_BEGIN}" en "${ARMOR_END}" staan`);
  }
  const body = lines.slice(1, -1).join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new SignatureError('malformed', 'handtekening is geen geldige base64');
  const r = new Reader(Buffer.from(body, 'base64'));
  if (!r.bytes(6).equals(MAGIC)) throw new SignatureError('malformed', 'handtekening begint niet met SSHSIG');
  const version = r.uint32();
  if (version !== 1) throw new SignatureError('unsupported', `SSHSIG-versie ${version} wordt niet ondersteund`);
  const publicKey = parsePublicKeyBlob(r.string());
  const namespace = r.text();
  r.string(); // reserved
  const hashAlgorithm = r.text();
  if (hashAlgorithm !== 'sha256' && hashAlgorithm !== 'sha512') {
    throw new SignatureError('unsupported', `hash-algoritme ${hashAlgorithm} wordt niet ondersteund`);
  }
  const signature = r.string();
  if (!r.done) throw new SignatureError('malformed', 'extra bytes na de handtekening');
  return { publicKey, namespace, hashAlgorithm, signature };
}

function signedData(namespace: string, hashAlgorithm: string, message: Buffer): Buffer {
  const digest = createHash(hashAlgorithm).update(message).digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(hashAlgorithm), sshString(digest)]);
}

/**
 * Verifies an armored SSHSIG over `message` for `namespace` (like `ssh-keygen -Y check-novalidate`:
 * the signature is genuine for the embedded key; whether that key is trusted is the caller's question).
 * Throws SignatureError on a malformed signature, a wrong namespace or a signature that does not verify.
 */
export function verifySshSignature(armored: string, message: Buffer, namespace: string): SshSignature {
  const sig = parseArmoredSignature(armored);
  if (sig.namespace !== namespace) {
    throw new SignatureError('namespace', `handtekening is voor naamruimte "${sig.namespace}", verwacht "${namespace}"`);
  }
  const data = signedData(namespace, sig.hashAlgorithm, message);
  const r = new Reader(sig.signature);
  const sigType = r.text();
  const raw = r.string();
  const pk = sig.publicKey;
  let ok: boolean;
  try {
    if (pk.type === 'ssh-ed25519') {
      expectType(sigType, ['ssh-ed25519']);
      ok = cryptoVerify(null, data, pk.key, raw);
    } else if (pk.type === 'ssh-rsa') {
      expectType(sigType, ['rsa-sha2-512', 'rsa-sha2-256']);
      ok = cryptoVerify(sigType === 'rsa-sha2-512' ? 'sha512' : 'sha256', data, pk.key, raw);
    } else if (pk.type.startsWith('ecdsa-sha2-')) {
      expectType(sigType, [pk.type]);
      ok = verifyEcdsa(pk, data, raw);
    } else if (pk.type === 'sk-ssh-ed25519@openssh.com' || pk.type === 'sk-ecdsa-sha2-nistp256@openssh.com') {
      // FIDO keys sign sha256(application) || flags || counter || sha256(data).
      expectType(sigType, [pk.type]);
      const flags = r.byte();
      const counter = r.bytes(4);
      if ((flags & 0x01) === 0) throw new SignatureError('bad-signature', 'de hardwaresleutel meldt geen aanraking (user presence)');
      const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();
      const skData = Buffer.concat([sha256(pk.application ?? ''), Buffer.from([flags]), counter, sha256(data)]);
      ok = pk.type.startsWith('sk-ssh-ed25519') ? cryptoVerify(null, skData, pk.key, raw) : verifyEcdsa(pk, skData, raw);
    } else {
      throw new SignatureError('unsupported', `sleuteltype ${pk.type} wordt niet ondersteund`);
    }
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    throw new SignatureError('bad-signature', `handtekening is onleesbaar: ${(error as Error).message}`);
  }
  if (!r.done) throw new SignatureError('malformed', 'extra bytes in de handtekening');
  if (!ok) throw new SignatureError('bad-signature', 'handtekening klopt niet (de inhoud is na ondertekening gewijzigd, of de handtekening is vervalst)');
  return sig;
}

function expectType(actual: string, allowed: string[]): void {
  if (!allowed.includes(actual)) throw new SignatureError('malformed', `handtekeningtype ${actual} past niet bij de sleutel`);
}

function verifyEcdsa(pk: SshPublicKey, data: Buffer, raw: Buffer): boolean {
  const c = CURVES[pk.curve ?? '']!;
  const r = new Reader(raw);
  const rs = Buffer.concat([unsignedFixed(r.string(), c.size), unsignedFixed(r.string(), c.size)]);
  if (!r.done) throw new SignatureError('malformed', 'extra bytes in de ECDSA-handtekening');
  return cryptoVerify(c.hash, data, { key: pk.key, dsaEncoding: 'ieee-p1363' }, rs);
}

/**
 * Signs `message` in-process with a node:crypto private key, producing exactly the armored
 * SSHSIG `ssh-keygen -Y sign -n <namespace>` would (sha512). Used by tests and the benchmark to
 * create many records quickly; the CLI signs with ssh-keygen (agent, hardware keys, passphrases).
 */
export function signSshSignature(privateKey: KeyObject, message: Buffer, namespace: string): string {
  const blob = publicKeyBlob(privateKey);
  const type = new Reader(blob).text();
  const data = signedData(namespace, 'sha512', message);
  let inner: Buffer;
  if (type === 'ssh-ed25519') {
    inner = Buffer.concat([sshString(type), sshString(cryptoSign(null, data, privateKey))]);
  } else if (type === 'ssh-rsa') {
    inner = Buffer.concat([sshString('rsa-sha2-512'), sshString(cryptoSign('sha512', data, privateKey))]);
  } else {
    const curve = type.slice('ecdsa-sha2-'.length);
    const c = CURVES[curve]!;
    const rs = cryptoSign(c.hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    inner = Buffer.concat([sshString(type), sshString(Buffer.concat([sshMpint(rs.subarray(0, c.size)), sshMpint(rs.subarray(c.size))]))]);
  }
  const whole = Buffer.concat([MAGIC, Buffer.from([0, 0, 0, 1]), sshString(blob), sshString(namespace), sshString(''), sshString('sha512'), sshString(inner)]);
  const b64 = whole.toString('base64');
  const lines = b64.match(/.{1,70}/g) ?? [];
  return `${ARMOR_BEGIN}\n${lines.join('\n')}\n${ARMOR_END}\n`;
}
