// The review actions: request, approve, changes, revoke, keys add; and the read-only
// questions status, verify, diff, log. They return data; the CLI formats it.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigLoader, findLetterFiles, InputError, lintFile, readLetterFile } from '@huurbrief/core/node';
import { checkSigner, matchPatternList, parseSshTime } from './allowed-signers.js';
import { diffLines, type DiffHunk } from './diff.js';
import { blobHashes, blobText, gitConfig, letterHistories, workTreeStates } from './git.js';
import { contentHash, FORMAT_VERSION, normaliseContent, REVIEW_NAMESPACE, serializePayload, type LintSummary, type ReviewKind, type ReviewPayload } from './record.js';
import { resolveSigningKey, sshKeygenSign } from './sign.js';
import { parsePublicKeyLine } from './sshsig.js';
import { reviewReport, type LetterStatus, type ReviewReport, type StatusOptions } from './status.js';
import { ALLOWED_SIGNERS, findRepo, loadAllowedSigners, loadRecordsParallel, repoPath, ReviewSetupError, writeRecord, type ReviewRepo } from './store.js';

/** Why an action was refused (exit code 1). */
export type RefusalCode =
  | 'outside-repository'
  | 'uncommitted'
  | 'unknown-signer'
  | 'expired-signer'
  | 'author'
  | 'lint-errors'
  | 'not-approved'
  | 'already-approved'
  | 'self-review';

export type ActionResult =
  | { ok: true; /** Repo-relative record file written (absent when nothing needed writing). */ file?: string; payload?: ReviewPayload; message: string }
  | { ok: false; code: RefusalCode; reason: string };

export interface ActionOptions {
  /** Working directory (defaults to process.cwd()): finds the repository and resolves relative paths. */
  cwd?: string;
  /** `--key`: private key file, or public key with the private half in ssh-agent. Default: git's user.signingkey. */
  key?: string;
  /** Which principal to sign as, when the key belongs to several. */
  principal?: string;
  comment?: string;
  /** Config for the lint gate (default: huurbrief.config.json found from the letter). */
  configFile?: string;
  now?: Date;
}

/** Wrong use of a review command (missing reason, line out of range, bad name): exit code 2. */
export class ReviewUsageError extends Error {
  override readonly name = 'ReviewUsageError';
}

const refuse = (code: RefusalCode, reason: string): ActionResult => ({ ok: false, code, reason });

interface Prepared {
  repo: ReviewRepo;
  abs: string;
  rel: string;
  text: string;
}

function prepare(letter: string, cwd: string): Prepared | ActionResult {
  const repo = findRepo(cwd);
  const abs = resolve(cwd, letter);
  const rel = repoPath(repo, abs);
  if (rel === undefined || rel.startsWith('.huurbrief/')) {
    return refuse('outside-repository', `${letter} ligt buiten de repository ${repo.root}; alleen brieven in de repository kunnen beoordeeld worden`);
  }
  let text: string;
  try {
    text = readLetterFile(abs).text;
  } catch (error) {
    // Name the letter as the user gave it (as status, diff and log do), not the absolute path.
    if (error instanceof InputError) throw new InputError(letter, error.reason);
    throw error;
  }
  return { repo, abs, rel, text };
}

