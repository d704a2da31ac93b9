// `@huurbrief/core/review`: peer-review sign-off of letters (node-side: files, git, ssh-keygen).
// Not exported from the main entry, which stays free of I/O.
export {
  approve,
  requestReview,
  requestChanges,
  revoke,
  verify,
  reviewStatus,
  reviewLog,
  diffSinceApproval,
  addKey,
  ReviewUsageError,
} from './review/actions.js';
export type { ActionOptions, ActionResult, RefusalCode, ScopeOptions, LetterDiff, KeysAddOptions } from './review/actions.js';
export { reviewReport, STATE_LABELS, GUARANTEES_GIT, GUARANTEES_NO_GIT } from './review/status.js';
export type { ReviewState, LetterStatus, ReviewEntry, ReviewReport, StatusOptions } from './review/status.js';
export { findRepo, repoPath, loadAllowedSigners, loadRecords, writeRecord, ReviewSetupError, ALLOWED_SIGNERS, REVIEWS } from './review/store.js';
export type { ReviewRepo, LoadedRecord, LoadedRecords } from './review/store.js';
export {
  readRecord,
  parsePayload,
  serializePayload,
  recordText,
  recordFileName,
  contentHash,
  normaliseContent,
  RecordError,
  REVIEW_NAMESPACE,
  FORMAT_VERSION,
  REVIEW_KINDS,
} from './review/record.js';
export type { ReviewPayload, ReviewKind, LintSummary, RecordErrorCode } from './review/record.js';
export { parseAllowedSigners, checkSigner, matchPatternList, parseSshTime, AllowedSignersError } from './review/allowed-signers.js';
export type { AllowedSigner, AllowedSigners, SignerCheck } from './review/allowed-signers.js';
export {
  verifySshSignature,
  signSshSignature,
  parseArmoredSignature,
  parsePublicKeyLine,
  parsePublicKeyBlob,
  publicKeyLine,
  publicKeyBlob,
  SignatureError,
} from './review/sshsig.js';
export type { SshPublicKey, SshSignature } from './review/sshsig.js';
export { SigningError } from './review/sign.js';
export { GitError } from './review/git.js';
export { diffLines } from './review/diff.js';
export type { DiffHunk } from './review/diff.js';
