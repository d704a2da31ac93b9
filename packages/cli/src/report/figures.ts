// The reflection report's figures, computed from letters over time (pure: no git, no files).
// Input: every letter's versions with the moment each became the main line's version, and the
// lint facts of the versions that count; output: the figures of `huurbrief report --format json`.
//
// Which versions count: the one current at the end of every month of the period (and the one
// current just before the period, to compare with). A letter edited ten times in March counts
// with its version of 31 March: the report shows how the letters stood, month by month.
import { CATEGORIES, type Category, type Level } from '@huurbrief/core';
import type {
  ApprovalInput,
  CategoryCounts,
  ChangedSentences,
  FiguresInput,
  ImprovedLetter,
  LetterChange,
  LetterEvent,
  LetterTrack,
  LevelCounts,
  MonthFindings,
  MonthLevel,
  Person,
  ReportFigures,
  ReviewInput,
  SignOffFigures,
  Success,
  VersionFacts,
  VersionProblem,
  VersionSummary,
  WaitingTime,
} from './types.js';

export const LEVELS: readonly Level[] = ['A2', 'B1', 'B2', 'C1'];
const rank = (l: Level) => LEVELS.indexOf(l);
/** B1 or easier. */
export const atB1OrBetter = (l: Level) => rank(l) <= rank('B1');

const HOUR = 60 * 60 * 1000;

