import type { Severity } from '@huurbrief/core';
import type { FileReport, Formatter } from './types.js';

// GitHub Actions workflow commands:
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
// The message (data) escapes %, CR and LF; property values also `:` and `,`.
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub shows 10 annotations of each kind per step: these beyond that are only in the summary. */
export const GITHUB_ANNOTATION_LIMIT = 10;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One annotation per finding (`::error file=...,line=...::message`), so the
 * findings appear beside the changed lines of a pull request. Errors come
 * first: GitHub shows only the first annotations of a step, and an error must
 * not hide behind forty warnings.
 */
export const github: Formatter = (reports) => {
  const all = reports.flatMap((r) => r.messages.map((m) => ({ r, m })));
  all.sort((a, b) => ORDER[a.m.severity] - ORDER[b.m.severity]);
  let out = '';
  for (const { r, m } of all) {
    const props = [
      `file=${escapeProperty(r.path)}`,
      `line=${m.line}`,
      `col=${m.column}`,
      `endLine=${m.endLine}`,
      `endColumn=${m.endColumn}`,
      `title=${escapeProperty(`huurbrief ${m.ruleId}`)}`,
    ];
    const text = m.note ? `${m.message}\n${m.note}` : m.message;
    out += `::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(`${text} (${m.ruleId})`)}\n`;
  }
  return out;
}

/** True when some kind of finding has more than GitHub shows as annotations. */
export function exceedsAnnotations(reports: readonly FileReport[]): boolean {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const m of r.messages) count[m.severity]++;
  return Object.values(count).some((n) => n > GITHUB_ANNOTATION_LIMIT);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const LABEL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'melding' };

/**
 * The full table for `$GITHUB_STEP_SUMMARY` (Markdown), for when the
 * annotations do not show everything: every finding, errors first.
 */
export function githubSummary(reports: readonly FileReport[]): string {
  const all = reports.flatMap((r) => r.messages.map((m) => ({ r, m })));
  all.sort((a, b) => ORDER[a.m.severity] - ORDER[b.m.severity]);
  const count = (s: Severity) => all.filter((x) => x.m.severity === s).length;
  let out = `## huurbrief: ${all.length} ${all.length === 1 ? 'bevinding' : 'bevindingen'} (${count('error')} fouten, ${count('warning')} waarschuwingen, ${count('info')} meldingen)\n\n`;
  out += `GitHub toont per soort hoogstens ${GITHUB_ANNOTATION_LIMIT} aantekeningen bij de wijzigingen; hier staan ze allemaal.\n\n`;
  out += '| Brief | Plaats | Soort | Melding | Regel |\n| --- | --- | --- | --- | --- |\n';
  for (const { r, m } of all) out += `| ${cell(r.path)} | ${m.line}:${m.column} | ${LABEL[m.severity]} | ${cell(m.message)} | \`${m.ruleId}\` |\n`;
  return out;
}
