import { analyse } from '../../judgement/clauses.js';
import { patternsFor } from '../../judgement/phrases.js';
import { matchSentence, withoutOverlap, type PatternEntry, type PatternHit } from '../../judgement/patterns.js';
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

/** A report for a phrase hit: the data entry's note and suggestions; a fix only with one plain replacement (`vervang`). */
export function phraseReport(doc: LetterDocument, hit: PatternHit<PatternEntry>, messageId: string, fixable = false): ReportDescriptor {
  const e = hit.value;
  const actual = doc.text.slice(hit.start, hit.end);
  const base = { messageId, data: { actual }, start: hit.start, end: hit.end, actual, note: e.uitleg };
  if (fixable && e.vervang !== undefined) return { ...base, expected: [matchCase(actual, e.vervang)] };
  return { ...base, expected: e.voorstel, fix: false };
}
