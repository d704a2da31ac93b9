// --fix without the CLI around it: the fix loop, atomic writes, diffs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, allRules, type LintMessage, type LintResult } from '@huurbrief/core';
import { fixText, lineEnding } from '../src/fix/fix-text.js';
import { fixLetterFile, fixLetterText } from '../src/fix/run.js';
import { unifiedDiff } from '../src/fix/diff.js';
import { writeFileAtomic, WriteError, type WriteFs } from '../src/fix/write.js';

const onlyPlainWords = resolveConfig([{ file: 'test', config: { extends: [], rules: { 'plain-words': 'warn' } } }], allRules);
const tmp = () => mkdtempSync(join(tmpdir(), 'huurbrief-fix-'));

const LETTER = [
  'Beste mevrouw Jansen,',
  '',
  'Indien u vragen heeft over de huurverhoging, kunt u ons bellen.',
  'Wij sturen u tevens een overzicht van de servicekosten.',
  '',
  'Met vriendelijke groet,',
  '',
  'Karin de Vries',
  '',
].join('\n');

function message(start: number, end: number, text: string, ruleId = 'plain-words'): LintMessage {
  return {
    ruleId,
    category: 'plain-language',
    severity: 'warning',
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    offset: start,
    endOffset: end,
    message: `vervang door ${text}`,
    fix: { range: [start, end], text },
  };
}
const result = (messages: LintMessage[]): LintResult => ({ language: 'nl', messages, metrics: { words: 0, sentences: 0, paragraphs: 0, syllables: 0 } });

