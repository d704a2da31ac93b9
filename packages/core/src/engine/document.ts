import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph } from 'nlcst';
import { ParseDutch } from 'parse-dutch';
import { ParseEnglish } from 'parse-english';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type {
  Block,
  BlockType,
  Language,
  LetterDocument,
  Placeholder,
  Sentence,
  Span,
  Word,
} from '../types.js';
import { readControlComments } from './control.js';
import { readFrontMatter } from './frontmatter.js';
import { isProseRole, layoutLetter, type TextFormat } from './layout.js';
import { LineIndex } from './location.js';
import { parsePlainText } from './plaintext.js';
import { maskPlaceholders, scanPlaceholders } from './placeholders.js';
import { findSpecialSpans, type SpecialSpan } from './special.js';
import { SpanSet } from './spans.js';

// remark-retext in "bridge" mode (`.use(remarkRetext, unified().use(retextDutch))`)
// tokenises with the generic ParseLatin, not retext-dutch's parser, so Dutch
// abbreviations ("i.v.m.", "d.d.") and elisions would split wrongly. We use it
// in "mutate" mode with ParseDutch, the parser retext-dutch itself installs.
const processors = {
  nl: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRetext, ParseDutch as never).freeze(),
  en: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRetext, ParseEnglish as never).freeze(),
};

export interface BuildOptions {
  lang: Language;
  delimiters: readonly [string, string][];
  /** ALL-CAPS merge fields declared in config (`placeholders.fields`). */
  fields?: readonly string[] | undefined;
  /** `text` for plain-text letters (lines, not Markdown); default `markdown`. */
  format?: TextFormat | undefined;
}

/**
 * Merge fields that older model letters write in capitals. Unlike ordinary words in capitals
 * these names are never shouted at a tenant ("Geachte AANHEF ACHTERNAAM,"), so they are fields
 * without any config; others are declared in `placeholders.fields`.
 */
const CAPS_FIELDS = [
  'AANHEF', 'ACHTERNAAM', 'VOORNAAM', 'VOORLETTERS', 'TUSSENVOEGSEL', 'ADRES', 'HUISNUMMER', 'POSTCODE', 'WOONPLAATS',
  'HUURDERNUMMER', 'KLANTNUMMER', 'CONTRACTNUMMER', 'DOSSIERNUMMER', 'TELEFOONNUMMER', 'EMAILADRES', 'GEBOORTEDATUM',
];

/** The format of a letter from its path: `.txt` (and `.text`) and Word documents (read as their paragraphs) are plain text, everything else Markdown. */
export function formatForPath(filePath: string | undefined): TextFormat {
  return filePath && /\.(?:te?xt|docx)$/i.test(filePath) ? 'text' : 'markdown';
}

export interface BuiltDocument {
  doc: LetterDocument;
}

/** Lowest offset of a node (nlcst nodes without a position take their children's). */
function nodeSpan(node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }): Span | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : { start: s, end: e };
}

/** Which language a letter is in: front matter `lang`/`taal` wins over config. */
export function letterLanguage(frontData: Record<string, unknown> | null, fallback: Language): Language {
  const v = frontData?.['lang'] ?? frontData?.['taal'];
  if (typeof v === 'string') {
    const l = v.toLowerCase();
    if (l === 'en' || l.startsWith('en-') || l === 'engels' || l === 'english') return 'en';
    if (l === 'nl' || l.startsWith('nl-') || l === 'nederlands' || l === 'dutch') return 'nl';
  }
  return fallback;
}

/**
 * Parses a letter once (Markdown, front matter, Dutch or English sentences)
 * and flattens it into blocks, sentences and words that every rule shares.
 */
