import { analyse } from '../../judgement/clauses.js';
import { findRefusals } from '../../judgement/refusals.js';
import type { Rule, Sentence } from '../../types.js';

// Not "vanwege": "Vanwege onze regels kunnen wij ... niet" gives the rule itself as the reason.
const REASONED = new Set(['omdat', 'want', 'zodat', 'waarom']);
const RESTRICTIVE = new Set(['alleen', 'uitsluitend', 'slechts', 'enkel']);
/** "uw eigen verantwoordelijkheid", "voor eigen rekening": putting the burden on the tenant also says no. */
function shiftsBurden(sentence: Sentence): boolean {
  const w = sentence.words;
  for (let i = 1; i < w.length; i++) {
    const l = w[i]!.lower;
    const p = w[i - 1]!.lower;
    if ((p === 'eigen' || p === 'zelf') && (l.startsWith('verantwoordelijk') || l === 'rekening' || l === 'risico' || l === 'kosten')) return true;
  }
  return false;
}
/**
 * A rule quoted to justify something unwelcome, not only a no: a cost or a deduction ("wordt
 * verrekend met", "in rekening gebracht", "doorberekend"), a duty put on the tenant, a delay ("pas
 * na goedkeuring"), a right we claim ("zijn wij gerechtigd"), or a verdict ("in strijd met", "en
 * derhalve correct"). The writers of the labelled sets marked such sentences as hiding behind the
 * rules as often as the refusals.
 */
const UNWELCOME = /^(?:verrekend|verrekenen|verrekening|doorberekend|doorberekenen|doorbelast|doorbelasten|ingehouden|inhouden|afschrijven|afgeschreven|boete|gerechtigd|bevoegd|strijd|correct|juist|terecht|verplicht|zelf)$/;
function unwelcome(sentence: Sentence): boolean {
  const w = sentence.words;
  for (let i = 0; i < w.length; i++) {
    const l = w[i]!.lower;
    if (UNWELCOME.test(l)) return true;
    if (l === 'rekening' && w[i - 1]?.lower === 'in') return true;
    if (l === 'berekenen' && w[i - 1]?.lower === 'te' && w[i - 2]?.lower === 'door') return true; // door te berekenen
    // "pas na goedkeuring", "pas in januari", "pas nadat ...": a delay the rule imposes.
    if (l === 'pas' && /^(?:na|nadat|in|als|wanneer|vanaf|op)$/.test(w[i + 1]?.lower ?? '')) return true;
  }
  return false;
}
import { phraseHits, phraseReport } from './shared.js';

export const policyShield: Rule = {
  meta: {
    id: 'policy-shield',
    category: 'no-phrasing',
    defaultSeverity: 'warning',
    description: 'Verschuil u niet achter beleid of regels ("conform ons beleid", "regels zijn regels"): zeg waarom.',
    rationale:
      '"Dat is ons beleid" is geen reden, maar een muur. De huurder wil weten waarom iets niet kan, en of er iets anders kan. Corporaties die de huurder centraal zetten, durven "af te wijken van procedures" als het beleid in de weg zit. Noem de reden achter de regel, en wie er besluit ("we"). Een regel uitleggen is prima: "Volgens de regels van de huurcommissie mag de huur met 5 procent omhoog" wordt alleen gemeld als de zin ook nee zegt.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      shield: 'Hier verschuilt de brief zich achter regels ("{actual}"). Zeg waarom het zo is, en wat wel kan.',
    },
    examples: {
      valid: [
        { text: 'We verhogen de huur per 1 juli, omdat onze kosten voor onderhoud stijgen.' },
        { text: 'Volgens de regels van de huurcommissie mag de huur dit jaar met 5 procent omhoog.' },
      ],
      invalid: [
        { text: 'Conform ons beleid kunnen wij hierop geen uitzondering maken.', note: 'Wordt: "We maken hier geen uitzondering, omdat ... Wel kunnen we ..."' },
        { text: 'Regels zijn regels.' },
      ],
    },
    limits: [
      {
        text: 'Een regel of wet als onderwerp van de zin, zonder "volgens", "conform" of "ons beleid is".',
        example: 'De huisregels zijn duidelijk: een tweede berging krijgt niemand.',
      },
    ],
  },
  check({ doc, report }) {
    const refusing = new Set(findRefusals(doc).map((r) => r.sentence));
    // "Volgens de regels ..." is only a shield in a sentence that says no, or restricts ("alleen online").
    const saysNo = (sentence: Sentence) =>
      refusing.has(sentence) ||
      analyse(doc, sentence).clauses.some((c) => c.negations.length > 0) ||
      sentence.words.some((w) => RESTRICTIVE.has(w.lower)) ||
      shiftsBurden(sentence) ||
      unwelcome(sentence);
    // `in-nee`: a policy word is only a shield inside the refusal itself ("Uitzonderingen op het beleid maken wij nooit").
    const hits = phraseHits(doc, 'policy-shield', (hit, sentence) =>
      hit.value.soort === 'in-nee' ? refusing.has(sentence) : hit.value.soort !== 'bij-nee' || saysNo(sentence),
    );
    for (const { hit, sentence } of hits) {
      // A rule with its reason in the same sentence ("..., zodat iedereen veilig woont") is explained, not hidden behind.
      if (hit.value.id !== 'regels-zijn-regels' && sentence.words.some((w) => REASONED.has(w.lower))) continue;
      report(phraseReport(doc, hit, 'shield'));
    }
  },
};
