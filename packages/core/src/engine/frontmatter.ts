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
