import type { LetterCounts, LetterInfo, ReviewState } from './protocol.js';
import type { LintOutcome } from './runner.js';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Level reasons as Dutch strings, whatever shape the readability module gives them. */
function reasons(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((r) => {
    if (typeof r === 'string') return [r];
    if (r && typeof r === 'object') {
      const o = r as Record<string, unknown>;
      const text = o['message'] ?? o['reason'] ?? o['text'];
      if (typeof text === 'string') return [text];
    }
    return [];
  });
}

/** `huurbrief/letterInfo`: the figures of one lint outcome plus the review state. */
export function letterInfo(outcome: LintOutcome, review: ReviewState): LetterInfo {
  const counts: LetterCounts = { errors: 0, warnings: 0, infos: 0, accepted: 0, fixable: 0, byRule: {} };
  for (const m of outcome.messages) {
    // Accepted by the baseline: known, not new; counted apart (quick fixes still work on them).
    if (outcome.accepted.has(m)) {
      counts.accepted!++;
      if (m.fix) counts.fixable++;
      continue;
    }
    if (m.severity === 'error') counts.errors++;
    else if (m.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (m.fix) counts.fixable++;
    counts.byRule[m.ruleId] = (counts.byRule[m.ruleId] ?? 0) + 1;
  }
  const metrics = outcome.metrics;
  const level = metrics?.['level'];
  return {
    uri: outcome.uri,
    version: outcome.version,
    level: typeof level === 'string' ? level : null,
    targetLevel: outcome.config?.level ?? 'B1',
    fleschDouma: num(metrics?.['fleschDouma']),
    sentences: metrics?.sentences ?? 0,
    words: metrics?.words ?? 0,
    levelReasons: reasons(metrics?.['levelReasons']),
    longSentences: counts.byRule['sentence-length'] ?? 0,
    counts,
    configFile: outcome.configFile,
    configError: outcome.configError ? outcome.configError.message : null,
    review,
  };
}
