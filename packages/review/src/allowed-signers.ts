// git's allowed-signers file (ssh-keygen(1), "ALLOWED SIGNERS"):
//   principals [options] keytype base64-key [comment]
// principals: comma-separated patterns (`*`, `?`, `!negation`); options: `namespaces="..."`,
// `valid-after="YYYYMMDD[HHMM[SS]][Z]"`, `valid-before=...`, `cert-authority`.
// A line we cannot read is an error naming the file and line, never skipped.
import { parsePublicKeyBlob, SignatureError, type SshPublicKey } from './sshsig.js';

export class AllowedSignersError extends Error {
  override readonly name = 'AllowedSignersError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

export interface AllowedSigner {
  /** Principal patterns as written (comma-separated list split up). */
  principals: string[];
  namespaces?: string[];
  validAfter?: Date;
  validBefore?: Date;
  certAuthority: boolean;
  key: SshPublicKey;
  /** 1-based line in the file. */
  line: number;
}

export interface AllowedSigners {
  file: string;
  entries: AllowedSigner[];
}

/** Splits on whitespace, keeping double-quoted parts (which may contain spaces) together. */
function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ' ' || ch === '\t')) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) throw new Error('aanhalingsteken niet gesloten');
  if (cur) out.push(cur);
  return out;
}

/** Splits `a,b="x,y",c` on commas outside quotes. */
function splitOptions(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/** `YYYYMMDD[HHMM[SS]][Z]`: UTC with Z, local time without (as ssh-keygen reads it). */
export function parseSshTime(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z?)$/i.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', z] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  if (parts[1] > 11 || parts[2] < 1 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return undefined;
  const date = z ? new Date(Date.UTC(...parts)) : new Date(...parts);
  // Reject days past the month's end (20250231), which Date would roll over.
  if ((z ? date.getUTCDate() : date.getDate()) !== parts[2]) return undefined;
  return date;
}

const KEY_TYPE = /^(ssh-|ecdsa-|sk-)/;

export function parseAllowedSigners(text: string, file: string): AllowedSigners {
  const entries: AllowedSigner[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fail = (reason: string): never => {
      throw new AllowedSignersError(file, lineNo, reason);
    };
    let tokens: string[];
    try {
      tokens = tokenize(line);
    } catch (error) {
      return fail((error as Error).message);
    }
    const principalField = tokens[0]!;
    let k = 1;
    const entry: Partial<AllowedSigner> & { certAuthority: boolean } = { certAuthority: false };
    if (tokens[k] !== undefined && !KEY_TYPE.test(tokens[k]!)) {
      for (const opt of splitOptions(tokens[k]!)) {
        const eq = opt.indexOf('=');
        const name = (eq === -1 ? opt : opt.slice(0, eq)).toLowerCase();
        const value = eq === -1 ? undefined : unquote(opt.slice(eq + 1));
        if (name === 'cert-authority' && value === undefined) entry.certAuthority = true;
        else if (name === 'namespaces' && value !== undefined) entry.namespaces = value.split(',').map((s) => s.trim());
        else if ((name === 'valid-after' || name === 'valid-before') && value !== undefined) {
          const date = parseSshTime(value);
          if (!date) fail(`${name}="${value}" is geen geldige tijd (verwacht JJJJMMDD of JJJJMMDDUUMM[SS], eventueel met Z)`);
          if (name === 'valid-after') entry.validAfter = date!;
          else entry.validBefore = date!;
        } else fail(`onbekende optie "${opt}" (bekend: namespaces=, valid-after=, valid-before=, cert-authority)`);
      }
      k++;
    }
    const type = tokens[k];
    const data = tokens[k + 1];
    if (!type || !data) fail('verwacht "<principal> [opties] <sleuteltype> <sleutel>"');
    if (!KEY_TYPE.test(type!)) fail(`"${type}" is geen sleuteltype`);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data!)) fail('de sleutel is geen geldige base64');
    let key: SshPublicKey;
    try {
      key = parsePublicKeyBlob(Buffer.from(data!, 'base64'));
    } catch (error) {
      return fail(error instanceof SignatureError ? error.message : String(error));
    }
    if (key.type !== type) fail(`sleuteltype ${type!} komt niet overeen met de sleutel (${key.type})`);
    const principals = unquote(principalField).split(',').map((p) => p.trim());
    if (principals.some((p) => !p)) fail('lege principal');
    entries.push({ ...entry, principals, key, line: lineNo } as AllowedSigner);
  });
  return { file, entries };
}

/** OpenSSH match_pattern: `*` and `?` wildcards. */
const patternCache = new Map<string, RegExp>();
function matchPattern(value: string, pattern: string): boolean {
  let re = patternCache.get(pattern);
  if (re) return re.test(value);
  re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  patternCache.set(pattern, re);
  return re.test(value);
}

/** OpenSSH match_pattern_list: a `!pattern` match excludes; otherwise any positive match. */
export function matchPatternList(value: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (matchPattern(value, p.slice(1))) return false;
    } else if (matchPattern(value, p)) matched = true;
  }
  return matched;
}

export type SignerCheck =
  | { ok: true; entry: AllowedSigner }
  | { ok: false; code: 'unknown-signer' | 'expired-signer'; reason: string };

/** Is `key` allowed to sign as `principal` in `namespace` at `time`? (ssh-keygen -Y verify semantics.) */
export function checkSigner(signers: AllowedSigners, principal: string, key: SshPublicKey, namespace: string, time: Date): SignerCheck {
  const sameKey = signers.entries.filter((e) => !e.certAuthority && e.key.blob.equals(key.blob));
  if (!sameKey.length) {
    return { ok: false, code: 'unknown-signer', reason: `sleutel ${key.fingerprint} staat niet in ${signers.file}` };
  }
  const forPrincipal = sameKey.filter((e) => matchPatternList(principal, e.principals));
  if (!forPrincipal.length) {
    const owners = [...new Set(sameKey.flatMap((e) => e.principals))].join(', ');
    return { ok: false, code: 'unknown-signer', reason: `sleutel ${key.fingerprint} hoort in ${signers.file} bij ${owners}, niet bij ${principal}` };
  }
  const inNamespace = forPrincipal.filter((e) => !e.namespaces || matchPatternList(namespace, e.namespaces));
  if (!inNamespace.length) {
    return { ok: false, code: 'unknown-signer', reason: `${principal} mag in ${signers.file} niet tekenen voor naamruimte "${namespace}" (regel ${forPrincipal[0]!.line})` };
  }
  for (const e of inNamespace) {
    if ((!e.validAfter || time >= e.validAfter) && (!e.validBefore || time <= e.validBefore)) return { ok: true, entry: e };
  }
  const e = inNamespace[0]!;
  const when = time.toISOString().slice(0, 16).replace('T', ' ');
  const window = [e.validAfter ? `vanaf ${fmt(e.validAfter)}` : '', e.validBefore ? `tot ${fmt(e.validBefore)}` : ''].filter(Boolean).join(' ');
  return { ok: false, code: 'expired-signer', reason: `sleutel van ${principal} is alleen geldig ${window} (${signers.file} regel ${e.line}), getekend op ${when} UTC` };
}

const fmt = (d: Date) => d.toISOString().slice(0, 10);
