/** A wrong flag value or combination: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export { jsonReasonNl } from '@huurbrief/core/node';
