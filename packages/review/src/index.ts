// `@huurbrief/review`: peer-review sign-off of letters (node-side: files, git, ssh-keygen).
// Its own package: @huurbrief/core stays the pure lint engine.
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
} from './actions.js';
export type { ActionOptions, ActionResult, RefusalCode, ScopeOptions, LetterDiff, KeysAddOptions } from './actions.js';
export { reviewReport, STATE_LABELS, GUARANTEES_GIT, GUARANTEES_NO_GIT } from './status.js';
export type { ReviewState, LetterStatus, ReviewEntry, ReviewReport, StatusOptions, SignOff, AmbassadorRequirement } from './status.js';
export { findRepo, repoPath, loadAllowedSigners, loadAmbassadors, loadRecords, writeRecord, ReviewSetupError, ALLOWED_SIGNERS, AMBASSADORS, REVIEWS } from './store.js';
export { parseAmbassadors, ambassadorRuleFor, AmbassadorsError } from './ambassadors.js';
export type { Ambassadors, AmbassadorRule, AmbassadorTeam, AmbassadorMatch } from './ambassadors.js';
export type { ReviewRepo, LoadedRecord, LoadedRecords } from './store.js';
export {
  readRecord,
  parsePayload,
  serializePayload,
  recordText,
  recordFileName,
  contentHash,
  contentKindOf,
  normaliseContent,
  RecordError,
  REVIEW_NAMESPACE,
  FORMAT_VERSION,
  BYTES_FORMAT_VERSION,
  REVIEW_KINDS,
} from './record.js';
export type { ReviewPayload, ReviewKind, LintSummary, RecordErrorCode, ContentKind } from './record.js';
export { readLetterContent } from './content.js';
export type { LetterContent } from './content.js';
export { parseAllowedSigners, checkSigner, matchPatternList, parseSshTime, AllowedSignersError } from './allowed-signers.js';
export type { AllowedSigner, AllowedSigners, SignerCheck } from './allowed-signers.js';
export {
  verifySshSignature,
  signSshSignature,
  parseArmoredSignature,
  parsePublicKeyLine,
  parsePublicKeyBlob,
  publicKeyLine,
  publicKeyBlob,
  SignatureError,
} from './sshsig.js';
export type { SshPublicKey, SshSignature } from './sshsig.js';
export { SigningError } from './sign.js';
export { GitError } from './git.js';
export { diffLines } from './diff.js';
export type { DiffHunk } from './diff.js';
