// 1,000 letters, one approval each. The approvals are signed in-process (node:crypto) so the
// test stays quick; one of them is cross-checked with `ssh-keygen -Y verify`, so these are the
// same records ssh-keygen would have made.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  contentHash,
  FORMAT_VERSION,
  publicKeyLine,
  REVIEW_NAMESPACE,
  serializePayload,
  signSshSignature,
  verify,
  writeRecord,
  type ReviewPayload,
} from '../src/index.js';
import { colleague, commit, initRepo, removeDir, sshKeygenVerify, tempDir, write } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const street = ['Lindelaan', 'Kastanjestraat', 'Beukenhof', 'Eikenlaan', 'Wilgenweg'];

function letter(i: number): string {
  return `# Onderhoud aan uw woning

Beste {{huurder.naam}},

Op ${(i % 28) + 1} maart voeren wij onderhoud uit aan de woningen aan de ${street[i % street.length]} ${i}.
Wij vervangen dan de kozijnen. U hoeft daarvoor niets te doen.

Met vriendelijke groet,

Woonstichting De Linde
`;
}

it('verifies 1,000 letters with one approval each', async () => {
  const keys = tempDir('scale-keys');
  const repo = tempDir('scale');
  dirs.push(keys, repo);
  const anna = colleague(keys, 'Anna');
  initRepo(repo, anna);
  const bob = generateKeyPairSync('ed25519');
  write(repo, '.huurbrief/allowed_signers', `bob@delinde.nl ${publicKeyLine(bob.publicKey)}\n`);
  const files: Record<string, string> = {};
  for (let i = 0; i < 1000; i++) files[`brieven/onderhoud-${String(i).padStart(4, '0')}.md`] = letter(i);
  commit(repo, anna, '1.000 onderhoudsbrieven', files);

  let first = '';
  for (const [path, text] of Object.entries(files)) {
    const payload: ReviewPayload = {
      'huurbrief-review': FORMAT_VERSION,
      kind: 'approve',
      path,
      sha256: contentHash(text),
      principal: 'bob@delinde.nl',
      time: new Date().toISOString(),
      comment: 'Akkoord.',
      lint: { errors: 0, warnings: 0, infos: 0 },
    };
    const line = serializePayload(payload);
    const file = writeRecord({ root: repo, git: true }, payload, signSshSignature(bob.privateKey, Buffer.from(line), REVIEW_NAMESPACE));
    first ||= file;
  }

  const record = readFileSync(join(repo, first), 'utf8');
  const cut = record.indexOf('-----BEGIN');
  const check = sshKeygenVerify(readFileSync(join(repo, '.huurbrief/allowed_signers'), 'utf8'), 'bob@delinde.nl', REVIEW_NAMESPACE, record.slice(cut), record.slice(0, cut));
  expect(check.output).toContain('Good "huurbrief-review" signature for bob@delinde.nl');

  let report = await verify([], { cwd: repo });
  expect(report.problems).toEqual([]);
  expect(report.letters).toHaveLength(1000);
  expect(report.letters.every((l) => l.state === 'approved')).toBe(true);
  expect(report.exitCode).toBe(0);

  // One edited letter out of a thousand is found, and only that one.
  writeFileSync(join(repo, 'brieven/onderhoud-0500.md'), letter(500).replace('kozijnen', 'dakgoten'));
  report = await verify(['brieven'], { cwd: repo });
  expect(report.exitCode).toBe(1);
  expect(report.letters.filter((l) => !l.ok).map((l) => [l.path, l.state])).toEqual([['brieven/onderhoud-0500.md', 'stale']]);
});
