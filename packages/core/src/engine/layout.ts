import type { Block, BlockRole } from '../types.js';
import { BULLET } from './plaintext.js';

// The layout of a Dutch letter (NEN 1026 and everyday practice): sender block,
// recipient block, place-and-date line, reference fields ("Ons kenmerk:"),
// subject line ("Betreft:"), greeting on its own line, body, closing formula
// with name, role and organisation on the lines under it, then "Bijlage(n):",
// "Kopie aan:" and "P.S.". Letters pasted as text keep these as single lines,
// often without blank lines between them, and in Markdown they end up inside
// one paragraph. This module reads the lines of every block, gives each line a
// part of the letter, and splits blocks where the part changes, so that rules
// see a greeting, an address block or a signature as what it is, and never as
// a sentence of the body.

export type LineKind =
  | 'greeting'
  | 'closing'
  | 'subject'
  | 'field'
  | 'date'
  | 'address'
  | 'addressee'
  | 'contact'
  | 'postscript'
  | 'enclosure'
  | 'text';

export type TextFormat = 'markdown' | 'text';

export interface LayoutLine {
  start: number;
  end: number;
  /** The line without Markdown quote markers and hard-break backslashes. */
  text: string;
  kind: LineKind;
  /** Ends like a sentence: ".", "!", "?" (not an abbreviation such as "Dhr."). */
  terminated: boolean;
  words: number;
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';

const GREETING_WORD = /^(?:beste|geachte|lieve|hallo|dag|goedemorgen|goedemiddag|goedenavond|hoi|dear|hello|hi)\b/i;
const CLOSING_FORMULA =
  /^(?:met\s+(?:(?:vriendelijke|hartelijke|warme|beste|zonnige)\s+)?groet(?:en)?|(?:vriendelijke|hartelijke|warme|lieve|beste|zonnige)\s+groet(?:en)?|hoogachtend|groet(?:en|jes)?|tot\s+ziens|kind\s+regards|best\s+regards|yours\s+(?:sincerely|faithfully)|sincerely|regards|with\s+kind\s+regards)\b/i;
/** "Betreft: ...", "Onderwerp - ...", and without a colon only "Betreft ..." / "Onderwerp ..." ("Inzake uw klacht hebben wij ..." is a sentence). */
const SUBJECT = /^(?:betreft|onderwerp|inzake|subject|re)\s*[:.]?\s*[:\-–]\s*\S|^over\s*:\s*\S|^(?:betreft|onderwerp)\s+\S/i;
/** Labels of reference and field lines that are never a sentence, whatever follows. */
const KNOWN_LABEL = new RegExp(
  String.raw`^(?:ons\s+kenmerk|uw\s+kenmerk|kenmerk|ons\s+nummer|uw\s+(?:brief|bericht|e-?mail)\s+van|datum|dagtekening|zaaknummer|dossiernummer|klantnummer|huurdersnummer|huurdernummer|contractnummer|relatienummer|registratienummer|referentie|referentienummer|objectnummer|complexnummer|behandeld\s+door|contactpersoon|doorkiesnummer|doorkies|telefoonnummer|telefoon|tel\.?|mobiel|e-?mail(?:adres)?|mail|website|internet|web|tijd|tijdstip|locatie|plaats|adres|postadres|bezoekadres|aanvang|begin|einde|iban|rekeningnummer|bedrag|t\.a\.v\.?|ter\s+attentie\s+van|openingstijden|bereikbaar|wanneer|waar|wat|wie|huurder|naam|woning|postcode|woonplaats|ingangsdatum|huurprijs|kale\s+huur|servicekosten|totaal)\s*:`,
  'i',
);
/** A generic "Label: value" line: a label of one to four words, a short value. */
const GENERIC_FIELD = /^(\p{Lu}[\p{L}\p{N}.'’/()&-]*(?:[ \t]+[\p{L}\p{N}.'’/()&-]+){0,3})[ \t]*:[ \t]*(\S.*)$/u;
const ENCLOSURE = /^(?:bijlagen?|bijlage\(n\)|kopie\s+aan|cc|c\.c\.|enclosures?|attachments?)(?:\s*:|\s*$|\s+\d+\s*:?)/i;
const POSTSCRIPT = /^(?:P\.\s?S\.?|PS)(?=[\s:]|$)/;
const POSTCODE = /^(?:NL-?)?\d{4}\s?[A-Z]{2}\b/;
/** "Kerkstraat 1", "Postbus 123", "Laan van Meerdervoort 12-A bis", "Antwoordnummer 456". */
const STREET = /^\p{L}[\p{L}'’. -]*\s\d{1,5}(?:\s?-?\s?[\p{L}]{1,3}\b|[-/ ]\d{1,4}[\p{L}]?|\s(?:bis|hs|huis|boven|beneden|zw|rd|[IVX]+))*$/u;
/** Someone a letter is addressed to: "Mevrouw A. Jansen", "De heer J. de Vries", "De bewoner(s) van". */
const ADDRESSEE = /^(?:mevrouw|mevr\.|mw\.?|de\s+heer|heer|dhr\.?|de\s+heer\s+en\s+mevrouw|familie|fam\.?|de\s+bewoners?(?:\(s\))?(?:\s+van)?|aan\s+de\s+bewoners?(?:\(s\))?(?:\s+van)?|aan\s+de\s+huurders?(?:\s+van)?|t\.a\.v\.?|ter\s+attentie\s+van)(?:\s|$)/i;
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:datum|dagtekening)\s*:?\s*)?(?:[\p{Lu}][\p{L}'’. -]*,\s*)?(?:(?:${DAYS})\s+)?(?:\d{1,2}\s+(?:${MONTHS})\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2})$`,
  'iu',
);
/** "T 0299 452 452", "E info@x.nl", "www.x.nl", a phone number or e-mail address alone on a line. */
const CONTACT = /^(?:(?:[TEFMW]|tel\.?|fax|e-?mail|web|www)\s*[.:]?\s+)?(?:\+?[\d()][\d ()\-/.]{7,}\d|[\w.%+-]+@[\w.-]+\.\p{L}{2,}|(?:https?:\/\/|www\.)\S+|[\w-]+\.(?:nl|com|org|net|eu|be|info)(?:\/\S*)?)(?:\s*[|·•,]\s*.+)?$/iu;

const WORD_START = /[\p{L}\p{N}]/u;
/**
 * The number of words: a letter or digit, then letters, digits and ' ’ . @ / -
 * (what /[\p{L}\p{N}][\p{L}\p{N}'’.@/-]+/gu would match, with a lone letter too),
 * counted without collecting them.
 */
function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let start: boolean;
    let part: boolean;
    if (c < 128) {
      const lower = c | 32;
      start = (c >= 48 && c <= 57) || (lower >= 97 && lower <= 122);
      part = start || c === 39 || c === 46 || c === 64 || c === 47 || c === 45;
    } else {
      // One code point (a surrogate pair is one letter to the regex above).
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const ch = pair ? s.slice(i, i + 2) : s[i]!;
      if (pair) i++;
      start = WORD_START.test(ch);
      part = start || ch === '’';
    }
    if (inWord && part) continue;
    inWord = start;
    if (start) n++;
  }
  return n;
}

