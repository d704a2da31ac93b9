import { fileURLToPath } from 'node:url';
import { applyFixes, fixText, lintText, singleFixAccepted, type LintMessage, type ResolvedConfig } from '@huurbrief/core';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_ERROR_CODE, messageRange, SOURCE, type DiagnosticData } from './diagnostics.js';
import { sameRange } from './positions.js';
import type { LintOutcome } from './runner.js';

/** `source.fixAll.huurbrief`: VS Code runs it for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.huurbrief`;

/** Findings that cannot be silenced with a comment (they are about the comments themselves). */
const NOT_IGNORABLE = new Set(['inline-config', 'disable-without-reason', 'unused-disable', CONFIG_ERROR_CODE, 'internal-error']);

/** The reason placeholder in an inserted ignore comment; the writer replaces it. */
export const REASON_PLACEHOLDER = 'schrijf hier waarom deze melding niet klopt';

interface Finding {
  ruleId: string;
  offset: number;
  endOffset: number;
  actual?: string;
  expected?: string[];
  fix?: { range: [number, number]; text: string };
}

/** The finding behind a diagnostic: from the current lint outcome, else from the diagnostic's data when it is for this version. */
function findingFor(d: Diagnostic, outcome: LintOutcome | undefined, doc: TextDocument): Finding | undefined {
  if (typeof d.code !== 'string') return undefined;
  if (outcome && outcome.version === doc.version) {
    const m = outcome.messages.find((x) => x.ruleId === d.code && sameRange(messageRange(x), d.range));
    if (m) return m;
  }
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (data && data.version === doc.version && typeof data.offset === 'number' && typeof data.endOffset === 'number') {
    const f: Finding = { ruleId: d.code, offset: data.offset, endOffset: data.endOffset };
    if (typeof data.actual === 'string') f.actual = data.actual;
    if (Array.isArray(data.expected)) f.expected = data.expected.filter((e): e is string => typeof e === 'string');
    if (data.fix) f.fix = data.fix;
    return f;
  }
  return undefined;
}

function replace(doc: TextDocument, start: number, end: number, newText: string): TextEdit {
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText };
}

/**
 * The quick fix of a finding: only the fix the core decided on (the same one
 * `--fix` applies). A finding without a fix has none: its message names the
 * better word, and replacing it word for word could break the sentence.
 */
function quickFixes(doc: TextDocument, d: Diagnostic, f: Finding, accepted: (fix: NonNullable<Finding['fix']>) => boolean): CodeAction[] {
  if (!f.fix || !accepted(f.fix)) return [];
  const actual = f.actual ?? doc.getText().slice(f.offset, f.endOffset);
  const inPlace = (f.expected ?? []).includes(f.fix.text) && f.fix.range[0] === f.offset && f.fix.range[1] === f.endOffset;
  return [
    {
      title: inPlace ? (f.fix.text === '' ? `Verwijder “${actual}”` : `Vervang “${actual}” door “${f.fix.text}”`) : 'Automatisch herstellen',
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [replace(doc, f.fix.range[0], f.fix.range[1], f.fix.text)] } },
    },
  ];
}

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;

/** 0-based line where the top-level Markdown block holding `line` starts, or -1 inside front matter. */
export function blockStartLine(lines: readonly string[], line: number): number {
  let fmEnd = -1;
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
    fmEnd = close === -1 ? lines.length : close;
  }
  if (line <= fmEnd) return -1;
  let l = line;
  if (HEADING.test(lines[l] ?? '')) return l;
  while (l - 1 > fmEnd) {
    const prev = lines[l - 1] ?? '';
    if (prev.trim() === '' || HEADING.test(prev) || COMMENT_LINE.test(prev)) break;
    l--;
  }
  return l;
}

