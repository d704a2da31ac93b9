import { declaredVariables, isUsed, variableReferences } from '../../template/variables.js';
import type { Rule } from '../../types.js';
import { templateTree } from './util.js';

export const unusedVariable: Rule = {
  meta: {
    id: 'unused-variable',
    category: 'template',
    defaultSeverity: 'warning',
    description: 'Elke variabele in de front matter wordt in de brief gebruikt.',
    rationale:
      'Een variabele die in de lijst staat maar nergens in de brief, wijst vaak op een invulveld dat per ongeluk is weggehaald of anders gespeld (bijvoorbeeld het huurnummer dat de huurder nodig heeft om te bellen). Haal de variabele weg of zet het invulveld terug.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      unused: 'De variabele "{name}" staat in de front matter, maar wordt nergens in de brief gebruikt.',
    },
    examples: {
      valid: [{ text: '---\nvariabelen: [huurder.naam, huurnummer]\n---\n\nBeste {{huurder.naam}},\n\nUw huurnummer is {{huurnummer}}.\n' }],
      invalid: [
        {
          text: '---\nvariabelen: [huurder.naam, huurnummer]\n---\n\nBeste {{huurder.naam}},\n\nWij komen uw cv-ketel controleren.\n',
          note: '`huurnummer` staat in de lijst, maar niet in de brief.',
        },
      ],
    },
  },
  check({ doc, report }) {
    const declared = declaredVariables(doc.text, doc.frontMatter);
    if (!declared) return;
    const refs = variableReferences(templateTree(doc));
    for (const d of declared) {
      if (!isUsed(d.name, refs)) report({ messageId: 'unused', data: { name: d.name }, start: d.start, end: d.end, actual: d.name });
    }
  },
};
