// The review state of letters: who approved which content, whether that is still the
// current content, and whether the approver is one of its authors.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@huurbrief/core/node';
import { readLetterContent, textOfBytes } from './content.js';
import { ancestors, blobHashes, commitGraph, isShallow, letterHistories, readBlobs, recordChanges, workTreeStates, type CommitGraph, type LetterChange, type RecordChange } from './git.js';
import { contentKindOf, normaliseContent, type ContentKind, type RecordError } from './record.js';
import type { AllowedSigners } from './allowed-signers.js';
import { ambassadorPrincipals, ambassadorRuleFor, type AmbassadorRule, type Ambassadors } from './ambassadors.js';
import { ALLOWED_SIGNERS, loadAllowedSigners, loadAmbassadors, loadRecords, type LoadedRecord, type LoadedRecords, type OriginOf, type ReviewRepo } from './store.js';

export type ReviewState =
  | 'approved'
  | 'stale'
  | 'pending'
  | 'changes-requested'
  | 'revoked'
  | 'self-approved'
  | 'unknown-signer'
  | 'expired-signer'
  | 'ambassador-missing'
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
  'ambassador-missing': 'ambassadeur nodig',
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

/** One line of `.huurbrief/ambassadors` that applies to a letter: one of its ambassadors must sign off. */
export interface AmbassadorRequirement {
  /** The letter's path the line matched: its current path, or a former name since its last approved content. */
  path: string;
  /** `path` is a former name of the letter (it was moved since its last approved content). */
  former: boolean;
  /** `.huurbrief/ambassadors` (with the base it came from, under `--base`). */
  file: string;
  line: number;
  pattern: string;
  /** Owners as written (principals and `@team` names). */
  owners: string[];
  /** The ambassadors, teams expanded. */
  ambassadors: string[];
  /** Of those, who may sign off the current content: not an author of it. */
  eligible: string[];
  /** A current approval by one of them counts. */
  met: boolean;
}

/** Who may sign off a letter. */
export interface SignOff {
  /** Empty: any colleague in allowed_signers who is not an author; otherwise each needs an approval by one of its ambassadors. */
  requirements: AmbassadorRequirement[];
  /** One Dutch phrase: who may sign off ("een ambassadeur (bram@…; @incasso, .huurbrief/ambassadors regel 4; anna@… is auteur van deze versie)"). */
  summary: string;
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
  /** Valid approvals of the current content (by non-authors; where ambassadors apply, by ambassadors). */
  approvals: ReviewEntry[];
  /** Who may sign off this letter (from `.huurbrief/ambassadors`). */
  signOff: SignOff;
  /** Authors of the current content: requesters and git authors and committers since the last approved content. */
  authors: string[];
  /** Key fingerprints of those authors (keys listed for their names, keys that signed their commits): one key is one person. */
  authorKeys: string[];
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
  /** Files in scope that were left out (ignore rules), each with the reason: listed, never silent. */
  skipped: { file: string; reason: string }[];
  /** Things in the trust data worth fixing that do not fail the run (wildcard principals). */
  warnings: string[];
  /** The base the trust data came from (`--base`), as given and as a commit. */
  base?: { ref: string; commit: string; mergeBase: string };
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
  'De goedkeurder (de sleutel, onder welke naam ook) is niet de aanvrager en niet een git-auteur of committer van de wijzigingen sinds de laatste goedkeuring door een niet-auteur, over alle ouders van merges (hernoemingen gevolgd). Let op: git-auteursnamen zijn te vervalsen; gebruik --require-signed-commits om ondertekende commits te eisen.',
  'Een sleutel telt op het moment van de commit die het record toevoegde, niet op de tijd die de ondertekenaar opgaf.',
];
export const GUARANTEES_NO_GIT = [
  'Elke goedkeuring is ondertekend met een SSH-sleutel uit .huurbrief/allowed_signers en hoort bij de huidige inhoud van de brief.',
  'Geen git-repository: het auteurschap komt alleen uit de ondertekende verzoeken (review request). Wie de brief daarna wijzigde is niet bekend, dus een goedkeuring door die persoon wordt niet herkend als zelfgoedkeuring.',
];

