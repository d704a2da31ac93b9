// Finds the refusals of a letter once; refusal, refusal-without-alternative,
// policy-shield and shouting all read the same list.
import type { LetterDocument, Sentence } from '../types.js';
import { analyse, underCondition, type Clause, type SentenceInfo } from './clauses.js';
import { aboutRequest, alternativeNear, explained, type WordRange } from './context.js';
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

/** The refusal itself, from its clause's start to its last word: what it names there is what it turns down. */
export function refusalRange(hit: PatternHit<PatternEntry>): WordRange {
  return { from: hit.clause.from, to: hit.last + 1 };
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
    // A relative clause describes a thing ("een rookmelder die het niet meer doet"); it refuses nothing.
    const relatives = info.relatives.map((r) => ({ start: info.words[r.from]!.start, end: r.closed ? info.words[r.to - 1]!.end : s.end }));
    const hits = matchSentence(set, doc, info, (c) => c.conditional || reported(info, c)).filter(
      (h) =>
        !(h.value.soort === 'verbod' && !aboutRequest(s) && explained(doc, s)) &&
        // `voorwaarde: zonder`: under a condition the same words threaten ("Als u niet betaalt, komen de kosten voor uw rekening").
        !(h.value.voorwaarde === 'zonder' && underCondition(info)) &&
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
    out.push({ sentence: s, hit: merged, answered: alternativeNear(doc, s, 0, refusalRange(merged)) });
  }
  cache.set(doc, out);
  return out;
}
