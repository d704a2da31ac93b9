// The review actions: request, approve, changes, revoke, keys add; and the read-only
// questions status, verify, diff, log. They return data; the CLI formats it.
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigLoader, findLetterFiles, InputError, lintFile } from '@huurbrief/core/node';
import { checkSigner, matchPatternList, parseAllowedSigners, parseSshTime, type AllowedSigners } from './allowed-signers.js';
import { diffLines, type DiffHunk } from './diff.js';
import {
  blobHashes,
  commitGraph,
  gitConfig,
  gitState,
  hasCommits,
  isShallow,
  letterHistories,
  lsTree,
  mergeBase,
  readBlobs,
  recordChanges,
  resolveCommit,
  revList,
  showFile,
  workTreeStates,
  type CommitGraph,
  type RecordChange,
  type TreeEntry,
} from './git.js';
import { MAX_RECORD_BYTES } from './record-files.js';
import { gitLetterScope } from './scope.js';
import { readLetterContent, textOfBytes, type LetterContent } from './content.js';
import { BYTES_FORMAT_VERSION, contentKindOf, FORMAT_VERSION, normaliseContent, REVIEW_NAMESPACE, serializePayload, type LintSummary, type ReviewKind, type ReviewPayload } from './record.js';
import { resolveSigningKey, sshKeygenSign } from './sign.js';
import { parsePublicKeyLine } from './sshsig.js';
import { gitOrigins, Identities, reviewReport, type LetterStatus, type Preloaded, type ReviewReport, type StatusOptions } from './status.js';
import { parseAmbassadors, ambassadorRuleFor, type Ambassadors } from './ambassadors.js';
import { ALLOWED_SIGNERS, AMBASSADORS, findRepo, loadAllowedSigners, loadAmbassadors, loadRecordsParallel, repoPath, REVIEWS, ReviewSetupError, writeRecord, type LoadedRecords, type RecordSource, type ReviewRepo } from './store.js';

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
  | 'self-review'
  | 'not-ambassador';

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
  /** Text and hash, read once from the same bytes. */
  content: LetterContent;
}

function prepare(letter: string, cwd: string): Prepared | ActionResult {
  const repo = findRepo(cwd);
  const abs = resolve(cwd, letter);
  const rel = repoPath(repo, abs);
  if (rel === undefined || rel.startsWith('.huurbrief/')) {
    return refuse('outside-repository', `${letter} ligt buiten de repository ${repo.root}; alleen brieven in de repository kunnen beoordeeld worden`);
  }
  let content: LetterContent;
  try {
    content = readLetterContent(abs, rel);
  } catch (error) {
    // Name the letter as the user gave it (as status, diff and log do), not the absolute path.
    if (error instanceof InputError) throw new InputError(letter, error.reason);
    throw error;
  }
  return { repo, abs, rel, content };
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
  fingerprint: string;
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
  return { principal, fingerprint: key.publicKey.fingerprint, sign: (payload) => sshKeygenSign(key, payload), cleanup };
}

