// Where review data lives: `.huurbrief/allowed_signers` and `.huurbrief/reviews/*.review`.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { AllowedSignersError, checkSigner, parseAllowedSigners, type AllowedSigners, type SignerCheck } from './allowed-signers.js';
import { parseAmbassadors, type Ambassadors } from './ambassadors.js';
import { gitRoot, gitState } from './git.js';
import { contentKindOf, FORMAT_VERSION, RecordError, recordFileName, recordText, REVIEW_NAMESPACE, serializePayload, type ReviewPayload } from './record.js';
import { checkRecordFiles, checkRecordTexts, type CheckedFile } from './record-files.js';
import { parsePublicKeyBlob, type SshPublicKey } from './sshsig.js';

export const REVIEW_DIR = '.huurbrief';
export const ALLOWED_SIGNERS = '.huurbrief/allowed_signers';
export const REVIEWS = '.huurbrief/reviews';
/** Optional: who must sign off the letters in a folder (CODEOWNERS syntax). */
export const AMBASSADORS = '.huurbrief/ambassadors';
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
export function findRepo(start: string, options: { create?: boolean; noGit?: boolean } = {}): ReviewRepo {
  const abs = resolve(start);
  const dir = existsSync(abs) && statSync(abs).isDirectory() ? abs : dirname(abs);
  const top = existsSync(dir) && !options.noGit ? gitRoot(dir) : undefined;
  if (top) return { root: resolve(top), git: true };
  if (!options.noGit && existsSync(dir)) {
    // A repository git refuses (dubious ownership) or cannot read (git missing): never fall back silently.
    const state = gitState(dir);
    if (state.kind === 'unusable' && hasDotGit(dir)) {
      throw new ReviewSetupError(`git is niet bruikbaar: ${state.reason}; zonder git is niet vast te stellen wie de brief schreef`);
    }
  }
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

function hasDotGit(dir: string): boolean {
  for (let current = dir; ; ) {
    if (existsSync(join(current, '.git'))) return true;
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
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

/** `.huurbrief/ambassadors` of the working tree; undefined when there is none (then any trusted colleague may sign off). */
export function loadAmbassadors(repo: ReviewRepo): Ambassadors | undefined {
  let text: string;
  try {
    text = readFileSync(join(repo.root, AMBASSADORS), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ReviewSetupError(`${AMBASSADORS} kan niet gelezen worden (${code ?? String(error)})`);
  }
  return parseAmbassadors(text, AMBASSADORS);
}

/** Where and when git says a record was added (time from git, not from the signer). */
export interface RecordOrigin {
  /** The commit that added the record; absent when the record is not committed yet. */
  commit?: string;
  /** Position of that commit in HEAD's topological order (0 newest); -1 when not committed. */
  index: number;
  /** The time the record is judged at: its commit's time (or now, uncommitted; or its own time outside git). */
  time: Date;
}

/** A record whose signature verified; `trust` says whether the signer may sign as its principal. */
export interface LoadedRecord {
  /** Repo-relative file name (`.huurbrief/reviews/...`). */
  file: string;
  payload: ReviewPayload;
  key: SshPublicKey;
  trust: SignerCheck;
  origin: RecordOrigin;
}

export interface LoadedRecords {
  records: LoadedRecord[];
  /** Bad input (exit code 2): each names the file and the reason. */
  problems: RecordError[];
}

/** Outside git, record times more than an hour in the future do not count (a clock that far off, or a forged time). */
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

/** Decides when a record counts as made: by default its own signed time (outside git). */
export type OriginOf = (file: string, payload: ReviewPayload) => RecordOrigin;

const ownTime: OriginOf = (_file, payload) => ({ index: -1, time: new Date(payload.time) });

/**
 * Trust for one record: may its key sign as its principal at the time the record is judged at?
 * Principals that match only through a wildcard (`*@delinde.nl`) are not trusted: one key could then
 * sign as any colleague.
 */
export function trustOf(signers: AllowedSigners, principal: string, key: SshPublicKey, time: Date): SignerCheck {
  const check = checkSigner(signers, principal, key, REVIEW_NAMESPACE, time);
  if (!check.ok) return check;
  const exact = signers.entries.some(
    (e) => !e.certAuthority && e.key.blob.equals(key.blob) && e.principals.some((p) => !/[*?!]/.test(p) && p === principal),
  );
  if (!exact) {
    return {
      ok: false,
      code: 'unknown-signer',
      reason: `${principal} staat alleen via een jokerteken in ${signers.file} (regel ${check.entry.line}: ${check.entry.principals.join(',')}); met een jokerteken kan één sleutel als elke collega tekenen, dus dat telt niet`,
    };
  }
  return check;
}

function assemble(results: CheckedFile[], signers: AllowedSigners, now: Date, originOf: OriginOf): LoadedRecords {
  const records: LoadedRecord[] = [];
  const problems: RecordError[] = [];
  for (const r of results) {
    if (!r.ok) {
      problems.push(new RecordError(r.file, r.code, r.reason));
      continue;
    }
    const key = parsePublicKeyBlob(Buffer.from(r.key, 'base64'));
    const origin = originOf(r.file, r.payload);
    let trust: SignerCheck;
    if (origin.commit === undefined && origin.time.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      // Not a reason to fail the whole run (anyone could block CI with one record): this record does not count.
      trust = { ok: false, code: 'expired-signer', reason: `tijd ${r.payload.time} ligt in de toekomst` };
    } else if (r.payload['huurbrief-review'] === FORMAT_VERSION && contentKindOf(r.payload.path) === 'bytes') {
      // Made before Word letters were signed by their bytes: it signed the extracted text, which is not what goes out.
      trust = { ok: false, code: 'unknown-signer', reason: 'formaatversie 1 tekent de tekst uit een Word-document af, niet het document zelf; een Word-brief wordt op zijn bytes afgetekend (formaatversie 2), vraag opnieuw om goedkeuring' };
    } else trust = trustOf(signers, r.payload.principal, key, origin.time);
    records.push({ file: r.file, payload: r.payload, key, trust, origin });
  }
  return { records, problems };
}

/** Reads and verifies every record (one thread). Bad records are `problems`, never skipped. */
export function loadRecords(repo: ReviewRepo, signers: AllowedSigners, now = new Date(), originOf: OriginOf = ownTime): LoadedRecords {
  return assemble(checkRecordFiles(join(repo.root, REVIEWS), recordNames(repo)), signers, now, originOf);
}

/** Record contents to verify: read from the review folder, or already read from git objects. */
export type RecordSource = { entries: { name: string; raw?: string; error?: string }[] };

/**
 * Like loadRecords, but spreads signature verification over worker threads when there are many
 * records (CI over thousands of letters). Falls back to one thread when running from sources.
 */
export async function loadRecordsParallel(
  repo: ReviewRepo,
  signers: AllowedSigners,
  now = new Date(),
  originOf: OriginOf = ownTime,
  source?: RecordSource,
): Promise<LoadedRecords> {
  const names = source ? source.entries.map((e) => e.name) : recordNames(repo);
  const dir = join(repo.root, REVIEWS);
  const workerFile = new URL('./verify-worker.js', import.meta.url);
  const threads = Math.min(availableParallelism(), 4, Math.floor(names.length / (PARALLEL_THRESHOLD / 2)));
  const check = (from: number, to: number) => (source ? checkRecordTexts(source.entries.slice(from, to)) : checkRecordFiles(dir, names.slice(from, to)));
  if (threads < 2 || !existsSync(fileURLToPath(workerFile))) return assemble(check(0, names.length), signers, now, originOf);
  const size = Math.ceil(names.length / threads);
  // The main thread verifies the first chunk itself while the workers do the rest.
  const others = Array.from({ length: threads - 1 }, (_, k) => k + 1).map(
    (i) =>
      new Promise<CheckedFile[]>((resolvePromise, reject) => {
        const workerData = source ? { entries: source.entries.slice(i * size, (i + 1) * size) } : { dir, names: names.slice(i * size, (i + 1) * size) };
        const worker = new Worker(workerFile, { workerData });
        worker.once('message', (m: CheckedFile[]) => resolvePromise(m));
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`verify-worker stopte met code ${code}`)));
      }),
  );
  const first = check(0, size);
  const rest = await Promise.all(others);
  return assemble([first, ...rest].flat(), signers, now, originOf);
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
