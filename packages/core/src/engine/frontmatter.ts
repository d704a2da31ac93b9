import { parseDocument } from 'yaml';
import type { FrontMatter } from '../types.js';

const OPEN = /^---[ \t]*(?:\r\n|\n|\r)/;

/**
 * Finds and parses YAML front matter at the very start of a letter. Broken YAML
 * is not an exception: the result carries `error` with the offset of the
 * problem, so the letter still gets linted and the writer sees where it is.
 */
export function readFrontMatter(text: string): FrontMatter | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const contentStart = open[0].length;
  let close: { index: number; end: number } | null = null;
  for (let pos = contentStart; pos <= text.length; ) {
    let eol = pos;
    while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
    if (/^(?:---|\.\.\.)[ \t]*$/.test(text.slice(pos, eol))) {
      close = { index: pos, end: eol };
      break;
    }
    if (eol >= text.length) break;
    pos = eol + (text[eol] === '\r' && text[eol + 1] === '\n' ? 2 : 1);
  }
  if (!close) {
    // `---` then text without a closing fence: a thematic break, unless it looks like YAML.
    const firstLine = text.slice(contentStart).split(/\r?\n|\r/, 1)[0] ?? '';
    if (!/^[\p{L}_][\p{L}\p{N}_-]*\s*:/u.test(firstLine)) return null;
    const blank = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/.exec(text.slice(contentStart));
    return {
      start: 0,
      end: blank ? contentStart + blank.index : text.length,
      data: null,
      error: { message: 'front matter is niet afgesloten met een regel "---"', offset: 0 },
    };
  }
  const end = close.end;
  const source = text.slice(contentStart, close.index);
  const fm: FrontMatter = { start: 0, end, data: null };
  if (source.trim() === '') return fm;
  const simple = parseSimpleMap(source);
  if (simple) {
    fm.data = simple;
    return fm;
  }
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const firstLine = error.message.split('\n')[0] ?? error.message;
    fm.error = { message: `ongeldige YAML in front matter: ${firstLine}`, offset: contentStart + (error.pos?.[0] ?? 0) };
    return fm;
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fm.error = { message: 'front matter moet sleutels met waarden bevatten (bijvoorbeeld "onderwerp: ...")', offset: contentStart };
    return fm;
  }
  fm.data = data as Record<string, unknown>;
  return fm;
}

/** The core schema's booleans and null, which a plain scalar starting with a letter can still be. */
const SPECIAL = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;
const LINE = /^([A-Za-z][A-Za-z0-9_-]*):( +)(.*)$/;
/** A plain scalar that is a string in any YAML context: a letter first; no ':' or '#' (a key, a comment), no tab or control character. */
const PLAIN = /^\p{L}[^:#\t\p{Cc}\p{Cf}\u2028\u2029]*$/u;
/** An item of a flow sequence: a letter first, then letters, digits, '.', '_' and '-' only. */
const ITEM = /^\p{L}[\p{L}\p{N}._-]*$/u;

/**
 * The front matter of almost every letter is a flat map of plain strings and lists of names
 * (`onderwerp: Uw huur in 2027`, `variabelen: [naam, datum]`). Such a map is read here directly:
 * YAML's full parser took ~0.65 ms per letter, 2% of a cold lint. Anything else (quotes, numbers,
 * booleans, comments, nesting, block lists, a ':' or '#' in a value, duplicate keys) returns
 * undefined and goes to the YAML parser. Same data as `parseDocument(...).toJS()` for every map it
 * accepts (test/foundation/frontmatter-fast.test.ts compares the two on generated maps).
 */
export function parseSimpleMap(source: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let keys = 0;
  for (const line of source.split(/\r\n|\n|\r/)) {
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    // (YAML allows implicit keys up to 1,024 characters.)
    if (key.length > 100 || SPECIAL.test(key) || Object.prototype.hasOwnProperty.call(data, key)) return undefined;
    const raw = m[3]!.replace(/ +$/, '');
    let value: unknown;
    if (raw.startsWith('[')) {
      if (!raw.endsWith(']')) return undefined;
      const items = raw.slice(1, -1).split(',').map((i) => i.replace(/^ +| +$/g, ''));
      if (items.some((i) => !ITEM.test(i) || SPECIAL.test(i))) return undefined;
      value = items;
    } else {
      if (!PLAIN.test(raw) || SPECIAL.test(raw)) return undefined;
      value = raw;
    }
    data[key] = value;
    keys++;
  }
  return keys > 0 ? data : undefined;
}
