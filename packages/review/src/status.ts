// The review state of letters: who approved which content, whether that is still the
// current content, and whether the approver is one of its authors.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readLetterFile } from '@huurbrief/core/node';
import { blobHashes, isShallow, letterHistories, workTreeStates, type LetterChange } from './git.js';
import { contentHash, type RecordError } from './record.js';
import type { AllowedSigners } from './allowed-signers.js';
import { ALLOWED_SIGNERS, loadAllowedSigners, loadRecords, type LoadedRecord, type LoadedRecords, type ReviewRepo } from './store.js';

export type ReviewState =
  | 'approved'
  | 'stale'
  | 'pending'
  | 'changes-requested'
  | 'revoked'
  | 'self-approved'
  | 'unknown-signer'
  | 'expired-signer'
  | 'missing';

/** Dutch labels for the states (CLI, editor). */
export const STATE_LABELS: Record<ReviewState, string> = {
  approved: 'goedgekeurd',
  stale: 'verouderd',
  pending: 'wacht op beoordeling',
  'changes-requested': 'wijzigingen gevraagd',
  revoked: 'goedkeuring ingetrokken',
  'self-approved': 'door auteur goedgekeurd',
  'unknown-signer': 'onbekende ondertekenaar',
  'expired-signer': 'ondertekenaar niet (meer) geldig',
  missing: 'geen goedkeuring',
};

export interface ReviewEntry {
  kind: LoadedRecord['payload']['kind'];
  principal: string;
  time: string;
  comment: string;
  file: string;
  /** The letter's path in the record (differs from the current path after a rename). */
  path: string;
  sha256: string;
  line?: number;
  reviewer?: string;
  lintOverride?: boolean;
  lint: LoadedRecord['payload']['lint'];
  /** The record's content is the letter's current content. */
  current: boolean;
  /** False when the signer is not (or no longer) in the allowed signers; `trustReason` says why. */
  trusted: boolean;
  trustReason?: string;
}

export interface LetterStatus {
  /** Repo-relative path. */
  path: string;
  sha256: string;
  state: ReviewState;
  /** True only for `approved`. */
  ok: boolean;
  /** One Dutch sentence: why this state. */
  reason: string;
  /** Valid approvals of the current content (by non-authors). */
  approvals: ReviewEntry[];
  /** Authors of the current content: requesters and git authors since the last approved content. */
  authors: string[];
  /** Reviewers asked for the current content who have not decided yet. */
  reviewers: string[];
  /** Change requests on the current content (latest decision of their signer). */
  comments: ReviewEntry[];
  /** The most recent approval of an earlier content (for `stale` and `review diff`). */
  lastApproved?: ReviewEntry;
  /** Every record about this letter (also under former names), oldest first. */
  history: ReviewEntry[];
  /** Things worth knowing that do not change the state (untrusted records, renames, uncommitted edits). */
  notes: string[];
}

export interface ReviewReport {
  root: string;
  git: boolean;
  /** What the result guarantees, in Dutch (differs inside and outside git). */
  guarantees: string[];
  letters: LetterStatus[];
  /** Bad input: malformed records, bad signatures, unreadable letters (exit code 2). */
  problems: { file: string; reason: string; code: string }[];
  /** 0: every letter approved; 1: some letter is not; 2: bad input. */
  exitCode: 0 | 1 | 2;
}

export interface StatusOptions {
  /** Require that commits changing letters are SSH-signed by an allowed signer (then the signer is the author). */
  requireSignedCommits?: boolean;
  now?: Date;
}

const lower = (s: string) => s.trim().toLowerCase();
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

