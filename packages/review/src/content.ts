// How a letter's content is read and hashed for a sign-off, from the work tree or from git.
// Text letters (.md, .markdown, .txt) are hashed as their normalised text (BOM removed, CRLF/CR
// to LF), so core.autocrlf does not matter. A Word document is binary (a zip of XML): its
// sign-off is the SHA-256 of the file's exact bytes, and what changed is shown as a diff of the
// paragraphs read from it.
import { createHash } from 'node:crypto';
import { InputError, letterFromBytes, readLetterFile } from '@huurbrief/core/node';
import { contentHash, contentKindOf, normaliseContent, type ContentKind } from './record.js';

export interface LetterContent {
  kind: ContentKind;
  /** The text (a Word document's paragraphs, one per line), line endings not yet normalised. */
  text: string;
  /** What a record's `sha256` must be for this content. */
  hash: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads a letter in the work tree once: its text and, from the same bytes, its hash. Throws InputError. */
export function readLetterContent(abs: string, rel: string, options: { allowEmpty?: boolean } = {}): LetterContent {
  const file = readLetterFile(abs, { ...options, bytes: true });
  const kind = contentKindOf(rel);
  return { kind, text: file.text, hash: kind === 'bytes' ? sha256(file.bytes!) : contentHash(file.text) };
}

/**
 * The hash of a letter's content from its raw bytes (a git blob), as a record of a letter at a path
 * of this kind carries it; undefined when the bytes are no readable text (they were never signed).
 */
export function hashOfBytes(kind: ContentKind, bytes: Uint8Array): string | undefined {
  if (kind === 'bytes') return sha256(bytes);
  try {
    // Decoded as the letter itself is (UTF-16 with a BOM too), so blob and checkout hash alike.
    return contentHash(letterFromBytes('blob.txt', bytes, { allowEmpty: true }).text);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** The text of an earlier content of the letter at `path` (a git blob), normalised, for a diff. */
export function textOfBytes(path: string, bytes: Uint8Array): string {
  return normaliseContent(letterFromBytes(path, bytes, { allowEmpty: true }).text);
}