function lintSummary(abs: string, configFile: string | undefined): { summary: LintSummary; errors: string[] } {
  const loader = new ConfigLoader(configFile ? { configFile } : {});
  const { result } = lintFile(abs, loader);
  const summary = { errors: 0, warnings: 0, infos: 0 };
  const errors: string[] = [];
  for (const m of result.messages) {
    if (m.severity === 'error') {
      summary.errors++;
      errors.push(`${m.line}:${m.column} ${m.message} (${m.ruleId})`);
    } else if (m.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { summary, errors };
}

interface Signer {
  principal: string;
  sign: (payload: string) => string;
  cleanup: () => void;
}

/** Resolves the key and the principal it may sign as (refusal when the key is not allowed now). */
function resolveSigner(repo: ReviewRepo, options: ActionOptions, now: Date): Signer | ActionResult {
  const key = resolveSigningKey(options.key, options.key ? undefined : gitConfig(repo.root, 'user.signingkey'), options.cwd ?? process.cwd());
  const cleanup = () => key.cleanup?.();
  const signers = loadAllowedSigners(repo);
  const own = signers.entries.filter((e) => e.key.blob.equals(key.publicKey.blob));
  const candidates = [...new Set(own.flatMap((e) => e.principals.filter((p) => !/[*?!]/.test(p))))];
  let principal = options.principal;
  if (!principal) {
    const email = gitConfig(repo.root, 'user.email');
    principal = candidates.length === 1 ? candidates[0] : candidates.find((c) => email && c.toLowerCase() === email.toLowerCase());
  }
  if (!principal) {
    cleanup();
    if (!own.length) return refuse('unknown-signer', `uw sleutel ${key.publicKey.fingerprint} (${key.source}) staat niet in ${ALLOWED_SIGNERS}; vraag een collega u toe te voegen met "huurbrief review keys add"`);
    return refuse('unknown-signer', `uw sleutel hoort bij meerdere namen (${candidates.join(', ')}); kies er een met --principal`);
  }
  const check = checkSigner(signers, principal, key.publicKey, REVIEW_NAMESPACE, now);
  if (!check.ok) {
    cleanup();
    return refuse(check.code, check.reason);
  }
  return { principal, sign: (payload) => sshKeygenSign(key, payload), cleanup };
}

function record(kind: ReviewKind, p: Prepared, signer: Signer, now: Date, lint: LintSummary, extra: Partial<ReviewPayload>, comment: string): ActionResult {
  const payload: ReviewPayload = {
    'huurbrief-review': FORMAT_VERSION,
    kind,
    path: p.rel,
    sha256: contentHash(p.text),
    principal: signer.principal,
    time: now.toISOString(),
    comment,
    lint,
    ...extra,
  };
  const line = serializePayload(payload);
  const signature = signer.sign(line);
  const file = writeRecord(p.repo, payload, signature);
  return { ok: true, file, payload, message: '' };
}

function statusOf(p: Prepared, now: Date): LetterStatus {
  const report = reviewReport(p.repo, [p.rel], { now });
  const bad = report.problems.filter((x) => x.code !== 'letter');
  if (bad.length) {
    throw new ReviewSetupError(`de reviewgegevens bevatten fouten; herstel die eerst:\n${bad.map((x) => `  ${x.file}: ${x.reason}`).join('\n')}`);
  }
  return report.letters[0]!;
}

function withSigner(p: Prepared, options: ActionOptions, now: Date, body: (signer: Signer) => ActionResult): ActionResult {
  const signer = resolveSigner(p.repo, options, now);
  if ('ok' in signer) return signer;
  try {
    return body(signer);
  } finally {
    signer.cleanup();
  }
}

/** `review request`: the writer asks a colleague to review the letter's current content. */
export function requestReview(letter: string, options: ActionOptions & { reviewer?: string } = {}): ActionResult {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const p = prepare(letter, cwd);
  if ('ok' in p) return p;
  return withSigner(p, options, now, (signer) => {
    if (options.reviewer && options.reviewer.toLowerCase() === signer.principal.toLowerCase()) {
      return refuse('self-review', 'u kunt uzelf niet als beoordelaar vragen: een collega moet de brief beoordelen');
    }
    const { summary } = lintSummary(p.abs, options.configFile);
    const result = record('request', p, signer, now, summary, options.reviewer ? { reviewer: options.reviewer } : {}, options.comment ?? '');
    if (result.ok) {
      const known = options.reviewer ? loadAllowedSigners(p.repo).entries.some((e) => matchPatternList(options.reviewer!, e.principals)) : true;
      result.message = `beoordeling gevraagd${options.reviewer ? ` aan ${options.reviewer}` : ''} voor ${p.rel}` +
        (known ? '' : ` (let op: ${options.reviewer} staat nog niet in ${ALLOWED_SIGNERS} en kan dus nog niet goedkeuren)`);
    }
    return result;
  });
}

/** `review approve`: a colleague signs off the letter's current content. */
export function approve(letter: string, options: ActionOptions & { overrideLint?: boolean } = {}): ActionResult {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  if (options.overrideLint && !options.comment?.trim()) {
    throw new ReviewUsageError('--override-lint vraagt om een reden: geef -m "<waarom de lintfouten hier terecht zijn>"');
  }
  const p = prepare(letter, cwd);
  if ('ok' in p) return p;
  if (p.repo.git) {
    const state = workTreeStates(p.repo.root).get(p.rel);
    if (state) {
      return refuse('uncommitted', `${p.rel} ${state === 'untracked' ? 'is nog niet in git vastgelegd' : 'heeft wijzigingen die nog niet in git zijn vastgelegd'}; leg de brief eerst vast (git commit), zodat vaststaat wie hem schreef`);
    }
  }
  return withSigner(p, options, now, (signer) => {
    const status = statusOf(p, now);
    const me = signer.principal.toLowerCase();
    if (status.authors.some((a) => a.toLowerCase() === me)) {
      return refuse('author', `u (${signer.principal}) bent auteur van deze versie van ${p.rel} en mag hem niet zelf goedkeuren; auteurs: ${status.authors.join(', ')}`);
    }
    if (status.approvals.some((a) => a.principal.toLowerCase() === me)) {
      return { ok: true, message: `u had deze versie van ${p.rel} al goedgekeurd` };
    }
    const { summary, errors } = lintSummary(p.abs, options.configFile);
    if (summary.errors && !options.overrideLint) {
      const shown = errors.slice(0, 5).map((e) => `\n  ${e}`).join('') + (errors.length > 5 ? `\n  ... en nog ${errors.length - 5}` : '');
      return refuse('lint-errors', `${p.rel} heeft ${summary.errors} lintfout${summary.errors === 1 ? '' : 'en'}; los ze op, of keur goed met --override-lint -m "<reden>":${shown}`);
    }
    const result = record('approve', p, signer, now, summary, options.overrideLint && summary.errors ? { lintOverride: true } : {}, options.comment ?? '');
    if (result.ok) result.message = `${p.rel} goedgekeurd door ${signer.principal}${options.overrideLint && summary.errors ? ` ondanks ${summary.errors} ${summary.errors === 1 ? 'lintfout' : 'lintfouten'}` : ''}`;
    return result;
  });
}

/** `review changes`: ask for changes, optionally tied to a line. */
export function requestChanges(letter: string, options: ActionOptions & { line?: number } = {}): ActionResult {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  if (!options.comment?.trim()) throw new ReviewUsageError('zeg wat er moet veranderen: geef -m "<opmerking>"');
  const p = prepare(letter, cwd);
  if ('ok' in p) return p;
  if (options.line !== undefined) {
    const lines = normaliseContent(p.text).replace(/\n$/, '').split('\n').length;
    if (!Number.isInteger(options.line) || options.line < 1 || options.line > lines) {
      throw new ReviewUsageError(`--line ${options.line} bestaat niet: ${p.rel} heeft ${lines} regels`);
    }
  }
  return withSigner(p, options, now, (signer) => {
    const { summary } = lintSummary(p.abs, options.configFile);
    const result = record('changes', p, signer, now, summary, options.line !== undefined ? { line: options.line } : {}, options.comment!);
    if (result.ok) result.message = `wijzigingen gevraagd voor ${p.rel}${options.line ? ` (regel ${options.line})` : ''}`;
    return result;
  });
}

/** `review revoke`: withdraw your own approval of the current content. */
export function revoke(letter: string, options: ActionOptions = {}): ActionResult {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const p = prepare(letter, cwd);
  if ('ok' in p) return p;
  return withSigner(p, options, now, (signer) => {
    const status = statusOf(p, now);
    const me = signer.principal.toLowerCase();
    const mine = status.history.filter((h) => h.trusted && h.current && h.kind !== 'request' && h.principal.toLowerCase() === me).at(-1);
    if (!mine || mine.kind !== 'approve') {
      return refuse('not-approved', `u (${signer.principal}) heeft de huidige versie van ${p.rel} niet goedgekeurd; er is niets in te trekken`);
    }
    const { summary } = lintSummary(p.abs, options.configFile);
    const result = record('revoke', p, signer, now, summary, {}, options.comment ?? '');
    if (result.ok) result.message = `goedkeuring van ${p.rel} ingetrokken door ${signer.principal}`;
    return result;
  });
}

// ---------------------------------------------------------------------------
// Read-only

export interface ScopeOptions {
  cwd?: string;
  requireSignedCommits?: boolean;
  now?: Date;
}

/**
 * `review status` / `review verify`: the state of every letter in `paths` (files, folders, globs;
 * default the working directory). Letters outside the repository are problems (exit code 2).
 */
export async function verify(paths: readonly string[], options: ScopeOptions = {}): Promise<ReviewReport> {
  const cwd = options.cwd ?? process.cwd();
  const repo = findRepo(cwd);
  const found = await findLetterFiles(paths, cwd);
  const letters: string[] = [];
  const outside: { file: string; reason: string; code: string }[] = found.errors.map((e) => ({ file: e.path, reason: e.reason, code: 'input' }));
  for (const f of found.files) {
    const rel = repoPath(repo, f);
    if (rel === undefined) outside.push({ file: f, reason: `ligt buiten de repository ${repo.root}`, code: 'input' });
    else if (!rel.startsWith('.huurbrief/')) letters.push(rel);
  }
  const statusOptions: StatusOptions = {};
  if (options.requireSignedCommits) statusOptions.requireSignedCommits = true;
  if (options.now) statusOptions.now = options.now;
  const signers = loadAllowedSigners(repo);
  const loaded = await loadRecordsParallel(repo, signers, options.now);
  const report = reviewReport(repo, letters, statusOptions, { signers, loaded });
  if (outside.length) {
    report.problems.unshift(...outside);
    report.exitCode = 2;
  }
  return report;
}

/** The review status of one letter (for the language server and the editor). */
export function reviewStatus(repoRoot: string, letterPath: string, options: StatusOptions = {}): LetterStatus {
  const repo = findRepo(repoRoot);
  const rel = repoPath(repo, resolve(repoRoot, letterPath));
  if (rel === undefined) throw new ReviewSetupError(`${letterPath} ligt buiten de repository ${repo.root}`);
  const report = reviewReport(repo, [rel], options);
  const letter = report.letters[0];
  if (!letter) throw new InputError(rel, report.problems.find((p) => p.file === rel)?.reason ?? 'kan niet gelezen worden');
  return letter;
}

export interface LetterDiff {
  path: string;
  /** The approval the diff is against (absent: never approved). */
  approval?: LetterStatus['lastApproved'];
  /** Nothing changed since the approval. */
  unchanged: boolean;
  hunks: DiffHunk[];
  /** Why no diff could be made (never approved, no git history of that content). */
  unavailable?: string;
}

/** `review diff`: what changed since the last approved content. */
export function diffSinceApproval(letter: string, options: { cwd?: string } = {}): LetterDiff {
  const cwd = options.cwd ?? process.cwd();
  const repo = findRepo(cwd);
  const rel = repoPath(repo, resolve(cwd, letter));
  if (rel === undefined) throw new ReviewSetupError(`${letter} ligt buiten de repository ${repo.root}`);
  const status = reviewStatus(repo.root, rel);
  if (status.approvals.length) return { path: rel, approval: status.approvals.at(-1)!, unchanged: true, hunks: [] };
  const approval = status.lastApproved;
  if (!approval) return { path: rel, unchanged: false, hunks: [], unavailable: 'nog nooit goedgekeurd' };
  if (!repo.git) return { path: rel, approval, unchanged: false, hunks: [], unavailable: 'geen git-repository: de goedgekeurde versie is niet terug te halen' };
  const chain = letterHistories(repo.root, [rel]).byPath.get(rel) ?? [];
  const hashes = blobHashes(repo.root, chain.map((c) => c.blob));
  const hit = chain.find((c) => hashes.get(c.blob) === approval.sha256);
  if (!hit) {
    return { path: rel, approval, unchanged: false, hunks: [], unavailable: 'de goedgekeurde versie staat niet in de git-geschiedenis van deze brief (nooit vastgelegd?)' };
  }
  const current = normaliseContent(readLetterFile(join(repo.root, rel), { allowEmpty: true }).text);
  return { path: rel, approval, unchanged: false, hunks: diffLines(normaliseContent(blobText(repo.root, hit.blob)), current) };
}

/** `review log`: every record about the letter, oldest first (untrusted ones marked). */
export function reviewLog(letter: string, options: { cwd?: string } = {}): LetterStatus {
  const cwd = options.cwd ?? process.cwd();
  return reviewStatus(cwd, resolve(cwd, letter));
}

// ---------------------------------------------------------------------------
// keys add

export interface KeysAddOptions {
  cwd?: string;
  /** `YYYYMMDD[HHMM[SS]][Z]`. */
  validAfter?: string;
  validBefore?: string;
}

/** `review keys add`: adds a colleague's public key to `.huurbrief/allowed_signers`. */
export function addKey(principal: string, publicKeyFile: string, options: KeysAddOptions = {}): { file: string; line: string; fingerprint: string } {
  const cwd = options.cwd ?? process.cwd();
  if (!/^[^\s,"*?!]+$/.test(principal)) {
    throw new ReviewUsageError(`"${principal}" is geen geldige naam: gebruik het e-mailadres van de collega (geen spaties, komma's, aanhalingstekens of * ? !)`);
  }
  for (const [name, value] of [['--valid-after', options.validAfter], ['--valid-before', options.validBefore]] as const) {
    if (value !== undefined && !parseSshTime(value)) throw new ReviewUsageError(`${name} "${value}" is geen geldige datum (JJJJMMDD of JJJJMMDDUUMM, eventueel met Z)`);
  }
  const abs = resolve(cwd, publicKeyFile);
  let keyText: string;
  try {
    keyText = readFileSync(abs, 'utf8');
  } catch {
    throw new InputError(publicKeyFile, 'bestand bestaat niet of is niet leesbaar');
  }
  if (/PRIVATE KEY/.test(keyText)) throw new InputError(publicKeyFile, 'dit is een privésleutel; geef de publieke sleutel (.pub)');
  let key;
  try {
    key = parsePublicKeyLine(keyText);
  } catch (error) {
    throw new InputError(publicKeyFile, `geen publieke SSH-sleutel: ${(error as Error).message}`);
  }
  const repo = findRepo(cwd, { create: true });
  const file = join(repo.root, ALLOWED_SIGNERS);
  if (existsSync(file)) {
    const existing = loadAllowedSigners(repo).entries.filter((e) => e.key.blob.equals(key.blob));
    if (existing.length) {
      throw new ReviewUsageError(`sleutel ${key.fingerprint} staat al in ${ALLOWED_SIGNERS} (regel ${existing[0]!.line}, ${existing[0]!.principals.join(',')})`);
    }
  }
  const opts = [`namespaces="${REVIEW_NAMESPACE},git"`];
  if (options.validAfter) opts.push(`valid-after="${options.validAfter}"`);
  if (options.validBefore) opts.push(`valid-before="${options.validBefore}"`);
  const [type, data] = keyText.trim().split(/\s+/);
  const line = `${principal} ${opts.join(',')} ${type!} ${data!}`;
  mkdirSync(join(repo.root, '.huurbrief'), { recursive: true });
  const prefix = existsSync(file) && !readFileSync(file, 'utf8').endsWith('\n') && readFileSync(file, 'utf8').length ? '\n' : '';
  const header = existsSync(file) ? '' : '# Wie brieven mag goedkeuren (git allowed-signers-formaat). Toevoegen: huurbrief review keys add <e-mail> <sleutel.pub>\n';
  appendFileSync(file, header + prefix + line + '\n');
  return { file: ALLOWED_SIGNERS, line, fingerprint: key.fingerprint };
}