describe('fixText', () => {
  it('fixes one-suggestion findings and is idempotent', () => {
    const first = fixLetterText('brief.md', LETTER, false, onlyPlainWords);
    expect(first.after).toContain('Als u vragen heeft over de huurverhoging');
    expect(first.after).toContain('Wij sturen u ook een overzicht');
    expect(first.fixed.applied.map((m) => [m.replaced, m.fix!.text])).toEqual([
      ['Indien', 'Als'],
      ['tevens', 'ook'],
    ]);
    const second = fixLetterText('brief.md', first.after, false, onlyPlainWords);
    expect(second.after).toBe(first.after);
    expect(second.fixed.applied).toEqual([]);
    expect(second.fixed.passes).toBe(0);
  });

  it('never touches a byte outside the fixed ranges', () => {
    const { before, after, fixed } = fixLetterText('brief.md', LETTER, false, onlyPlainWords);
    // Splice the replacements into the original by hand: the result must be identical.
    let expected = before;
    for (const m of [...fixed.applied].sort((a, b) => b.fix!.range[0] - a.fix!.range[0])) {
      expected = expected.slice(0, m.fix!.range[0]) + m.fix!.text + expected.slice(m.fix!.range[1]);
    }
    expect(after).toBe(expected);
  });

  it('applies overlapping fixes one at a time: the later one is re-checked on the new text', () => {
    const text = 'Wij verzoeken u vriendelijk om te betalen.';
    let calls = 0;
    // Pass 1 offers two overlapping fixes; after the first, the linter only reports the second (re-located).
    const lint = (t: string): LintResult => {
      calls++;
      if (t === text) return result([message(4, 27, 'vragen u'), message(16, 30, 'graag')]);
      if (t === 'Wij vragen u om te betalen.') return result([message(13, 15, 'graag om')]);
      return result([]);
    };
    const out = fixText(text, lint);
    expect(out.output).toBe('Wij vragen u graag om te betalen.');
    expect(out.applied.map((m) => m.pass)).toEqual([1, 2]);
    expect(calls).toBe(3);
  });

  it('stops when two fixes undo each other, and after at most 10 passes', () => {
    const flip = (t: string) => result([message(0, 3, t.startsWith('als') ? 'wat' : 'als')]);
    const out = fixText('als u wilt', flip);
    expect(out.output).toBe('wat u wilt');
    expect(out.passes).toBe(1);
    let n = 0;
    const grow = (t: string) => result([message(t.length, t.length, String(n++ % 10))]);
    expect(fixText('x', grow).passes).toBe(10);
  });

  it('keeps no fix after which the letter has a finding it did not have, and keeps the others', () => {
    const text = 'Wenst u te komen? Tevens bellen wij.';
    const plain = (s: number, e: number, t: string, actual: string) => ({ ...message(s, e, t), actual });
    const lint = (t: string): LintResult => {
      const ms: LintMessage[] = [];
      const w = t.indexOf('Wenst u te');
      if (w >= 0) ms.push(plain(w, w + 10, 'Wilt u', 'Wenst'));
      const v = t.indexOf('Tevens');
      if (v >= 0) ms.push(plain(v, v + 6, 'Ook', 'Tevens'));
      // Another rule reads "Wilt u ...?" as a request without a date.
      if (t.startsWith('Wilt u')) ms.push({ ...message(0, 16, 'x'), ruleId: 'action-and-deadline', fix: undefined, actual: 'Wilt u komen?' } as LintMessage);
      return result(ms);
    };
    const out = fixText(text, lint);
    expect(out.output).toBe('Wenst u te komen? Ook bellen wij.');
    expect(out.rejected.map((m) => m.actual)).toEqual(['Wenst']);
    expect(out.applied.map((m) => m.replaced)).toEqual(['Tevens']);
  });

  it('lets a new finding through for one pass when it has a fix of its own (m.b.t. → met betrekking tot → over)', () => {
    const lint = (t: string): LintResult => {
      if (t === 'Een brief m.b.t. de huur.') return result([{ ...message(10, 16, 'met betrekking tot', 'abbreviations'), actual: 'm.b.t.' }]);
      if (t === 'Een brief met betrekking tot de huur.') return result([{ ...message(10, 28, 'over'), actual: 'met betrekking tot' }]);
      return result([]);
    };
    expect(fixText('Een brief m.b.t. de huur.', lint).output).toBe('Een brief over de huur.');
    // If the second step had no fix, the letter goes back to the state without the new finding.
    const stuck = (t: string): LintResult => {
      if (t === 'Een brief m.b.t. de huur.') return result([{ ...message(10, 16, 'met betrekking tot', 'abbreviations'), actual: 'm.b.t.' }]);
      if (t === 'Een brief met betrekking tot de huur.') return result([{ ...message(10, 28, 'over'), actual: 'met betrekking tot', fix: undefined } as LintMessage]);
      return result([]);
    };
    expect(fixText('Een brief m.b.t. de huur.', stuck).output).toBe('Een brief m.b.t. de huur.');
  });

  it('gives a multi-line fix the line endings of a CRLF file', () => {
    const crlf = 'Beste heer,\r\nTekst.\r\n';
    expect(lineEnding(crlf)).toBe('\r\n');
    expect(lineEnding('a\nb\r\nc\n')).toBe('\n');
    const lint = (t: string) => (t === crlf ? result([message(13, 19, 'Regel 1.\nRegel 2.')]) : result([]));
    expect(fixText(crlf, lint).output).toBe('Beste heer,\r\nRegel 1.\r\nRegel 2.\r\n');
  });
});

describe('fixLetterFile', () => {
  it('keeps BOM, CRLF and file mode, and reports what changed', () => {
    const dir = tmp();
    const file = join(dir, 'brief.md');
    const original = `\uFEFF${LETTER.replace(/\n/g, '\r\n')}`;
    writeFileSync(file, original);
    fs.chmodSync(file, 0o640);
    const res = fixLetterFile(file, 'brief.md', onlyPlainWords);
    expect(res.written).toBe(true);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(original.replace('Indien', 'Als').replace('tevens', 'ook'));
    expect(text.match(/\r\n/g)?.length).toBe(original.match(/\r\n/g)?.length);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['brief.md']);
  });

  it('writes nothing in a dry run', () => {
    const dir = tmp();
    const file = join(dir, 'brief.md');
    writeFileSync(file, LETTER);
    const res = fixLetterFile(file, 'brief.md', onlyPlainWords, { dryRun: true });
    expect(res.written).toBe(false);
    expect(res.after).not.toBe(res.before);
    expect(readFileSync(file, 'utf8')).toBe(LETTER);
  });
});

