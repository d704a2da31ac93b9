import { allRules, VERSION, type LintMessage, type Rule, type Severity } from '@huurbrief/core';
import { ruleDoc, ruleHelpMarkdown, ruleHelpText } from '../docs/rule-doc.js';
import type { FileReport, Formatter } from './types.js';
import { fingerprintMap } from './fingerprint.js';

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the subset
// GitHub code scanning reads: tool.driver.rules with help text, results with
// ruleId/ruleIndex/level/message/locations, relative artifact URIs under
// %SRCROOT%, and fixes for findings huurbrief can fix itself.

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference (spaces, `#`, `%` ... percent-encoded; `/` kept). */
const toUri = (path: string) => path.split('/').map(encodeURIComponent).join('/');

let ruleCache: { rules: readonly Rule[]; descriptors: Record<string, unknown>[] } | undefined;

function ruleDescriptors(rules: readonly Rule[]): Record<string, unknown>[] {
  if (ruleCache?.rules === rules) return ruleCache.descriptors;
  const descriptors = rules.map((rule) => {
    const doc = ruleDoc(rule, rules);
    return {
      id: doc.id,
      name: doc.id,
      shortDescription: { text: doc.description },
      fullDescription: { text: doc.rationale },
      help: { text: ruleHelpText(doc), markdown: ruleHelpMarkdown(doc) },
      helpUri: doc.url,
      defaultConfiguration: { enabled: doc.presets.includes('recommended'), level: LEVEL[doc.severity] },
      properties: {
        category: doc.category,
        tags: ['huurbrief', doc.category],
        fixable: doc.fixable,
        presets: [...doc.presets],
        precision: 'high',
      },
    };
  });
  ruleCache = { rules, descriptors };
  return descriptors;
}

function region(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

function result(m: LintMessage, report: FileReport, artifactIndex: number, ruleIndex: number | undefined, fingerprint: string, baselineFile?: string) {
  const artifactLocation = { uri: toUri(report.path), uriBaseId: '%SRCROOT%', index: artifactIndex };
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[m.severity],
    message: { text: m.note ? `${m.message} ${m.note}` : m.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(m) } }],
    // Code scanning matches results across commits by this, not by line (see fingerprint.ts).
    partialFingerprints: { 'huurbrief/v1': fingerprint },
  };
  // The fix's range is the finding's own range when derived from `expected`;
  // other ranges have no line/column here, so they are left out.
  if (m.fix && m.fix.range[0] === m.offset && m.fix.range[1] === m.endOffset) {
    out['fixes'] = [
      {
        description: { text: `Vervang door "${m.fix.text}"` },
        artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(m), insertedContent: { text: m.fix.text } }] }],
      },
    ];
  }
  // Accepted by the baseline: a result with an external suppression (SARIF 3.35), as
  // SARIF viewers and CI tools understand; it did not count for the exit code.
  if (baselineFile !== undefined) out['suppressions'] = [{ kind: 'external', status: 'accepted', justification: `geaccepteerd in de baseline ${baselineFile}` }];
  const properties: Record<string, unknown> = { category: m.category };
  if (m.actual !== undefined) properties['actual'] = m.actual;
  if (m.expected !== undefined) properties['expected'] = m.expected;
  out['properties'] = properties;
  return out;
}

/** Builds the SARIF log object (exported for tests and for tools that want the object). */
export function sarifLog(reports: readonly FileReport[], rules: readonly Rule[] = allRules): Record<string, unknown> {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'huurbrief',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/huurbrief/huurbrief',
            language: 'nl-NL',
            rules: ruleDescriptors(rules),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((r) => ({ location: { uri: toUri(r.path), uriBaseId: '%SRCROOT%' }, sourceLanguage: 'markdown' })),
        results: reports.flatMap((r, i) => {
          const prints = fingerprintMap(r, r.messages);
          const out = r.messages.map((m, k) => result(m, r, i, index.get(m.ruleId), prints[k]!));
          if (r.baseline?.accepted.length) {
            const accepted = fingerprintMap(r, r.baseline.accepted);
            out.push(...r.baseline.accepted.map((m, k) => result(m, r, i, index.get(m.ruleId), accepted[k]!, r.baseline!.file)));
          }
          return out;
        }),
      },
    ],
  };
}

export const sarif: Formatter = (reports) => `${JSON.stringify(sarifLog(reports), null, 2)}\n`;
