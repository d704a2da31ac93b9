import { analyse, otherwiseAt, underCondition, type SentenceInfo } from '../../judgement/clauses.js';
import { HOEVEN } from '../../judgement/lexicon.js';
import { patternsFor } from '../../judgement/phrases.js';
import { matchSentence, withoutOverlap, type PatternEntry, type PatternHit } from '../../judgement/patterns.js';
import { wordListFix, wordSpan } from '../../engine/fix-contexts.js';
import { matchCase } from '../../engine/messages.js';
import type { LetterDocument, ReportDescriptor, Sentence } from '../../types.js';

/** Repetition in a condition: "Zien we je scooter nog één keer ..., dan ...". */
const ASKING = new Set(['vragen', 'vraag', 'vraagt', 'verzoeken', 'verzoek', 'verzoekt', 'helpen', 'help', 'helpt']);
const AGAIN = /^(?:nogmaals|opnieuw|weer|wederom|nog)$/;

/**
 * `voorwaarde: gevolg`: the hit is the consequence of the tenant not doing what was asked
 * ("Snoeit u de heg niet ..., dan ...", "Zorg dat ..., anders ...", "... als u de berging
 * niet leeghaalt"): a condition clause with a negation or a repetition, or "anders" /
 * "zo niet" before the hit. The consequence itself is not in the condition ("Als u de
 * sleutels kwijt bent, bel ons dan" is no threat).
 */
function afterNonCompliance(info: SentenceInfo, h: PatternHit<PatternEntry>): boolean {
  if (h.clause.conditional) return false;
  const w = info.words;
  // "..., dan vragen we je het weg te halen": the consequence is a request, not a sanction;
  // "Dan hoeft u die niet weg te halen" is good news.
  for (let i = h.clause.from; i < h.clause.to; i++) if (ASKING.has(w[i]!.lower) || HOEVEN.has(w[i]!.lower)) return false;
  // "..., dan kunt u die opzeggen": the consequence is the tenant's own option.
  for (let i = h.clause.from; i < h.clause.to; i++) if (/^(?:kunt|kun)$/.test(w[i]!.lower)) return false;
  for (let i = 0; i < h.first; i++) {
    const l = w[i]!.lower;
    if (otherwiseAt(w, i)) return true;
    // "Bij (het) niet (tijdig) verlengen ...", "Bij niet-betaling ...": a condition as a noun phrase.
    if (l === 'bij' && w.slice(i + 1, i + 4).some((x) => x.lower === 'niet' || x.lower.startsWith('niet-'))) return true;
  }
  if (info.question) return false;
  // "Jongeren die drie keer niet reageren, worden ...": a relative clause on the subject that names
  // who did not comply is a condition too.
  for (const r of info.relatives) {
    if (!r.closed || r.from > 3 || r.to > h.first) continue;
    for (let i = r.from; i < r.to; i++) if (w[i]!.lower === 'niet' || w[i]!.lower === 'geen' || /^weiger/.test(w[i]!.lower)) return true;
  }
  return info.clauses.some((c) => {
    if (!c.conditional) return false;
    // "ook als u zelf nooit met de lift gaat": a concession, not a condition the tenant must meet.
    if (c.opener === 'als' && w[c.from - 1]?.lower === 'ook') return false;
    if (c.anyNegation) return true;
    for (let i = c.from; i < c.to; i++) {
      // "Wie weigert ...", "Als u opnieuw ...": refusing to cooperate, or doing it again, is non-compliance too.
      if (/^weiger/.test(w[i]!.lower) || /^(?:opnieuw|wederom|nogmaals)$/.test(w[i]!.lower)) return true;
      if (AGAIN.test(w[i]!.lower) && /^(?:één|een|keer|maal)$/.test(w[i + 1]?.lower ?? 'x')) return true;
      // "als hij er morgen nog staat", "als u dan nog steeds ...": the thing asked is still not done.
      if (w[i]!.lower === 'nog' && /^(?:steeds|altijd|staat|staan|ligt|liggen|hangt|hangen|is|zijn)$/.test(w[i + 1]?.lower ?? 'x')) return true;
    }
    return false;
  });
}

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
      (h) =>
        !(h.value.voorwaarde === 'overslaan' && h.clause.conditional) &&
        !(h.value.voorwaarde === 'zonder' && underCondition(info)) &&
        (h.value.voorwaarde !== 'gevolg' || afterNonCompliance(info, h)) &&
        (!keep || keep(h, s)),
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
