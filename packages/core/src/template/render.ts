import { readFrontMatter } from '../engine/frontmatter.js';
import { scanPlaceholders } from '../engine/placeholders.js';
import type { Placeholder, Span } from '../types.js';
import { OffsetMap } from './offset-map.js';
import { buildTemplateTree, type SectionItem, type TemplateItem, type TemplateTree } from './tree.js';
import { expressionNames } from './variables.js';

export interface RenderProblem extends Span {
  reason: 'missing' | 'not-text' | 'unsupported' | 'malformed';
  /** The variable (or tag) concerned. */
  name: string;
  /** Dutch explanation. */
  message: string;
}

export interface RenderResult {
  /** The filled-in letter. */
  text: string;
  /** Offsets in `text` back to the template. */
  map: OffsetMap;
  /** Missing data, values that are not text, tags that cannot be rendered. */
  problems: RenderProblem[];
}

export interface RenderOptions {
  delimiters?: readonly [string, string][];
  /** ALL-CAPS merge fields from config. */
  fields?: readonly string[];
}

interface Frame {
  value: unknown;
  index?: number;
  key?: string;
  first?: boolean;
  last?: boolean;
  alias?: string;
}

const MISSING = Symbol('missing');

function own(obj: unknown, key: string, ignoreCase: boolean): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return MISSING;
  const rec = obj as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(rec, key)) return rec[key];
  if (ignoreCase) {
    const k = Object.keys(rec).find((x) => x.toLowerCase() === key.toLowerCase());
    if (k !== undefined) return rec[k];
  }
  return MISSING;
}

/** Looks a name up in the frames (innermost first), handlebars-style. */
function lookup(name: string, frames: readonly Frame[], ignoreCase: boolean): unknown {
  let n = name.trim();
  let stack = frames;
  if (n.startsWith('@root.')) {
    stack = frames.slice(0, 1);
    n = n.slice(6);
  }
  while (n.startsWith('../')) {
    stack = stack.slice(0, Math.max(1, stack.length - 1));
    n = n.slice(3);
  }
  const top = stack[stack.length - 1]!;
  if (n === 'this' || n === '.') return top.value;
  if (n === '@index') return top.index ?? MISSING;
  if (n === '@key') return top.key ?? MISSING;
  if (n === '@first') return top.first ?? MISSING;
  if (n === '@last') return top.last ?? MISSING;
  let explicitThis = false;
  if (n.startsWith('this.')) {
    n = n.slice(5);
    explicitThis = true;
  }
  // Word mail-merge field names may contain spaces and dots; try the whole name first.
  const path = n.split('.');
  const search = explicitThis ? [top] : [...stack].reverse();
  for (const f of search) {
    let v: unknown;
    if (f.alias !== undefined && (path[0] === f.alias)) v = f.value;
    else {
      const whole = own(f.value, n, ignoreCase);
      if (whole !== MISSING) return whole;
      v = own(f.value, path[0]!, ignoreCase);
    }
    if (v === MISSING) continue;
    for (const part of path.slice(1)) {
      v = own(v, part, ignoreCase);
      if (v === MISSING) return MISSING;
    }
    return v;
  }
  return MISSING;
}

/** Handlebars truthiness: false, null, undefined, '', 0 and [] are false. */
function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== false && v !== null && v !== undefined && v !== '' && v !== 0 && v !== MISSING;
}

function printable(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return null;
}

/**
 * Fills a template with data, as the mail merge would, and keeps a map from
 * every offset of the result back to the template (so findings in the filled
 * letter point at the template line the writer edits). Supports `{{x}}`,
 * `{{{x}}}`, `«x»`, custom delimiters, and the sections `#if`, `#unless`,
 * `#each`, `#with`, `{{else}}`, `{{else if y}}`, mustache `{{#x}}` / `{{^x}}`.
 * Values are not HTML-escaped: the output is a letter, not a web page.
 *
 * Missing data is a problem naming the variable, never an empty string: a
 * letter "Beste ," must not go out. Use `false` or `null` in the data for a
 * section that is off. Only what is rendered must exist: a variable inside a
 * branch that is not taken may be absent.
 */
