import type { Placeholder, PlaceholderKind, PlaceholderProblem, Span } from '../types.js';
import { SpanSet } from './spans.js';

export type { PlaceholderProblem };

export interface PlaceholderScan {
  placeholders: Placeholder[];
  problems: PlaceholderProblem[];
}

/** A field name between custom delimiters: "naam", "Naam huurder", "Datum aanvang", "IBAN". */
const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_.\-/]*(?: [\p{L}\p{N}_][\p{L}\p{N}_.\-/]*)*$/u;

function classifyMustache(inner: string): { kind: PlaceholderKind; name: string; helper?: string } {
  const t = inner.trim();
  const first = t[0];
  if (first === '#' || first === '^') {
    const parts = t.slice(1).trim().split(/\s+/);
    if (parts.length > 1) return { kind: 'section-open', helper: parts[0]!, name: parts.slice(1).join(' ') };
    return { kind: 'section-open', helper: first === '^' ? 'unless' : 'section', name: parts[0] ?? '' };
  }
  if (first === '/') return { kind: 'section-close', name: t.slice(1).trim() };
  if (first === '!') return { kind: 'comment', name: '' };
  if (first === '>') return { kind: 'partial', name: t.slice(1).trim() };
  if (t === 'else' || t.startsWith('else ')) return { kind: 'section-else', name: t.slice(4).trim() };
  if (first === '&') return { kind: 'variable', name: t.slice(1).trim() };
  return { kind: 'variable', name: t };
}