/** An abbreviation that may end a line without ending a sentence ("Dhr.", "z.s.m."), or a number with a dot. */
const ABBREVIATION_END = /(?:\b\p{L}{1,4}\.|\b(?:\p{L}\.){2,}|\d\.)$/u;
/** Closing quotes, brackets and emphasis after the end mark. */
const TRAILING = new Set(['"', "'", '’', '”', '»', ')', ']', '*', '_']);

export function isTerminated(line: string): boolean {
  let end = line.length;
  while (end > 0 && TRAILING.has(line[end - 1]!)) end--;
  const t = end === line.length ? line : line.slice(0, end);
  const last = t[t.length - 1];
  if (last === '!' || last === '?' || last === '…') return true;
  if (last !== '.') return false;
  if (t.endsWith('...')) return true;
  // "Dhr." or "i.v.m." at the end of a short line is no sentence end; a word before "." in a longer line is.
  // (The abbreviation has no white space: it is tested on the last word only, not from every offset of the line.)
  const space = t.lastIndexOf(' ');
  return !(ABBREVIATION_END.test(space > 0 ? t.slice(space) : t) && countWords(t) <= 4);
}

/**
 * What one line of a letter is, on its own. Context (where the line stands)
 * decides later whether, say, a short line without a full stop is part of an
 * address block or a title.
 */
