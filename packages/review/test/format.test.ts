// The allowed-signers file, the record payload and the diff: strict parsing with reasons.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkSigner,
  contentHash,
  diffLines,
  FORMAT_VERSION,
  matchPatternList,
  parseAllowedSigners,
  parsePayload,
  publicKeyLine,
  readRecord,
  recordFileName,
  recordText,
  serializePayload,
  signSshSignature,
  type ReviewPayload,
} from '../src/index.js';
import { parsePublicKeyLine } from '../src/sshsig.js';

const anna = generateKeyPairSync('ed25519');
const bob = generateKeyPairSync('ed25519');
const annaKey = publicKeyLine(anna.publicKey);
const bobKey = publicKeyLine(bob.publicKey);

describe('allowed signers', () => {
  const file = [
    '# Wie brieven mag goedkeuren',
    '',
    `anna@delinde.nl ${annaKey} Anna de Vries`,
    `"bob@delinde.nl,robert@delinde.nl" namespaces="huurbrief-review,git",valid-after="20240101",valid-before="20251231235959Z" ${bobKey}`,
    `*@delinde.nl,!stagiair@delinde.nl namespaces="git" ${annaKey}`,
  ].join('\n');
  const signers = parseAllowedSigners(file, '.huurbrief/allowed_signers');
  const pk = (line: string) => parsePublicKeyLine(line);

  it('reads principals, options and keys, skipping comments and blank lines', () => {
    expect(signers.entries).toHaveLength(3);
    expect(signers.entries[1]).toMatchObject({ principals: ['bob@delinde.nl', 'robert@delinde.nl'], namespaces: ['huurbrief-review', 'git'], line: 4 });
    expect(signers.entries[1]!.validBefore!.toISOString()).toBe('2025-12-31T23:59:59.000Z');
  });

  it('checks key, principal, namespace and validity window', () => {
    const t = new Date('2025-03-01T10:00:00Z');
    expect(checkSigner(signers, 'anna@delinde.nl', pk(annaKey), 'huurbrief-review', t)).toMatchObject({ ok: true });
    expect(checkSigner(signers, 'robert@delinde.nl', pk(bobKey), 'huurbrief-review', t)).toMatchObject({ ok: true });
    expect(checkSigner(signers, 'anna@delinde.nl', pk(bobKey), 'huurbrief-review', t)).toMatchObject({ ok: false, code: 'unknown-signer', reason: expect.stringContaining('niet bij anna@delinde.nl') });
    expect(checkSigner(signers, 'bob@delinde.nl', pk(bobKey), 'huurbrief-review', new Date('2026-01-01T00:00:01Z'))).toMatchObject({ ok: false, code: 'expired-signer' });
    expect(checkSigner(signers, 'bob@delinde.nl', pk(bobKey), 'huurbrief-review', new Date('2023-06-01T00:00:00Z'))).toMatchObject({ ok: false, code: 'expired-signer' });
    // Line 5 allows Anna's key for everyone at delinde.nl, but only for git: not for reviews.
    expect(checkSigner(signers, 'karin@delinde.nl', pk(annaKey), 'huurbrief-review', t)).toMatchObject({ ok: false, code: 'unknown-signer' });
    expect(checkSigner(signers, 'karin@delinde.nl', pk(annaKey), 'git', t)).toMatchObject({ ok: true });
    expect(checkSigner(signers, 'stagiair@delinde.nl', pk(annaKey), 'git', t)).toMatchObject({ ok: false });
  });

  it('matches OpenSSH patterns', () => {
    expect(matchPatternList('bob@delinde.nl', ['*@delinde.nl'])).toBe(true);
    expect(matchPatternList('bob@delinde.nl', ['b?b@*'])).toBe(true);
    expect(matchPatternList('bob@delinde.nl', ['*', '!bob@*'])).toBe(false);
    expect(matchPatternList('bob@delinde.nlx', ['*@delinde.nl'])).toBe(false);
  });

  it.each([
    [`anna@delinde.nl ssh-ed25519`, 'verwacht "<principal> [opties] <sleuteltype> <sleutel>"'],
    [`anna@delinde.nl valid-after="2024" ${annaKey}`, 'valid-after="2024" is geen geldige tijd'],
    [`anna@delinde.nl valid-before="20250231" ${annaKey}`, 'valid-before="20250231" is geen geldige tijd'],
    [`anna@delinde.nl verify-required ${annaKey}`, 'onbekende optie "verify-required"'],
    [`anna@delinde.nl namespaces="git ${annaKey}`, 'aanhalingsteken niet gesloten'],
    [`anna@delinde.nl ssh-rsa ${annaKey.split(' ')[1]}`, 'sleuteltype ssh-rsa komt niet overeen met de sleutel (ssh-ed25519)'],
    [`anna@delinde.nl ssh-ed25519 AAAA!!`, 'de sleutel is geen geldige base64'],
    [`anna@delinde.nl ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA`, 'onverwacht einde'],
  ])('a malformed line is an error with file and line: %s', (line, reason) => {
    expect(() => parseAllowedSigners(`# collega's\n${line}\n`, '.huurbrief/allowed_signers')).toThrow(`.huurbrief/allowed_signers:2: ${reason}`);
  });
});