/** What verify may pass in that it read elsewhere (records from git, signers from the base). */
export interface Preloaded {
  signers: AllowedSigners;
  loaded: LoadedRecords;
  graph?: CommitGraph;
  /** allowed_signers file for git's check of commit signatures (the base's, in a temporary file). */
  signedCommitsFile?: string;
  /** Content hashes of letters already read (verify reads each letter once). */
  current?: Map<string, string>;
  /** `git status` of the work tree, when already asked. */
  dirty?: Map<string, 'untracked' | 'modified'>;
  /** `.huurbrief/ambassadors` read elsewhere (the base's); null: there is none. Undefined: read the working tree's. */
  ambassadors?: Ambassadors | null;
}

/** Identities: one key is one person, whatever names it is listed under. */
export class Identities {
  private readonly keysOf = new Map<string, Set<string>>();
  private readonly namesOf = new Map<string, Set<string>>();
  constructor(signers: AllowedSigners) {
    for (const e of signers.entries) {
      for (const p of e.principals) {
        if (/[*?!]/.test(p)) continue;
        const name = lower(p);
        (this.keysOf.get(name) ?? this.keysOf.set(name, new Set()).get(name)!).add(e.key.fingerprint);
        (this.namesOf.get(e.key.fingerprint) ?? this.namesOf.set(e.key.fingerprint, new Set()).get(e.key.fingerprint)!).add(name);
      }
    }
  }
  /** Tokens for a name (an e-mail address from git, a principal): the name and every key listed for it. */
  ofName(name: string, into = new Set<string>()): Set<string> {
    if (!name.trim()) return into;
    into.add(`p:${lower(name)}`);
    for (const k of this.keysOf.get(lower(name)) ?? []) this.ofKey(k, into);
    return into;
  }
  /** Tokens for a key: the key and every name it is listed under. */
  ofKey(fingerprint: string, into = new Set<string>()): Set<string> {
    if (!fingerprint || into.has(`k:${fingerprint}`)) return into;
    into.add(`k:${fingerprint}`);
    for (const n of this.namesOf.get(fingerprint) ?? []) into.add(`p:${n}`);
    return into;
  }
  ofRecord(r: Pick<LoadedRecord, 'payload' | 'key'>): Set<string> {
    return this.ofName(r.payload.principal, this.ofKey(r.key.fingerprint));
  }
}

