// Bad news that leaves the tenant without a next step: the corporation ends the
// lease, puts off the works without a new date, or decides to demolish the
// home. None of these is a refusal of something the tenant asked for, so the
// refusal patterns do not see them, but a letter that brings such news and
// says nothing about what happens next (help, a new date, a contact person,
// the right to object) is exactly what refusal-without-alternative is for.
import type { LetterDocument, Sentence } from '../types.js';
import { sentenceKey } from '../rules/letter/util.js';
import { analyse } from './clauses.js';
export { nextStepAfter } from './context.js';
import { isLetterBody } from './refusals.js';

export type BadNewsKind = 'termination' | 'delay' | 'demolition';

export interface BadNews {
  kind: BadNewsKind;
  sentence: Sentence;
  start: number;
  end: number;
}

const TERMINATION_OBJECT = /\b(?:huurovereenkomst|huurcontract|huurovereenkomsten|overeenkomst|contract|huur)\b/;
const TERMINATION_VERB =
  /\b(?:opgezegd|opzeggen|opzegging|beëindigd|beëindigen|beëindiging|beëindig|ontbonden|ontbinden|ontbinding|op te zeggen|te beëindigen|te ontbinden|(?:zeggen|zeg|zegt)\b.*\bop)\b/;
/** The tenant ended it: "U heeft de huur opgezegd", "Uw opzegging hebben wij ontvangen". */
const TENANT_ENDS =
  /\b(?:u|je|jij)\s+(?:heeft|hebt|heb|had)\b.*\bopgezegd\b|\b(?:uw|je|jouw)\s+(?:opzegging|huuropzegging)\b|\b(?:u|je)\s+(?:zegt|zei)\b.*\bop\b|\bbevestigen\b|\b(?:(?:u|je|jij)\s+(?:kunt|kan|mag|wilt|wil)|(?:kunt|kun|kan|mag|wilt|wil)\s+(?:u|je|jij))\b.*\bop(?:zeggen|\s+te\s+zeggen)\b/;
/** The demolition as a point in time ("tot de sloop", "na de sloop"), not the news of it. */
const DEMOLITION_AS_TIME = /\b(?:tot|na|voor|tijdens|vóór)\s+de\s+sloop\b/;

const WORKS =
  /(?:werkzaamheden|werk|renovatie|verbouwing|reparatie|onderhoud|oplevering|levering|plaatsing|vervanging|bouw|nieuwbouw|project|afspraak|bijeenkomst|informatieavond|avond|sloop|verhuizing|sleuteloverdracht|aanleg|installatie)\b/;
const DELAY =
  /\b(?:uitgesteld|uitstellen|uit te stellen|verschoven|verschuiven|te verschuiven|vertraagd|vertraging|geannuleerd|afgelast|stopgezet|vervalt|vervallen|later dan (?:gepland|verwacht|afgesproken|gedacht)|(?:gaat|gaan)\b.*\bniet door|(?:kan|kunnen)\b.*\bniet doorgaan)\b/;

const HOME = /(?:woning|woningen|huis|huizen|flat|flats|complex|portiek|portieken|blok|gebouw|appartement|appartementen|galerijflat)\b/;
const DEMOLITION = /\b(?:slopen|gesloopt|sloop|sloopbesluit|afbreken|afgebroken|te slopen)\b/;

/**
 * What may happen is a threat or a warning, not news ("Dit kan leiden tot ontbinding",
 * "Wij zullen de rechter vragen ...", "Wij behouden ons het recht voor ..."): threatening
 * reads those. News is a decision: "Wij zeggen uw huurovereenkomst op per 1 juli".
 */
const POSSIBILITY =
  /\b(?:kan|kunnen|kon|konden|zou|zouden|zullen|zal|mogelijk|mogelijkheid|eventueel|uitsluiten|recht voor|rechter|kantonrechter|dreigt|dreigen|leiden tot|genoodzaakt|overwegen|overweegt|wanneer|indien|als)\b/;

/** A condition ("Als u niet betaalt, ontbinden wij ...") is a threat, not news: threatening reads it. */
function conditional(doc: LetterDocument, s: Sentence): boolean {
  const info = analyse(doc, s);
  return info.question || info.clauses.some((c) => c.conditional);
}

const cache = new WeakMap<LetterDocument, BadNews[]>();

/** The sentences of the body that bring bad news of one of the three kinds. */
export function findBadNews(doc: LetterDocument): BadNews[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: BadNews[] = [];
  for (const s of doc.sentences) {
    if (!isLetterBody(s)) continue;
    const { key } = sentenceKey(s);
    let kind: BadNewsKind | null = null;
    if (TERMINATION_OBJECT.test(key) && TERMINATION_VERB.test(key) && !TENANT_ENDS.test(key) && !POSSIBILITY.test(key)) kind = 'termination';
    else if (HOME.test(key) && DEMOLITION.test(key) && !POSSIBILITY.test(key) && !DEMOLITION_AS_TIME.test(key)) kind = 'demolition';
    else if (WORKS.test(key) && DELAY.test(key)) kind = 'delay';
    if (!kind || conditional(doc, s)) continue;
    out.push({ kind, sentence: s, start: s.start, end: s.end });
  }
  cache.set(doc, out);
  return out;
}

