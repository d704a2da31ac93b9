// The readability measures of a whole letter.
//
// What counts (and why):
// - Front matter is not text (the document model never makes sentences of it).
// - Word measures (words, syllables, avgSyllablesPerWord, longWordShare) count
//   everything the tenant reads: body, headings, greeting, closing and the
//   signature block.
// - Sentence measures (sentences, avgSentenceLength, longSentenceShare,
//   passiveShare) count body sentences only. Headings, the greeting ("Beste
//   {{naam}},") and the closing are short units that would make the average
//   sentence look shorter than the letter's sentences are, and the block under
//   the closing (name, role, phone) is not a sentence at all.
// - Flesch-Douma and Brouwer combine the two: the average sentence length of
//   the body and the syllables per word of the whole letter, so both can be
//   recomputed from the reported figures.
// - A placeholder is one word of `placeholders.syllables` syllables; numbers,
//   amounts, dates, times, e-mail addresses, URLs and phone numbers are one
//   word of two syllables and never long words.
import type { Block, LetterDocument, Level, ResolvedConfig, Sentence } from '../types.js';
import { estimateLevel } from './level.js';
import { brouwer, fleschDouma, fleschReadingEase, LONG_SENTENCE_WORDS, sentenceStats, type SentenceStats } from './measures.js';
import { findPassives, type PassiveMatch } from './passive.js';

export interface ReadabilityMetrics {
  words: number;
  sentences: number;
  paragraphs: number;
  syllables: number;
  avgSentenceLength: number;
  longSentenceShare: number;
  avgSyllablesPerWord: number;
  longWordShare: number;
  fleschDouma: number | null;
  brouwer: number | null;
  passiveShare: number;
  longestParagraph: number;
  level: Level;
  levelReasons: string[];
  [key: string]: unknown;
}

export interface ReadabilityReport {
  metrics: ReadabilityMetrics;
  /** Unrounded values (for tests and rules). */
  exact: {
    avgSentenceLength: number;
    avgSyllablesPerWord: number;
    fleschDouma: number | null;
    brouwer: number | null;
  };
  /** Per sentence (indexed like doc.sentences). */
  stats: SentenceStats[];
  /** Passive constructions per sentence (Dutch only; empty lists for English). */
  passives: PassiveMatch[][];
  /** Body sentences only. */
  bodySentences: Sentence[];
  bodyParagraphs: Block[];
}

const round = (n: number, d: number) => {
  const f = 10 ** d;
  return Math.round(n * f) / f;
};

export function isBodySentence(s: Sentence): boolean {
  return s.block.role === 'body';
}

/** Words in a block. */
export function blockWords(b: Block): number {
  let n = 0;
  for (const s of b.sentences) n += s.words.length;
  return n;
}

const cache = new WeakMap<LetterDocument, Map<string, ReadabilityReport>>();

/** Computes (once per document and setting) every readability measure of a letter. */
export function computeReadability(doc: LetterDocument, config: Pick<ResolvedConfig, 'level' | 'placeholders'>): ReadabilityReport {
  const key = `${config.level}|${config.placeholders.syllables}`;
  let perDoc = cache.get(doc);
  const hit = perDoc?.get(key);
  if (hit) return hit;

  const phSyl = config.placeholders.syllables;
  const stats = doc.sentences.map((s) => sentenceStats(s, phSyl, doc.lang));
  const passives = doc.sentences.map((s) => (doc.lang === 'nl' && isBodySentence(s) ? findPassives(s, doc.text) : []));

  let words = 0;
  let syllables = 0;
  let longWords = 0;
  for (const st of stats) {
    words += st.words;
    syllables += st.syllables;
    longWords += st.longWords.length;
  }
  const bodySentences = doc.sentences.filter(isBodySentence);
  let bodyWords = 0;
  let longSentences = 0;
  let passiveSentences = 0;
  for (const s of bodySentences) {
    bodyWords += s.words.length;
    if (s.words.length > LONG_SENTENCE_WORDS) longSentences++;
    if (passives[s.index]!.length > 0) passiveSentences++;
  }
  const bodyParagraphs = doc.blocks.filter((b) => b.role === 'body' && b.type !== 'heading');
  let longestParagraph = 0;
  for (const b of bodyParagraphs) longestParagraph = Math.max(longestParagraph, blockWords(b));

  const n = bodySentences.length;
  const asl = n ? bodyWords / n : 0;
  const asw = words ? syllables / words : 0;
  // The Dutch formulas only make sense for Dutch; English letters get Flesch Reading Ease.
  const dutch = doc.lang === 'nl';
  const fd = n && words && dutch ? fleschDouma(asl, asw) : null;
  const br = n && words && dutch ? brouwer(asl, asw) : null;
  const fre = n && words && !dutch ? fleschReadingEase(asl, asw) : null;
  const longSentenceShare = n ? longSentences / n : 0;
  const longWordShare = words ? longWords / words : 0;
  const passiveShare = n ? passiveSentences / n : 0;

  const estimate =
    n && words
      ? estimateLevel(
          { avgSentenceLength: asl, longSentenceShare, avgSyllablesPerWord: asw, longWordShare, passiveShare, longestParagraph, fleschDouma: fd ?? fre ?? 100 },
          config.level,
          dutch ? 'Flesch-Douma' : 'Flesch Reading Ease',
        )
      : { level: 'A2' as const, reasons: [] };

  const report: ReadabilityReport = {
    metrics: {
      words,
      sentences: n,
      paragraphs: bodyParagraphs.length,
      syllables,
      avgSentenceLength: round(asl, 1),
      longSentenceShare: round(longSentenceShare, 2),
      avgSyllablesPerWord: round(asw, 2),
      longWordShare: round(longWordShare, 2),
      fleschDouma: fd === null ? null : round(fd, 1),
      brouwer: br === null ? null : round(br, 1),
      ...(fre === null ? {} : { fleschReadingEase: round(fre, 1) }),
      passiveShare: round(passiveShare, 2),
      longestParagraph,
      level: estimate.level,
      levelReasons: estimate.reasons,
    },
    exact: { avgSentenceLength: asl, avgSyllablesPerWord: asw, fleschDouma: fd, brouwer: br },
    stats,
    passives,
    bodySentences,
    bodyParagraphs,
  };
  if (!perDoc) {
    perDoc = new Map();
    cache.set(doc, perDoc);
  }
  perDoc.set(key, report);
  return report;
}
