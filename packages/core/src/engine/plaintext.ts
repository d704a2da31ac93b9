import type { Html, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import { LineIndex } from './location.js';

// Plain-text letters (.txt) are line-structured, not Markdown: a single newline
// is a line break, four spaces of indentation are layout (not a code block),
// "•", "–" and "*" start list items, and "#" or "_" mean nothing. remark-parse
// is wrong for them, so this builds the mdast that remark-retext needs from the
// lines themselves (positions exact, so every rule and fix maps back to the
// file). Only HTML comments keep their Markdown meaning: huurbrief's control
// comments (`<!-- huurbrief-disable ... -->`) work in both formats.

/** A bullet as plain-text letters write one: "•", "–", "-", "*", "·", "▪", "o" is too ambiguous. Also "1." and "a)". */
export const BULLET = /^([•·▪◦‣●■□➢►✓✔*–—-]|\d{1,2}[.)]|[a-z][)])[ \t]+(?=\S)/u;

interface Line {
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset after the last non-blank character. */
  end: number;
  /** Leading white space (in characters). */
  indent: number;
  text: string;
}

function linesOf(text: string, from: number): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  re.lastIndex = from;
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    out.push({ start: at + lead, end: at + lead + body.length, indent: lead, text: body });
  }
  return out;
}

/** Parses a plain-text letter into mdast: paragraphs (one text node per line), lists and HTML comments. */
export function parsePlainText(text: string, from = 0): Root {
  const index = new LineIndex(text);
  const pos = (start: number, end: number) => ({ start: index.pointAt(start), end: index.pointAt(end) });
  const textNode = (start: number, end: number): Text => ({ type: 'text', value: text.slice(start, end), position: pos(start, end) });
  const children: RootContent[] = [];
  const lines = linesOf(text, from);
  let paragraph: Paragraph | null = null;
  let list: List | null = null;
  let item: Paragraph | null = null;

  const close = () => {
    paragraph = null;
    list = null;
    item = null;
  };
  const extend = (node: { position?: { end: unknown } | undefined }, end: number) => {
    if (node.position) node.position.end = index.pointAt(end);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      close();
      continue;
    }
    if (line.text.startsWith('<!--')) {
      // A comment, possibly over several lines.
      close();
      let j = i;
      let end = text.indexOf('-->', line.start);
      end = end === -1 ? lines[lines.length - 1]!.end : end + 3;
      while (j + 1 < lines.length && lines[j + 1]!.start < end) j++;
      const html: Html = { type: 'html', value: text.slice(line.start, end), position: pos(line.start, end) };
      children.push(html);
      const rest = end < lines[j]!.end ? lines[j]!.end : end;
      if (rest > end && text.slice(end, rest).trim()) {
        paragraph = { type: 'paragraph', children: [textNode(end + (text.slice(end, rest).length - text.slice(end, rest).trimStart().length), rest)], position: pos(end, rest) };
        children.push(paragraph);
      }
      i = j;
      continue;
    }
    const bullet = BULLET.exec(line.text);
    if (bullet) {
      paragraph = null;
      const contentStart = line.start + bullet[0].length;
      item = { type: 'paragraph', children: [textNode(contentStart, line.end)], position: pos(contentStart, line.end) };
      const li: ListItem = { type: 'listItem', spread: false, children: [item], position: pos(line.start, line.end) };
      if (!list) {
        list = { type: 'list', ordered: /^\d/.test(bullet[1]!), spread: false, children: [], position: pos(line.start, line.end) };
        children.push(list);
      }
      list.children.push(li);
      extend(list, line.end);
      continue;
    }
    if (item && list && line.indent > 0) {
      // An indented line under a list item continues it (one text node, as Markdown has it,
      // so the sentence tokenizer reads the line break as white space inside the item).
      const first = item.children[0] as Text;
      item.children = [textNode(first.position!.start.offset!, line.end)];
      extend(item, line.end);
      extend(list.children[list.children.length - 1]!, line.end);
      extend(list, line.end);
      continue;
    }
    list = null;
    item = null;
    if (!paragraph) {
      paragraph = { type: 'paragraph', children: [], position: pos(line.start, line.end) };
      children.push(paragraph);
    }
    // One text node for the whole paragraph: line breaks are white space to the tokenizer;
    // where a line ends a sentence is the layout's decision (engine/layout.ts).
    paragraph.children = [textNode(paragraph.position!.start.offset!, line.end)];
    extend(paragraph, line.end);
  }
  const end = text.length;
  return { type: 'root', children, position: pos(0, end) };
}
