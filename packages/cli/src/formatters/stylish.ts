import type { Metrics, Severity } from '@huurbrief/core';
import { paint } from '../color.js';
import { SEVERITY_LABEL } from './labels.js';
import type { FileReport, Formatter } from './types.js';


const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('nl-NL', { maximumFractionDigits: 1 }) : undefined);

/** One line with the letter's level and measures. */
export function metricsSummary(m: Metrics): string {
  const parts: string[] = [];
  if (typeof m['level'] === 'string') parts.push(`niveau ${m['level']}`);
  if (num(m['fleschDouma']) !== undefined) parts.push(`Flesch-Douma ${num(m['fleschDouma'])}`);
  parts.push(`${m.words} ${m.words === 1 ? 'woord' : 'woorden'}`, `${m.sentences} ${m.sentences === 1 ? 'zin' : 'zinnen'}`);
  const avg = num(m['avgSentenceLength']);
  if (avg !== undefined) parts.push(`gem. ${avg} ${avg === '1' ? 'woord' : 'woorden'} per zin`);
  const reasons = m['levelReasons'];
  if (Array.isArray(reasons) && reasons.length) parts.push(`(${reasons.join('; ')})`);
  return parts.join(' · ');
}

/** One letter's block of stylish output (also used when streaming a large run). */
export function stylishFile(r: FileReport, color: boolean): string {
  const c = paint(color);
  let out = `\n${c.underline(r.path)}\n`;
  const rows = r.messages.map((m) => {
    const sev = m.severity === 'error' ? c.red(SEVERITY_LABEL.error) : m.severity === 'warning' ? c.yellow(SEVERITY_LABEL.warning) : c.blue(SEVERITY_LABEL.info);
    // A Word document has no visible line numbers: quote the paragraph ("alinea") the finding is in.
    const para = r.source?.[m.line - 1]?.trim();
    const quote = para ? `alinea ${m.line}: “${para.length > 70 ? `${para.slice(0, 69)}…` : para}”` : undefined;
    return { pos: `${m.line}:${m.column}`, sev, sevLen: SEVERITY_LABEL[m.severity].length, msg: m.message, rule: m.ruleId, quote };
  });
  const posW = Math.max(0, ...rows.map((x) => x.pos.length));
  const sevW = Math.max(0, ...rows.map((x) => x.sevLen));
  for (const x of rows) {
    out += `  ${c.dim(x.pos.padStart(posW))}  ${x.sev}${' '.repeat(sevW - x.sevLen)}  ${x.msg}  ${c.dim(x.rule)}\n`;
    if (x.quote) out += `  ${' '.repeat(posW + sevW + 4)}${c.dim(x.quote)}\n`;
  }
  const accepted = r.baseline?.accepted ?? [];
  if (accepted.length) {
    out += `  ${c.dim(`${accepted.length === 1 ? '1 bevinding' : `${accepted.length} bevindingen`} geaccepteerd in de baseline`)}\n`;
    // A rule with more findings than its count: the count says how many are new, not which.
    const shown = new Map<string, number>();
    for (const m of r.messages) if (m.severity !== 'info') shown.set(m.ruleId, (shown.get(m.ruleId) ?? 0) + 1);
    for (const [ruleId, n] of shown) {
      const ok = accepted.filter((m) => m.ruleId === ruleId).length;
      if (ok) out += `  ${c.dim(`${ruleId}: ${ok} van de ${ok + n} bevindingen geaccepteerd in de baseline; welke nieuw ${n === 1 ? 'is' : 'zijn'}, kan huurbrief niet zien`)}\n`;
    }
  }
  out += `  ${c.dim(metricsSummary(r.metrics))}\n`;
  return out;
}

export interface StylishTotals extends Record<Severity, number> {
  fixable: number;
  files: number;
  /** Findings accepted by a baseline (not counted as problems). */
  accepted?: number;
}

/** Adds one letter's findings to the totals of the summary line. */
export function addToTotals(totals: StylishTotals, r: Pick<FileReport, 'messages' | 'baseline'>): void {
  totals.files++;
  if (r.baseline?.accepted.length) totals.accepted = (totals.accepted ?? 0) + r.baseline.accepted.length;
  for (const m of r.messages) {
    totals[m.severity]++;
    if (m.fix) totals.fixable++;
  }
}

/** The summary at the end of stylish output. */
export function stylishSummary(totals: StylishTotals, color: boolean): string {
  const c = paint(color);
  const files = totals.files;
  const fixable = totals.fixable;
  const total = totals.error + totals.warning + totals.info;
  const accepted = totals.accepted ?? 0;
  const acceptedText = `${accepted} ${accepted === 1 ? 'bevinding' : 'bevindingen'} geaccepteerd in de baseline`;
  if (total === 0 && accepted) return `\n${c.green('✔')} geen nieuwe problemen in ${files} ${files === 1 ? 'brief' : 'brieven'} (${acceptedText})\n`;
  if (total === 0) return `\n${c.green('✔')} geen problemen in ${files} ${files === 1 ? 'brief' : 'brieven'}\n`;
  const line = `✖ ${total} ${total === 1 ? 'probleem' : 'problemen'} (${totals.error} ${totals.error === 1 ? 'fout' : 'fouten'}, ${totals.warning} ${totals.warning === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${totals.info} ${totals.info === 1 ? 'melding' : 'meldingen'}) in ${files} ${files === 1 ? 'brief' : 'brieven'}`;
  let out = `\n${totals.error ? c.red(c.bold(line)) : c.yellow(c.bold(line))}\n`;
  if (accepted) out += c.dim(`  niet meegeteld: ${acceptedText}\n`);
  if (fixable) out += c.dim(`  ${fixable} ${fixable === 1 ? 'probleem is' : 'problemen zijn'} automatisch te verbeteren met --fix\n`);
  return out;
}

/** ESLint-style output in Dutch: file, line:column, severity, message, rule id; a summary. */
export const stylish: Formatter = (reports, { color }) => {
  let out = '';
  const totals: StylishTotals = { error: 0, warning: 0, info: 0, fixable: 0, files: 0 };
  for (const r of reports) {
    out += stylishFile(r, color);
    addToTotals(totals, r);
  }
  return out + stylishSummary(totals, color);
};