export function classifyLine(text: string, opts: { placeholderOnly?: boolean } = {}): LineKind {
  const t = text.trim();
  return classifyTrimmed(t, countWords(t), isTerminated(t), opts.placeholderOnly === true);
}

/** classifyLine for a trimmed line whose words and end mark are known. Cheap tests first: most lines are body text. */
function classifyTrimmed(t: string, words: number, terminated: boolean, placeholderOnly: boolean): LineKind {
  if (placeholderOnly) return /[,:]$/.test(t) ? 'greeting' : 'text';
  if (GREETING_WORD.test(t) && words <= 8 && !/[.?]$/.test(t) && !/:\s*\S/.test(t)) return 'greeting';
  // "AANHEF ACHTERNAAM," in an old model letter: merge fields in capitals as the greeting.
  if (words <= 4 && /^\p{Lu}[\p{Lu}\d .'’-]*,$/u.test(t) && !/\p{Ll}/u.test(t)) return 'greeting';
  // "Aan de bewoners van de Lindelaan," as the opening line of a letter to a street.
  if (words <= 10 && /^aan\s+(?:de|alle)\s+(?:bewoners?|huurders?)\b/i.test(t) && /,$/.test(t)) return 'greeting';
  if (CLOSING_FORMULA.test(t) && isClosingLine(t)) return 'closing';
  if (SUBJECT.test(t) && (/^\S+\s*[:.\-–]/.test(t) || (!terminated && words <= 12))) return 'subject';
  if (POSTSCRIPT.test(t)) return 'postscript';
  if (ENCLOSURE.test(t) && (words <= 12 || /:/.test(t))) return 'enclosure';
  // Every date form ends in a digit.
  if (/\d$/.test(t) && DATE_LINE.test(t)) return 'date';
  if (words <= 12 && CONTACT.test(t)) return 'contact';
  if (words <= 6 && POSTCODE.test(t)) return 'address';
  if (words <= 7 && STREET.test(t)) return 'address';
  if (!terminated && words <= 12 && ADDRESSEE.test(t)) return 'addressee';
  if (t.includes(':') && KNOWN_LABEL.test(t)) return 'field';
  if (terminated) return 'text';
  // A table row in plain text: cells apart by a tab or three or more spaces ("Kale huur      € 650,00").
  if (/\S\t+\S/.test(t) || /\S {3,}\S/.test(t)) return 'field';
  // A reference line of labels only ("uw bericht van   uw kenmerk   ons kenmerk   datum"); its values follow on the next line.
  if (words <= 12 && labelCount(t) >= 2) return 'field';
  const f = GENERIC_FIELD.exec(t);
  if (f && countWords(f[2]!) <= 8) return 'field';
  // Several fields on one line: "Datum: 12 mei   Tijd: 19.30 uur   Locatie: buurthuis".
  if (/\S\s*:\s*\S.*\s{2,}\p{Lu}[\p{L} ]{0,20}:\s*\S/u.test(t)) return 'field';
  return 'text';
}

const LABEL_WORDS = /\b(?:uw\s+(?:brief|bericht|e-?mail)\s+van|uw\s+kenmerk|ons\s+kenmerk|kenmerk|datum|behandeld\s+door|doorkiesnummer|onderwerp|betreft|bijlagen?|contactpersoon|telefoon|e-?mail|dossiernummer|zaaknummer)\b/gi;
function labelCount(t: string): number {
  const labels = t.match(LABEL_WORDS)?.length ?? 0;
  // Only labels: nothing but labels and white space on the line.
  return t.replace(LABEL_WORDS, '').replace(/[\s:|/-]+/g, '') === '' ? labels : 0;
}

/** "Met vriendelijke groet," alone, or with a name after it ("Met vriendelijke groet, Karin de Vries"). */
function isClosingLine(t: string): boolean {
  const m = CLOSING_FORMULA.exec(t);
  if (!m) return false;
  const rest = t.slice(m[0].length).trim();
  if (rest === '' || /^[,!.]$/.test(rest)) return true;
  // "Met vriendelijke groet, namens het team Wonen," / "Met vriendelijke groet, Karin de Vries"
  if (/^[,]/.test(rest)) return !/[?]$/.test(rest) && countWords(rest) <= 8;
  // "Met vriendelijke groeten van ..." / "Hoogachtend namens ..."
  return /^(?:namens|van|uit)\b/i.test(rest) && countWords(rest) <= 8 && !/[?]$/.test(rest);
}

/** Splits a block's source into its lines (trimmed, Markdown quote markers and hard-break backslashes left out). */
export function blockLines(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const re = /[^\r\n]+/g;
  const src = text.slice(start, end);
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const raw = m[0];
    const lead = /^[ \t]*(?:>[ \t]?)*[ \t]*/.exec(raw)![0].length;
    const body = raw.slice(lead).replace(/(?:\\|[ \t]+)$/, '');
    if (!body.trim()) continue;
    const s = start + m.index + lead;
    // Emphasis around a whole line ("**Onderwerp: ...**", "*Kopie aan: ...*") does not change what the line is.
    const text = body.replace(/^(\*\*|__|\*|_)(?=\S)(.*\S)\1$/, '$2').replace(/^(\*\*|__)(\S.*?\S)\1(?=\s|:|$)/, '$2');
    out.push({ start: s, end: s + body.length, text });
  }
  return out;
}

export interface LayoutInput {
  text: string;
  format: TextFormat;
  /** Blocks from the Markdown (or plain-text) tree, in order, before roles. */
  blocks: Block[];
  /** True when [start, end) is covered by placeholders and white space or punctuation only. */
  placeholderOnly(start: number, end: number): boolean;
}

export interface Layout {
  blocks: Block[];
  /** Offsets where a sentence must end and a new one begin (line starts of layout lines, block starts, plain-text line breaks). */
  breaks: number[];
}

interface Entry {
  block: Block;
  lines: LayoutLine[];
}

const LAYOUT_KINDS = new Set<LineKind>(['subject', 'field', 'date', 'address', 'addressee', 'contact', 'enclosure']);

/** A short line without a full stop that may belong to an address or letterhead block. */
function headerish(l: LayoutLine): boolean {
  return l.kind !== 'text' ? l.kind !== 'closing' && l.kind !== 'postscript' : !l.terminated && l.words <= 12;
}

/**
 * Gives every line of the letter its part and splits blocks where the part
 * changes. Headings, tables and code keep their blocks.
 */
export function layoutLetter(input: LayoutInput): Layout {
  const { text, format } = input;
  const entries: Entry[] = input.blocks.map((block) => {
    if (block.type === 'heading' || block.type === 'tableCell') return { block, lines: [] };
    const lines = blockLines(text, block.start, block.end).map((l) => {
      const only = input.placeholderOnly(l.start, l.end);
      const terminated = isTerminated(l.text);
      const words = countWords(l.text);
      const trimmed = l.text.trim();
      const kind = trimmed === l.text ? classifyTrimmed(trimmed, words, terminated, only) : classifyLine(l.text, { placeholderOnly: only });
      return { ...l, kind, terminated, words };
    });
    return { block, lines };
  });
  const flat: { entry: Entry; line: LayoutLine }[] = [];
  for (const e of entries) for (const line of e.lines) flat.push({ entry: e, line });
  // The values under a line of labels are reference fields too.
  for (let i = 1; i < flat.length; i++) {
    const prev = flat[i - 1]!.line;
    const line = flat[i]!.line;
    if (prev.kind === 'field' && labelCount(prev.text) >= 2 && !line.terminated && line.kind !== 'greeting' && line.kind !== 'closing') line.kind = 'field';
  }

  // The greeting: the first greeting line with only letterhead, address, date,
  // reference and subject lines (or headings) before it.
  let greetingAt = -1;
  for (let i = 0; i < flat.length && i < 40; i++) {
    const { line, entry } = flat[i]!;
    if (line.kind === 'greeting' && entry.block.type !== 'listItem' && entry.block.type !== 'blockquote') {
      greetingAt = i;
      break;
    }
    // A block quote above the letter is a note for the writer of a template ("> Gebruik: ...").
    if (!headerish(line) && entry.block.type !== 'blockquote') break;
  }
  // The closing: the last closing line after the greeting.
  let closingAt = -1;
  for (let i = flat.length - 1; i > greetingAt; i--) {
    if (flat[i]!.line.kind === 'closing' && flat[i]!.entry.block.type !== 'listItem') {
      closingAt = i;
      break;
    }
  }
  // Without a greeting, the letterhead ends at the first block that is not all header lines.
  let headerEnd = greetingAt;
  if (greetingAt < 0) {
    headerEnd = 0;
    for (const e of entries) {
      if (e.lines.length === 0) {
        if (e.block.type === 'heading') continue;
        break;
      }
      const layoutLike = e.lines.some((l) => LAYOUT_KINDS.has(l.kind) && l.kind !== 'contact') && e.lines.every(headerish);
      if (!layoutLike) break;
      headerEnd += e.lines.length;
    }
  }

  const roles: BlockRole[] = flat.map(() => 'body');
  // Letterhead and address blocks before the greeting.
  const headerBlocks = new Set<Block>();
  for (let i = 0; i < headerEnd; i++) headerBlocks.add(flat[i]!.entry.block);
  const headerEntries = entries.filter((e) => headerBlocks.has(e.block));
  // The recipient: the block with "Mevrouw ...", "De heer ...", "De bewoners van ...", else the last
  // address block that is not the sender's own (no "Postbus", phone, website or organisation name).
  const recipientBlock =
    headerEntries.find((e) => e.lines.some((l) => l.kind === 'addressee'))?.block ??
    [...headerEntries].reverse().find((e) => e.lines.some((l) => l.kind === 'address') && !e.lines.some(isSenderLine))?.block;
  for (let i = 0; i < headerEnd; i++) {
    const { line, entry } = flat[i]!;
    roles[i] = headerRole(line, entry.block === recipientBlock);
  }
  if (greetingAt >= 0) roles[greetingAt] = 'greeting';
  const bodyEnd = closingAt >= 0 ? closingAt : flat.length;
  for (let i = Math.max(headerEnd, greetingAt + 1); i < bodyEnd; i++) {
    const { line } = flat[i]!;
    if (line.kind === 'field' || line.kind === 'subject' || line.kind === 'date') roles[i] = 'reference';
    else if (line.kind === 'contact') roles[i] = 'contact';
    else if (line.kind === 'enclosure') roles[i] = 'enclosure';
    else if (line.kind === 'postscript') roles[i] = 'postscript';
    else if (line.kind === 'closing' && line.words <= 4 && i === bodyEnd - 1) roles[i] = 'closing';
    else roles[i] = i > 0 && roles[i - 1] === 'postscript' && flat[i - 1]!.entry === flat[i]!.entry ? 'postscript' : 'body';
  }
  if (closingAt >= 0) {
    roles[closingAt] = 'closing';
    let tail: BlockRole = 'signature';
    for (let i = closingAt + 1; i < flat.length; i++) {
      const { line, entry } = flat[i]!;
      const newBlock = flat[i - 1]!.entry !== entry;
      if (line.kind === 'postscript') tail = 'postscript';
      else if (line.kind === 'enclosure') tail = 'enclosure';
      else if (newBlock && tail !== 'signature' && line.kind === 'text' && line.terminated && tail === 'enclosure') tail = 'body';
      else if (newBlock && tail === 'enclosure' && line.kind !== 'text') tail = 'signature';
      roles[i] = tail;
    }
  }

  // New blocks: runs of lines with the same role inside one original block.
  const out: Block[] = [];
  const breaks: number[] = [];
  let k = 0;
  for (const e of entries) {
    if (e.lines.length === 0) {
      out.push(e.block);
      breaks.push(e.block.start);
      continue;
    }
    let run: { role: BlockRole; lines: LayoutLine[] } | null = null;
    const flush = () => {
      if (!run) return;
      const first = run.lines[0]!;
      const last = run.lines[run.lines.length - 1]!;
      const b: Block = { ...e.block, start: first.start, end: last.end, role: run.role, sentences: [] };
      out.push(b);
      breaks.push(first.start);
      for (let j = 1; j < run.lines.length; j++) {
        const prev = run.lines[j - 1]!;
        const line = run.lines[j]!;
        if (!isProseRole(run.role) || run.role === 'greeting' || run.role === 'closing') breaks.push(line.start);
        else if (format === 'text' && !continues(prev, line)) breaks.push(line.start);
      }
      run = null;
    };
    e.lines.forEach((line, j) => {
      const role = roles[k++]!;
      // (TS narrows `run` to null inside this callback; it is set by the calls above.)
      const open = run as { role: BlockRole; lines: LayoutLine[] } | null;
      if (open && open.role === role && role !== 'greeting' && role !== 'closing') open.lines.push(line);
      else {
        flush();
        run = { role, lines: [line] };
      }
      // In plain text, a short title line over a paragraph or a list ("Wat moet u doen?",
      // "Planning") is a paragraph of its own: the lines under it are not its sentences.
      if (format === 'text' && role === 'body' && j === 0 && e.lines.length > 1 && isTitleLine(line, e.lines[1]!)) flush();
    });
    flush();
  }

  // Plain text has no "#": a short line on its own between body paragraphs is a heading.
  if (format === 'text') {
    for (let i = 0; i < out.length; i++) {
      const b = out[i]!;
      const next = out[i + 1];
      if (b.role !== 'body' || b.type !== 'paragraph' || !next || next.role !== 'body') continue;
      const lines = blockLines(text, b.start, b.end);
      if (lines.length !== 1) continue;
      const t = lines[0]!.text;
      if (/^\p{Lu}/u.test(t) && countWords(t) <= 8 && !/[.!?:,;]$/.test(t) && !isTerminated(t)) {
        out[i] = { ...b, type: 'heading', role: 'heading', depth: 2 };
      }
    }
  }
  let section = 0;
  for (const b of out) {
    if (b.type === 'heading') section++;
    b.section = section;
  }
  return { blocks: out, breaks: [...new Set(breaks)].sort((a, b) => a - b) };
}

/** A line only a sender's letterhead has: a PO box, a phone number or website, an organisation's name. */
function isSenderLine(l: LayoutLine): boolean {
  return l.kind === 'contact' || /^(?:postbus|antwoordnummer)\b/i.test(l.text) || ORGANISATION.test(l.text);
}
const ORGANISATION =
  /\b(?:woonstichting|wooncorporatie|woningcorporatie|woningstichting|woonbedrijf|woningbouwvereniging|stichting|huisvesting|wonen|woongroep|vastgoed|gemeente|b\.v\.|bv|n\.v\.|vereniging|maatschappij)\b/i;

function headerRole(line: LayoutLine, inRecipient: boolean): BlockRole {
  switch (line.kind) {
    case 'subject':
      return 'subject';
    case 'date':
      return 'date';
    case 'field':
      return 'reference';
    case 'enclosure':
      return 'reference';
    default:
      if (line.kind === 'text' && line.terminated && line.words > 3) return 'body';
      return inRecipient ? 'recipient' : 'sender';
  }
}

/** A short line that titles what follows: no more than 8 words, a question or no end mark, the next line starting anew. */
function isTitleLine(line: LayoutLine, next: LayoutLine): boolean {
  if (line.kind !== 'text' || line.words > 8 || !/^\p{Lu}/u.test(line.text)) return false;
  if (/[,;:]$/.test(line.text) || (line.terminated && !/\?$/.test(line.text))) return false;
  return /^\p{Lu}/u.test(next.text) || BULLET.test(next.text);
}

/** Roles whose text is read as sentences by the readability and judgement rules. */
export function isProseRole(role: BlockRole): boolean {
  return role === 'body' || role === 'heading' || role === 'greeting' || role === 'closing' || role === 'postscript';
}

/**
 * In a plain-text letter, a line break inside a paragraph ends the sentence
 * unless the line was wrapped: the line has no end mark and the next one
 * starts in lower case, with a number, or the line is long (a PDF export or
 * an editor wrapped it).
 */
function continues(prev: LayoutLine, line: LayoutLine): boolean {
  if (prev.terminated || /[:;]$/.test(prev.text)) return false;
  if (/^[\p{Ll}\p{N}(€"'‘“]/u.test(line.text)) return true;
  return prev.text.length >= 55 && /[\p{L},]$/u.test(prev.text);
}
