// Pins the public API of @huurbrief/review, and keeps sign-off out of the lint engine.
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('exports the review API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
    'ALLOWED_SIGNERS', 'AMBASSADORS', 'AllowedSignersError', 'AmbassadorsError', 'ambassadorRuleFor', 'loadAmbassadors', 'parseAmbassadors', 'BYTES_FORMAT_VERSION', 'FORMAT_VERSION', 'GUARANTEES_GIT', 'GUARANTEES_NO_GIT', 'GitError',
    'REVIEWS', 'REVIEW_KINDS', 'REVIEW_NAMESPACE', 'RecordError', 'ReviewSetupError', 'ReviewUsageError', 'STATE_LABELS',
    'SignatureError', 'SigningError', 'addKey', 'approve', 'checkSigner', 'contentHash', 'contentKindOf', 'diffLines', 'diffSinceApproval',
    'findRepo', 'loadAllowedSigners', 'loadRecords', 'matchPatternList', 'normaliseContent', 'parseAllowedSigners',
    'parseArmoredSignature', 'parsePayload', 'parsePublicKeyBlob', 'parsePublicKeyLine', 'parseSshTime', 'publicKeyBlob',
    'publicKeyLine', 'readLetterContent', 'readRecord', 'recordFileName', 'recordText', 'repoPath', 'requestChanges', 'requestReview',
    'reviewLog', 'reviewReport', 'reviewStatus', 'revoke', 'serializePayload', 'signSshSignature', 'verify',
    'verifySshSignature', 'writeRecord',
  ].sort());
});

it('is its own package: core has no review code and no review entry', () => {
  const core = new URL('../../core/', import.meta.url);
  expect(existsSync(new URL('src/review.ts', core))).toBe(false);
  expect(existsSync(new URL('src/review', core))).toBe(false);
  const pkg = JSON.parse(readFileSync(new URL('package.json', core), 'utf8')) as { exports: Record<string, unknown> };
  expect(Object.keys(pkg.exports)).not.toContain('./review');
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; exports: Record<string, unknown> };
  expect(own.name).toBe('@huurbrief/review');
  expect(Object.keys(own.exports)).toEqual(['.', './package.json']);
});