export function buildDocument(text: string, options: BuildOptions): BuiltDocument {
  const frontMatter = readFrontMatter(text);
  const bodyStart = frontMatter?.end ?? 0;
  const lang = letterLanguage(frontMatter?.data ?? null, options.lang);

  const { placeholders, problems } = scanPlaceholders(text, options.delimiters, bodyStart, [...CAPS_FIELDS, ...(options.fields ?? [])]);
  const masked = maskPlaceholders(text, placeholders);
  const specials = findSpecialSpans(masked, bodyStart);

  const format = options.format ?? 'markdown';
  const processor = processors[lang];
  const file = new VFile({ value: masked });
  const mdast = format === 'text' ? parsePlainText(masked, bodyStart) : (processor.parse(file) as MdastRoot);
  const nlcst = processor.runSync(mdast, file) as unknown as NlcstRoot;

  // Blocks and opaque spans from the Markdown tree.
  const blocks: Block[] = [];
  const opaque: Span[] = [];
  if (frontMatter) opaque.push({ start: frontMatter.start, end: frontMatter.end });
  for (const p of placeholders) opaque.push({ start: p.start, end: p.end });
  for (const p of problems) opaque.push({ start: p.start, end: p.end });
  for (const s of specials) if (s.kind === 'url' || s.kind === 'email') opaque.push(s);

  let section = 0;
  const visit = (node: MdastNodes, container: BlockType | null) => {
    const span = nodeSpan(node);
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
      case 'definition':
        if (span) opaque.push(span);
        return;
      case 'heading':
        section++;
        if (span) blocks.push({ ...span, type: 'heading', depth: node.depth, role: 'heading', sentences: [], index: 0, section });
        for (const c of node.children) visit(c, 'heading');
        return;
      case 'paragraph':
        if (span) blocks.push({ ...span, type: container ?? 'paragraph', role: 'body', sentences: [], index: 0, section });
        for (const c of node.children) visit(c, container);
        return;
      case 'tableCell':
        if (span) blocks.push({ ...span, type: 'tableCell', role: 'body', sentences: [], index: 0, section });
        for (const c of node.children) visit(c, 'tableCell');
        return;
      case 'listItem':
        for (const c of node.children) visit(c, 'listItem');
        return;
      case 'blockquote':
        for (const c of node.children) visit(c, 'blockquote');
        return;
      case 'link':
        if (node.url && span) {
          // The URL of an inline link is source, not text.
          const urlAt = text.lastIndexOf(node.url, span.end);
          if (urlAt >= span.start) opaque.push({ start: urlAt, end: urlAt + node.url.length });
        }
        break;
      default:
        break;
    }
    if ('children' in node) for (const c of node.children as MdastNodes[]) visit(c, container);
  };
  visit(mdast, null);

  const placeholderSet = new SpanSet(placeholders);
  // The parts of the letter (letterhead, address, greeting, body, closing, signature, ...).
  const layout = layoutLetter({
    text,
    format,
    blocks,
    placeholderOnly: (start, end) => {
      let covered = false;
      for (let i = start; i < end; i++) {
        const ph = placeholderSet.find(i);
        if (ph) {
          covered = true;
          i = ph.end - 1;
        } else if (/[\p{L}\p{N}]/u.test(text[i]!)) return false;
      }
      return covered;
    },
  });
  blocks.length = 0;
  blocks.push(...layout.blocks);
  const breaks = layout.breaks;

  const opaqueSet = new SpanSet(opaque);
  const placeholderByStart = new Map<number, Placeholder>();
  for (const p of placeholders) placeholderByStart.set(p.start, p);
  const specialByStart = new Map<number, SpecialSpan>();
  for (const s of specials) specialByStart.set(s.start, s);
  const specialSet = new SpanSet(specials);

  // Sentences and words from the language tree.
  const sentences: Sentence[] = [];
  let blockPointer = 0;
  const blockFor = (offset: number): Block | undefined => {
    while (blockPointer < blocks.length && blocks[blockPointer]!.end <= offset) blockPointer++;
    const b = blocks[blockPointer];
    return b && b.start <= offset ? b : undefined;
  };

  const addSentence = (node: NlcstSentence) => {
    const words: Word[] = [];
    let terminator: Sentence['terminator'] = '';
    let first = -1;
    let last = -1;
    let skipUntil = -1;
    for (const child of node.children) {
      const span = nodeSpan(child);
      if (!span || child.type === 'WhiteSpaceNode') continue;
      if (span.end <= skipUntil) continue;
      // A placeholder: one opaque word (sections and comments are not words).
      const ph = placeholderSet.find(span.start);
      if (ph) {
        skipUntil = ph.end;
        const p = placeholderByStart.get(ph.start);
        if (p && (p.kind === 'variable' || p.kind === 'partial')) {
          words.push({ start: p.start, end: p.end, text: p.raw, lower: p.raw.toLowerCase(), kind: 'placeholder', index: words.length });
          if (first < 0) first = p.start;
          last = p.end;
        }
        continue;
      }
      const sp = specialSet.find(span.start) ?? (specialSet.overlaps(span.start, span.end) ? specialSet.find(span.end - 1) : undefined);
      if (sp) {
        const s = specialByStart.get(sp.start);
        skipUntil = sp.end;
        if (s) {
          const t = text.slice(s.start, s.end);
          words.push({ start: s.start, end: s.end, text: t, lower: t.toLowerCase(), kind: s.kind, index: words.length });
          if (first < 0) first = s.start;
          last = s.end;
        }
        continue;
      }
      if (opaqueSet.has(span.start)) continue;
      if (child.type === 'WordNode') {
        const t = text.slice(span.start, span.end);
        const kind = /\p{L}\.\p{L}/u.test(t) || /^\p{L}{1,4}\.$/u.test(t) ? 'abbreviation' : 'word';
        words.push({ start: span.start, end: span.end, text: t, lower: t.toLowerCase(), kind, index: words.length });
        if (first < 0) first = span.start;
        last = span.end;
        terminator = '';
      } else if (child.type === 'PunctuationNode') {
        const v = text.slice(span.start, span.end);
        if (v === '.' || v === '!' || v === '?') terminator = v;
        else if (/^[.!?]+$/.test(v)) terminator = v[v.length - 1] as '.' | '!' | '?';
        last = span.end;
      }
    }
    if (words.length === 0 || first < 0) return;
    const block = blockFor(first);
    if (!block) return;
    const prose = isProseRole(block.role);
    const sentence: Sentence = { start: first, end: last, text: text.slice(first, last), words, index: prose ? sentences.length : -1, block, terminator };
    if (prose) sentences.push(sentence);
    block.sentences.push(sentence);
  };

  let breakAt = 0;
  for (const para of nlcst.children) {
    if (para.type !== 'ParagraphNode') continue;
    for (const s of (para as NlcstParagraph).children) {
      if (s.type !== 'SentenceNode') continue;
      for (const part of splitAfterPronounU(s)) {
        const split = splitAtBreaks(part, breaks, breakAt);
        breakAt = split.next;
        for (const piece of split.parts) addSentence(piece);
      }
    }
  }

  // Keep blocks with text only.
  const kept = blocks.filter((b) => b.sentences.length > 0);
  kept.forEach((b, i) => (b.index = i));

  const lines = new LineIndex(text);
  const doc: LetterDocument = {
    text,
    lang,
    format,
    frontMatter,
    mdast,
    nlcst,
    blocks: kept,
    sentences,
    placeholders,
    placeholderProblems: problems,
    controls: readControlComments(mdast, text),
    opaque: opaqueSet.spans,
    isOpaque: (offset) => opaqueSet.has(offset),
    pointAt: (offset) => lines.pointAt(offset),
  };
  return { doc };
}

