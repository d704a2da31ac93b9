import { computeReadability } from './readability/metrics.js';
import type { LetterDocument, Metrics, ResolvedConfig } from './types.js';

/**
 * The readability measures of a letter (see `readability/metrics.ts` for what
 * counts): words, sentences, paragraphs, syllables, averages, Flesch-Douma,
 * Brouwer, passive share and the estimated level with its reasons.
 */
export function computeMetrics(doc: LetterDocument, config: ResolvedConfig): Metrics {
  return computeReadability(doc, config).metrics;
}
