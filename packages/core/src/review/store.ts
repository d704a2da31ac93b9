// Where review data lives: `.huurbrief/allowed_signers` and `.huurbrief/reviews/*.review`.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { AllowedSignersError, checkSigner, parseAllowedSigners, type AllowedSigners, type SignerCheck } from './allowed-signers.js';
import { gitRoot } from './git.js';
import { readRecord, RecordError, recordFileName, recordText, REVIEW_NAMESPACE, serializePayload, type ReviewPayload } from './record.js';
import type { SshPublicKey } from './sshsig.js';

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

/** `path` relative to the root with `/`, or undefined when it lies outside the repository. */
export function repoPath(repo: ReviewRepo, path: string): string | undefined {
  const rel = relative(repo.root, resolve(path));
  if (!rel || rel.startsWith('..') || rel.startsWith(sep) || /^[A-Za-z]:/.test(rel)) return undefined;
  return rel.split(sep).join('/');
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

export function loadRecords(repo: ReviewRepo, signers: AllowedSigners, now = new Date()): LoadedRecords {
  const dir = join(repo.root, REVIEWS);
  const records: LoadedRecord[] = [];
  const problems: RecordError[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records, problems };
    throw new ReviewSetupError(`${REVIEWS} kan niet gelezen worden (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  names.sort();
  for (const name of names) {
    if (name === '.gitattributes') continue;
    const file = `${REVIEWS}/${name}`;
    if (!name.endsWith('.review')) {
      problems.push(new RecordError(file, 'malformed', 'onbekend bestand in de reviewmap (alleen *.review en .gitattributes horen hier)'));
      continue;
    }
    let raw: string;
    try {
      raw = readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      problems.push(new RecordError(file, 'malformed', `kan niet gelezen worden (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
      continue;
    }
    try {
      const { payload, key } = readRecord(raw, file, name);
      const time = new Date(payload.time);
      if (time.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        problems.push(new RecordError(file, 'malformed', `tijd ${payload.time} ligt in de toekomst`));
        continue;
      }
      records.push({ file, payload, key, trust: checkSigner(signers, payload.principal, key, REVIEW_NAMESPACE, time) });
    } catch (error) {
      if (error instanceof RecordError) problems.push(error);
      else throw error;
    }
  }
  return { records, problems };
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
