// One review event = one file under `.huurbrief/reviews/`:
//
//   {"huurbrief-review":1,"kind":"approve",...}      <- the payload: one line of ASCII JSON
//   -----BEGIN SSH SIGNATURE-----                     <- `ssh-keygen -Y sign -n huurbrief-review`
//   ...                                                  over the payload line (with its newline)
//   -----END SSH SIGNATURE-----
//
// The file name is derived from the content (time, kind, SHA-256 of the file), so two
// colleagues signing at once write two different new files and git merges them cleanly.
// Reading is "verify first, then parse": the signature is checked over the raw payload bytes
// before the JSON is looked at.
import { createHash } from 'node:crypto';
import { SignatureError, verifySshSignature, type SshPublicKey } from './sshsig.js';

/** The SSHSIG namespace of review records: a signature made for git commits or files does not count here. */
export const REVIEW_NAMESPACE = 'huurbrief-review';
/**
 * Format versions. Version 1: `sha256` is the SHA-256 of the letter's normalised text (text
 * letters). Version 2 adds the field `content`: `"bytes"` (the SHA-256 of the file's exact bytes,
 * for Word documents) or `"text"` (as version 1). huurbrief writes version 1 for text letters, so
 * older versions keep reading them, and version 2 only where it must: an older huurbrief then
 * stops with "onbekende formaatversie 2" (exit code 2) instead of misjudging a record it cannot check.
 */
export const FORMAT_VERSION = 1;
/** The version of records whose `sha256` is over the file's bytes (Word letters). */
export const BYTES_FORMAT_VERSION = 2;
const FORMAT_VERSIONS: readonly number[] = [FORMAT_VERSION, BYTES_FORMAT_VERSION];
export const REVIEW_KINDS = ['request', 'approve', 'changes', 'revoke'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** What a record's `sha256` is taken over: the normalised text, or the file's exact bytes. */
export type ContentKind = 'text' | 'bytes';

/**
 * How a letter at `path` is hashed: a Word document (binary, a zip of XML) by its exact bytes;
 * anything else as normalised text. Decided by the path, as reading it is: a record's `content`
 * must agree with its `path`.
 */
export function contentKindOf(path: string): ContentKind {
  return /\.(?:docx|docm|dotx)$/i.test(path) ? 'bytes' : 'text';
}

export interface LintSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface ReviewPayload {
  'huurbrief-review': number;
  kind: ReviewKind;
  /** The letter, relative to the repository root, with `/`. */
  path: string;
  /**
   * SHA-256 (hex) of the letter's content: its text with line endings normalised to LF (BOM
   * removed), or, with `content: "bytes"` (format version 2, Word documents), its exact bytes.
   */
  sha256: string;
  /** Version 2 only: what `sha256` is taken over. Absent in version 1 (text). */
  content?: ContentKind;
  /** Who signs: must match the key in the allowed-signers file. */
  principal: string;
  /** ISO 8601, UTC. */
  time: string;
  comment: string;
  lint: LintSummary;
  /** request: the colleague asked to review. */
  reviewer?: string;
  /** changes: the line the comment is about (1-based). */
  line?: number;
  /** approve: approved despite lint errors; `comment` holds the reason. */
  lintOverride?: boolean;
}

export type RecordErrorCode = 'malformed' | 'version' | 'namespace' | 'bad-signature' | 'unsupported';

/** A record that is bad input (exit code 2): names the file and the reason. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
  constructor(
    readonly file: string,
    readonly code: RecordErrorCode,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const SIG_BEGIN = '-----BEGIN SSH SIGNATURE-----';

/** Normalises a letter for hashing: BOM removed, CRLF and CR become LF (so core.autocrlf does not matter). */
export function normaliseContent(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseContent(text), 'utf8').digest('hex');
}

/** JSON with every non-ASCII character escaped, so the record is pure ASCII. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const ORDER: (keyof ReviewPayload)[] = ['huurbrief-review', 'kind', 'path', 'sha256', 'content', 'principal', 'time', 'comment', 'lint', 'reviewer', 'line', 'lintOverride'];

/** The exact bytes that get signed: the payload as one line of ASCII JSON, with a trailing newline. */
export function serializePayload(payload: ReviewPayload): string {
  const ordered: Record<string, unknown> = {};
  for (const k of ORDER) if (payload[k] !== undefined) ordered[k] = payload[k];
  return asciiJson(ordered) + '\n';
}

/** The record file: payload line followed by the armored signature. */
export function recordText(payloadLine: string, armoredSignature: string): string {
  return payloadLine + armoredSignature.replace(/\r\n?/g, '\n').trimEnd() + '\n';
}

/** `20250301T101500Z-approve-<24 hex>.review`: sortable by time, unique by content. */
export function recordFileName(text: string, payload: Pick<ReviewPayload, 'time' | 'kind'>): string {
  const stamp = payload.time.replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `${stamp}-${payload.kind}-${createHash('sha256').update(text).digest('hex').slice(0, 24)}.review`;
}

export interface VerifiedRecord {
  payload: ReviewPayload;
  /** The key that made the (cryptographically valid) signature; trust is checked separately. */
  key: SshPublicKey;
}

/**
 * Verifies a record file's signature over its payload bytes, then parses and validates the payload.
 * `file` is used in error messages; `name` (the base name) is checked against the content.
 */
