import type { FrontMatter, Placeholder, Span } from '../types.js';
import type { SectionItem, TemplateItem, TemplateTree } from './tree.js';

const nameRegexes = new Map<string, RegExp>();
/** The whole-name regex for a declared variable, compiled once per name (Unicode regexes are slow to compile). */
function nameRegex(name: string): RegExp {
  let re = nameRegexes.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}_.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u');
    if (nameRegexes.size < 10_000) nameRegexes.set(name, re);
  }
  return re;
}

/** A variable declared in front matter (`variabelen: [huurder.naam, datum]`). */
export interface DeclaredVariable extends Span {
  name: string;
}

/** Front matter keys that declare a template's variables. */
export const VARIABLE_KEYS = ['variabelen', 'variables'] as const;

/**
 * Reads the declared variables from front matter: a list of names, or a map of
 * name → description. Returns null when the letter declares nothing (then
 * nothing is "unknown"). Each name carries its place in the front matter so a
 * finding can point at it.
 */
export function declaredVariables(text: string, fm: FrontMatter | null): DeclaredVariable[] | null {
  if (!fm?.data) return null;
  let key: string | undefined;
  let value: unknown;
  for (const k of VARIABLE_KEYS) {
    if (k in fm.data) {
      key = k;
      value = fm.data[k];
      break;
    }
  }
  if (key === undefined) return null;
  let names: string[] = [];
  if (Array.isArray(value)) names = value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  else if (value && typeof value === 'object') names = Object.keys(value);
  else if (typeof value === 'string') names = value.split(/[\s,]+/).filter(Boolean);
  const source = text.slice(fm.start, fm.end);
  const keyAt = Math.max(0, source.search(new RegExp(`^${key}\\s*:`, 'm')));
  const out: DeclaredVariable[] = [];
  let from = keyAt;
  for (const written of names) {
    const re = nameRegex(written);
    const m = re.exec(source.slice(from));
    const at = m ? from + m.index : keyAt;
    // A name declared with its delimiters ("[Naam huurder]", "{{datum}}", "«Naam»") means the name inside.
    const name = written.trim().replace(/^(?:\{\{\s*|\[|«|\{|%)(.*?)(?:\s*\}\}|\]|»|\}|%)$/u, '$1').trim() || written;
    const shift = m ? written.indexOf(name) : 0;
    out.push({ name, start: fm.start + at + Math.max(0, shift), end: fm.start + at + Math.max(0, shift) + (m ? name.length : key.length) });
    if (m) from = at + written.length;
  }
  return out;
}

/** A name a placeholder refers to, resolved against the sections around it. */
export interface VariableReference {
  /** The name as written (`naam` inside `{{#each huurders}}`). */
  name: string;
  /** Candidate full names, most specific first (`huurders.naam`, `naam`). */
  candidates: string[];
  placeholder: Placeholder;
  /** Compare case-insensitively (Word mail merge ignores case). */
  ignoreCase: boolean;
}

const SPECIAL = /^(?:this|\.|@index|@key|@first|@last|else|true|false|null|undefined)$/;
const IDENT = /^(?:\.\.\/)*(?:@root\.)?(?:this\.)?[\p{L}_][\p{L}\p{N}_\-]*(?:\.[\p{L}\p{N}_\-]+)*$/u;

/**
 * Identifiers in a handlebars expression: `naam` → [naam]; `formatDate datum
 * "lang"` → [datum] (the first word of a call is the helper);
 * `(eq status "open")` → [status]; `items as |item|` → [items].
 */
export function expressionNames(expression: string, firstIsHelper: boolean): string[] {
  const out: string[] = [];
  const cleaned = expression.replace(/\bas\s+\|[^|]*\|/g, ' ').replace(/"[^"]*"|'[^']*'/g, ' ');
  let expectHelper = firstIsHelper;
  for (const t of cleaned.match(/[()]|[^\s()]+/g) ?? []) {
    if (t === '(') {
      // The first word of a sub-expression is a helper too.
      expectHelper = true;
      continue;
    }
    if (t === ')') continue;
    if (expectHelper) {
      expectHelper = false;
      continue;
    }
    const v = t.includes('=') ? t.slice(t.indexOf('=') + 1) : t;
    if (!v || SPECIAL.test(v) || /^-?\d/.test(v) || !IDENT.test(v)) continue;
    out.push(v);
  }
  return out;
}