/**
 * Lower-case words that end a Dutch sentence but that parse-dutch may read as an abbreviation
 * before a full stop: the pronoun "u" and the particles of separable verbs ("Neem contact met
 * mij op. Samen ...", "Bel ons gerust op. Dan ...").
 */
const SENTENCE_FINAL = new Set(['u', 'op', 'af', 'in', 'uit', 'aan', 'mee', 'door', 'toe', 'bij', 'om', 'na', 'over', 'terug', 'weg', 'los', 'vrij', 'open', 'dicht', 'langs', 'neer', 'vast']);

const MONTH = /^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$/i;

/**
 * parse-dutch reads "u." as an initial (and "14." as an ordinal) ("J. de Vries"), so "Wij bellen u. Daarna
 * komt de monteur." and "Uw berging heeft nummer 14. In de bijlage ..." stay one
 * sentence; so do "op." and other verb particles. Split after such a word or a number with a full stop that is
 * followed by a capitalised word (not a month), with "." as the end.
 */
function splitAfterPronounU(sentence: NlcstSentence): NlcstSentence[] {
  const parts: NlcstSentence[] = [];
  let current: NlcstSentence['children'] = [];
  const kids = sentence.children;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]!;
    const next = kids[i + 1]?.type === 'WhiteSpaceNode' ? kids[i + 2] : undefined;
    if (
      c.type === 'WordNode' &&
      c.children.length === 2 &&
      c.children[0]!.type === 'TextNode' &&
      (SENTENCE_FINAL.has(c.children[0]!.value) || /^\d+$/.test(c.children[0]!.value)) &&
      c.children[1]!.type === 'PunctuationNode' &&
      c.children[1]!.value === '.' &&
      next?.type === 'WordNode' &&
      next.children[0]?.type === 'TextNode' &&
      /^\p{Lu}/u.test(next.children[0].value) &&
      !MONTH.test(next.children[0].value)
    ) {
      const [text, dot] = c.children as [NlcstSentence['children'][number], NlcstSentence['children'][number]];
      current.push({ type: 'WordNode', children: [text], ...(text.position ? { position: text.position } : {}) } as never, dot);
      parts.push({ ...sentence, children: current });
      current = [];
      i++; // the white space between the sentences
      continue;
    }
    current.push(c);
  }
  if (parts.length === 0) return [sentence];
  if (current.length) parts.push({ ...sentence, children: current });
  return parts;
}

/**
 * Splits a sentence where the layout says a line ends a unit (a greeting line,
 * an address line, a plain-text line break): a sentence never runs from one
 * part of the letter into the next. `from` is the first break not yet passed.
 */
function splitAtBreaks(sentence: NlcstSentence, breaks: readonly number[], from: number): { parts: NlcstSentence[]; next: number } {
  const kids = sentence.children;
  const start = kids[0]?.position?.start.offset ?? 0;
  const end = kids[kids.length - 1]?.position?.end.offset ?? 0;
  let b = from;
  while (b < breaks.length && breaks[b]! <= start) b++;
  if (b >= breaks.length || breaks[b]! >= end) return { parts: [sentence], next: b };
  const parts: NlcstSentence[] = [];
  let current: NlcstSentence['children'] = [];
  const push = () => {
    if (current.some((c) => c.type !== 'WhiteSpaceNode')) parts.push({ ...sentence, children: current });
    current = [];
  };
  for (const c of sentence.children) {
    const at = c.position?.start.offset;
    if (at !== undefined && b < breaks.length && at >= breaks[b]!) {
      push();
      while (b < breaks.length && breaks[b]! <= at) b++;
    }
    current.push(c);
  }
  push();
  return { parts, next: b };
}
