import type { LetterDocument, Metrics, ResolvedConfig } from './types.js';

/**
 * Basic counts. The readability module (`readability/metrics.ts`) replaces
 * this with the full Dutch measures.
 */
export function computeMetrics(doc: LetterDocument, _config: ResolvedConfig): Metrics {
  let words = 0;
  for (const s of doc.sentences) words += s.words.length;
  const paragraphs = doc.blocks.filter((b) => b.role === 'body' && b.type !== 'heading').length;
  return { words, sentences: doc.sentences.length, paragraphs, syllables: 0 };
}
