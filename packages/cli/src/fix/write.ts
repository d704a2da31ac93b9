import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs (replaceable in tests to simulate a failing disk). */
export interface WriteFs {
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  closeSync: typeof nodeFs.closeSync;
  fchmodSync: typeof nodeFs.fchmodSync;
  renameSync: typeof nodeFs.renameSync;
  unlinkSync: typeof nodeFs.unlinkSync;
  realpathSync: (path: string) => string;
}

const defaultFs: WriteFs = {
  openSync: nodeFs.openSync,
  writeSync: (fd, data, offset, length) => nodeFs.writeSync(fd, data, offset, length),
  fsyncSync: nodeFs.fsyncSync,
  closeSync: nodeFs.closeSync,
  fchmodSync: nodeFs.fchmodSync,
  renameSync: nodeFs.renameSync,
  unlinkSync: nodeFs.unlinkSync,
  realpathSync: (p) => nodeFs.realpathSync(p),
};

/** Writing failed; the original file is unchanged. */
export class WriteError extends Error {
  override readonly name = 'WriteError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'geen schrijfrechten in de map';
  if (code === 'ENOSPC') return 'de schijf is vol';
  if (code === 'EROFS') return 'alleen-lezen bestandssysteem';
  // mkdir of a folder whose path runs through a file
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'een deel van het pad is geen map';
  if (code === 'EISDIR') return 'dat is een map';
  return `schrijven mislukt (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/**
 * Replaces a file's content atomically: write a temp file in the same folder,
 * fsync it, give it the original mode, rename it over the original (the
 * target of a symlink, so the link stays), then fsync the folder. Readers see
 * the old or the new file, never half of one; when anything fails the temp
 * file is removed and the original is untouched.
 *
 * Without `mode` an existing file keeps its own mode, and the file may be new (a
 * report, a baseline): its folder is created, and it gets the default mode (0o666
 * minus the umask).
 */
export function writeFileAtomic(path: string, data: Uint8Array, mode?: number, fs: WriteFs = defaultFs): void {
  let target: string;
  try {
    target = fs.realpathSync(path);
    mode ??= nodeFs.statSync(target).mode & 0o777;
  } catch (error) {
    if (mode !== undefined || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(path, describe(error));
    target = path;
    try {
      nodeFs.mkdirSync(dirname(target), { recursive: true });
    } catch (mkdirError) {
      throw new WriteError(path, describe(mkdirError));
    }
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.huurbrief-tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    if (mode !== undefined) fs.fchmodSync(fd, mode); // open() applies the umask; the original mode wins
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // the temp file may not exist (open failed)
    }
    throw new WriteError(path, describe(error));
  }
  // Make the rename itself durable; not every platform can fsync a folder.
  try {
    const dirFd = nodeFs.openSync(dirname(target), 'r');
    try {
      nodeFs.fsyncSync(dirFd);
    } finally {
      nodeFs.closeSync(dirFd);
    }
  } catch {
    // best effort
  }
}
