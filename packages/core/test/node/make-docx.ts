// Builds small but real .docx files for tests (a zip of WordprocessingML parts, as Word writes them).
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A paragraph of plain runs; `\t` becomes a tab, `\n` a line break. */
export function para(text: string): string {
  if (text === '') return '<w:p/>';
  const runs = text.split(/(\t|\n)/).map((part) => (part === '\t' ? '<w:r><w:tab/></w:r>' : part === '\n' ? '<w:r><w:br/></w:r>' : part ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(part)}</w:t></w:r>` : ''));
  return `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${runs.join('')}</w:p>`;
}

/** A complex MERGEFIELD as Word writes it (begin, instruction, separate, «shown», end). */
export function mergeField(name: string): string {
  return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD ${esc(name)} \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«${esc(name)}»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}

export function makeDocx(body: string[], parts: { header?: string[]; footer?: string[] } = {}): Uint8Array {
  const doc = (tag: string, ps: string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${tag} ${NS}>${tag === 'document' ? '<w:body>' : ''}${ps.map((p) => (p.startsWith('<w:p') ? p : para(p))).join('')}${tag === 'document' ? '<w:sectPr/></w:body>' : ''}</w:${tag}>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8(doc('document', body)),
  };
  if (parts.header) files['word/header1.xml'] = strToU8(doc('hdr', parts.header));
  if (parts.footer) files['word/footer1.xml'] = strToU8(doc('ftr', parts.footer));
  return zipSync(files);
}