const overlaps = (a: Set<string>, b: Set<string>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/**
 * The review state of the given letters (repo-relative paths). Reads the records and allowed
 * signers once; one git process for all histories. Never throws for bad records: they are in
 * `problems`. Throws ReviewSetupError / AllowedSignersError when the allowed-signers file is missing or bad.
 */
export function reviewReport(repo: ReviewRepo, letters: readonly string[], options: StatusOptions = {}, preloaded?: Preloaded): ReviewReport {
  const signers = preloaded?.signers ?? loadAllowedSigners(repo);
  const ambassadors = preloaded?.ambassadors === undefined ? loadAmbassadors(repo) : (preloaded.ambassadors ?? undefined);
  let graph = preloaded?.graph;
  const graphOf = () => (graph ??= repo.git ? commitGraph(repo.root) : { index: new Map(), parents: new Map(), time: new Map() });
  const { records, problems } = preloaded?.loaded ?? loadRecords(repo, signers, options.now, repo.git ? gitOrigins(repo.root, graphOf(), options.now ?? new Date()) : undefined);
  const report: ReviewReport = {
    root: repo.root,
    git: repo.git,
    guarantees: repo.git ? [...GUARANTEES_GIT] : [...GUARANTEES_NO_GIT],
    letters: [],
    problems: problems.map((p: RecordError) => ({ file: p.file, reason: p.reason, code: p.code })),
    skipped: [],
    warnings: [...wildcardWarnings(signers), ...(ambassadors ? ambassadorWarnings(ambassadors, signers) : [])],
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
    report.guarantees.push('Commits die een brief wijzigen moeten met SSH ondertekend zijn door iemand uit .huurbrief/allowed_signers; de ondertekenaar (zijn sleutel) telt als auteur.');
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
    const known = preloaded?.current?.get(path);
    if (known !== undefined) {
      current.set(path, known);
      continue;
    }
    try {
      current.set(path, readLetterContent(join(repo.root, path), path, { allowEmpty: true }).hash);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report.problems.push({ file: path, reason: error.reason, code: 'letter' });
    }
  }
  const paths = letters.filter((p) => current.has(p));
  const signedFile = preloaded?.signedCommitsFile ?? join(repo.root, ALLOWED_SIGNERS);
  const histories = repo.git ? letterHistories(repo.root, paths, options.requireSignedCommits ? { signedCommits: signedFile } : {}).byPath : new Map<string, LetterChange[]>();

  // Records per letter, including those made under a former name (git rename, old path gone).
  const recordsFor = new Map<string, LoadedRecord[]>();
  const formerNames = new Map<string, string[]>();
  for (const path of paths) {
    const chain = histories.get(path) ?? [];
    const former = [...new Set(chain.flatMap((c) => (c.renamedFrom !== undefined ? [c.renamedFrom] : [])))].filter(
      (f) => f !== path && !current.has(f) && !existsSync(join(repo.root, f)),
    );
    formerNames.set(path, former);
    recordsFor.set(path, [path, ...former].flatMap((p) => byPath.get(p) ?? []).sort(byOrder));
  }

  // Blob hashes are only needed where an earlier content was approved (to find where authorship starts).
  // Per kind: a Word letter's blobs are hashed as bytes, a text letter's as normalised text.
  const needBlobs: Record<ContentKind, string[]> = { text: [], bytes: [] };
  for (const path of paths) {
    const h = current.get(path)!;
    if (recordsFor.get(path)!.some((r) => r.trust.ok && r.payload.kind === 'approve' && r.payload.sha256 !== h)) {
      for (const c of histories.get(path) ?? []) needBlobs[contentKindOf(path)].push(c.blob);
    }
  }
  const hashesOf = (kind: ContentKind) => (repo.git && needBlobs[kind].length ? blobHashes(repo.root, needBlobs[kind], kind) : new Map<string, string>());
  const hashes: Record<ContentKind, Map<string, string>> = { text: hashesOf('text'), bytes: hashesOf('bytes') };

  const dirty = preloaded?.dirty ?? (repo.git ? workTreeStates(repo.root) : new Map<string, 'untracked' | 'modified'>());
  const ids = new Identities(signers);
  const ctx: LetterContext = { ids, ambassadorTokens: new Map(), hashes: hashes.text, options, graphOf, ancestorMemo: new Map(), ...(ambassadors ? { ambassadors } : {}) };
  for (const path of paths) {
    const status = letterStatus(path, current.get(path)!, recordsFor.get(path)!, histories.get(path) ?? [], formerNames.get(path)!, dirty.get(path), { ...ctx, hashes: hashes[contentKindOf(path)] });
    if (repo.git && status.state === 'stale' && contentKindOf(path) === 'bytes') {
      const note = formattingOnlyNote(repo.root, status, histories.get(path) ?? [], hashes.bytes);
      if (note) status.notes.push(note);
    }
    report.letters.push(status);
  }
  report.exitCode = report.problems.length ? 2 : report.letters.every((l) => l.ok) ? 0 : 1;
  return report;
}

/**
 * A Word letter is signed off by its bytes, so a change of formatting alone (a font, a margin, a
 * bold run) makes the approval stale too. When the text read from the approved version in git
 * equals the current text, say so: the reviewer then only has to look at the layout.
 */
function formattingOnlyNote(root: string, status: LetterStatus, chain: LetterChange[], hashes: Map<string, string>): string | undefined {
  const approved = status.lastApproved;
  const blob = approved && chain.find((c) => hashes.get(c.blob) === approved.sha256)?.blob;
  if (!approved || !blob) return undefined;
  try {
    const before = textOfBytes(status.path, readBlobs(root, [blob]).get(blob)!);
    const now = normaliseContent(readLetterContent(join(root, status.path), status.path, { allowEmpty: true }).text);
    if (before !== now) return undefined;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
  return `alleen de opmaak is gewijzigd sinds de goedkeuring door ${approved.principal}: de tekst is gelijk, maar het Word-bestand niet (opmaak, verborgen tekst, afbeeldingen); bekijk het in Word, een Word-brief wordt op zijn bytes afgetekend`;
}

/** Wildcard principals let one key sign as anyone they match: say so (such records do not count). */
export function wildcardWarnings(signers: AllowedSigners): string[] {
  return signers.entries
    .filter((e) => e.principals.some((p) => /[*?]/.test(p)))
    .map((e) => `${signers.file} regel ${e.line}: jokerteken in "${e.principals.join(',')}"; ondertekeningen die alleen via een jokerteken passen tellen niet (één sleutel is één persoon)`);
}

/** Ambassadors who are not in allowed_signers (by exact name) can never sign off: say so. */
export function ambassadorWarnings(ambassadors: Ambassadors, signers: AllowedSigners): string[] {
  const known = new Set(signers.entries.flatMap((e) => e.principals.filter((p) => !/[*?!]/.test(p)).map(lower)));
  return [...ambassadorPrincipals(ambassadors).values()]
    .filter((p) => !known.has(lower(p.name)))
    .map((p) => `${ambassadors.file} regel ${p.line}: ambassadeur ${p.name} staat niet in ${signers.file} en kan dus niet aftekenen`);
}

/**
 * Origins of committed records from git: the commit that first added each record, its place in
 * HEAD's history and its committer time. Uncommitted records are judged now.
 */
export function gitOrigins(root: string, graph: CommitGraph, now: Date, options: { range?: Set<string>; floor?: number; changes?: RecordChange[] } = {}): OriginOf {
  const added = new Map<string, string>();
  // Newest first: the last addition seen is the oldest, the one that brought the record in.
  for (const ch of options.changes ?? recordChanges(root)) if (ch.status === 'A') added.set(ch.path, ch.commit);
  // A commit cannot be made before its parents: a forged old commit date is raised to the newest
  // date among its ancestors (protected history that was there before has real dates).
  let settled: Map<string, number> | undefined;
  const timeOf = (commit: string): number => {
    if (!settled) {
      settled = new Map();
      const oldestFirst = [...graph.index.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
      for (const c of oldestFirst) {
        let t = graph.time.get(c) ?? 0;
        for (const p of graph.parents.get(c) ?? []) t = Math.max(t, settled.get(p) ?? 0);
        settled.set(c, t);
      }
    }
    return settled.get(commit) ?? now.getTime() / 1000;
  };
  return (file) => {
    const commit = added.get(file);
    if (commit === undefined || !graph.index.has(commit)) return { index: -1, time: now };
    let seconds = timeOf(commit);
    // A commit of the change cannot be older than where the change started: a forged committer date cannot backdate.
    if (options.range?.has(commit) && options.floor !== undefined) seconds = Math.max(seconds, options.floor);
    return { commit, index: graph.index.get(commit)!, time: new Date(seconds * 1000) };
  };
}

/** Record order: by the commit that added it (git's order), then, within one commit, by the signed time. */
function byOrder(a: LoadedRecord, b: LoadedRecord): number {
  const ia = a.origin.index === -1 ? -Infinity : a.origin.index;
  const ib = b.origin.index === -1 ? -Infinity : b.origin.index;
  if (ia !== ib) return ib - ia; // higher index = older commit = earlier
  return a.payload.time.localeCompare(b.payload.time) || a.file.localeCompare(b.file);
}

/** The names a history walk passed (current and former paths) and the authors it found. */
interface Walk {
  authors: Set<string>;
  names: Set<string>;
}

/** A line of `.huurbrief/ambassadors` that applies to a letter through one of its names. */
interface Requirement {
  path: string;
  former: boolean;
  file: string;
  rule: AmbassadorRule;
}

interface LetterContext {
  ids: Identities;
  /** Identity tokens (names and keys) of each rule's ambassadors. */
  ambassadorTokens: Map<AmbassadorRule, Set<string>>;
  hashes: Map<string, string>;
  options: StatusOptions;
  graphOf: () => CommitGraph;
  ancestorMemo: Map<string, Set<string>>;
  ambassadors?: Ambassadors;
}

function letterStatus(
  path: string,
  hash: string,
  recs: LoadedRecord[],
  chain: LetterChange[],
  former: string[],
  dirty: 'untracked' | 'modified' | undefined,
  ctx: LetterContext,
): LetterStatus {
  const { ids, hashes, options } = ctx;
  const history = recs.map((r) => entryOf(r, hash));
  const trusted = recs.filter((r) => r.trust.ok);
  const notes: string[] = [];

  // Per content, each key's latest decision: only a standing approval (not later revoked or
  // followed by a change request) can mark an earlier content as approved.
  const decisionsOn = new Map<string, Map<string, LoadedRecord>>();
  for (const r of trusted) {
    if (r.payload.kind === 'request') continue;
    (decisionsOn.get(r.payload.sha256) ?? decisionsOn.set(r.payload.sha256, new Map()).get(r.payload.sha256)!).set(r.key.fingerprint, r);
  }
  const approvalsOf = new Map<string, LoadedRecord[]>();
  for (const [h, byKey] of decisionsOn) {
    const standing = [...byKey.values()].filter((r) => r.payload.kind === 'approve');
    if (standing.length) approvalsOf.set(h, standing);
  }
  const otherApprovals = trusted.filter((r) => r.payload.kind === 'approve' && r.payload.sha256 !== hash);
  const lastOther = otherApprovals.at(-1);

  // Ambassadors: the line of .huurbrief/ambassadors for each name (the last matching line wins).
  const requirementsFor = (names: Iterable<string>): Requirement[] => {
    const out: Requirement[] = [];
    if (!ctx.ambassadors) return out;
    for (const name of names) {
      const m = ambassadorRuleFor(ctx.ambassadors, name);
      if (m && m.rule.ambassadors.length && !out.some((q) => q.rule === m.rule)) out.push({ path: name, former: name !== path, file: m.file, rule: m.rule });
    }
    return out;
  };
  const isAmbassador = (r: LoadedRecord, q: Requirement) => {
    let tokens = ctx.ambassadorTokens.get(q.rule);
    if (!tokens) {
      tokens = new Set<string>();
      for (const a of q.rule.ambassadors) ids.ofName(a, tokens);
      ctx.ambassadorTokens.set(q.rule, tokens);
    }
    return overlaps(ids.ofRecord(r), tokens);
  };

  // Authors: everyone who wrote a commit that changed the letter, on every parent, back to an
  // earlier content that a non-author of that content approved (only such an approval cuts history).
  const ancestorsOf = (commit: string) => {
    let set = ctx.ancestorMemo.get(commit);
    if (!set) ctx.ancestorMemo.set(commit, (set = ancestors(ctx.graphOf(), commit)));
    return set;
  };
  const unsigned = new Set<string>();
  const display = new Map<string, string>();
  const memo = new Map<number, Walk>();
  // An earlier content counts as approved (and cuts the history) only when a non-author of it
  // approved it and, for every name the letter had since, an ambassador of that name did.
  const authorsFrom = (start: number, startHash: string, restrict: Set<string> | undefined, collectUnsigned: boolean): Walk => {
    const out = new Set<string>();
    const names = new Set<string>();
    const covered = new Set<string>();
    for (let j = start; j < chain.length; j++) {
      const c = chain[j]!;
      if (restrict && !restrict.has(c.commit)) continue;
      if (covered.has(c.commit)) continue;
      const h = hashes.get(c.blob);
      if (j !== start && h !== undefined && h !== startHash && approvalsOf.has(h)) {
        let there = memo.get(j);
        if (!there) memo.set(j, (there = authorsFrom(j, h, ancestorsOf(c.commit), false)));
        const byOthers = approvalsOf.get(h)!.filter((r) => !overlaps(ids.ofRecord(r), there.authors));
        if (byOthers.length && requirementsFor(there.names).every((q) => byOthers.some((r) => isAmbassador(r, q)))) {
          for (const a of ancestorsOf(c.commit)) covered.add(a);
          continue;
        }
      }
      names.add(c.path);
      if (c.renamedFrom !== undefined) names.add(c.renamedFrom);
      if (!c.authored) continue;
      ids.ofName(c.authorEmail, out);
      ids.ofName(c.committerEmail, out);
      if (collectUnsigned) {
        display.set(lower(c.authorEmail), c.authorEmail);
        if (lower(c.committerEmail) !== lower(c.authorEmail)) display.set(lower(c.committerEmail), c.committerEmail);
      }
      if (c.signature?.status === 'G') {
        if (c.signature.key) ids.ofKey(c.signature.key, out);
        if (c.signature.signer) {
          ids.ofName(c.signature.signer, out);
          if (collectUnsigned) display.set(lower(c.signature.signer), c.signature.signer);
        }
      } else if (options.requireSignedCommits && collectUnsigned) unsigned.add(c.commit.slice(0, 10));
    }
    return { authors: out, names };
  };
  const walk = authorsFrom(0, hash, undefined, true);
  const authors = walk.authors;
  // Who must sign off: the ambassadors of the letter's path and of every name it had since its last approved content.
  const requirements = requirementsFor([path, ...walk.names]);
  // Whoever asked for review of this content (or since the last other approval) is an author too.
  for (const r of trusted) {
    if (r.payload.kind !== 'request') continue;
    if (r.payload.sha256 === hash || !lastOther || byOrder(r, lastOther) > 0) {
      ids.ofRecord(r).forEach((t) => authors.add(t));
      display.set(lower(r.payload.principal), r.payload.principal);
    }
  }
  if (dirty) notes.push(dirty === 'untracked' ? 'de brief is nog niet in git vastgelegd' : 'de brief heeft wijzigingen die nog niet in git zijn vastgelegd');
  if (former.length) notes.push(`eerder bekend als ${former.join(', ')} (git-hernoeming gevolgd)`);

  // Each signer's (each key's) latest decision on the current content counts, in git's order.
  const latest = new Map<string, LoadedRecord>();
  for (const r of trusted) {
    if (r.payload.kind === 'request' || r.payload.sha256 !== hash) continue;
    const prev = latest.get(r.key.fingerprint);
    // Within one commit only the signed times order records; when they disagree, the objection wins
    // (a clock running ahead must not let an approval outrank a revocation made with it).
    if (prev && prev.origin.commit !== undefined && prev.origin.commit === r.origin.commit && prev.payload.kind !== 'approve' && r.payload.kind === 'approve') continue;
    latest.set(r.key.fingerprint, r);
  }
  const decisions = [...latest.values()];
  const isAuthor = (r: LoadedRecord) => overlaps(ids.ofRecord(r), authors);
  // A newer approval of other content supersedes older approvals: going back to an approved version needs a new sign-off.
  const fresh = (r: LoadedRecord) => !lastOther || byOrder(r, lastOther) > 0;
  const allApprovals = decisions.filter((r) => r.payload.kind === 'approve' && !isAuthor(r));
  const freshApprovals = allApprovals.filter(fresh);
  // Where ambassadors apply, only their approvals count, and each applying line needs one.
  const approvals = requirements.length ? freshApprovals.filter((r) => requirements.some((q) => isAmbassador(r, q))) : freshApprovals;
  const unmet = requirements.filter((q) => !approvals.some((r) => isAmbassador(r, q)));
  const rolledBack = allApprovals.filter((r) => !fresh(r));
  const selfApprovals = decisions.filter((r) => r.payload.kind === 'approve' && isAuthor(r));
  const changes = decisions.filter((r) => r.payload.kind === 'changes');
  const revokes = decisions.filter((r) => r.payload.kind === 'revoke');
  const decided = new Set(decisions.map((r) => lower(r.payload.principal)));
  const sinceLast = (r: LoadedRecord) => !lastOther || byOrder(r, lastOther) > 0;
  const reviewers = [
    ...new Set(trusted.filter((r) => r.payload.kind === 'request' && sinceLast(r) && r.payload.reviewer && !decided.has(lower(r.payload.reviewer))).map((r) => r.payload.reviewer!)),
  ];
  const requested = trusted.some((r) => r.payload.kind === 'request' && sinceLast(r));
  const untrustedCurrent = recs.filter((r) => !r.trust.ok && r.payload.sha256 === hash && r.payload.kind === 'approve');
  for (const r of recs) if (!r.trust.ok) notes.push(`${r.file} telt niet mee: ${r.trust.ok ? '' : r.trust.reason}`);

  const status: LetterStatus = {
    path,
    sha256: hash,
    state: 'missing',
    ok: false,
    reason: '',
    approvals: approvals.map((r) => entryOf(r, hash)),
    signOff: signOffOf(requirements, unmet, (name) => overlaps(ids.ofName(name), authors)),
    authors: [...display.values()],
    authorKeys: [...authors].filter((t) => t.startsWith('k:')).map((t) => t.slice(2)),
    reviewers,
    comments: changes.map((r) => entryOf(r, hash)),
    history,
    notes,
  };
  if (lastOther) status.lastApproved = entryOf(lastOther, hash);
  const names = (rs: LoadedRecord[]) => rs.map((r) => `${r.payload.principal} (${when(r.payload.time)})`).join(', ');
  const asked = reviewers.length ? `; beoordeling gevraagd aan ${reviewers.join(', ')}` : requested ? '; beoordeling gevraagd' : '';

  if (unsigned.size) {
    status.state = 'unknown-signer';
    status.reason = `commit(s) ${[...unsigned].join(', ')} wijzigden de brief zonder geldige SSH-handtekening van iemand uit ${ALLOWED_SIGNERS}`;
  } else if (changes.length) {
    status.state = 'changes-requested';
    status.reason = `wijzigingen gevraagd door ${names(changes)}: ${changes.map((r) => (r.payload.line ? `regel ${r.payload.line}: ` : '') + r.payload.comment).join(' | ')}`;
  } else if (approvals.length && !unmet.length) {
    status.state = 'approved';
    status.ok = true;
    status.reason = `goedgekeurd door ${names(approvals)}${approvals.some((r) => r.payload.lintOverride) ? ' (ondanks lintfouten, met reden)' : ''}`;
  } else if (freshApprovals.length) {
    status.state = 'ambassador-missing';
    const outsiders = freshApprovals.filter((r) => !approvals.includes(r));
    const who = approvals.length
      ? `goedgekeurd door ${names(approvals)}, maar nog nodig: ${describeRequirements(status.signOff.requirements.filter((q) => !q.met))}`
      : `goedgekeurd door ${names(outsiders)}, maar ${outsiders.length === 1 ? 'dat is geen ambassadeur' : 'dat zijn geen ambassadeurs'} voor ${path}; aftekenen door ${status.signOff.summary}`;
    status.reason = who;
  } else if (selfApprovals.length) {
    status.state = 'self-approved';
    status.reason = `alleen goedgekeurd door ${names(selfApprovals)}, maar die is (met dezelfde sleutel of naam) auteur van deze versie (auteurs: ${status.authors.join(', ')})`;
  } else if (revokes.length) {
    status.state = 'revoked';
    status.reason = `goedkeuring ingetrokken door ${names(revokes)}${asked}`;
  } else if (rolledBack.length && lastOther) {
    status.state = 'stale';
    status.reason = `teruggezet naar een eerder goedgekeurde versie: na de goedkeuring door ${names(rolledBack)} is een andere versie goedgekeurd door ${lastOther.payload.principal} (${when(lastOther.payload.time)}); een teruggezette versie vraagt een nieuwe goedkeuring`;
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
  // A letter that is not approved names who may sign it off, wherever its reason is shown.
  if (!status.ok && status.state !== 'ambassador-missing' && requirements.length) status.reason += `; aftekenen door ${status.signOff.summary}`;
  return status;
}

const or = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} of ${names.at(-1)!}`);

/** "een ambassadeur (anna@… of bram@…; @incasso, .huurbrief/ambassadors regel 4)", per requirement, joined with "én". */
function describeRequirements(reqs: AmbassadorRequirement[], withPath = reqs.length > 1): string {
  return reqs
    .map((q) => {
      const teams = q.owners.filter((o) => o.startsWith('@'));
      const authors = q.ambassadors.filter((a) => !q.eligible.includes(a));
      const source = [...teams, `${q.file} regel ${q.line}`].join(', ');
      const note = authors.length ? `; ${or(authors)} ${authors.length === 1 ? 'is' : 'zijn'} auteur van deze versie` : '';
      const forPath = withPath || q.former ? ` voor ${q.path}${q.former ? ' (eerdere naam van de brief)' : ''}` : '';
      if (!q.eligible.length) {
        return `een ambassadeur${forPath}, maar alle ambassadeurs (${q.ambassadors.join(', ')}) zijn auteur van deze versie (${source}); wijs in ${q.file} een ambassadeur aan die de brief niet schreef`;
      }
      return `een ambassadeur${forPath} (${or(q.eligible)}; ${source}${note})`;
    })
    .join(' én ');
}

function signOffOf(reqs: Requirement[], unmet: Requirement[], isAuthorName: (name: string) => boolean): SignOff {
  const requirements = reqs.map(
    (q): AmbassadorRequirement => ({
      path: q.path,
      former: q.former,
      file: q.file,
      line: q.rule.line,
      pattern: q.rule.pattern,
      owners: q.rule.owners,
      ambassadors: q.rule.ambassadors,
      eligible: q.rule.ambassadors.filter((a) => !isAuthorName(a)),
      met: !unmet.includes(q),
    }),
  );
  return {
    requirements,
    summary: requirements.length ? describeRequirements(requirements) : `een collega uit ${ALLOWED_SIGNERS} die geen auteur is`,
  };
}
