import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxText, paragraphsOf } from '../../src/node/docx.js';
import { InputError, readLetterFile } from '../../src/node/read.js';
import { findLetterFiles } from '../../src/node/discover.js';
import { makeDocx, mergeField, para } from './make-docx.js';

const dir = mkdtempSync(join(tmpdir(), 'huurbrief-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Word paragraphs', () => {
  it('reads runs, tabs, line breaks, entities and empty paragraphs', () => {
    const xml = `<w:document><w:body>${para('Kerkstraat 1\n1234 AB Dorp')}${para('')}${para('Datum:\t3 december 2026')}<w:p><w:r><w:t>Huur &amp; servicekosten &lt;2026&gt;</w:t></w:r></w:p></w:body></w:document>`;
    expect(paragraphsOf(xml)).toEqual(['Kerkstraat 1\n1234 AB Dorp', '', 'Datum:\t3 december 2026', 'Huur & servicekosten <2026>']);
  });
  it('turns simple and complex MERGEFIELDs into «mail-merge» placeholders', () => {
    const simple = '<w:p><w:r><w:t xml:space="preserve">Beste </w:t></w:r><w:fldSimple w:instr=" MERGEFIELD Aanhef "><w:r><w:t>«Aanhef»</w:t></w:r></w:fldSimple><w:r><w:t>,</w:t></w:r></w:p>';
    const complex = `<w:p><w:r><w:t xml:space="preserve">Uw adres: </w:t></w:r>${mergeField('Adres')}</w:p>`;
    // A field whose shown text is a sample value still becomes the field.
    const sample = '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD "Naam huurder" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Jansen</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    expect(paragraphsOf(simple + complex + sample)).toEqual(['Beste «Aanhef»,', 'Uw adres: «Adres»', '«Naam huurder»']);
  });
  it('puts header and footer paragraphs after the body, after a blank line', () => {
    const bytes = makeDocx(['Beste mevrouw Jansen,', 'Op dinsdag komt de monteur.'], { header: ['Woonstichting De Linde'], footer: ['Postbus 123 · 1234 AB Dorp · 0299 452 452'] });
    const d = docxText(bytes);
    expect(d.bodyParagraphs).toBe(2);
    expect(d.text).toBe('Beste mevrouw Jansen,\nOp dinsdag komt de monteur.\n\nWoonstichting De Linde\n\nPostbus 123 · 1234 AB Dorp · 0299 452 452\n');
  });
});

describe('reading letters in other formats', () => {
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  it('reads a .docx as its paragraphs, one per line', () => {
    const f = readLetterFile(file('brief.docx', makeDocx(['Beste mevrouw Jansen,', '', 'Op dinsdag komt de monteur.'])));
    expect([f.encoding, f.text]).toEqual(['docx', 'Beste mevrouw Jansen,\n\nOp dinsdag komt de monteur.\n']);
  });
  it('decodes UTF-16 with a BOM (Word\'s "Unicode text")', () => {
    const text = 'Beste mevrouw Öztürk,\n\nOp dinsdag komt de monteur. Het kost € 0.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(readLetterFile(file('utf16le.txt', le))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(readLetterFile(file('utf16be.txt', be))).toMatchObject({ text, encoding: 'utf-16be' });
  });
  it.each([
    ['brief.rtf', '{\\rtf1\\ansi Beste mevrouw}', /RTF-bestand; huurbrief leest geen RTF/],
    ['brief.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Word 97-2003-document \(\.doc\); huurbrief leest alleen \.docx/],
    ['kapot.docx', 'Dit is geen zip', /geen geldig Word-bestand \(\.docx\): het is geen zip-bestand/],
    ['leeg.docx', makeDocx(['', '']), /Word-document zonder tekst/],
  ])('%s gets a clear one-line reason', (name, bytes, reason) => {
    const p = file(name, bytes);
    expect(() => readLetterFile(p)).toThrow(InputError);
    expect(() => readLetterFile(p)).toThrow(reason);
  });
  it('finds .docx letters in folders, but not Word lock files', async () => {
    const sub = join(dir, 'map');
    rmSync(sub, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    writeFileSync(join(sub, 'brief.docx'), makeDocx(['Beste Jan,']));
    writeFileSync(join(sub, '~$brief.docx'), 'lock');
    const found = await findLetterFiles([sub], dir);
    expect(found.files.map((f) => f.slice(sub.length + 1))).toEqual(['brief.docx']);
    const empty = join(dir, 'leeg');
    mkdirSync(empty, { recursive: true });
    const none = await findLetterFiles([empty], dir);
    expect(none.unmatched.map((e) => e.message)).toEqual([`${empty}: map bevat geen brieven (.md, .markdown, .txt, .docx)`]);
  });
});
