import type { Rule } from '../../types.js';
import { didYouMean } from '../../config/resolve.js';
import { allRuleIds } from '../ids.js';

export const inlineConfig: Rule = {
  meta: {
    id: 'inline-config',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'Een huurbrief-commentaar noemt alleen regels die bestaan.',
    rationale:
      'Met `<!-- huurbrief-disable regel -- reden -->` zet u een regel tijdelijk uit. Een tikfout in de regelnaam zet niets uit: dan denkt u dat een melding bewust is weggelaten terwijl de regel gewoon meldt, of andersom.',
    presets: ['recommended'],
    fixable: false,
    messages: { unknown: 'Onbekende regel "{id}" in huurbrief-commentaar{hint}.' },
    examples: {
      valid: [{ text: '<!-- huurbrief-disable sentence-length -- wettelijke tekst -->\nBeste mevrouw Jansen,\n' }],
      invalid: [{ text: '<!-- huurbrief-disable sentense-length -- wettelijke tekst -->\nBeste mevrouw Jansen,\n', note: 'Tikfout in de regelnaam.' }],
    },
  },
  check({ doc, report }) {
    const known = allRuleIds();
    for (const c of doc.controls) {
      for (const id of c.ids) {
        if (known.has(id.id)) continue;
        const near = didYouMean(id.id, known);
        report({ messageId: 'unknown', data: { id: id.id, hint: near ? ` (bedoelt u "${near}"?)` : '' }, start: id.start, end: id.end, actual: id.id, expected: near ? [near] : [] });
      }
    }
  },
};