/** `YYYY-MM` of a time, in UTC. */
export function monthOf(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** The months of the period (UTC), each with the moment its state is read: its last millisecond, or `until`. */
export function monthsOf(since: number, until: number): { month: string; end: number }[] {
  const out: { month: string; end: number }[] = [];
  const d = new Date(since);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const start = Date.UTC(y, m, 1);
    if (start > until) break;
    out.push({ month: monthOf(start), end: Math.min(Date.UTC(y, m + 1, 1) - 1, until) });
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}

/** The letter's event current at `time` (the last one at or before it), if any. */
export function stateAt(track: LetterTrack, time: number): LetterEvent | undefined {
  let found: LetterEvent | undefined;
  for (const e of track.events) {
    if (e.time > time) break;
    found = e;
  }
  return found;
}

/** The version a letter is compared from: its state just before the period, else its first version in the period. */
function startOf(track: LetterTrack, since: number, until: number): LetterEvent | undefined {
  const before = stateAt(track, since - 1);
  if (before?.version) return before;
  return track.events.find((e) => e.time >= since && e.time <= until && e.version !== null);
}

/**
 * The version keys the figures need lint facts for: each letter's state at the end of every
 * month, and its starting state. The caller lints exactly these (and nothing else).
 */
export function versionsNeeded(letters: readonly LetterTrack[], since: number, until: number): Set<string> {
  const keys = new Set<string>();
  const months = monthsOf(since, until);
  for (const t of letters) {
    for (const { end } of months) {
      const v = stateAt(t, end)?.version;
      if (v) keys.add(v);
    }
    const s = startOf(t, since, until)?.version;
    if (s) keys.add(s);
  }
  return keys;
}

const isFacts = (f: VersionFacts | VersionProblem | undefined): f is VersionFacts => f !== undefined && !('error' in f);
const total = (f: VersionFacts) => f.errors + f.warnings + f.infos;

function emptyLevels(): LevelCounts {
  return { A2: 0, B1: 0, B2: 0, C1: 0 };
}
function emptyCategories(): CategoryCounts {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as CategoryCounts;
}

function summary(e: LetterEvent, f: VersionFacts): VersionSummary {
  return { commit: e.commit, date: new Date(e.time).toISOString(), level: f.level, findings: total(f), errors: f.errors, warnings: f.warnings, infos: f.infos };
}

/** The event that brought `e`'s version: a rename or a merge that keeps the text does not make it newer. */
function broughtBy(track: LetterTrack, e: LetterEvent): LetterEvent {
  let k = track.events.indexOf(e);
  while (k > 0 && track.events[k - 1]!.version === e.version) k--;
  return track.events[k]!;
}

/** Letters whose version at the end of the period differs from where they started, with both summaries. */
export function letterChanges(input: Pick<FiguresInput, 'letters' | 'facts' | 'since' | 'until'>): LetterChange[] {
  const out: LetterChange[] = [];
  for (const t of input.letters) {
    const end = stateAt(t, input.until);
    const start = startOf(t, input.since, input.until);
    if (!end?.version || !start?.version || end.version === start.version) continue;
    const a = input.facts.get(start.version);
    const b = input.facts.get(end.version);
    if (!isFacts(a) || !isFacts(b)) continue;
    out.push({ path: t.path, before: summary(broughtBy(t, start), a), after: summary(broughtBy(t, end), b), levelSteps: rank(a.level) - rank(b.level), findingsDrop: total(a) - total(b) });
  }
  return out;
}

const improvedFirst = (x: LetterChange, y: LetterChange) => y.levelSteps - x.levelSteps || y.findingsDrop - x.findingsDrop || x.path.localeCompare(y.path);
/** Easier to read, or as easy with fewer findings. */
export const isImproved = (c: LetterChange) => c.levelSteps > 0 || (c.levelSteps === 0 && c.findingsDrop > 0);
/** Harder to read, or as hard with more findings. */
export const isWorsened = (c: LetterChange) => c.levelSteps < 0 || (c.levelSteps === 0 && c.findingsDrop < 0);

/**
 * The letters that improved most, best first: most level steps, then most findings fewer.
 * The caller fetches the sentences of these letters' versions for the sentence diff.
 */
export function mostImproved(input: Pick<FiguresInput, 'letters' | 'facts' | 'since' | 'until' | 'top'>): { change: LetterChange; beforeKey: string; afterKey: string }[] {
  const byPath = new Map(input.letters.map((t) => [t.path, t]));
  return letterChanges(input)
    .filter(isImproved)
    .sort(improvedFirst)
    .slice(0, input.top ?? 10)
    .map((change) => {
      const t = byPath.get(change.path)!;
      return { change, beforeKey: startOf(t, input.since, input.until)!.version!, afterKey: stateAt(t, input.until)!.version! };
    });
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The sentences that changed between two versions: a longest common subsequence over the
 * sentences (whitespace ignored), and for every gap in it the sentences that went and came.
 */
export function sentenceDiff(before: readonly string[], after: readonly string[]): ChangedSentences[] {
  const a = before.map(normal);
  const b = after.map(normal);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: ChangedSentences[] = [];
  let gap: ChangedSentences = { before: [], after: [] };
  const flush = () => {
    if (gap.before.length || gap.after.length) out.push(gap);
    gap = { before: [], after: [] };
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) gap.after.push(b[j++]!);
    else gap.before.push(a[i++]!);
  }
  flush();
  return out;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function waitingTime(a: ApprovalInput, names: ReadonlyMap<string, string> | undefined): WaitingTime | undefined {
  const base = { path: a.path, principal: a.principal, name: names?.get(a.principal.toLowerCase()) ?? a.principal, approvedAt: new Date(a.time).toISOString() };
  if (a.requestTime !== undefined) {
    return { ...base, basis: 'request', from: new Date(a.requestTime).toISOString(), hours: round1(Math.max(0, a.time - a.requestTime) / HOUR) };
  }
  if (a.contentTime !== undefined && a.recordTime !== undefined) {
    return { ...base, basis: 'commit', from: new Date(a.contentTime).toISOString(), hours: round1(Math.max(0, a.recordTime - a.contentTime) / HOUR) };
  }
  return undefined;
}

function signOff(review: ReviewInput, since: number, until: number, names: ReadonlyMap<string, string> | undefined): SignOffFigures {
  const byState: SignOffFigures['byState'] = {};
  for (const l of review.letters) byState[l.state] = (byState[l.state] ?? 0) + 1;
  const approved = byState.approved ?? 0;
  const inPeriod = review.approvals.filter((a) => a.time >= since && a.time <= until);
  const items: WaitingTime[] = [];
  let unmeasured = 0;
  for (const a of inPeriod) {
    const w = waitingTime(a, names);
    if (w) items.push(w);
    else unmeasured++;
  }
  items.sort((x, y) => x.approvedAt.localeCompare(y.approvedAt) || x.path.localeCompare(y.path));
  const hours = items.map((w) => w.hours);
  const perMonth = monthsOf(since, until).map(({ month }) => {
    const xs = items.filter((w) => w.approvedAt.slice(0, 7) === month).map((w) => w.hours);
    return { month, count: xs.length, medianHours: median(xs) };
  });
  const bases = new Set(items.map((w) => w.basis));
  return {
    available: true,
    letters: review.letters.length,
    approved,
    share: review.letters.length ? approved / review.letters.length : null,
    byState,
    timeToApproval: {
      basis: bases.size === 0 ? 'none' : bases.size === 2 ? 'mixed' : [...bases][0]!,
      count: items.length,
      medianHours: median(hours),
      minHours: hours.length ? Math.min(...hours) : null,
      maxHours: hours.length ? Math.max(...hours) : null,
      unmeasured,
      perMonth,
      items,
    },
    problems: review.problems,
  };
}

function person(email: string, names: ReadonlyMap<string, string> | undefined): Person {
  return { name: names?.get(email.toLowerCase()) ?? email, email };
}

export function computeFigures(input: FiguresInput): ReportFigures {
  const { since, until, facts } = input;
  const months = monthsOf(since, until);
  const levelPerMonth: MonthLevel[] = [];
  const findingsPerMonth: MonthFindings[] = [];
  const skipped = new Map<string, { path: string; commit: string; reason: string }>();
  const used = new Set<string>();
  const seen = new Set<string>();

  const note = (e: LetterEvent) => {
    const f = facts.get(e.version!);
    if (f && 'error' in f) skipped.set(`${e.path}\0${e.commit}`, { path: e.path, commit: e.commit, reason: f.error });
    return isFacts(f) ? f : undefined;
  };

  for (const { month, end } of months) {
    const levels = emptyLevels();
    const categories = emptyCategories();
    let letters = 0;
    for (const t of input.letters) {
      const e = stateAt(t, end);
      if (!e?.version) continue;
      const f = note(e);
      if (!f) continue;
      used.add(e.version);
      seen.add(t.path);
      letters++;
      levels[f.level]++;
      for (const [c, n] of Object.entries(f.categories) as [Category, number][]) categories[c] += n;
    }
    const good = levels.A2 + levels.B1;
    levelPerMonth.push({ month, letters, atB1OrBetter: good, share: letters ? good / letters : null, byLevel: levels });
    findingsPerMonth.push({ month, letters, byCategory: categories, total: Object.values(categories).reduce((x, y) => x + y, 0) });
  }
  for (const t of input.letters) {
    const s = startOf(t, since, until);
    if (s?.version && isFacts(facts.get(s.version))) used.add(s.version);
    else if (s?.version) note(s);
  }

  const changes = letterChanges(input);
  const improvedAll = changes.filter(isImproved).sort(improvedFirst);
  const worsenedAll = changes.filter(isWorsened).sort((x, y) => improvedFirst(y, x));
  const top = mostImproved(input);
  const improvedLetters: ImprovedLetter[] = top.map(({ change, beforeKey, afterKey }) => {
    const a = input.sentences?.get(beforeKey) ?? [];
    const b = input.sentences?.get(afterKey) ?? [];
    const diff = sentenceDiff(a, b);
    return { ...change, changes: diff.slice(0, 6), moreChanges: Math.max(0, diff.length - 6), sentencesBefore: a.length, sentencesAfter: b.length };
  });

  const review = input.review && !('unavailable' in input.review) ? input.review : undefined;
  const approversOf = new Map(review?.letters.map((l) => [l.path, l.approvers]) ?? []);
  const successes: Success[] = improvedAll.map((c) => ({
    path: c.path,
    levelBefore: c.before.level,
    levelAfter: c.after.level,
    findingsBefore: c.before.findings,
    findingsAfter: c.after.findings,
    approvedBy: (approversOf.get(c.path) ?? []).map((p) => person(p, input.names)),
    writtenBy: input.writers?.get(c.path) ?? [],
  }));
  const perReviewer = new Map<string, number>();
  for (const a of review?.approvals ?? []) {
    if (a.time < since || a.time > until) continue;
    perReviewer.set(a.principal, (perReviewer.get(a.principal) ?? 0) + 1);
  }
  const reviewers = [...perReviewer]
    .map(([p, n]) => ({ ...person(p, input.names), approvals: n }))
    .sort((x, y) => y.approvals - x.approvals || x.name.localeCompare(y.name));

  const endLetters = input.letters.filter((t) => stateAt(t, until)?.version).length;
  return {
    report: 1,
    generatedAt: input.generatedAt,
    period: { since: new Date(since).toISOString(), until: new Date(until).toISOString(), months: months.map((m) => m.month) },
    method: { timeZone: 'UTC', sampling: 'month-end', config: 'current', target: 'B1', notes: input.notes ?? [] },
    letters: { current: endLetters, seen: seen.size, versionsLinted: used.size, skipped: [...skipped.values()] },
    levelPerMonth,
    findingsPerMonth,
    improved: { count: improvedAll.length, letters: improvedLetters },
    worsened: { count: worsenedAll.length, letters: worsenedAll.slice(0, 10) },
    signOff: review ? signOff(review, since, until, input.names) : { available: false, reason: input.review && 'unavailable' in input.review ? input.review.unavailable : 'geen reviewgegevens' },
    successes: { letters: successes, reviewers },
  };
}
