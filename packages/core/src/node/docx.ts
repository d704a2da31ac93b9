import { unzipSync } from 'fflate';

// Word letters (.docx). Most corporation letters and templates are Word
// documents. A .docx is a zip of XML parts; the text is in word/document.xml
// (w:p paragraphs of w:r runs with w:t text), the letterhead often in
// word/header*.xml and word/footer*.xml. We read them with fflate (a small,
// maintained unzip) and a tokenizer of our own for the few WordprocessingML
// elements that carry text: a full XML or docx-to-HTML library (mammoth)
// drops what we need most — merge fields and the paragraph structure as
// lines — or brings far more than we use.
//
// The result is plain text, one paragraph per line (empty paragraphs are the
// blank lines between the parts of the letter), so the layout model reads it
// like a .txt letter and a finding's line is the paragraph number. Headers
// and footers follow the body after a blank line. Merge fields (MERGEFIELD,
// simple or complex) become «Name», the mail-merge placeholder huurbrief knows.

export interface DocxText {
  /** The letter as plain text: body paragraphs, then header and footer paragraphs. */
  text: string;
  /** Number of body paragraphs (lines 1..n of `text`). */
  bodyParagraphs: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? _;
  });
}

const MERGEFIELD = /^\s*MERGEFIELD\s+("?)([^"\\]+?)\1(?:\s+\\.*)?\s*$/i;

/**
 * The paragraphs of one WordprocessingML part. Tables give one paragraph per
 * cell paragraph; tabs become a tab; line breaks inside a paragraph stay line
 * breaks (a Word "shift-enter" address block is several lines).
 */
export function paragraphsOf(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  // Complex fields: begin → instruction → separate → shown result → end.
  const fields: { instr: string; state: 'instr' | 'result'; result: string }[] = [];
  const emit = (s: string) => {
    const f = fields[fields.length - 1];
    if (f) {
      if (f.state === 'result') f.result += s;
      return;
    }
    if (current !== null) current += s;
  };
  const tag = /<(\/?)(w:p|w:t|w:tab|w:br|w:cr|w:instrText|w:fldChar|w:fldSimple|w:sym|w:noBreakHyphen)\b([^>]*?)(\/?)>|<\/w:fldSimple>/g;
  let simple: { name: string | null; text: string } | null = null;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [whole, close, name, attrs = '', selfClose] = m;
    if (whole === '</w:fldSimple>') {
      if (simple && current !== null) current += simple.name ? `«${simple.name}»` : simple.text;
      simple = null;
      continue;
    }
    switch (name) {
      case 'w:p':
        if (close) {
          if (current !== null) out.push(current);
          current = null;
        } else if (selfClose) out.push('');
        else current = '';
        break;
      case 'w:t':
      case 'w:instrText': {
        if (close || selfClose) break;
        const end = xml.indexOf(`</${name}>`, tag.lastIndex);
        if (end === -1) break;
        const text = decodeXml(xml.slice(tag.lastIndex, end));
        tag.lastIndex = end + name.length + 3;
        if (name === 'w:instrText') {
          const f = fields[fields.length - 1];
          if (f && f.state === 'instr') f.instr += text;
        } else if (simple) simple.text += text;
        else emit(text);
        break;
      }
      case 'w:tab':
        if (!close) emit('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (!close) emit('\n');
        break;
      case 'w:noBreakHyphen':
        if (!close) emit('-');
        break;
      case 'w:fldChar': {
        const type = /w:fldCharType="(\w+)"/.exec(attrs)?.[1];
        if (type === 'begin') fields.push({ instr: '', state: 'instr', result: '' });
        else if (type === 'separate') {
          const f = fields[fields.length - 1];
          if (f) f.state = 'result';
        } else if (type === 'end') {
          const f = fields.pop();
          if (f) {
            const merge = MERGEFIELD.exec(f.instr);
            emit(merge ? `«${merge[2]!.trim()}»` : f.result);
          }
        }
        break;
      }
      case 'w:fldSimple': {
        if (close) break;
        const instr = decodeXml(/w:instr="([^"]*)"/.exec(attrs)?.[1] ?? '');
        const merge = MERGEFIELD.exec(instr);
        if (selfClose) {
          if (merge) emit(`«${merge[2]!.trim()}»`);
        } else simple = { name: merge ? merge[2]!.trim() : null, text: '' };
        break;
      }
      default:
        break;
    }
  }
  if (current !== null) out.push(current);
  return out;
}

/** Reads a .docx: throws an Error with a Dutch reason when it is no readable Word document. */
export function docxText(bytes: Uint8Array): DocxText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || /^word\/(?:header|footer)\d*\.xml$/.test(f.name) });
  } catch {
    throw new Error('geen geldig Word-bestand (.docx): het zip-bestand is beschadigd');
  }
  const doc = files['word/document.xml'];
  if (!doc) throw new Error('geen geldig Word-bestand (.docx): word/document.xml ontbreekt');
  const decoder = new TextDecoder('utf-8');
  const body = paragraphsOf(decoder.decode(doc));
  const extra: string[] = [];
  const parts = Object.keys(files)
    .filter((n) => n !== 'word/document.xml')
    .sort((a, b) => (a.includes('header') === b.includes('header') ? a.localeCompare(b) : a.includes('header') ? -1 : 1));
  for (const name of parts) {
    const ps = paragraphsOf(decoder.decode(files[name]!)).filter((p) => p.trim() !== '');
    if (ps.length) extra.push('', ...ps);
  }
  // Line breaks inside a paragraph are lines of their own; the paragraph count stays the first lines' count.
  const text = [...body, ...extra].join('\n').replace(/\r/g, '');
  return { text: text.endsWith('\n') ? text : `${text}\n`, bodyParagraphs: body.length };
}
