import type { Placeholder, Span } from '../types.js';

/** Literal template text between tags. */
export interface TextItem extends Span {
  type: 'text';
}

/** A placeholder that prints a value (`{{naam}}`, `«Naam»`, `[naam]`) or a partial. */
export interface ValueItem extends Span {
  type: 'value';
  placeholder: Placeholder;
}

export interface Branch {
  /** The tag that starts the branch: the section opener or an `{{else}}`. */
  tag: Placeholder;
  items: TemplateItem[];
  /** Source range of the branch's content. */
  span: Span;
}

/** `{{#if x}}...{{else}}...{{/if}}`, `{{#each x}}...{{/each}}`, `{{^x}}...{{/x}}`, ... */
export interface SectionItem extends Span {
  type: 'section';
  open: Placeholder;
  /** The first branch is the body; further branches start at `{{else}}` / `{{else if y}}`. */
  branches: Branch[];
  close: Placeholder | null;
  /** Nesting depth, 0 at the top. */
  depth: number;
}

export type TemplateItem = TextItem | ValueItem | SectionItem;

export interface SectionProblem extends Span {
  reason: 'section-unclosed' | 'section-stray-close' | 'section-mismatch' | 'else-outside';
  raw: string;
  /** For a mismatch: the opener that was expected to close. */
  opener?: Placeholder;
  /** The name the closing tag should have. */
  expected?: string;
}

export interface TemplateTree {
  items: TemplateItem[];
  sections: SectionItem[];
  problems: SectionProblem[];
}

const isTag = (p: Placeholder) => p.kind === 'section-open' || p.kind === 'section-else' || p.kind === 'section-close' || p.kind === 'comment';

/** The name a closing tag must carry: `{{/if}}` for `{{#if x}}`, `{{/naam}}` for `{{#naam}}`. */
export function closingName(open: Placeholder): string {
  return open.helper === undefined || open.helper === 'section' || (open.helper === 'unless' && open.raw.replace(/^\{+\s*/, '').startsWith('^'))
    ? open.name
    : open.helper;
}

/**
 * The range a tag removes when rendered. A tag alone on its line ("standalone"
 * in the mustache spec) takes the whole line with it, so
 *
 *     {{#if hond}}
 *     Wilt u uw hond binnen houden?
 *     {{/if}}
 *
 * renders without empty lines; a tag inside a line removes only itself.
 */
export function cutSpan(text: string, tag: Span, bodyStart: number): Span {
  let s = tag.start;
  while (s > bodyStart && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  if (s > bodyStart && text[s - 1] !== '\n' && text[s - 1] !== '\r') return tag;
  let e = tag.end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  if (e < text.length && text[e] !== '\n' && text[e] !== '\r') return tag;
  if (text[e] === '\r' && text[e + 1] === '\n') e += 2;
  else if (e < text.length) e += 1;
  return { start: s, end: e };
}

/**
 * Builds the section tree of a template from its placeholders (sorted, as
 * `scanPlaceholders` returns them). Unbalanced sections do not throw: they
 * become problems and the tree is repaired (an unclosed section runs to the
 * end; a stray `{{/x}}` is ignored), so a broken template still gets linted.
 */
export function buildTemplateTree(text: string, placeholders: readonly Placeholder[], bodyStart = 0): TemplateTree {
  const root: TemplateItem[] = [];
  const sections: SectionItem[] = [];
  const problems: SectionProblem[] = [];
  const stack: SectionItem[] = [];
  const current = (): TemplateItem[] => {
    const top = stack[stack.length - 1];
    return top ? top.branches[top.branches.length - 1]!.items : root;
  };
  let pos = 0;
  const pushText = (end: number) => {
    if (end > pos) current().push({ type: 'text', start: pos, end });
  };
  const closeBranch = (section: SectionItem, at: number) => {
    const b = section.branches[section.branches.length - 1]!;
    b.span = { start: b.span.start, end: Math.max(b.span.start, at) };
  };

  for (const p of placeholders) {
    if (p.start < pos) continue;
    if (!isTag(p)) {
      pushText(p.start);
      current().push({ type: 'value', start: p.start, end: p.end, placeholder: p });
      pos = p.end;
      continue;
    }
    const cut = cutSpan(text, p, bodyStart);
    pushText(cut.start);
    pos = cut.end;
    if (p.kind === 'comment') continue;
    if (p.kind === 'section-open') {
      const section: SectionItem = {
        type: 'section',
        start: cut.start,
        end: cut.end,
        open: p,
        branches: [{ tag: p, items: [], span: { start: cut.end, end: cut.end } }],
        close: null,
        depth: stack.length,
      };
      current().push(section);
      sections.push(section);
      stack.push(section);
    } else if (p.kind === 'section-else') {
      const top = stack[stack.length - 1];
      if (!top) {
        problems.push({ start: p.start, end: p.end, reason: 'else-outside', raw: p.raw });
        continue;
      }
      closeBranch(top, cut.start);
      top.branches.push({ tag: p, items: [], span: { start: cut.end, end: cut.end } });
    } else {
      // section-close
      const top = stack[stack.length - 1];
      if (!top) {
        problems.push({ start: p.start, end: p.end, reason: 'section-stray-close', raw: p.raw });
        continue;
      }
      const expected = closingName(top.open);
      if (p.name !== expected) {
        // `{{/each}}` closing `{{#if x}}`: if a deeper opener matches, the ones above it are unclosed.
        const match = stack.map((s) => closingName(s.open)).lastIndexOf(p.name);
        if (match === -1) {
          problems.push({ start: p.start, end: p.end, reason: 'section-mismatch', raw: p.raw, opener: top.open, expected });
          closeBranch(top, cut.start);
          top.close = p;
          top.end = cut.end;
          stack.pop();
          continue;
        }
        while (stack.length - 1 > match) {
          const s = stack.pop()!;
          problems.push({ start: s.open.start, end: s.open.end, reason: 'section-unclosed', raw: s.open.raw, expected: closingName(s.open) });
          closeBranch(s, cut.start);
          s.end = cut.start;
        }
      }
      const s = stack.pop()!;
      closeBranch(s, cut.start);
      s.close = p;
      s.end = cut.end;
    }
  }
  pushText(text.length);
  while (stack.length) {
    const s = stack.pop()!;
    problems.push({ start: s.open.start, end: s.open.end, reason: 'section-unclosed', raw: s.open.raw, expected: closingName(s.open) });
    closeBranch(s, text.length);
    s.end = text.length;
  }
  // pushText above went to the innermost open section; move nothing: an unclosed
  // section simply runs to the end of the letter.
  problems.sort((a, b) => a.start - b.start);
  return { items: root, sections, problems };
}
