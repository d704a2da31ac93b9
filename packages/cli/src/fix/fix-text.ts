// The fix loop lives in the core (one decision for the CLI and the editor);
// the CLI uses it as it is.
export { fixText, lineEnding, MAX_PASSES, type FixTextResult } from '@huurbrief/core';
