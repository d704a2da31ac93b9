import { readFileSync, statSync } from 'node:fs';

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
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Decodes UTF-8 strictly; binary content and invalid bytes are errors that say where. */
export function decodeLetter(path: string, bytes: Uint8Array): { text: string; bom: boolean } {
  const probe = bytes.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul !== -1) throw new InputError(path, `binair bestand (NUL-byte op positie ${nul}); huurbrief controleert alleen tekst (Markdown of platte tekst)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Find the first invalid byte for a precise message.
    let bad = 0;
    for (let i = 0; i < bytes.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1), { stream: true });
      } catch {
        bad = i;
        break;
      }
    }
    throw new InputError(path, `geen geldige UTF-8 (ongeldige byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} op regel ${lineOfByte(bytes, bad)}, byte ${bad}); sla het bestand op als UTF-8`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/** Reads a letter: refuses what is not a letter (missing, a directory, binary, not UTF-8, huge, empty). */
export function readLetterFile(path: string, options: { allowEmpty?: boolean } = {}): LetterFile {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'bestand bestaat niet' : code === 'EACCES' ? 'geen leesrechten' : `kan niet lezen (${code ?? String(error)})`);
  }
  if (stat.isDirectory()) throw new InputError(path, 'is een map, geen bestand');
  if (stat.size > MAX_FILE_BYTES) {
    throw new InputError(path, `bestand is te groot (${(stat.size / 1024 / 1024).toFixed(1)} MB; maximaal ${MAX_FILE_BYTES / 1024 / 1024} MB voor een brief)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'EACCES' ? 'geen leesrechten' : `kan niet lezen (${code ?? String(error)})`);
  }
  const { text, bom } = decodeLetter(path, bytes);
  if (!options.allowEmpty && text.trim() === '') throw new InputError(path, 'bestand is leeg');
  return { path, text, bom, mode: stat.mode & 0o7777 };
}