function entryOf(r: LoadedRecord, currentHash: string): ReviewEntry {
  const p = r.payload;
  const e: ReviewEntry = {
    kind: p.kind,
    principal: p.principal,
    time: p.time,
    comment: p.comment,
    file: r.file,
    path: p.path,
    sha256: p.sha256,
    lint: p.lint,
    current: p.sha256 === currentHash,
    trusted: r.trust.ok,
  };
  if (p.line !== undefined) e.line = p.line;
  if (p.reviewer !== undefined) e.reviewer = p.reviewer;
  if (p.lintOverride) e.lintOverride = true;
  if (!r.trust.ok) e.trustReason = r.trust.reason;
  return e;
}


export const GUARANTEES_GIT = [
  'Elke goedkeuring is ondertekend met een SSH-sleutel uit .huurbrief/allowed_signers en hoort bij de huidige inhoud van de brief.',
  'De goedkeurder is niet de aanvrager en niet een git-auteur van de wijzigingen sinds de laatst goedgekeurde versie (hernoemingen gevolgd). Let op: git-auteursnamen zijn te vervalsen; gebruik --require-signed-commits om ondertekende commits te eisen.',
];
export const GUARANTEES_NO_GIT = [
  'Elke goedkeuring is ondertekend met een SSH-sleutel uit .huurbrief/allowed_signers en hoort bij de huidige inhoud van de brief.',
  'Geen git-repository: het auteurschap komt alleen uit de ondertekende verzoeken (review request). Wie de brief daarna wijzigde is niet bekend, dus een goedkeuring door die persoon wordt niet herkend als zelfgoedkeuring.',
];

/**
 * The review state of the given letters (repo-relative paths). Reads the records and allowed
 * signers once; one git process for all histories. Never throws for bad records: they are in
 * `problems`. Throws ReviewSetupError / AllowedSignersError when the allowed-signers file is missing or bad.
 */
export function reviewReport(
  repo: ReviewRepo,
  letters: readonly string[],
  options: StatusOptions = {},
  preloaded?: { signers: AllowedSigners; loaded: LoadedRecords },
): ReviewReport {
  const signers = preloaded?.signers ?? loadAllowedSigners(repo);
  const { records, problems } = preloaded?.loaded ?? loadRecords(repo, signers, options.now);
  const report: ReviewReport = {
    root: repo.root,
    git: repo.git,
    guarantees: repo.git ? [...GUARANTEES_GIT] : [...GUARANTEES_NO_GIT],
    letters: [],
    problems: problems.map((p: RecordError) => ({ file: p.file, reason: p.reason, code: p.code })),
    exitCode: 0,
  };
  if (repo.git && isShallow(repo.root)) {
    report.problems.push({
      file: '.git',
      code: 'shallow',
      reason: 'ondiepe clone: de git-geschiedenis is onvolledig, dus wie de brieven schreef is niet vast te stellen; haal de volledige geschiedenis op (git fetch --unshallow, of fetch-depth: 0 in CI)',
    });
  }
  if (options.requireSignedCommits) {
    report.guarantees.push('Commits die een brief wijzigen moeten met SSH ondertekend zijn door iemand uit .huurbrief/allowed_signers; de ondertekenaar telt als auteur.');
  }

  const byPath = new Map<string, LoadedRecord[]>();
  for (const r of records) {
    let list = byPath.get(r.payload.path);
    if (!list) byPath.set(r.payload.path, (list = []));
    list.push(r);
  }

  // Current contents.
  const current = new Map<string, string>();
  for (const path of letters) {
    try {
      current.set(path, contentHash(readLetterFile(join(repo.root, path), { allowEmpty: true }).text));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report.problems.push({ file: path, reason: error.reason, code: 'letter' });
    }
  }
  const paths = letters.filter((p) => current.has(p));
  const histories = repo.git
    ? letterHistories(repo.root, paths, options.requireSignedCommits ? { signedCommits: join(repo.root, ALLOWED_SIGNERS) } : {}).byPath
    : new Map<string, LetterChange[]>();

  // Records per letter, including those made under a former name (git rename, old path gone).
  const recordsFor = new Map<string, LoadedRecord[]>();
  const formerNames = new Map<string, string[]>();
  for (const path of paths) {
    const chain = histories.get(path) ?? [];
    const former = [...new Set(chain.flatMap((c) => (c.renamedFrom !== undefined ? [c.renamedFrom] : [])))].filter(
      (f) => f !== path && !current.has(f) && !existsSync(join(repo.root, f)),
    );
    formerNames.set(path, former);
    recordsFor.set(path, [path, ...former].flatMap((p) => byPath.get(p) ?? []).sort((a, b) => a.payload.time.localeCompare(b.payload.time) || a.file.localeCompare(b.file)));
  }

  // Blob hashes are only needed where an earlier content was approved (to find where authorship starts).
  const needBlobs: string[] = [];
  for (const path of paths) {
    const h = current.get(path)!;
    if (recordsFor.get(path)!.some((r) => r.trust.ok && r.payload.kind === 'approve' && r.payload.sha256 !== h)) {
      for (const c of histories.get(path) ?? []) needBlobs.push(c.blob);
    }
  }
  const hashes = repo.git && needBlobs.length ? blobHashes(repo.root, needBlobs) : new Map<string, string>();

  const dirty = repo.git ? workTreeStates(repo.root) : new Map<string, 'untracked' | 'modified'>();
  for (const path of paths) {
    report.letters.push(
      letterStatus(path, current.get(path)!, recordsFor.get(path)!, histories.get(path) ?? [], hashes, formerNames.get(path)!, dirty.get(path), options),
    );
  }
  report.exitCode = report.problems.length ? 2 : report.letters.every((l) => l.ok) ? 0 : 1;
  return report;
}

