// Finds the refusals of a letter once; refusal, refusal-without-alternative,
// policy-shield and shouting all read the same list.
import type { LetterDocument, Sentence } from '../types.js';
import { analyse, type Clause, type SentenceInfo } from './clauses.js';
import { aboutRequest, alternativeNear, explained } from './context.js';
import { patternsFor } from './phrases.js';
import { matchSentence, type PatternHit, type PatternEntry } from './patterns.js';

export interface Refusal {
  sentence: Sentence;
  hit: PatternHit<PatternEntry>;
  /** An alternative follows in the same or the next sentence. */
  answered: boolean;
}

const cache = new WeakMap<LetterDocument, Refusal[]>();
/** Structural patterns ("wij kunnen ... niet"); a named refusal phrase in the same clause is reported instead. */
const GENERIC = new Set(['wij-kunnen-niet', 'u-kunt-niet', 'mag-niet', 'wij-doen-niet', 'verzoek-niet']);
/** Clauses that give a reason or a cause. */
const REASON_OPENERS = new Set(['omdat', 'doordat', 'aangezien', 'want']);
/** Clause-wide patterns: a subject and a negation anywhere in the clause. */
const BROAD = new Set(['wij-doen-niet', 'verzoek-niet']);

/** Text in these blocks is not where a letter says no. */
export function isLetterBody(s: Sentence): boolean {
  return s.block.role === 'body' || s.block.role === 'heading';
}

/** Verbs of knowing and understanding: "Wij begrijpen dat u niet kunt betalen" reports, it does not refuse. */
const COGNITION = new Set([
  'begrijpen', 'begrijp', 'begrijpt', 'begrepen', 'snappen', 'snap', 'snapt', 'weten', 'weet', 'wist', 'wisten', 'merken', 'merkt', 'merkten',
  'horen', 'hoorden', 'lezen', 'lazen', 'vrezen', 'vrees', 'voorstellen', 'realiseren', 'beseffen', 'besef',
]);

/** A "dat" clause after a verb of knowing ("Wij begrijpen dat u niet ...") reports what someone knows. */
function reported(info: SentenceInfo, c: Clause): boolean {
  if (c.opener !== 'dat') return false;
  const k = info.clauses.indexOf(c);
  const before = info.clauses[k - 1];
  if (!before) return false;
  let knows = false;
  for (let i = before.from; i < before.to; i++) {
    const l = info.words[i]!.lower;
    if (l === 'laten' || l === 'laat' || l === 'liet') return false; // "wij laten u weten dat ..." tells
    if (COGNITION.has(l)) knows = true;
  }
  return knows;
}

/** Words after which "die" is no relative pronoun: prepositions, verbs, pronouns ("voor die kosten", "is die van u"). */
const NOT_BEFORE_RELATIVE = new Set([
  'van', 'voor', 'met', 'op', 'in', 'aan', 'door', 'over', 'naar', 'bij', 'uit', 'om', 'tot', 'zonder', 'tegen', 'onder', 'na', 'vanaf', 'via',
  'is', 'zijn', 'was', 'waren', 'wordt', 'worden', 'heeft', 'hebben', 'had', 'kan', 'kunnen', 'wil', 'willen', 'moet', 'moeten', 'mag', 'mogen',
  'en', 'of', 'maar', 'dus', 'want', 'daarom', 'toch', 'ook', 'nu', 'dat', 'als', 'dan', 'wij', 'we', 'u', 'je', 'jij', 'ik', 'zij', 'ze', 'hij',
]);

/**
 * Relative clauses after a noun: from "die" to the next comma or the end of the
 * sentence ("Een rookmelder die het niet meer goed doet, vervangt hij meteen").
 * Not a clause boundary for every rule: "Alle kosten die hieruit voortvloeien,
 * komen voor uw rekening" is one threat across it.
 */
function relativeClauses(doc: LetterDocument, s: Sentence): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const ws = s.words;
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    const prev = ws[i - 1]!;
    if (w.lower !== 'die' || prev.kind !== 'word' || NOT_BEFORE_RELATIVE.has(prev.lower)) continue;
    if (/[,;:]/.test(doc.text.slice(prev.end, w.start))) continue;
    let end = s.end;
    for (let j = i + 1; j < ws.length; j++) {
      if (/[,;:]/.test(doc.text.slice(ws[j - 1]!.end, ws[j]!.start))) {
        end = ws[j - 1]!.end;
        break;
      }
    }
    out.push({ start: w.start, end });
  }
  return out;
}

export function findRefusals(doc: LetterDocument): Refusal[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const set = patternsFor('refusal');
  const out: Refusal[] = [];
  for (const s of doc.sentences) {
    if (!isLetterBody(s)) continue;
    const info = analyse(doc, s);
    // A question ("Kunt u niet thuis zijn?") or a condition ("Als dat niet mogelijk is, ...") refuses nothing.
    if (info.question) continue;
    // "Dat had niet mogen gebeuren": an apology about the past, no refusal.
    if (/\bhad(?:den)? (?:\S+ )*?niet (?:mogen|moeten|kunnen)\b/.test(s.words.map((w) => w.lower).join(' '))) continue;
    const relatives = relativeClauses(doc, s);
    const hits = matchSentence(set, doc, info, (c) => c.conditional || reported(info, c)).filter(
      (h) =>
        !(h.value.soort === 'verbod' && !aboutRequest(s) && explained(doc, s)) &&
        // A relative clause describes a thing ("een rookmelder die het niet meer doet"); it refuses nothing.
        !relatives.some((r) => h.start >= r.start && h.start < r.end) &&
        // ", anders kan de lift niet veilig worden gebruikt" gives a reason; it refuses nothing.
        !/,\s*anders\b[^,;:]*$/i.test(doc.text.slice(s.start, h.start)) &&
        !/,\s*anders\b/i.test(doc.text.slice(h.start, h.end)) &&
        // "Omdat u de trap niet meer op kunt, zoeken we ...": the tenant's inability in a reason clause is a circumstance.
        !(GENERIC.has(h.value.id) && REASON_OPENERS.has(h.clause.opener ?? '')),
    );
    if (hits.length === 0) continue;
    // The most specific pattern names the finding; the span covers every hit in its clause
    // ("kunnen wij uw verzoek niet honoreren", not just "kunnen wij ... niet").
    const primary = hits.find((h) => !GENERIC.has(h.value.id)) ?? hits[0]!;
    // The broad clause patterns ("wij ... niet", "uw verzoek ... niet") only name the span when nothing more specific matched.
    const same = hits.filter((h) => h.clause === primary.clause && (h === primary || !BROAD.has(h.value.id)));
    const merged = {
      ...primary,
      start: Math.min(...same.map((h) => h.start)),
      end: Math.max(...same.map((h) => h.end)),
    };
    out.push({ sentence: s, hit: merged, answered: alternativeNear(doc, s, 0) });
  }
  cache.set(doc, out);
  return out;
}