function record(kind: ReviewKind, p: Prepared, signer: Signer, now: Date, lint: LintSummary, extra: Partial<ReviewPayload>, comment: string): ActionResult {
  // Text letters keep format version 1 (older huurbrief versions read it); a Word letter's hash is
  // over its bytes, which only version 2 can say.
  const bytes = p.content.kind === 'bytes';
  const payload: ReviewPayload = {
    'huurbrief-review': bytes ? BYTES_FORMAT_VERSION : FORMAT_VERSION,
    kind,
    path: p.rel,
    sha256: p.content.hash,
    ...(bytes ? { content: 'bytes' as const } : {}),
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

/** The ambassadors line for the letter's path in the working tree, when one with ambassadors applies. */
function ambassadorsOf(p: Prepared) {
  const amb = loadAmbassadors(p.repo);
  const rule = amb ? ambassadorRuleFor(amb, p.rel)?.rule : undefined;
  return rule?.ambassadors.length ? rule : undefined;
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
    const rule = ambassadorsOf(p);
    const { summary } = lintSummary(p.abs, options.configFile);
    const result = record('request', p, signer, now, summary, options.reviewer ? { reviewer: options.reviewer } : {}, options.comment ?? '');
    if (result.ok) {
      const known = options.reviewer ? loadAllowedSigners(p.repo).entries.some((e) => matchPatternList(options.reviewer!, e.principals)) : true;
      const ambassador = !rule || !options.reviewer || rule.ambassadors.some((a) => a.toLowerCase() === options.reviewer!.toLowerCase());
      result.message = `beoordeling gevraagd${options.reviewer ? ` aan ${options.reviewer}` : ''} voor ${p.rel}` +
        (known ? '' : ` (let op: ${options.reviewer} staat nog niet in ${ALLOWED_SIGNERS} en kan dus nog niet goedkeuren)`) +
        (ambassador ? '' : ` (let op: ${options.reviewer} is geen ambassadeur voor ${p.rel}; aftekenen kan alleen door ${rule.ambassadors.join(' of ')}, ${AMBASSADORS} regel ${rule.line})`);
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
    // One key is one person: the same key under another name is still the author.
    const mine = new Identities(loadAllowedSigners(p.repo)).ofKey(signer.fingerprint, new Set([`p:${me}`]));
    const byName = status.authors.some((a) => mine.has(`p:${a.trim().toLowerCase()}`));
    if (byName || status.authorKeys.includes(signer.fingerprint)) {
      return refuse('author', `u (${signer.principal}) bent auteur van deze versie van ${p.rel} en mag hem niet zelf goedkeuren; auteurs: ${status.authors.join(', ')}`);
    }
    // Where ambassadors apply, only they can sign off (while an applying line still needs its ambassador).
    const open = status.signOff.requirements.filter((q) => !q.met);
    if (open.length && !open.some((q) => q.ambassadors.some((a) => mine.has(`p:${a.trim().toLowerCase()}`)))) {
      return refuse('not-ambassador', `u (${signer.principal}) bent geen ambassadeur voor ${p.rel}; aftekenen door ${status.signOff.summary}`);
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
    const lines = normaliseContent(p.content.text).replace(/\n$/, '').split('\n').length;
    if (!Number.isInteger(options.line) || options.line < 1 || options.line > lines) {
      // A Word letter's lines are its paragraphs (as in lint's findings).
      const unit = p.content.kind === 'bytes' ? `alinea's (regels zoals lint ze telt)` : 'regels';
      throw new ReviewUsageError(`--line ${options.line} bestaat niet: ${p.rel} heeft ${lines} ${unit}`);
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
  /**
   * `--base <ref>`: read the trust data (allowed_signers, .huurbriefignore) from this commit (in CI
   * the target branch), require records to be append-only since the merge base, and read records from git.
   */
  base?: string;
  /** Stop with exit code 2 when there is no git repository (the CLI's default for verify). */
  requireGit?: boolean;
  /** `--no-git`: check a shared folder without git on purpose (authorship only from signed requests). */
  noGit?: boolean;
}

/** Verify cannot run as asked (git unusable, bad base): exit code 2, with the reason. */
function setupProblem(reason: string): never {
  throw new ReviewSetupError(reason);
}

/** The repository for verify: git when it can be used; never a silent fall-back to a weaker check. */
function verifyRepo(cwd: string, options: ScopeOptions): ReviewRepo {
  if (options.noGit) {
    if (options.base) setupProblem('--base en --no-git gaan niet samen: de basis komt uit git');
    const repo = findRepo(cwd, { noGit: true });
    return repo;
  }
  const state = gitState(existsSync(cwd) ? cwd : process.cwd());
  if (state.kind === 'unusable') {
    setupProblem(`git is niet bruikbaar: ${state.reason}. Zonder git is niet vast te stellen wie de brieven schreef; herstel dit (voor een gedeelde map zonder git: --no-git)`);
  }
  if (state.kind === 'none' && (options.requireGit || options.base)) {
    setupProblem(`geen git-repository bij ${cwd}: verify leest auteurs en reviewgegevens uit git (voor een gedeelde map zonder git: --no-git)`);
  }
  return findRepo(cwd);
}

/**
 * `review status` / `review verify`: the state of every letter in `paths` (files, folders, globs;
 * default the working directory). Letters outside the repository are problems (exit code 2).
 */
export async function verify(paths: readonly string[], options: ScopeOptions = {}): Promise<ReviewReport> {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const repo = verifyRepo(cwd, options);
  const statusOptions: StatusOptions = { now };
  if (options.requireSignedCommits) statusOptions.requireSignedCommits = true;
  const early: { file: string; reason: string; code: string }[] = [];
  let letters: string[] = [];
  let skipped: { file: string; reason: string }[] = [];
  let blobs = new Map<string, string>();
  let base: { ref: string; commit: string; mergeBase: string } | undefined;
  let cleanup = () => {};
  let signedCommitsFile: string | undefined;

  // Trust data: from the base with --base, never from the change under review.
  let signers: AllowedSigners;
  let ambassadors: Ambassadors | null;
  let ignoreText: string | undefined;
  if (repo.git && options.base) {
    if (!hasCommits(repo.root)) setupProblem('de repository heeft nog geen commits');
    if (isShallow(repo.root)) {
      setupProblem('ondiepe clone: de git-geschiedenis is onvolledig, dus de basis, de wijziging en wie de brieven schreef zijn niet vast te stellen; haal de volledige geschiedenis op (git fetch --unshallow, of fetch-depth: 0 in CI)');
    }
    const commit = resolveCommit(repo.root, options.base);
    base = { ref: options.base, commit, mergeBase: mergeBase(repo.root, commit, 'HEAD') };
    const file = showFile(repo.root, commit, ALLOWED_SIGNERS);
    if (!file) setupProblem(`${ALLOWED_SIGNERS} ontbreekt op de basis ${options.base}: wie mag goedkeuren moet eerst op de basis staan`);
    if (file.mode !== '100644' && file.mode !== '100755') setupProblem(`${ALLOWED_SIGNERS} op de basis ${options.base} is geen gewoon bestand`);
    signers = parseAllowedSigners(file.text, `${ALLOWED_SIGNERS} (basis ${options.base})`);
    ignoreText = showFile(repo.root, commit, '.huurbriefignore')?.text;
    // Ambassadors too: an author cannot name themselves ambassador in the change (none on the base: none at all).
    const amb = showFile(repo.root, commit, AMBASSADORS);
    if (amb && amb.mode !== '100644' && amb.mode !== '100755') setupProblem(`${AMBASSADORS} op de basis ${options.base} is geen gewoon bestand`);
    ambassadors = amb ? parseAmbassadors(amb.text, `${AMBASSADORS} (basis ${options.base})`) : null;
  } else {
    signers = loadAllowedSigners(repo);
    ambassadors = loadAmbassadors(repo) ?? null;
    if (repo.git) ignoreText = readIgnore(repo.root);
  }

  // Scope.
  if (repo.git) {
    const scope = gitLetterScope(repo.root, cwd, paths, ignoreText);
    letters = scope.letters;
    skipped = scope.skipped;
    blobs = scope.blobs;
    early.push(...scope.problems);
  } else {
    const found = await findLetterFiles(paths, cwd);
    early.push(...found.errors.map((e) => ({ file: e.path, reason: e.reason, code: 'input' })));
    for (const f of found.files) {
      const rel = repoPath(repo, f);
      if (rel === undefined) early.push({ file: f, reason: `ligt buiten de repository ${repo.root}`, code: 'input' });
      else if (!rel.startsWith('.huurbrief/')) {
        const link = symlinkIn(repo.root, rel);
        if (link) early.push({ file: link, reason: 'is een symbolische koppeling; een brief (of briefmap) moet een gewoon bestand zijn', code: 'symlink' });
        else letters.push(rel);
      }
    }
  }
  if (!letters.length && !early.length) {
    early.push({
      file: paths.length ? paths.join(' ') : '.',
      code: 'empty',
      reason: `geen brieven gevonden om te controleren${skipped.length ? ` (${skipped.length} niet gecontroleerd, zie de lijst)` : ''}; een controle over nul brieven bewijst niets`,
    });
  }

  // Records: from git with --base (what HEAD holds, append-only since the merge base); else from the folder.
  let loaded: LoadedRecords;
  let graph: CommitGraph | undefined;
  let worktree: Map<string, 'untracked' | 'modified'> | undefined;
  let changes: RecordChange[] = [];
  try {
    if (repo.git) {
      graph = commitGraph(repo.root);
      worktree = workTreeStates(repo.root);
      changes = recordChanges(repo.root);
      let range: Set<string> | undefined;
      let floor: number | undefined;
      let source: RecordSource | undefined;
      if (base) {
        range = new Set(revList(repo.root, `${base.mergeBase}..HEAD`));
        floor = graph.time.get(base.mergeBase);
        const records = recordsFromHead(repo.root, base, range, worktree, changes);
        early.push(...records.problems);
        source = { entries: records.entries };
        if (options.requireSignedCommits) {
          const dir = mkdtempSync(join(tmpdir(), 'huurbrief-signers-'));
          signedCommitsFile = join(dir, 'allowed_signers');
          writeFileSync(signedCommitsFile, showFile(repo.root, base.commit, ALLOWED_SIGNERS)!.text);
          cleanup = () => rmSync(dir, { recursive: true, force: true });
        }
      }
      const originOf = gitOrigins(repo.root, graph, now, { changes, ...(range ? { range } : {}), ...(floor !== undefined ? { floor } : {}) });
      loaded = await loadRecordsParallel(repo, signers, now, originOf, source);
    } else loaded = await loadRecordsParallel(repo, signers, now);

    // The committed text is what goes out: a checkout that differs from its blob (a gitattributes filter) is refused.
    const current = new Map<string, string>();
    if (repo.git && blobs.size && worktree) {
      const dirty = worktree;
      const clean = letters.filter((l) => blobs.has(l) && !dirty.has(l));
      // Text letters against the normalised text of their blob; Word letters byte for byte.
      const textBlobs = blobHashes(repo.root, clean.filter((l) => contentKindOf(l) === 'text').map((l) => blobs.get(l)!), 'text');
      const byteBlobs = blobHashes(repo.root, clean.filter((l) => contentKindOf(l) === 'bytes').map((l) => blobs.get(l)!), 'bytes');
      for (const l of clean) {
        let hash: string;
        try {
          hash = readLetterContent(join(repo.root, l), l, { allowEmpty: true }).hash;
        } catch {
          continue; // reported by reviewReport
        }
        current.set(l, hash);
        if (hash !== (contentKindOf(l) === 'bytes' ? byteBlobs : textBlobs).get(blobs.get(l)!)) {
          early.push({
            file: l,
            code: 'checkout',
            reason: 'de uitgecheckte brief wijkt af van de inhoud in git (een filter in .gitattributes, zoals ident of eol?); onduidelijk welke tekst is goedgekeurd, dus geweigerd',
          });
        }
      }
    }

    const preloaded: Preloaded = { signers, ambassadors, loaded, current, ...(graph ? { graph } : {}), ...(worktree ? { dirty: worktree } : {}) };
    if (signedCommitsFile) preloaded.signedCommitsFile = signedCommitsFile;
    const report = reviewReport(repo, letters, statusOptions, preloaded);
    report.skipped = skipped;
    if (repo.git && !base) {
      report.guarantees.push('Zonder --base komen allowed_signers, ambassadors en .huurbriefignore uit de werkmap, dus uit de wijziging zelf: gebruik in CI --base <doeltak>.');
    }
    if (base) {
      report.base = base;
      report.guarantees.push(
        `Wie mag tekenen (allowed_signers), wie ambassadeur is (ambassadors) en wat is uitgesloten (.huurbriefignore) komen van de basis ${base.ref}, niet uit de wijziging; records die op de basis stonden of in de wijziging zijn toegevoegd, zijn niet verwijderd of gewijzigd.`,
      );
    }
    if (early.length) {
      report.problems.unshift(...early);
      report.exitCode = 2;
    }
    return report;
  } finally {
    cleanup();
  }
}

function readIgnore(root: string): string | undefined {
  try {
    return readFileSync(join(root, '.huurbriefignore'), 'utf8');
  } catch {
    return undefined;
  }
}

function symlinkIn(root: string, rel: string): string | undefined {
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    try {
      if (lstatSync(join(root, sub)).isSymbolicLink()) return sub;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The records HEAD holds, read from git objects (regular files of at most 64 KB only), and the
 * append-only check: every record at the merge base, and every record added by a commit of the
 * change, must be at HEAD unchanged.
 */
function recordsFromHead(root: string, base: { ref: string; mergeBase: string }, range: Set<string>, worktree: Map<string, 'untracked' | 'modified'>, changes: RecordChange[]) {
  const problems: { file: string; reason: string; code: string }[] = [];
  const dirty = [...worktree.keys()].filter((p) => p.startsWith('.huurbrief/'));
  if (dirty.length) {
    problems.push({ file: dirty[0]!, code: 'uncommitted', reason: `reviewgegevens met wijzigingen die niet zijn vastgelegd (${dirty.length} bestand(en)); verify --base controleert wat in git staat` });
  }
  const head = lsTree(root, 'HEAD', REVIEWS);
  const atBase = lsTree(root, base.mergeBase, REVIEWS);
  for (const [path, entry] of atBase) {
    const now = head.get(path);
    if (!now) problems.push({ file: path, code: 'deleted', reason: `stond op de basis ${base.ref} maar ontbreekt nu: records mogen niet verwijderd worden (ook geen bezwaar of intrekking van een collega)` });
    else if (now.blob !== entry.blob) problems.push({ file: path, code: 'altered', reason: `is gewijzigd sinds de basis ${base.ref}: records mogen niet gewijzigd worden` });
  }
  for (const ch of changes) {
    if (!range.has(ch.commit) || ch.status !== 'A') continue;
    const now = head.get(ch.path);
    if (!now) problems.push({ file: ch.path, code: 'deleted', reason: `toegevoegd in commit ${ch.commit.slice(0, 10)} maar ontbreekt nu: records mogen niet verwijderd worden` });
    else if (now.blob !== ch.blob) problems.push({ file: ch.path, code: 'altered', reason: `toegevoegd in commit ${ch.commit.slice(0, 10)} en daarna gewijzigd: records mogen niet gewijzigd worden` });
  }
  const entries: { name: string; raw?: string; error?: string }[] = [];
  const readable: [string, TreeEntry][] = [];
  for (const [path, entry] of head) {
    const name = path.slice(REVIEWS.length + 1);
    if (name === '.gitattributes') continue;
    if (entry.mode === '120000') entries.push({ name, error: 'is een symbolische koppeling; een record moet een gewoon bestand zijn' });
    else if (entry.mode !== '100644' && entry.mode !== '100755') entries.push({ name, error: `is geen gewoon bestand (git-modus ${entry.mode})` });
    else if (entry.size > MAX_RECORD_BYTES) entries.push({ name, error: `is te groot (${entry.size} bytes; een record is hooguit ${MAX_RECORD_BYTES} bytes)` });
    else readable.push([name, entry]);
  }
  const contents = readBlobs(root, readable.map(([, e]) => e.blob));
  for (const [name, entry] of readable) entries.push({ name, raw: contents.get(entry.blob)!.toString('utf8') });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { entries, problems };
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
  /** Line (for a Word letter: paragraph) diff of the text. */
  hunks: DiffHunk[];
  /**
   * A Word letter whose text is what was approved but whose bytes are not: only its formatting
   * changed (fonts, spacing, a bold run). Still stale: a Word letter is signed off by its bytes.
   */
  formattingOnly?: boolean;
  /** Why no diff could be made (never approved, no git history of that content). */
  unavailable?: string;
}

/** `review diff`: what changed since the last approved content (a Word letter: its paragraphs). */
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
  const hashes = blobHashes(repo.root, chain.map((c) => c.blob), contentKindOf(rel));
  const hit = chain.find((c) => hashes.get(c.blob) === approval.sha256);
  if (!hit) {
    return { path: rel, approval, unchanged: false, hunks: [], unavailable: 'de goedgekeurde versie staat niet in de git-geschiedenis van deze brief (nooit vastgelegd?)' };
  }
  let before: string;
  try {
    // The blob's bytes, read as the letter is (a Word document: its paragraphs), never assumed to be UTF-8.
    before = textOfBytes(hit.path, readBlobs(repo.root, [hit.blob]).get(hit.blob)!);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { path: rel, approval, unchanged: false, hunks: [], unavailable: `de goedgekeurde versie is niet te lezen: ${error.reason}` };
  }
  const current = normaliseContent(readLetterContent(join(repo.root, rel), rel, { allowEmpty: true }).text);
  const hunks = diffLines(before, current);
  return { path: rel, approval, unchanged: false, hunks, ...(!hunks.length && contentKindOf(rel) === 'bytes' ? { formattingOnly: true } : {}) };
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
