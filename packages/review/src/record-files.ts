// Reading and verifying record files, without trust decisions: runs on the main thread or in
// verify-worker threads, so it returns plain data (structured-clone friendly).
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { readRecord, RecordError, type RecordErrorCode, type ReviewPayload } from './record.js';

export type CheckedFile =
  | { ok: true; file: string; payload: ReviewPayload; /** Public key blob, base64. */ key: string }
  | { ok: false; file: string; code: RecordErrorCode; reason: string };

/**
 * Results per exact file content: the same bytes always verify the same way, so a long-running
 * process (the language server asking for a letter's status again and again) verifies each
 * record once. Trust (allowed signers, validity) is decided afresh by the caller every time.
 */
const verified = new Map<string, CheckedFile>();
const MAX_CACHED = 100_000;

/** A record is one line of JSON and a signature: a few hundred bytes. Anything larger is refused unread. */
export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Reads a record file only when it is a regular file (not a symlink, a device, a FIFO) of at most
 * MAX_RECORD_BYTES; never reads more than that (a symlink to /dev/zero cannot make verify read without end).
 */
function readBounded(path: string): { ok: true; raw: string } | { ok: false; reason: string } {
  let fd: number | undefined;
  try {
    const l = lstatSync(path);
    if (l.isSymbolicLink()) return { ok: false, reason: 'is een symbolische koppeling; een record moet een gewoon bestand zijn' };
    if (!l.isFile()) return { ok: false, reason: 'is geen gewoon bestand' };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'is geen gewoon bestand' };
    if (st.size > MAX_RECORD_BYTES) return { ok: false, reason: `is te groot (${st.size} bytes; een record is hooguit ${MAX_RECORD_BYTES} bytes)` };
    const buf = Buffer.alloc(MAX_RECORD_BYTES + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n > MAX_RECORD_BYTES) return { ok: false, reason: `is te groot (meer dan ${MAX_RECORD_BYTES} bytes)` };
    }
    return { ok: true, raw: buf.subarray(0, n).toString('utf8') };
  } catch (error) {
    return { ok: false, reason: `kan niet gelezen worden (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function checkRecordFiles(dir: string, names: readonly string[]): CheckedFile[] {
  return checkRecordTexts(
    names.map((name) => {
      if (!name.endsWith('.review')) return { name };
      const read = readBounded(join(dir, name));
      return read.ok ? { name, raw: read.raw } : { name, error: read.reason };
    }),
  );
}

/** Record contents already read (from git objects, or by checkRecordFiles): verify and parse each. */
export function checkRecordTexts(entries: readonly { name: string; raw?: string; error?: string }[]): CheckedFile[] {
  const out: CheckedFile[] = [];
  for (const { name, raw, error } of entries) {
    const file = `.huurbrief/reviews/${name}`;
    if (!name.endsWith('.review')) {
      out.push({ ok: false, file, code: 'malformed', reason: 'onbekend bestand in de reviewmap (alleen *.review en .gitattributes horen hier)' });
      continue;
    }
    if (raw === undefined) {
      out.push({ ok: false, file, code: 'malformed', reason: error ?? 'kan niet gelezen worden' });
      continue;
    }
    const cacheKey = `${name}\0${createHash('sha256').update(raw).digest('base64')}`;
    const cached = verified.get(cacheKey);
    if (cached) {
      out.push(cached);
      continue;
    }
    let result: CheckedFile;
    try {
      const { payload, key } = readRecord(raw, file, name);
      result = { ok: true, file, payload, key: key.blob.toString('base64') };
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      result = { ok: false, file, code: error.code, reason: error.reason };
    }
    if (verified.size >= MAX_CACHED) verified.clear();
    verified.set(cacheKey, result);
    out.push(result);
  }
  return out;
}
