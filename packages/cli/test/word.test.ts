// Word letters from the CLI: findings with the paragraph as line, the paragraph quoted in stylish
// output, folders that hold only Word files, and a clear no for --fix.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, mergeField } from '../../core/test/node/make-docx.js';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'huurbrief-word-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A classic letter as a corporation writes it in Word: letterhead in the header, the tenant as a
// merge field, a stiff sentence in paragraph 10 and a refusal without alternative in paragraph 11.
const body = [
  `<w:p>${mergeField('Aanhef')}<w:r><w:t xml:space="preserve"> </w:t></w:r>${mergeField('Achternaam')}</w:p>`,
  `<w:p>${mergeField('Adres')}</w:p>`,
  '',
  'Dorp, 3 december 2026',
  'Betreft: uw verzoek om een dakkapel',
  '',
  `<w:p><w:r><w:t xml:space="preserve">Beste </w:t></w:r>${mergeField('Aanhef')}<w:r><w:t xml:space="preserve"> </w:t></w:r>${mergeField('Achternaam')}<w:r><w:t>,</w:t></w:r></w:p>`,
  '',
  'Bedankt voor uw aanvraag van 12 november.',
  'Middels dit schrijven delen wij u mede dat wij uw verzoek hebben beoordeeld.',
  'Uw verzoek om een dakkapel wordt afgewezen.',
  '',
  'Met vriendelijke groet,',
  'Karin de Vries',
  'Woonconsulent',
];

beforeAll(() => {
  mkdirSync(join(dir, 'brieven'));
  writeFileSync(join(dir, 'brieven', 'dakkapel.docx'), makeDocx(body, { header: ['Woonstichting De Linde', 'Postbus 123 · 1234 AB Dorp · T 0299 452 452 · info@delinde.nl'] }));
  mkdirSync(join(dir, 'leeg'));
  writeFileSync(join(dir, 'leeg', 'notities.pdf'), '%PDF-1.4');
});

describe('huurbrief lint on Word letters', () => {
  it('lints a .docx: findings on the right paragraph, placeholders and the letterhead understood', () => {
    const r = runCli(['lint', '--no-config', '--format', 'json', 'brieven/dakkapel.docx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const [report] = JSON.parse(r.stdout) as { path: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(report!.path).toBe('brieven/dakkapel.docx');
    const found = report!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(found).toContain('10:1 stock-phrases');
    expect(found.filter((f) => / refusal(?:-without-alternative)?$/.test(f)).map((f) => f.split(':')[0])).toEqual(['11', '11']);
    // The merge fields are a greeting with a name, the header's contact details are the sender's.
    expect(found.filter((f) => /greeting|subject|personal-data|closing|shouting/.test(f))).toEqual([]);
  });

  it('quotes the paragraph in stylish output', () => {
    const r = runCli(['lint', '--no-config', 'brieven/dakkapel.docx'], { cwd: dir });
    expect(r.stdout).toContain('alinea 11: “Uw verzoek om een dakkapel wordt afgewezen.”');
  });

  it('finds .docx letters in a folder', () => {
    const r = runCli(['lint', '--no-config', '--format', 'json', 'brieven'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { path: string }[]).map((x) => x.path)).toEqual(['brieven/dakkapel.docx']);
  });

  it('refuses to --fix a Word document, and writes nothing', () => {
    const before = readFileSync(join(dir, 'brieven', 'dakkapel.docx'));
    const r = runCli(['lint', '--no-config', '--fix', 'brieven/dakkapel.docx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('een Word-document verbetert huurbrief niet automatisch');
    expect(readFileSync(join(dir, 'brieven', 'dakkapel.docx')).equals(before)).toBe(true);
  });

  it('a folder without letters is exit 2, unless --no-error-on-unmatched-pattern', () => {
    const r = runCli(['lint', '--no-config', 'leeg'], { cwd: dir });
    expect([r.code, r.stderr.trim()]).toEqual([2, 'huurbrief: leeg: map bevat geen brieven (.md, .markdown, .txt, .docx)']);
    const ok = runCli(['lint', '--no-config', '--no-error-on-unmatched-pattern', 'leeg'], { cwd: dir });
    expect(ok.code).toBe(0);
  });
});
