import { readFileSync, statSync } from 'node:fs';
import { docxText } from './docx.js';

/** Letters above this size are refused (a letter is a few KB; 4 MiB is surely not a letter). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A file that cannot be linted: names the path and the reason (exit code 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export interface LetterFile {
  path: string;
  /** The text without BOM. */
  text: string;
  /** The file started with a UTF-8 BOM (put it back when writing). */
  bom: boolean;
  /** File mode bits, kept when writing. */
  mode: number;
  /**
   * How the file stores its text: UTF-8 (the only encoding huurbrief writes back), UTF-16 with a
   * BOM (Word's "Unicode text"), or a Word document (the text of its paragraphs, one per line).
   */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'docx';
  /** The file's exact bytes, only when asked for (`{ bytes: true }`): a Word letter's sign-off hashes them. */
  bytes?: Uint8Array;
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Index of the first byte that starts an invalid UTF-8 sequence (linear scan). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** Decodes UTF-8 strictly (UTF-16 with a BOM too); binary content and invalid bytes are errors that say where. */
export function decodeLetter(path: string, bytes: Uint8Array): { text: string; bom: boolean; encoding: LetterFile['encoding'] } {
  // Word's "Unicode text" export is UTF-16 with a byte-order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      return { text, bom: false, encoding };
    } catch {
      throw new InputError(path, `geen geldige ${encoding === 'utf-16le' ? 'UTF-16' : 'UTF-16 (big-endian)'}-tekst; sla het bestand op als UTF-8`);
    }
  }
  if (bytes[0] === 0x7b && new TextDecoder().decode(bytes.subarray(0, 5)) === '{\\rtf') {
    throw new InputError(path, 'RTF-bestand; huurbrief leest geen RTF. Sla de brief op als Word-document (.docx) of als platte tekst (.txt)');
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError(path, 'Word 97-2003-document (.doc); huurbrief leest alleen .docx. Sla de brief in Word op als .docx');
  }
  const probe = bytes.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul !== -1) throw new InputError(path, `binair bestand (NUL-byte op positie ${nul}); huurbrief controleert alleen tekst (Markdown of platte tekst)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new InputError(path, `geen geldige UTF-8 (ongeldige byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} op regel ${lineOfByte(bytes, bad)}, byte ${bad}); sla het bestand op als UTF-8`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, encoding: 'utf-8' };
}

/** A zip file: a .docx is one. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Is `path` read as a Word document (when its bytes are a zip)? `.docx`, and `.docm`/`.dotx` given by name. */
export const isWordPath = (path: string): boolean => /\.(?:docx|docm|dotx)$/i.test(path);

/**
 * The text of a letter from its bytes (a file, or a git blob): Word documents by their paragraphs,
 * text strictly decoded. Refuses what is not a letter (binary, not UTF-8, empty unless allowed).
 */
export function letterFromBytes(path: string, bytes: Uint8Array, options: { allowEmpty?: boolean } = {}): { text: string; bom: boolean; encoding: LetterFile['encoding'] } {
  if (/\.docx$/i.test(path) || (isZip(bytes) && isWordPath(path))) {
    if (!isZip(bytes)) throw new InputError(path, 'geen geldig Word-bestand (.docx): het is geen zip-bestand');
    let text: string;
    try {
      text = docxText(bytes).text;
    } catch (error) {
      throw new InputError(path, error instanceof Error ? error.message : String(error));
    }
    if (!options.allowEmpty && text.trim() === '') throw new InputError(path, 'Word-document zonder tekst');
    return { text, bom: false, encoding: 'docx' };
  }
  const decoded = decodeLetter(path, bytes);
  if (!options.allowEmpty && decoded.text.trim() === '') throw new InputError(path, 'bestand is leeg');
  return decoded;
}

/** Reads a letter: refuses what is not a letter (missing, a directory, binary, not UTF-8, huge, empty). */
export function readLetterFile(path: string, options: { allowEmpty?: boolean; bytes?: boolean } = {}): LetterFile {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'bestand bestaat niet' : code === 'EACCES' ? 'geen leesrechten' : `kan niet lezen (${code ?? String(error)})`);
  }
  if (stat.isDirectory()) throw new InputError(path, 'is een map, geen bestand');
  if (stat.size > MAX_FILE_BYTES) {
    throw new InputError(path, `bestand is te groot (${(stat.size / 1024 / 1024).toFixed(1).replace('.', ',')} MB; maximaal ${MAX_FILE_BYTES / 1024 / 1024} MB voor een brief)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'EACCES' ? 'geen leesrechten' : `kan niet lezen (${code ?? String(error)})`);
  }
  const { text, bom, encoding } = letterFromBytes(path, bytes, options);
  return { path, text, bom, mode: stat.mode & 0o7777, encoding, ...(options.bytes ? { bytes } : {}) };
}