/** The pattern of a merge field declared in capitals (whole words, white space between them as it comes), compiled once. */
const fieldPatterns = new Map<string, RegExp>();
function fieldPattern(name: string): RegExp {
  let re = fieldPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`, 'gu');
    if (fieldPatterns.size >= 1000) fieldPatterns.clear();
    fieldPatterns.set(name, re);
  }
  return re;
}

/**
 * Finds merge fields in a letter: mustache/handlebars `{{ x }}` (also `{{{ x }}}`
 * and sections), Word mail-merge `«x»`, and custom delimiters such as `[x]` or
 * `%x%`. `from` skips front matter. Placeholders never span lines.
 */
export function scanPlaceholders(text: string, delimiters: readonly [string, string][] = [], from = 0, fields: readonly string[] = []): PlaceholderScan {
  const placeholders: Placeholder[] = [];
  const problems: PlaceholderProblem[] = [];
  const taken: Span[] = [];
  const lineEnd = (i: number) => {
    const n = text.indexOf('\n', i);
    return n === -1 ? text.length : n;
  };

  // Mustache / handlebars.
  let i = text.indexOf('{{', from);
  while (i !== -1) {
    const triple = text.startsWith('{{{', i);
    const open = triple ? 3 : 2;
    const close = triple ? '}}}' : '}}';
    const eol = lineEnd(i);
    const j = text.indexOf(close, i + open);
    const nextOpen = text.indexOf('{{', i + open);
    if (j === -1 || j > eol || (nextOpen !== -1 && nextOpen < j)) {
      const end = nextOpen !== -1 && nextOpen < eol ? nextOpen : Math.min(eol, i + 40);
      problems.push({ start: i, end: Math.max(end, i + open), reason: 'unclosed', raw: text.slice(i, Math.max(end, i + open)).trimEnd() });
      i = nextOpen === -1 ? -1 : nextOpen;
      continue;
    }
    const end = j + close.length;
    const inner = text.slice(i + open, j);
    const raw = text.slice(i, end);
    if (inner.trim() === '') {
      problems.push({ start: i, end, reason: 'empty', raw });
    } else {
      const c = classifyMustache(inner);
      const p: Placeholder = { start: i, end, raw, name: c.name, syntax: 'mustache', kind: c.kind };
      if (c.helper !== undefined) p.helper = c.helper;
      placeholders.push(p);
    }
    taken.push({ start: i, end });
    i = text.indexOf('{{', end);
  }

  // Overlap tests go through a SpanSet (binary search), so a long letter full of braces stays linear-ish.
  const mustache = new SpanSet(taken);

  // Stray closers and single-brace forms: `{naam}}`, `}}` without opener, `{naam}`.
  const strayRe = /(?<!\{)\{([\p{L}_][\p{L}\p{N}_.]*)\}\}?|(?<![}{])\}\}(?!\})/gu;
  // With single braces configured as delimiters (`["{", "}"]`), `{Adres}` is a field, not a typo.
  const singleBraces = delimiters.some(([o, c]) => o === '{' && c === '}');
  strayRe.lastIndex = from;
  for (let m = strayRe.exec(text); m; m = strayRe.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (mustache.overlaps(s, e)) continue;
    if (singleBraces && m[1] !== undefined && !m[0].endsWith('}}')) continue;
    problems.push({ start: s, end: e, reason: m[0].startsWith('{') ? 'single-brace' : 'stray-close', raw: m[0] });
  }

  // Word mail-merge fields.
  let k = text.indexOf('«', from);
  while (k !== -1) {
    const eol = lineEnd(k);
    const j = text.indexOf('»', k + 1);
    const nextOpen = text.indexOf('«', k + 1);
    if (j === -1 || j > eol || (nextOpen !== -1 && nextOpen < j)) {
      problems.push({ start: k, end: Math.min(eol, k + 30), reason: 'unclosed', raw: text.slice(k, Math.min(eol, k + 30)) });
      k = nextOpen;
      continue;
    }
    const inner = text.slice(k + 1, j).trim();
    const raw = text.slice(k, j + 1);
    if (inner === '') problems.push({ start: k, end: j + 1, reason: 'empty', raw });
    else if (/[{}]/.test(inner)) problems.push({ start: k, end: j + 1, reason: 'mixed', raw });
    else placeholders.push({ start: k, end: j + 1, raw, name: inner, syntax: 'mergefield', kind: 'variable' });
    taken.push({ start: k, end: j + 1 });
    k = text.indexOf('«', j + 1);
  }

  // ALL-CAPS merge fields of older model letters (`ACHTERNAAM`, `DATUM ONDERTEKENING`), declared
  // in config (`placeholders.fields`): whole words, exactly as declared.
  for (const field of fields) {
    const name = field.trim();
    if (!name) continue;
    // The field's first word stands in the text as written, or the field is not there at all.
    if (text.indexOf(name.split(/\s/, 1)[0]!, from) === -1) continue;
    const re = fieldPattern(name);
    re.lastIndex = from;
    const earlier = new SpanSet(taken);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index;
      const end = s + m[0].length;
      if (earlier.overlaps(s, end) || text.slice(s, end).includes('\n')) continue;
      placeholders.push({ start: s, end, raw: m[0], name, syntax: 'custom', kind: 'variable' });
      taken.push({ start: s, end });
    }
  }

  // A name in capitals with underscores (`DATUM_AFSPRAAK`, `NAAM_MEDEWERKER`) is a merge field: nobody shouts in snake case.
  if (text.indexOf('_', from) !== -1) {
    const earlier = new SpanSet(taken);
    const re = /(?<![\p{L}\p{N}_])\p{Lu}[\p{Lu}\p{N}]*(?:_[\p{Lu}\p{N}]+)+(?![\p{L}\p{N}_])/gu;
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index;
      const end = s + m[0].length;
      if (earlier.overlaps(s, end)) continue;
      placeholders.push({ start: s, end, raw: m[0], name: m[0], syntax: 'custom', kind: 'variable' });
      taken.push({ start: s, end });
    }
  }

  // Custom delimiters from config, and `[Naam huurder]` always (templates write fields so).
  // Only name-like contents count (a letter first, at most five words), so that Markdown
  // links (`[tekst](url)`), footnotes (`[1]`) and percentages are left alone.
  const pairs = delimiters.some(([o, c]) => o === '[' && c === ']') ? delimiters : [...delimiters, ['[', ']'] as [string, string]];
  for (const [open, close] of pairs) {
    if (!open || !close) continue;
    // Matches of this pair come in order and never overlap each other; only earlier kinds can.
    const earlier = new SpanSet(taken);
    let s = text.indexOf(open, from);
    while (s !== -1) {
      const eol = lineEnd(s);
      const e = text.indexOf(close, s + open.length);
      if (e === -1 || e > eol) {
        s = text.indexOf(open, s + open.length);
        continue;
      }
      const inner = text.slice(s + open.length, e).trim();
      const end = e + close.length;
      const after = text[end];
      const linkLike = open === '[' && (after === '(' || after === '[' || after === ':');
      const before = text[s - 1];
      const imageOrCheckbox = open === '[' && (before === '!' || /^[xX ]?$/.test(inner));
      if (FIELD_NAME.test(inner) && inner.split(/\s+/).length <= 5 && !linkLike && !imageOrCheckbox && !earlier.overlaps(s, end)) {
        placeholders.push({ start: s, end, raw: text.slice(s, end), name: inner, syntax: 'custom', kind: 'variable' });
        taken.push({ start: s, end });
        s = text.indexOf(open, end);
      } else {
        s = text.indexOf(open, s + open.length);
      }
    }
  }

  placeholders.sort((a, b) => a.start - b.start);
  problems.sort((a, b) => a.start - b.start);
  return { placeholders, problems };
}

/** Section tags and comments (`{{#if x}}`, `{{else}}`, `{{/if}}`, `{{! ... }}`) are not words. */
function isTag(s: Span): boolean {
  const kind = (s as Partial<Placeholder>).kind;
  return kind === 'section-open' || kind === 'section-else' || kind === 'section-close' || kind === 'comment';
}

/**
 * Replaces every placeholder with a run of `x` of the same length, so the
 * Markdown and language parsers see one opaque word (no emphasis from `_`, no
 * link from `[`), while every offset stays exactly where it was in the source.
 *
 * Section tags and comments are no words at all: they become no-break spaces,
 * so `{{#if hond}}Wilt u` still has the word "Wilt" and `houden?{{else}}Fijn.`
 * two sentences. (No-break spaces, not spaces: a line of spaces would end a
 * Markdown paragraph, and four leading spaces would start a code block.)
 */
export function maskPlaceholders(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + (isTag(s) ? '\u00a0' : 'x').repeat(s.end - s.start);
    last = s.end;
  }
  return out + text.slice(last);
}
