// Custom requests of the huurbrief language server, shared with the VS Code client.

/** `huurbrief/letterInfo`: the letter's metrics and review state, for a status bar. */
export const LETTER_INFO = 'huurbrief/letterInfo';
/** `huurbrief/lintWorkspace`: lint every letter in the workspace folders (also files that are not open). */
export const LINT_WORKSPACE = 'huurbrief/lintWorkspace';
/** `huurbrief/review`: request a review of, or approve, a letter (through @huurbrief/review). */
export const REVIEW = 'huurbrief/review';

export interface LetterInfoParams {
  uri: string;
}

export type ReviewStateName = 'unknown' | 'missing' | 'pending' | 'changes' | 'approved' | 'stale' | 'revoked' | 'ambassador' | 'invalid';

/** The letter's review state (from `@huurbrief/review`), ready to show. */
export interface ReviewState {
  state: ReviewStateName;
  /** Short Dutch text for a status bar, e.g. "Goedgekeurd door S. de Vries". */
  label: string;
  /** One Dutch sentence: why this state. */
  reason: string;
  /** Who approved (approved, stale) or asked for changes. */
  by?: string;
  /** When (ISO 8601). */
  at?: string;
  /** Who was asked to review (pending). */
  reviewer?: string;
  /** The editor's text differs from the saved file; the state is about the saved file unless it says stale. */
  unsaved?: boolean;
  /**
   * Who may sign off the letter, in Dutch: "een ambassadeur (anna@… of bram@…; @incasso,
   * .huurbrief/ambassadors regel 4)" or "een collega uit .huurbrief/allowed_signers die geen auteur is".
   */
  signOff?: string;
  /**
   * The ambassadors who may sign off the letter (`.huurbrief/ambassadors`, authors left out); absent
   * when no ambassadors apply (any colleague in allowed_signers who is not an author may).
   */
  ambassadors?: string[];
}

export interface LetterCounts {
  /** Findings the baseline does not accept (accepted ones are in `accepted`, not here). */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings the baseline (`.huurbrief/baseline.json`) accepted; absent from older servers. */
  accepted?: number;
  /** Findings with an automatic fix. */
  fixable: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
}

export interface LetterInfo {
  uri: string;
  /** The document version these figures belong to. */
  version: number;
  /** Estimated level (A2..C1) when the readability module provides it, else null. */
  level: string | null;
  /** The level the letter should reach (config `level`, default B1). */
  targetLevel: string;
  fleschDouma: number | null;
  sentences: number;
  words: number;
  /** Why the letter is above the target level (Dutch), when known. */
  levelReasons: string[];
  /** Sentences reported as too long (rule `sentence-length`). */
  longSentences: number;
  counts: LetterCounts;
  configFile: string | null;
  /** The config problem that stops linting, if any (Dutch). */
  configError: string | null;
  review: ReviewState;
}

export interface LintWorkspaceResult {
  files: number;
  /** Findings the baseline does not accept. */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings the baseline accepted (absent from older servers). */
  accepted?: number;
  /** Files that could not be linted, with the reason (Dutch). */
  problems: string[];
}

export interface ReviewParams {
  uri: string;
  kind: 'request' | 'approve';
  comment?: string;
  reviewer?: string;
}

export interface ReviewResult {
  ok: boolean;
  /** What happened or why it was refused (Dutch). */
  message: string;
  review: ReviewState;
}
