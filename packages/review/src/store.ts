// Where review data lives: `.huurbrief/allowed_signers` and `.huurbrief/reviews/*.review`.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { AllowedSignersError, checkSigner, parseAllowedSigners, type AllowedSigners, type SignerCheck } from './allowed-signers.js';
import { gitRoot } from './git.js';
import { RecordError, recordFileName, recordText, REVIEW_NAMESPACE, serializePayload, type ReviewPayload } from './record.js';
import { checkRecordFiles, type CheckedFile } from './record-files.js';
import { parsePublicKeyBlob, type SshPublicKey } from './sshsig.js';

export const REVIEW_DIR = '.huurbrief';
export const ALLOWED_SIGNERS = '.huurbrief/allowed_signers';
export const REVIEWS = '.huurbrief/reviews';
/** Records are signed bytes: git must never convert their line endings. */
const REVIEWS_GITATTRIBUTES = '# Review records are signed: never convert line endings.\n* -text\n';

/** Review data is unusable (no repository, no allowed-signers file): exit code 2. */
export class ReviewSetupError extends Error {
  override readonly name = 'ReviewSetupError';
}

export interface ReviewRepo {
  /** Absolute root: the git work tree, or outside git the folder holding `.huurbrief/`. */
  root: string;
  git: boolean;
}

/** Finds the repository for `start` (a folder or file). Outside git: the nearest folder with `.huurbrief/`. */
export function findRepo(start: string, options: { create?: boolean } = {}): ReviewRepo {
  const abs = resolve(start);
  const dir = existsSync(abs) && statSync(abs).isDirectory() ? abs : dirname(abs);
  const top = existsSync(dir) ? gitRoot(dir) : undefined;
  if (top) return { root: resolve(top), git: true };
  let current = dir;
  for (;;) {
    if (existsSync(join(current, REVIEW_DIR)) && statSync(join(current, REVIEW_DIR)).isDirectory()) return { root: current, git: false };
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (options.create) return { root: dir, git: false };
  throw new ReviewSetupError(`geen repository gevonden bij ${dir}: geen git-repository en geen map ${REVIEW_DIR}/ (begin met "huurbrief review keys add")`);
}

/** The real path (symlinks resolved, as git reports its top level), also for a file that does not exist yet. */
function real(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(real(parent), basename(abs));
  }
}

/** `path` relative to the root with `/`, or undefined when it lies outside the repository. */
export function repoPath(repo: ReviewRepo, path: string): string | undefined {
  const inside = (rel: string) => Boolean(rel) && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel);
  let rel = relative(repo.root, resolve(path));
  // Through a symlink (a linked checkout, /tmp on macOS) the plain comparison fails: compare real paths.
  if (!inside(rel)) rel = relative(real(repo.root), real(resolve(path)));
  return inside(rel) ? rel.split(sep).join('/') : undefined;
}

export function loadAllowedSigners(repo: ReviewRepo): AllowedSigners {
  const file = join(repo.root, ALLOWED_SIGNERS);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReviewSetupError(
      code === 'ENOENT'
        ? `${ALLOWED_SIGNERS} ontbreekt: voeg collega's toe met "huurbrief review keys add <principal> <publieke-sleutel>"`
        : `${ALLOWED_SIGNERS} kan niet gelezen worden (${code ?? String(error)})`,
    );
  }
  return parseAllowedSigners(text, ALLOWED_SIGNERS);
}

/** A record whose signature verified; `trust` says whether the signer may sign as its principal. */
export interface LoadedRecord {
  /** Repo-relative file name (`.huurbrief/reviews/...`). */
  file: string;
  payload: ReviewPayload;
  key: SshPublicKey;
  trust: SignerCheck;
}

export interface LoadedRecords {
  records: LoadedRecord[];
  /** Bad input (exit code 2): each names the file and the reason. */
  problems: RecordError[];
}

/** Records more than an hour in the future are refused (a clock that far off, or a forged time). */
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/** Below this many records, verifying on one thread is quicker than starting workers. */
const PARALLEL_THRESHOLD = 400;

function recordNames(repo: ReviewRepo): string[] {
  try {
    return readdirSync(join(repo.root, REVIEWS)).filter((n) => n !== '.gitattributes').sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ReviewSetupError(`${REVIEWS} kan niet gelezen worden (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function assemble(results: CheckedFile[], signers: AllowedSigners, now: Date): LoadedRecords {
  const records: LoadedRecord[] = [];
  const problems: RecordError[] = [];
  for (const r of results) {
    if (!r.ok) {
      problems.push(new RecordError(r.file, r.code, r.reason));
      continue;
    }
    const time = new Date(r.payload.time);
    if (time.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      problems.push(new RecordError(r.file, 'malformed', `tijd ${r.payload.time} ligt in de toekomst`));
      continue;
    }
    const key = parsePublicKeyBlob(Buffer.from(r.key, 'base64'));
    records.push({ file: r.file, payload: r.payload, key, trust: checkSigner(signers, r.payload.principal, key, REVIEW_NAMESPACE, time) });
  }
  return { records, problems };
}

/** Reads and verifies every record (one thread). Bad records are `problems`, never skipped. */
export function loadRecords(repo: ReviewRepo, signers: AllowedSigners, now = new Date()): LoadedRecords {
  return assemble(checkRecordFiles(join(repo.root, REVIEWS), recordNames(repo)), signers, now);
}

/**
 * Like loadRecords, but spreads signature verification over worker threads when there are many
 * records (CI over thousands of letters). Falls back to one thread when running from sources.
 */
export async function loadRecordsParallel(repo: ReviewRepo, signers: AllowedSigners, now = new Date()): Promise<LoadedRecords> {
  const names = recordNames(repo);
  const dir = join(repo.root, REVIEWS);
  const workerFile = new URL('./verify-worker.js', import.meta.url);
  const threads = Math.min(availableParallelism(), 4, Math.floor(names.length / (PARALLEL_THRESHOLD / 2)));
  if (threads < 2 || !existsSync(fileURLToPath(workerFile))) return assemble(checkRecordFiles(dir, names), signers, now);
  const size = Math.ceil(names.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => names.slice(i * size, (i + 1) * size));
  // The main thread verifies the first chunk itself while the workers do the rest.
  const others = chunks.slice(1).map(
    (chunk) =>
      new Promise<CheckedFile[]>((resolvePromise, reject) => {
        const worker = new Worker(workerFile, { workerData: { dir, names: chunk } });
        worker.once('message', (m: CheckedFile[]) => resolvePromise(m));
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`verify-worker stopte met code ${code}`)));
      }),
  );
  const first = checkRecordFiles(dir, chunks[0]!);
  const rest = await Promise.all(others);
  return assemble([first, ...rest].flat(), signers, now);
}

/** Writes a new record file (never overwrites); returns its repo-relative path. */
export function writeRecord(repo: ReviewRepo, payload: ReviewPayload, armoredSignature: string): string {
  const dir = join(repo.root, REVIEWS);
  mkdirSync(dir, { recursive: true });
  const attributes = join(dir, '.gitattributes');
  if (!existsSync(attributes)) writeFileSync(attributes, REVIEWS_GITATTRIBUTES);
  const text = recordText(serializePayload(payload), armoredSignature);
  const name = recordFileName(text, payload);
  writeFileSync(join(dir, name), text, { flag: 'wx' });
  return `${REVIEWS}/${name}`;
}

export { AllowedSignersError };