describe('writeFileAtomic', () => {
  const failingAt = (step: keyof WriteFs): WriteFs => {
    const real: WriteFs = {
      openSync: fs.openSync,
      writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      fchmodSync: fs.fchmodSync,
      renameSync: fs.renameSync,
      unlinkSync: fs.unlinkSync,
      realpathSync: (p) => fs.realpathSync(p),
    };
    return {
      ...real,
      [step]: () => {
        throw Object.assign(new Error(`${step} failed`), { code: step === 'writeSync' ? 'ENOSPC' : 'EIO' });
      },
    };
  };

  for (const step of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
    it(`a failure in ${step} leaves the original intact and no temp file behind`, () => {
      const dir = tmp();
      const file = join(dir, 'brief.md');
      writeFileSync(file, LETTER);
      expect(() => writeFileAtomic(file, Buffer.from('kapot'), 0o644, failingAt(step))).toThrow(WriteError);
      expect(readFileSync(file, 'utf8')).toBe(LETTER);
      expect(readdirSync(dir)).toEqual(['brief.md']);
    });
  }

  it('says in Dutch why it failed', () => {
    const dir = tmp();
    const file = join(dir, 'brief.md');
    writeFileSync(file, LETTER);
    try {
      writeFileAtomic(file, Buffer.from('x'), 0o644, failingAt('writeSync'));
      expect.unreachable();
    } catch (error) {
      expect((error as WriteError).message).toBe(`${file}: de schijf is vol`);
    }
  });

  it('writes through a symlink to its target and keeps the link', () => {
    const dir = tmp();
    const target = join(dir, 'echt.md');
    const link = join(dir, 'link.md');
    writeFileSync(target, 'oud');
    fs.symlinkSync(target, link);
    writeFileAtomic(link, Buffer.from('nieuw'), 0o644);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('nieuw');
  });
});

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('a.md', LETTER, LETTER)).toBe('');
  });

  it('shows hunks with context and applies with git apply, also to CRLF files without a final newline', () => {
    const dir = tmp();
    execFileSync('git', ['init', '-q', dir]);
    const before = `\uFEFF${LETTER.replace(/\n/g, '\r\n').trimEnd()}`;
    const after = before.replace('Indien', 'Als').replace('Karin de Vries', 'Karin de Vries\r\nTeamleider verhuur');
    writeFileSync(join(dir, 'brief.md'), before);
    const patch = unifiedDiff('brief.md', before, after);
    expect(patch).toMatch(/^--- a\/brief\.md\n\+\+\+ b\/brief\.md\n@@ -1,8 \+1,9 @@\n/);
    expect(patch).toContain('-Indien u vragen heeft');
    expect(patch).toContain('+Als u vragen heeft');
    expect(patch).toContain('\\ No newline at end of file');
    writeFileSync(join(dir, 'fix.diff'), patch);
    execFileSync('git', ['apply', '--whitespace=nowarn', 'fix.diff'], { cwd: dir });
    expect(readFileSync(join(dir, 'brief.md'), 'utf8')).toBe(after);
  });

  it('splits distant changes into separate hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Regel ${i + 1}.`);
    const before = `${lines.join('\n')}\n`;
    const after = before.replace('Regel 2.', 'Regel twee.').replace('Regel 28.', 'Regel achtentwintig.');
    const patch = unifiedDiff('a.md', before, after);
    expect(patch.match(/^@@ /gm)).toHaveLength(2);
    expect(patch).toContain('@@ -1,5 +1,5 @@');
    expect(patch).toContain('@@ -25,6 +25,6 @@');
  });
});
