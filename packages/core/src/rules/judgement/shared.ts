import { analyse } from '../../judgement/clauses.js';
import { patternsFor } from '../../judgement/phrases.js';
import { matchSentence, withoutOverlap, type PatternEntry, type PatternHit } from '../../judgement/patterns.js';
import { wordListFix, wordSpan } from '../../engine/fix-contexts.js';
import { matchCase } from '../../engine/messages.js';
import type { LetterDocument, ReportDescriptor, Sentence } from '../../types.js';

export interface PhraseHit {
  sentence: Sentence;
  hit: PatternHit<PatternEntry>;
}

/** All hits of one rule's phrase patterns in the letter, without overlaps within a sentence. */
export function phraseHits(doc: LetterDocument, ruleId: string, keep?: (hit: PatternHit<PatternEntry>, sentence: Sentence) => boolean): PhraseHit[] {
  const set = patternsFor(ruleId);
  const out: PhraseHit[] = [];
  for (const s of doc.sentences) {
    // Names, roles and department lines under the closing are not phrasing ("Afdeling Incasso").
    if (s.block.role === 'signature') continue;
    const info = analyse(doc, s);
    const hits = matchSentence(set, doc, info).filter(
      (h) => !(h.value.voorwaarde === 'overslaan' && h.clause.conditional) && (!keep || keep(h, s)),
    );
    for (const hit of withoutOverlap(hits)) out.push({ sentence: s, hit });
  }
  return out;
}

/**
 * A report for a phrase hit: the data entry's note and suggestions; a fix only
 * with one plain replacement (`vervang`) of words that stand together, in the
 * contexts the entry's `herstel` names.
 */
export function phraseReport(doc: LetterDocument, hit: PatternHit<PatternEntry>, messageId: string, fixable = false, sentence?: Sentence): ReportDescriptor {
  const e = hit.value;
  const actual = doc.text.slice(hit.start, hit.end);
  const base = { messageId, data: { actual }, start: hit.start, end: hit.end, actual, note: e.uitleg };
  if (fixable && e.vervang !== undefined) {
    // The data write the replacement as at the start of a sentence; in the middle it starts lower-case.
    const expected = matchCase(actual, e.vervang.charAt(0).toLowerCase() + e.vervang.slice(1));
    const site = sentence ? wordSpan(doc.text, sentence, hit.start, hit.end) : undefined;
    // Only words that stand together (a fixed phrase, or one word) are replaced.
    const fix = site && (e.vast === true || hit.indices.length === 1) ? wordListFix(site, e.herstel, expected) : undefined;
    return { ...base, expected: [expected], fix: fix ?? false };
  }
  return { ...base, expected: e.voorstel, fix: false };
}
