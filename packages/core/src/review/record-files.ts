// Reading and verifying record files, without trust decisions: runs on the main thread or in
// verify-worker threads, so it returns plain data (structured-clone friendly).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecord, RecordError, type RecordErrorCode, type ReviewPayload } from './record.js';

export type CheckedFile =
  | { ok: true; file: string; payload: ReviewPayload; /** Public key blob, base64. */ key: string }
  | { ok: false; file: string; code: RecordErrorCode; reason: string };

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
    try {
      const { payload, key } = readRecord(raw, file, name);
      out.push({ ok: true, file, payload, key: key.blob.toString('base64') });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      out.push({ ok: false, file, code: error.code, reason: error.reason });
    }
  }
  return out;
}
