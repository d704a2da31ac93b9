import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ActionResult, LetterStatus } from '@huurbrief/review';
import type { ReviewParams, ReviewResult, ReviewState } from './protocol.js';

/** The status asks git (history, work tree) and blocks briefly; reuse it while nothing it depends on changed. */
const TTL_MS = 30_000;
const cache = new Map<string, { key: string; at: number; status: LetterStatus }>();

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Loaded on first use: the review code (git, ssh-keygen, records) is not needed for the first diagnostics. */
type Review = typeof import('@huurbrief/review');
let loading: Promise<Review> | undefined;
const review = (): Promise<Review> => (loading ??= import('@huurbrief/review'));

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Status from the records (cached briefly: it reads records and asks git). Throws ReviewSetupError & co. */
function statusOf({ findRepo, reviewStatus }: Review, path: string): LetterStatus {
  const repo = findRepo(dirname(path));
  // The letter on disk, the records, the signers and git's index (commits, adds) decide the status.
  const key = [
    path,
    join(repo.root, '.huurbrief', 'reviews'),
    join(repo.root, '.huurbrief', 'allowed_signers'),
    join(repo.root, '.huurbrief', 'ambassadors'),
    join(repo.root, '.git', 'index'),
  ]
    .map(mtime)
    .join(':');
  const hit = cache.get(path);
  if (hit && hit.key === key && Date.now() - hit.at < TTL_MS) return hit.status;
  const status = reviewStatus(repo.root, path);
  cache.set(path, { key, at: Date.now(), status });
  return status;
}

/**
 * The review state of a letter as the editor shows it. The records are about
 * the saved file; when the writer's unsaved text differs from an approved
 * version, the letter counts as changed since approval.
 */
export async function reviewStateFor(path: string | undefined, text: string): Promise<ReviewState> {
  if (!path) return { state: 'unknown', label: 'Beoordeling onbekend', reason: 'De brief is nog niet opgeslagen.' };
  const r = await review();
  let status: LetterStatus;
  try {
    status = statusOf(r, path);
  } catch (error) {
    // A line in allowed_signers or ambassadors that cannot be read is a mistake to fix, not a missing set-up.
    const broken = error instanceof r.AllowedSignersError || error instanceof r.AmbassadorsError;
    return { state: 'unknown', label: broken ? 'Fout in reviewgegevens' : 'Geen beoordeling ingericht', reason: message(error) };
  }
  const unsaved = r.contentHash(text) !== status.sha256;
  const approval = status.approvals.at(-1);
  // Who may sign off: the ambassadors still needed (authors left out), or any colleague.
  const open = status.signOff.requirements.filter((q) => !q.met);
  const needed = [...new Set((open.length ? open : status.signOff.requirements).flatMap((q) => q.eligible))];
  const base = {
    reason: status.reason,
    signOff: status.signOff.summary,
    ...(status.signOff.requirements.length ? { ambassadors: needed } : {}),
    ...(unsaved ? { unsaved: true } : {}),
  };
  if (status.state === 'approved' && approval) {
    if (unsaved) return { ...base, state: 'stale', label: 'Gewijzigd sinds goedkeuring', by: approval.principal, at: approval.time, reason: `niet-opgeslagen wijzigingen sinds de goedkeuring door ${approval.principal}` };
    return { ...base, state: 'approved', label: `Goedgekeurd door ${approval.principal}`, by: approval.principal, at: approval.time };
  }
  switch (status.state) {
    case 'stale': {
      const last = status.lastApproved;
      return { ...base, state: 'stale', label: 'Gewijzigd sinds goedkeuring', ...(last ? { by: last.principal, at: last.time } : {}) };
    }
    case 'pending': {
      const reviewer = status.reviewers[0];
      return { ...base, state: 'pending', label: reviewer ? `Wacht op beoordeling door ${reviewer}` : 'Wacht op beoordeling', ...(reviewer ? { reviewer } : {}) };
    }
    case 'changes-requested': {
      const by = status.comments[0]?.principal;
      return { ...base, state: 'changes', label: 'Wijzigingen gevraagd', ...(by ? { by } : {}) };
    }
    case 'revoked':
      return { ...base, state: 'revoked', label: 'Goedkeuring ingetrokken' };
    case 'missing':
      return { ...base, state: 'missing', label: 'Nog niet beoordeeld' };
    case 'ambassador-missing':
      return { ...base, state: 'ambassador', label: 'Ambassadeur nodig' };
    default:
      return { ...base, state: 'invalid', label: 'Goedkeuring telt niet' };
  }
}

/** `huurbrief/review`: request a review or approve, through the same code as `huurbrief review`. */
export async function runReview(params: ReviewParams, path: string, text: string, diskText: string | undefined): Promise<ReviewResult> {
  const { approve, contentHash, requestReview } = await review();
  const refusal = async (msg: string): Promise<ReviewResult> => ({ ok: false, message: msg, review: await reviewStateFor(path, text) });
  if (diskText === undefined || contentHash(diskText) !== contentHash(text)) {
    return refusal('Sla de brief eerst op: een beoordeling gaat over de opgeslagen versie.');
  }
  let result: ActionResult;
  try {
    const cwd = dirname(path);
    const common = { cwd, ...(params.comment ? { comment: params.comment } : {}) };
    result = params.kind === 'approve' ? approve(path, common) : requestReview(path, { ...common, ...(params.reviewer ? { reviewer: params.reviewer } : {}) });
  } catch (error) {
    return refusal(message(error));
  }
  cache.delete(path);
  return { ok: result.ok, message: result.ok ? result.message : result.reason, review: await reviewStateFor(path, text) };
}