function letterStatus(
  path: string,
  hash: string,
  recs: LoadedRecord[],
  chain: LetterChange[],
  hashes: Map<string, string>,
  former: string[],
  dirty: 'untracked' | 'modified' | undefined,
  options: StatusOptions,
): LetterStatus {
  const history = recs.map((r) => entryOf(r, hash));
  const trusted = recs.filter((r) => r.trust.ok);
  const notes: string[] = [];

  // Authorship starts after the most recent earlier content that was approved.
  const otherApprovals = trusted.filter((r) => r.payload.kind === 'approve' && r.payload.sha256 !== hash);
  const approvedOther = new Set(otherApprovals.map((r) => r.payload.sha256));
  const lastOtherTime = otherApprovals.at(-1)?.payload.time ?? '';
  const authors = new Map<string, string>();
  for (const r of trusted) {
    if (r.payload.kind === 'request' && r.payload.time > lastOtherTime) authors.set(lower(r.payload.principal), r.payload.principal);
  }
  const unsigned: string[] = [];
  for (const [i, c] of chain.entries()) {
    if (approvedOther.size && approvedOther.has(hashes.get(c.blob) ?? '')) break;
    // A commit that left the text as it was (a pure rename, a mode change) made nobody an author.
    if (chain[i + 1]?.blob === c.blob) continue;
    if (options.requireSignedCommits) {
      if (c.signature?.status === 'G' && c.signature.signer) authors.set(lower(c.signature.signer), c.signature.signer);
      else unsigned.push(c.commit.slice(0, 10));
    }
    authors.set(lower(c.authorEmail), c.authorEmail);
  }
  if (dirty) notes.push(dirty === 'untracked' ? 'de brief is nog niet in git vastgelegd' : 'de brief heeft wijzigingen die nog niet in git zijn vastgelegd');
  if (former.length) notes.push(`eerder bekend als ${former.join(', ')} (git-hernoeming gevolgd)`);

  // Each signer's latest decision on the current content counts.
  const latest = new Map<string, LoadedRecord>();
  for (const r of trusted) {
    if (r.payload.kind === 'request' || r.payload.sha256 !== hash) continue;
    latest.set(lower(r.payload.principal), r);
  }
  const decisions = [...latest.values()];
  const isAuthor = (r: LoadedRecord) => authors.has(lower(r.payload.principal));
  const approvals = decisions.filter((r) => r.payload.kind === 'approve' && !isAuthor(r));
  const selfApprovals = decisions.filter((r) => r.payload.kind === 'approve' && isAuthor(r));
  const changes = decisions.filter((r) => r.payload.kind === 'changes');
  const revokes = decisions.filter((r) => r.payload.kind === 'revoke');
  const decided = new Set(decisions.map((r) => lower(r.payload.principal)));
  const reviewers = [
    ...new Set(
      trusted
        .filter((r) => r.payload.kind === 'request' && r.payload.time > lastOtherTime && r.payload.reviewer && !decided.has(lower(r.payload.reviewer)))
        .map((r) => r.payload.reviewer!),
    ),
  ];
  const requested = trusted.some((r) => r.payload.kind === 'request' && r.payload.time > lastOtherTime);
  const untrustedCurrent = recs.filter((r) => !r.trust.ok && r.payload.sha256 === hash && r.payload.kind === 'approve');
  for (const r of recs) if (!r.trust.ok) notes.push(`${r.file} telt niet mee: ${r.trust.ok ? '' : r.trust.reason}`);

  const status: LetterStatus = {
    path,
    sha256: hash,
    state: 'missing',
    ok: false,
    reason: '',
    approvals: approvals.map((r) => entryOf(r, hash)),
    authors: [...authors.values()],
    reviewers,
    comments: changes.map((r) => entryOf(r, hash)),
    history,
    notes,
  };
  const lastOther = otherApprovals.at(-1);
  if (lastOther) status.lastApproved = entryOf(lastOther, hash);
  const names = (rs: LoadedRecord[]) => rs.map((r) => `${r.payload.principal} (${when(r.payload.time)})`).join(', ');
  const asked = reviewers.length ? `; beoordeling gevraagd aan ${reviewers.join(', ')}` : requested ? '; beoordeling gevraagd' : '';

  if (unsigned.length) {
    status.state = 'unknown-signer';
    status.reason = `commit(s) ${unsigned.join(', ')} wijzigden de brief zonder geldige SSH-handtekening van iemand uit ${ALLOWED_SIGNERS}`;
  } else if (changes.length) {
    status.state = 'changes-requested';
    status.reason = `wijzigingen gevraagd door ${names(changes)}: ${changes.map((r) => (r.payload.line ? `regel ${r.payload.line}: ` : '') + r.payload.comment).join(' | ')}`;
  } else if (approvals.length) {
    status.state = 'approved';
    status.ok = true;
    status.reason = `goedgekeurd door ${names(approvals)}${approvals.some((r) => r.payload.lintOverride) ? ' (ondanks lintfouten, met reden)' : ''}`;
  } else if (selfApprovals.length) {
    status.state = 'self-approved';
    status.reason = `alleen goedgekeurd door ${names(selfApprovals)}, maar die is auteur van deze versie (auteurs: ${status.authors.join(', ')})`;
  } else if (revokes.length) {
    status.state = 'revoked';
    status.reason = `goedkeuring ingetrokken door ${names(revokes)}${asked}`;
  } else if (untrustedCurrent.length) {
    const r = untrustedCurrent.at(-1)!;
    const code = r.trust.ok ? 'unknown-signer' : r.trust.code;
    status.state = code;
    status.reason = `goedkeuring door ${r.payload.principal} telt niet: ${r.trust.ok ? '' : r.trust.reason}`;
  } else if (lastOther) {
    status.state = 'stale';
    status.reason = `gewijzigd sinds de goedkeuring door ${lastOther.payload.principal} (${when(lastOther.payload.time)})${asked}; zie "huurbrief review diff ${path}"`;
  } else if (requested) {
    status.state = 'pending';
    status.reason = `nog niet goedgekeurd${asked}`;
  } else {
    status.state = 'missing';
    status.reason = 'geen goedkeuring; vraag een collega met "huurbrief review request"';
  }
  return status;
}