describe('record payload', () => {
  const payload: ReviewPayload = {
    'huurbrief-review': FORMAT_VERSION,
    kind: 'approve',
    path: 'brieven/huurverhoging.md',
    sha256: contentHash('Beste huurder,\n'),
    principal: 'anna@delinde.nl',
    time: '2025-03-01T10:00:00.000Z',
    comment: 'Goed leesbaar, één kleine twijfel over “kale huur”.',
    lint: { errors: 0, warnings: 2, infos: 1 },
  };

  it('is one line of ASCII JSON that round-trips, and survives a CRLF checkout of the record', () => {
    const line = serializePayload(payload);
    expect(line).toMatch(/^[\x20-\x7e]+\n$/);
    expect(parsePayload(line, 'x')).toEqual(payload);
    const text = recordText(line, signSshSignature(anna.privateKey, Buffer.from(line), 'huurbrief-review'));
    const name = recordFileName(text, payload);
    expect(name).toMatch(/^20250301T100000Z-approve-[0-9a-f]{24}\.review$/);
    expect(readRecord(text.replace(/\n/g, '\r\n'), `.huurbrief/reviews/${name}`, name).payload).toEqual(payload);
  });

  it('hashes content with normalised line endings and without BOM', () => {
    expect(contentHash('\ufeffBeste huurder,\r\n\r\nDe huur\rstijgt.\r\n')).toBe(contentHash('Beste huurder,\n\nDe huur\nstijgt.\n'));
    expect(contentHash('Beste huurder,\n')).not.toBe(contentHash('Beste huurder, \n'));
  });

  it.each([
    [{ extra: 1 }, 'onbekend veld "extra"'],
    [{ kind: 'reject' }, 'onbekende soort "reject"'],
    [{ path: '../buiten.md' }, 'moet relatief zijn'],
    [{ path: '/etc/brief.md' }, 'moet relatief zijn'],
    [{ sha256: 'abc' }, '64 hexadecimale tekens'],
    [{ time: '1 maart 2025' }, 'geen ISO-tijd'],
    [{ time: '2025-03-01T10:00:00Z' }, 'geen ISO-tijd'],
    [{ lint: { errors: -1, warnings: 0, infos: 0 } }, 'veld "lint"'],
    [{ line: 3 }, 'hoort alleen bij een wijzigingsverzoek'],
    [{ lintOverride: true, comment: '' }, 'moet een reden hebben'],
    [{ 'huurbrief-review': 7 }, 'onbekende formaatversie 7'],
    [{ 'huurbrief-review': '1' }, 'formaatversie) ontbreekt'],
  ])('rejects %j', (change, reason) => {
    const line = JSON.stringify({ ...payload, ...change });
    expect(() => parsePayload(line, '.huurbrief/reviews/r.review')).toThrow(reason);
  });
});

describe('review diff', () => {
  it('shows changed lines with context in unified hunks', () => {
    const before = ['# Huurverhoging', '', 'Beste huurder,', '', 'De huur stijgt.', 'Dat is € 23 meer.', '', 'Met vriendelijke groet,', '', 'De Linde', ''].join('\n');
    const after = before.replace('De huur stijgt.', 'Uw huur gaat per 1 juli omhoog.').replace('De Linde', 'Woonstichting De Linde');
    const hunks = diffLines(before, after, 1);
    expect(hunks).toEqual([
      {
        oldStart: 4, oldLines: 3, newStart: 4, newLines: 3,
        lines: [{ op: ' ', text: '' }, { op: '-', text: 'De huur stijgt.' }, { op: '+', text: 'Uw huur gaat per 1 juli omhoog.' }, { op: ' ', text: 'Dat is € 23 meer.' }],
      },
      { oldStart: 9, oldLines: 2, newStart: 9, newLines: 2, lines: [{ op: ' ', text: '' }, { op: '-', text: 'De Linde' }, { op: '+', text: 'Woonstichting De Linde' }] },
    ]);
    expect(diffLines(before, before)).toEqual([]);
  });
});
