// Reading and verifying record files, without trust decisions: runs on the main thread or in
// verify-worker threads, so it returns plain data (structured-clone friendly).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

export function checkRecordFiles(dir: string, names: readonly string[]): CheckedFile[] {
  const out: CheckedFile[] = [];
  for (const name of names) {
    const file = `.huurbrief/reviews/${name}`;
    if (!name.endsWith('.review')) {
      out.push({ ok: false, file, code: 'malformed', reason: 'onbekend bestand in de reviewmap (alleen *.review en .gitattributes horen hier)' });
      continue;
    }
    let raw: string;
    try {
      raw = readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      out.push({ ok: false, file, code: 'malformed', reason: `kan niet gelezen worden (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
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
