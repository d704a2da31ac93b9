import type { ConfigError, Fix, LintMessage, Severity } from '@huurbrief/core';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node.js';

export const SOURCE = 'huurbrief';
/** Diagnostic code of a config problem (not a rule). */
export const CONFIG_ERROR_CODE = 'config-error';

/** What a diagnostic carries for code actions (the finding's offsets, suggestions and fix). */
export interface DiagnosticData {
  /** Document version the finding belongs to. */
  version: number;
  offset: number;
  endOffset: number;
  actual?: string;
  expected?: string[];
  fix?: Fix;
  /** Accepted by the baseline (`.huurbrief/baseline.json`): shown as a hint. */
  baseline?: true;
}

/** Diagnostic code of a baseline file that cannot be read (not a rule). */
export const BASELINE_ERROR_CODE = 'baseline-error';
/** Added to the message of a finding the baseline accepted. */
export const BASELINE_SUFFIX = ' (geaccepteerd in de baseline)';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** 1-based line/column of the core to the 0-based LSP range (both count UTF-16 code units). */
export function messageRange(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: m.line - 1, character: m.column - 1 },
    end: { line: m.endLine - 1, character: m.endColumn - 1 },
  };
}

/**
 * A core finding as an LSP diagnostic: `ruleId` → `code`, docs url → `codeDescription.href`.
 * A finding the baseline accepted is a hint, whatever its severity: it is known, not new.
 */
export function toDiagnostic(m: LintMessage, uri: string, version: number, accepted = false): Diagnostic {
  const data: DiagnosticData = { version, offset: m.offset, endOffset: m.endOffset };
  if (accepted) data.baseline = true;
  if (m.actual !== undefined) data.actual = m.actual;
  if (m.expected !== undefined) data.expected = m.expected;
  if (m.fix !== undefined) data.fix = m.fix;
  const d: Diagnostic = {
    range: messageRange(m),
    severity: accepted ? DiagnosticSeverity.Hint : SEVERITY[m.severity],
    code: m.ruleId,
    source: SOURCE,
    message: accepted ? `${m.message}${BASELINE_SUFFIX}` : m.message,
    data,
  };
  if (m.url) d.codeDescription = { href: m.url };
  if (m.cause) {
    const at = { line: m.cause.line - 1, character: m.cause.column - 1 };
    d.relatedInformation = [{ location: { uri, range: { start: at, end: at } }, message: m.cause.message }];
  }
  return d;
}

/** A broken config stops linting: one error at the top of the document that names file, key and reason. */
export function configErrorDiagnostic(error: ConfigError): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR_CODE,
    source: SOURCE,
    message: `Fout in configuratie, de brief is niet gecontroleerd: ${error.message}`,
  };
}

/** A broken baseline does not stop linting: one error at the top says why every finding is shown. */
export function baselineErrorDiagnostic(error: { message: string }): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: BASELINE_ERROR_CODE,
    source: SOURCE,
    message: `Fout in de baseline, alle bevindingen worden getoond: ${error.message}`,
  };
}

/** The core wants text without a BOM; put the BOM's code unit back into the positions. */
export function shiftForBom(messages: LintMessage[]): LintMessage[] {
  return messages.map((m) => {
    const out: LintMessage = {
      ...m,
      offset: m.offset + 1,
      endOffset: m.endOffset + 1,
      column: m.line === 1 ? m.column + 1 : m.column,
      endColumn: m.endLine === 1 ? m.endColumn + 1 : m.endColumn,
    };
    if (m.fix) out.fix = { range: [m.fix.range[0] + 1, m.fix.range[1] + 1], text: m.fix.text };
    if (m.cause) out.cause = { ...m.cause, column: m.cause.line === 1 ? m.cause.column + 1 : m.cause.column };
    return out;
  });
}
