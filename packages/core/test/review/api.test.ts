// Pins the public API of @huurbrief/core/review, and keeps it out of the I/O-free main entry.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('exports the review API', async () => {
  expect(Object.keys(await import('../../src/review.js')).sort()).toEqual([
    'ALLOWED_SIGNERS', 'AllowedSignersError', 'FORMAT_VERSION', 'GUARANTEES_GIT', 'GUARANTEES_NO_GIT', 'GitError',
    'REVIEWS', 'REVIEW_KINDS', 'REVIEW_NAMESPACE', 'RecordError', 'ReviewSetupError', 'ReviewUsageError', 'STATE_LABELS',
    'SignatureError', 'SigningError', 'addKey', 'approve', 'checkSigner', 'contentHash', 'diffLines', 'diffSinceApproval',
    'findRepo', 'loadAllowedSigners', 'loadRecords', 'matchPatternList', 'normaliseContent', 'parseAllowedSigners',
    'parseArmoredSignature', 'parsePayload', 'parsePublicKeyBlob', 'parsePublicKeyLine', 'parseSshTime', 'publicKeyBlob',
    'publicKeyLine', 'readRecord', 'recordFileName', 'recordText', 'repoPath', 'requestChanges', 'requestReview',
    'reviewLog', 'reviewReport', 'reviewStatus', 'revoke', 'serializePayload', 'signSshSignature', 'verify',
    'verifySshSignature', 'writeRecord',
  ].sort());
});

it('is not reachable from the main entry', () => {
  const main = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8');
  expect(main).not.toMatch(/from '\.\/review/);
});