/** "Disable this rule here": `<!-- huurbrief-ignore <id> -- <reason> -->` before the block (ignore = the next block). */
function ignoreAction(doc: TextDocument, d: Diagnostic, f: Finding): CodeAction | undefined {
  if (NOT_IGNORABLE.has(f.ruleId)) return undefined;
  const text = doc.getText();
  const line = doc.positionAt(f.offset).line;
  const start = blockStartLine(text.split(/\r\n|\r|\n/), line);
  if (start < 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^[ \t]*/.exec(doc.getText({ start: { line: start, character: 0 }, end: { line: start + 1, character: 0 } }))?.[0] ?? '';
  return {
    title: `Regel ${f.ruleId} hier negeren (met reden)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: {
      changes: {
        [doc.uri]: [{ range: { start: { line: start, character: 0 }, end: { line: start, character: 0 } }, newText: `${indent}<!-- huurbrief-ignore ${f.ruleId} -- ${REASON_PLACEHOLDER} -->${eol}` }],
      },
    },
  };
}

/**
 * Every automatic fix of the document, as `--fix` makes them: the core's fix
 * loop with the document's config (re-linting between passes, and keeping no
 * fix that leaves a finding the letter did not have). One edit for the changed
 * part. Without a config (a broken one), one pass over the current findings.
 */
export function fixAllEdits(doc: TextDocument, messages: readonly LintMessage[], config?: ResolvedConfig | null, filePath?: string): TextEdit[] {
  const text = doc.getText();
  if (!config) {
    const { applied } = applyFixes(text, messages);
    return applied.map((m) => replace(doc, m.fix!.range[0], m.fix!.range[1], m.fix!.text));
  }
  const { output } = fixText(text, (t) => lintText(t, { config, ...(filePath ? { filePath } : {}) }));
  if (output === text) return [];
  let start = 0;
  while (start < text.length && start < output.length && text[start] === output[start]) start++;
  let end = 0;
  while (end < text.length - start && end < output.length - start && text[text.length - 1 - end] === output[output.length - 1 - end]) end++;
  return [replace(doc, start, text.length - end, output.slice(start, output.length - end))];
}

function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind !== FIX_ALL_KIND && !kind.startsWith(CodeActionKind.Source);
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Code actions for a range: quick fixes per suggestion, ignore-with-reason, and fix-all. */
export function codeActions(doc: TextDocument, params: CodeActionParams, outcome: LintOutcome | undefined): CodeAction[] {
  const only = params.context.only;
  const out: CodeAction[] = [];
  // The fix loop's rule for one fix: no quick fix after which the letter has a finding it did not have.
  const accepted = (fix: NonNullable<Finding['fix']>): boolean => {
    if (!outcome || outcome.version !== doc.version || !outcome.config) return true;
    const config = outcome.config;
    const path = filePathOf(doc.uri);
    const message = outcome.messages.find((m) => m.fix && m.fix.range[0] === fix.range[0] && m.fix.range[1] === fix.range[1] && m.fix.text === fix.text);
    if (!message) return true;
    return singleFixAccepted(doc.getText(), { language: 'nl', messages: outcome.messages, metrics: { words: 0, sentences: 0, paragraphs: 0, syllables: 0 } }, message, (t) => lintText(t, { config, ...(path ? { filePath: path } : {}) }));
  };
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const f = findingFor(d, outcome, doc);
      if (!f) continue;
      out.push(...quickFixes(doc, d, f, accepted));
      const ignore = ignoreAction(doc, d, f);
      if (ignore) out.push(ignore);
    }
  }
  const current = outcome && outcome.version === doc.version ? outcome : undefined;
  const fixable = current ? current.messages.filter((m) => m.fix) : [];
  if (current && fixable.length) {
    const edits = () => ({ changes: { [doc.uri]: fixAllEdits(doc, current.messages, current.config, filePathOf(doc.uri)) } });
    if (wants(only, FIX_ALL_KIND)) out.push({ title: 'huurbrief: alle automatisch herstelbare meldingen oplossen', kind: FIX_ALL_KIND, edit: edits() });
    // In the lightbulb too, next to a fixable finding (as vscode-eslint does).
    else if (!only && out.length && params.context.diagnostics.some((d) => d.source === SOURCE && fixable.some((m) => m.ruleId === d.code))) {
      out.push({ title: `Alle ${fixable.length} automatisch herstelbare meldingen in deze brief oplossen`, kind: CodeActionKind.QuickFix, edit: edits() });
    }
  }
  return out;
}