export function readRecord(raw: string, file: string, name?: string): VerifiedRecord {
  // Undo a CRLF checkout of the record itself: the payload line never contains a raw CR.
  const text = raw.replace(/\r\n/g, '\n');
  const cut = text.indexOf('\n' + SIG_BEGIN);
  if (cut === -1) throw new RecordError(file, 'malformed', `geen handtekening gevonden (verwacht een regel "${SIG_BEGIN}" na de eerste regel)`);
  const payloadLine = text.slice(0, cut + 1);
  if (payloadLine.indexOf('\n') !== payloadLine.length - 1) {
    throw new RecordError(file, 'malformed', 'de gegevens moeten op één regel vóór de handtekening staan');
  }
  let key: SshPublicKey;
  try {
    key = verifySshSignature(text.slice(cut + 1), Buffer.from(payloadLine, 'utf8'), REVIEW_NAMESPACE).publicKey;
  } catch (error) {
    if (error instanceof SignatureError) {
      const code: RecordErrorCode = error.code === 'namespace' ? 'namespace' : error.code;
      throw new RecordError(file, code, error.message);
    }
    throw error;
  }
  const payload = parsePayload(payloadLine, file);
  if (name !== undefined && name !== recordFileName(text, payload)) {
    throw new RecordError(file, 'malformed', `bestandsnaam past niet bij de inhoud (verwacht ${recordFileName(text, payload)})`);
  }
  return { payload, key };
}

const ALLOWED_KEYS = new Set<string>(ORDER);

export function parsePayload(line: string, file: string): ReviewPayload {
  const bad = (reason: string): never => {
    throw new RecordError(file, 'malformed', reason);
  };
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return bad(`de gegevens zijn geen geldige JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('de gegevens zijn geen JSON-object');
  const o = data as Record<string, unknown>;
  const version = o['huurbrief-review'];
  if (typeof version !== 'number' || !FORMAT_VERSIONS.includes(version)) {
    if (typeof version === 'number') throw new RecordError(file, 'version', `onbekende formaatversie ${version} (deze huurbrief kent versie ${FORMAT_VERSIONS.join(' en ')})`);
    return bad('veld "huurbrief-review" (formaatversie) ontbreekt');
  }
  for (const k of Object.keys(o)) if (!ALLOWED_KEYS.has(k)) bad(`onbekend veld "${k}"`);
  const str = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : bad(`veld "${k}" moet tekst zijn`));
  const kind = str('kind');
  if (!(REVIEW_KINDS as readonly string[]).includes(kind)) bad(`onbekende soort "${kind}" (verwacht ${REVIEW_KINDS.join(', ')})`);
  const path = str('path');
  if (!path || path.startsWith('/') || path.includes('\\') || path.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    bad(`pad "${path}" moet relatief zijn ten opzichte van de repository, met /`);
  }
  const sha256 = str('sha256');
  if (!/^[0-9a-f]{64}$/.test(sha256)) bad('veld "sha256" moet 64 hexadecimale tekens zijn');
  const principal = str('principal');
  if (!principal.trim()) bad('veld "principal" is leeg');
  const time = str('time');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(time) || Number.isNaN(Date.parse(time))) bad(`tijd "${time}" is geen ISO-tijd in UTC`);
  const comment = str('comment');
  const lint = o['lint'];
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (
    typeof lint !== 'object' || lint === null ||
    Object.keys(lint).sort().join(',') !== 'errors,infos,warnings' ||
    !Object.values(lint).every(count)
  ) {
    bad('veld "lint" moet {errors, warnings, infos} met aantallen zijn');
  }
  // Version 2 says what the hash is over, and it must be how a letter at this path is hashed
  // (no record can make a Word file count by its text, or a text letter by other bytes).
  // Version 1 is text: a version-1 record of a Word document (made before Word letters were signed
  // by their bytes) hashed its extracted text, so it never matches the document's bytes.
  let content: ContentKind | undefined;
  if (version === BYTES_FORMAT_VERSION) {
    const c = o['content'];
    if (c !== 'text' && c !== 'bytes') return bad('veld "content" moet "text" of "bytes" zijn (formaatversie 2)');
    if (c !== contentKindOf(path)) {
      bad(c === 'bytes' ? `veld "content" is "bytes", maar ${path} is geen Word-document (tekst wordt genormaliseerd gehasht)` : `veld "content" is "text", maar ${path} is een Word-document (dat wordt op zijn bytes ondertekend)`);
    }
    content = c;
  } else if (o['content'] !== undefined) bad('veld "content" hoort bij formaatversie 2');
  const payload: ReviewPayload = {
    'huurbrief-review': version,
    kind: kind as ReviewKind,
    path,
    sha256,
    principal,
    time,
    comment,
    lint: lint as LintSummary,
  };
  if (content !== undefined) payload.content = content;
  if (o['reviewer'] !== undefined) {
    if (kind !== 'request') bad('veld "reviewer" hoort alleen bij een verzoek');
    payload.reviewer = str('reviewer');
  }
  if (o['line'] !== undefined) {
    if (kind !== 'changes') bad('veld "line" hoort alleen bij een wijzigingsverzoek');
    if (typeof o['line'] !== 'number' || !Number.isInteger(o['line']) || o['line'] < 1) bad('veld "line" moet een regelnummer (≥ 1) zijn');
    payload.line = o['line'] as number;
  }
  if (o['lintOverride'] !== undefined) {
    if (kind !== 'approve' || o['lintOverride'] !== true) bad('veld "lintOverride" mag alleen true zijn, bij een goedkeuring');
    if (!comment.trim()) bad('een goedkeuring ondanks lintfouten moet een reden hebben');
    payload.lintOverride = true;
  }
  return payload;
}