export function renderTemplate(template: string, data: unknown, options: RenderOptions = {}, tree?: TemplateTree): RenderResult {
  const fm = readFrontMatter(template);
  const bodyStart = fm?.end ?? 0;
  if (!tree) {
    const { placeholders } = scanPlaceholders(template, options.delimiters ?? [], bodyStart, options.fields ?? []);
    tree = buildTemplateTree(template, placeholders, bodyStart);
  }
  const problems: RenderProblem[] = [];
  const seen = new Set<string>();
  const problem = (p: Span, reason: RenderProblem['reason'], name: string, message: string) => {
    const key = `${p.start}:${reason}:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ start: p.start, end: p.end, reason, name, message });
  };
  for (const sp of tree.problems) problem(sp, 'malformed', sp.raw, `${sp.raw} is niet goed gesloten of geopend`);

  const map = new OffsetMap();

  const value = (p: Placeholder, frames: Frame[]): string => {
    if (p.kind === 'partial') {
      problem(p, 'unsupported', p.name, `${p.raw}: deelsjablonen (partials) kan huurbrief niet invullen`);
      return '';
    }
    let expr = p.name;
    if (p.syntax === 'mustache' && /\s/.test(expr.trim())) {
      problem(p, 'unsupported', expr, `${p.raw}: de helper "${expr.trim().split(/\s+/)[0]}" kan huurbrief niet uitvoeren`);
      return '';
    }
    expr = expr.trim();
    const v = lookup(expr, frames, p.syntax === 'mergefield');
    if (v === MISSING) {
      problem(p, 'missing', expr, `de gegevens missen "${expr}" (voor ${p.raw})`);
      return '';
    }
    const s = printable(v);
    if (s === null) {
      problem(p, 'not-text', expr, `"${expr}" is ${Array.isArray(v) ? 'een lijst' : 'een object'}, geen tekst (voor ${p.raw}); gebruik {{#each ${expr}}} of een veld daarvan`);
      return '';
    }
    return s;
  };

  const condition = (tag: Placeholder, expression: string, frames: Frame[]): unknown => {
    const names = expressionNames(expression, false);
    if (/[()]/.test(expression) || names.length !== 1) {
      problem(tag, 'unsupported', expression, `${tag.raw}: alleen een enkele naam als voorwaarde kan huurbrief invullen`);
      return false;
    }
    const name = names[0]!;
    const v = lookup(name, frames, false);
    if (v === MISSING) {
      problem(tag, 'missing', name, `de gegevens missen "${name}" (voor ${tag.raw}); zet "${name}": false als dit deel niet in de brief hoort`);
      return false;
    }
    return v;
  };

  const emit = (items: TemplateItem[], frames: Frame[]): string => {
    let out = '';
    for (const it of items) {
      if (it.type === 'text') out += map.copy(template, it.start, it.end);
      else if (it.type === 'value') out += map.value(value(it.placeholder, frames), it.placeholder);
      else out += section(it, frames);
    }
    return out;
  };

  const section = (s: SectionItem, frames: Frame[]): string => {
    const helper = s.open.helper ?? 'section';
    const expression = s.open.name.replace(/\bas\s+\|[^|]*\|/, '').trim();
    const alias = /\bas\s+\|\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(s.open.name)?.[1];
    const otherwise = (): string => {
      // `{{else if y}}` chains, then a plain `{{else}}`.
      for (const b of s.branches.slice(1)) {
        const n = b.tag.name.trim();
        if (n === '') return emit(b.items, frames);
        const m = /^(if|unless)\s+(.+)$/.exec(n);
        if (!m) {
          problem(b.tag, 'unsupported', n, `${b.tag.raw}: kan huurbrief niet invullen`);
          return '';
        }
        const v = truthy(condition(b.tag, m[2]!, frames));
        if (m[1] === 'if' ? v : !v) return emit(b.items, frames);
      }
      return '';
    };
    const body = s.branches[0]!;
    if (!['if', 'unless', 'each', 'with', 'section'].includes(helper)) {
      problem(s.open, 'unsupported', helper, `${s.open.raw}: de helper "${helper}" kan huurbrief niet uitvoeren`);
      return '';
    }
    const v = condition(s.open, expression, frames);
    if (helper === 'if') return truthy(v) ? emit(body.items, frames) : otherwise();
    if (helper === 'unless') return truthy(v) ? otherwise() : emit(body.items, frames);
    if (helper === 'with') return truthy(v) ? emit(body.items, [...frames, alias ? { value: v, alias } : { value: v }]) : otherwise();
    // `each` and mustache sections: lists repeat, objects enter, other true values show once.
    if (Array.isArray(v)) {
      if (v.length === 0) return otherwise();
      return v.map((item, index) => emit(body.items, [...frames, { value: item, index, first: index === 0, last: index === v.length - 1, ...(alias ? { alias } : {}) }])).join('');
    }
    if (helper === 'each' && v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) return otherwise();
      return entries
        .map(([key, item], index) => emit(body.items, [...frames, { value: item, key, index, first: index === 0, last: index === entries.length - 1, ...(alias ? { alias } : {}) }]))
        .join('');
    }
    if (!truthy(v)) return otherwise();
    return emit(body.items, v && typeof v === 'object' ? [...frames, { value: v }] : frames);
  };

  const text = emit(tree.items, [{ value: data }]);
  problems.sort((a, b) => a.start - b.start);
  return { text, map, problems };
}
