// The reflection report's data: what the figures module gets (letters with their versions over
// time, already linted) and what it returns (`huurbrief report --format json`, a stable contract:
// documented in docs/cli.md; `report: 1` changes only when a field changes meaning or goes away).
import type { Category, Level } from '@huurbrief/core';
import type { ReviewState } from '@huurbrief/review';

/** What one linted version of a letter contributes to the figures. */
export interface VersionFacts {
  level: Level;
  /** Findings per category (categories without findings may be absent). */
  categories: Partial<Record<Category, number>>;
  errors: number;
  warnings: number;
  infos: number;
  words: number;
}

/** A version that could not be linted (binary, not UTF-8, ...): left out of the figures, listed. */
export interface VersionProblem {
  error: string;
}

/** The moment a version of a letter became the main line's version (or the letter was deleted). */
export interface LetterEvent {
  /** Milliseconds since 1970 (commit time on the main line, never earlier than the commit before it). */
  time: number;
  commit: string;
  /** The letter's path in that commit. */
  path: string;
  /** Key into `FiguresInput.facts`; null: the letter was deleted (or renamed to something that is no letter). */
  version: string | null;
}

/** One letter over time, followed through renames; `path` is its latest name. */
export interface LetterTrack {
  path: string;
  /** Every name it had, oldest first. */
  names: string[];
  /** Oldest first. */
  events: LetterEvent[];
}

export interface Person {
  name: string;
  email: string;
}

/** One approval (a sign-off record that counts) with the times to measure its waiting time from. */
export interface ApprovalInput {
  path: string;
  principal: string;
  /** The approval's signed time (ms). */
  time: number;
  /** Signed time of the latest request for the same content before it, by someone else (ms). */
  requestTime?: number;
  /** First commit (any branch) that held the approved content (ms). */
  contentTime?: number;
  /** The commit that added the approval record (ms). */
  recordTime?: number;
}

export interface ReviewInput {
  /** The current letters as `review verify` sees them. */
  letters: { path: string; state: ReviewState; approvers: string[] }[];
  approvals: ApprovalInput[];
  /** Bad review data `verify` reported (the figures may be incomplete). */
  problems: { file: string; reason: string }[];
}

export interface FiguresInput {
  /** Inclusive bounds, ms. */
  since: number;
  until: number;
  /** When the report was made (ISO); only echoed. */
  generatedAt: string;
  letters: LetterTrack[];
  facts: ReadonlyMap<string, VersionFacts | VersionProblem>;
  /** Sentences per version key, for the sentence diff of the letters that improved most. */
  sentences?: ReadonlyMap<string, readonly string[]>;
  review?: ReviewInput | { unavailable: string };
  /** Who wrote what: authors of commits (not merges) that changed a letter in the period, by letter path. */
  writers?: ReadonlyMap<string, Person[]>;
  /** Display names for e-mail addresses (from git). */
  names?: ReadonlyMap<string, string>;
  /** How many letters to show with their sentence diff (default 10). */
  top?: number;
  /** Notes on how the history was read (sampling), echoed into `method`. */
  notes?: string[];
}

// ---------------------------------------------------------------------------
// Output: `huurbrief report --format json`

export type LevelCounts = Record<Level, number>;
export type CategoryCounts = Record<Category, number>;

export interface MonthLevel {
  /** `YYYY-MM` (UTC). */
  month: string;
  /** Letters that existed at the end of the month (and could be read). */
  letters: number;
  /** Of those, at B1 or easier (A2, B1). */
  atB1OrBetter: number;
  /** atB1OrBetter / letters, 0..1; null without letters. */
  share: number | null;
  byLevel: LevelCounts;
}

export interface MonthFindings {
  month: string;
  letters: number;
  byCategory: CategoryCounts;
  total: number;
}

export interface VersionSummary {
  commit: string;
  /** ISO date-time (UTC) the version became current. */
  date: string;
  level: Level;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ChangedSentences {
  /** Sentences of the earlier version that are gone, next to the ones that took their place. */
  before: string[];
  after: string[];
}

export interface LetterChange {
  path: string;
  before: VersionSummary;
  after: VersionSummary;
  /** Positive: easier (C1 -> B1 is 2). */
  levelSteps: number;
  /** Positive: fewer findings. */
  findingsDrop: number;
}

export interface ImprovedLetter extends LetterChange {
  /** Changed passages (at most 6), in the order of the letter. */
  changes: ChangedSentences[];
  /** Changed passages beyond the ones listed. */
  moreChanges: number;
  sentencesBefore: number;
  sentencesAfter: number;
}

export interface WaitingTime {
  path: string;
  principal: string;
  /** The principal's name in git (the principal itself when unknown). */
  name: string;
  approvedAt: string;
  /** Where the wait is measured from: the review request, or the commit that held the approved text. */
  basis: 'request' | 'commit';
  from: string;
  hours: number;
}

export interface SignOffFigures {
  available: true;
  /** Current letters (as review verify sees them). */
  letters: number;
  approved: number;
  /** approved / letters, 0..1; null without letters. */
  share: number | null;
  byState: Partial<Record<ReviewState, number>>;
  timeToApproval: {
    /** `request`: every measured wait starts at a review request; `commit`: none does; `mixed`: some of each; `none`: nothing measured. */
    basis: 'request' | 'commit' | 'mixed' | 'none';
    count: number;
    medianHours: number | null;
    minHours: number | null;
    maxHours: number | null;
    /** Approvals in the period whose start could not be found. */
    unmeasured: number;
    /** Per month of the period (by the approval's time): measured approvals and their median wait. */
    perMonth: { month: string; count: number; medianHours: number | null }[];
    items: WaitingTime[];
  };
  problems: { file: string; reason: string }[];
}

export interface Success {
  path: string;
  levelBefore: Level;
  levelAfter: Level;
  findingsBefore: number;
  findingsAfter: number;
  /** Colleagues whose sign-off of the current text counts. */
  approvedBy: Person[];
  /** Authors of the commits that changed it in the period. */
  writtenBy: Person[];
}

export interface ReportFigures {
  report: 1;
  generatedAt: string;
  period: { since: string; until: string; months: string[] };
  method: {
    timeZone: 'UTC';
    /** How versions were chosen: the version current at the end of each month (and at the start). */
    sampling: 'month-end';
    config: 'current';
    /** The target the share per month counts against. */
    target: 'B1';
    notes: string[];
  };
  letters: {
    /** Letters at the end of the period. */
    current: number;
    /** Letters seen at any time in the period. */
    seen: number;
    /** Distinct versions linted. */
    versionsLinted: number;
    /** Versions that could not be read (left out). */
    skipped: { path: string; commit: string; reason: string }[];
  };
  levelPerMonth: MonthLevel[];
  findingsPerMonth: MonthFindings[];
  improved: { count: number; letters: ImprovedLetter[] };
  worsened: { count: number; letters: LetterChange[] };
  signOff: SignOffFigures | { available: false; reason: string };
  successes: {
    letters: Success[];
    /** Colleagues who signed off letters in the period, most first. */
    reviewers: (Person & { approvals: number })[];
  };
}