/** Block parameter of `{{#each items as |item|}}`. */
function blockParam(open: Placeholder): string | undefined {
  return /\bas\s+\|\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(open.name)?.[1];
}

interface Scope {
  /** Full name of the list or object this section enters. */
  name: string;
  alias?: string;
}

function normalise(name: string): { name: string; root: boolean } {
  let n = name;
  let root = false;
  if (n.startsWith('@root.')) {
    n = n.slice(6);
    root = true;
  }
  while (n.startsWith('../')) {
    n = n.slice(3);
    root = true;
  }
  if (n.startsWith('this.')) n = n.slice(5);
  return { name: n, root };
}

/**
 * Every variable reference in a template: printed placeholders and section
 * arguments (`{{#if x}}` uses `x`), with the list/object scopes of `#each` and
 * `#with` around them, so `{{omschrijving}}` inside `{{#each reparaties}}`
 * may be declared as `reparaties.omschrijving`.
 */
export function variableReferences(tree: TemplateTree): VariableReference[] {
  const out: VariableReference[] = [];
  const add = (raw: string, p: Placeholder, scopes: Scope[]) => {
    const { name, root } = normalise(raw);
    const candidates: string[] = [];
    if (!root) {
      for (let i = scopes.length - 1; i >= 0; i--) {
        const s = scopes[i]!;
        if (s.alias && (name === s.alias || name.startsWith(`${s.alias}.`))) {
          candidates.push(name === s.alias ? s.name : `${s.name}${name.slice(s.alias.length)}`);
          break;
        }
        candidates.push(`${s.name}.${name}`);
      }
    }
    candidates.push(name);
    out.push({ name: raw, candidates, placeholder: p, ignoreCase: p.syntax === 'mergefield' });
  };
  const walk = (items: TemplateItem[], scopes: Scope[]) => {
    for (const it of items) {
      if (it.type === 'value') {
        const p = it.placeholder;
        if (p.kind !== 'variable') continue;
        if (p.syntax !== 'mustache') add(p.name, p, scopes);
        else for (const n of expressionNames(p.name, /\s/.test(p.name.trim()))) add(n, p, scopes);
      } else if (it.type === 'section') walkSection(it, scopes);
    }
  };
  const walkSection = (s: SectionItem, scopes: Scope[]) => {
    const names = expressionNames(s.open.name, false);
    for (const n of names) add(n, s.open, scopes);
    for (const b of s.branches.slice(1)) if (b.tag.name) for (const n of expressionNames(b.tag.name, true)) add(n, b.tag, scopes);
    const helper = s.open.helper ?? 'section';
    const enters = helper === 'each' || helper === 'with' || helper === 'section';
    const first = names[0];
    let inner = scopes;
    if (enters && first) {
      const resolved = normalise(first).name;
      const alias = blockParam(s.open);
      inner = [...scopes, alias ? { name: resolved, alias } : { name: resolved }];
    }
    s.branches.forEach((b, i) => walk(b.items, i === 0 ? inner : scopes));
  };
  walk(tree.items, []);
  return out;
}

/**
 * True when `name` is declared: exactly, under a declared parent (`huurder`
 * covers `huurder.naam`), or as the parent of a declared field
 * (`reparaties.omschrijving` makes `{{#each reparaties}}` known).
 */
export function isDeclared(name: string, declared: Iterable<string>, ignoreCase: boolean): boolean {
  const n = ignoreCase ? name.toLowerCase() : name;
  for (const d0 of declared) {
    const d = ignoreCase ? d0.toLowerCase() : d0;
    if (n === d || n.startsWith(`${d}.`) || d.startsWith(`${n}.`)) return true;
  }
  return false;
}

/** True when the declared `name` is used by a reference (exactly, via a child, or via a parent scope). */
export function isUsed(declaredName: string, refs: readonly VariableReference[]): boolean {
  const lower = declaredName.toLowerCase();
  return refs.some((r) =>
    r.candidates.some((c) => {
      const a = r.ignoreCase ? c.toLowerCase() : c;
      const d = r.ignoreCase ? lower : declaredName;
      return a === d || a.startsWith(`${d}.`) || d.startsWith(`${a}.`);
    }),
  );
}
