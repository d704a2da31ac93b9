import { analyse } from '../../judgement/clauses.js';
import { findRefusals } from '../../judgement/refusals.js';
import type { Rule } from '../../types.js';
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
  },
  check({ doc, report }) {
    const refusing = new Set(findRefusals(doc).map((r) => r.sentence));
    for (const { sentence, hit } of phraseHits(doc, 'policy-shield')) {
      if (hit.value.soort === 'bij-nee') {
        const negated = analyse(doc, sentence).clauses.some((c) => c.negations.length > 0);
        if (!refusing.has(sentence) && !negated) continue;
      }
      report(phraseReport(doc, hit, 'shield'));
    }
  },
};
