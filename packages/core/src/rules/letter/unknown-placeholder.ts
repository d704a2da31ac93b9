import { didYouMean } from '../../config/resolve.js';
import { declaredVariables, isDeclared, variableReferences } from '../../template/variables.js';
import type { Rule } from '../../types.js';
import { templateTree } from './util.js';

interface Options {
  verplicht: boolean;
}

export const unknownPlaceholder: Rule<Options> = {
  meta: {
    id: 'unknown-placeholder',
    category: 'template',
    defaultSeverity: 'error',
    description: 'Elk invulveld staat in de lijst `variabelen` in de front matter.',
    rationale:
      'Een invulveld met een tikfout (`{{huurder.nam}}`) blijft bij het samenvoegen leeg of komt letterlijk in de brief: de huurder krijgt dan "Beste ," of "Beste {{huurder.nam}},". Door de variabelen van een sjabloon bovenaan te noemen (`variabelen: [huurder.naam, datum]`), ziet u zo’n fout direct, met een suggestie voor de bedoelde naam. Binnen `{{#each reparaties}}` mag een veld ook als `reparaties.omschrijving` genoemd worden.',
    presets: ['recommended'],
    // Never fixed automatically: a fix never changes what a merge inserts (the message names the fix).
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        verplicht: { type: 'boolean', description: 'Een sjabloon met invulvelden moet `variabelen` in de front matter hebben.' },
      },
    },
    defaultOptions: { verplicht: false },
    strictOptions: { verplicht: true },
    messages: {
      unknown: 'Het invulveld "{name}" staat niet in de variabelen van dit sjabloon.',
      near: 'Het invulveld "{name}" staat niet in de variabelen van dit sjabloon. Bedoelt u "{near}"?',
      undeclared: 'Dit sjabloon gebruikt invulvelden, maar noemt ze niet in de front matter. Zet bovenaan `variabelen: [{names}]`.',
    },
    examples: {
      valid: [
        { text: '---\nvariabelen: [huurder.naam, datum]\n---\n\nBeste {{huurder.naam}},\n\nOp {{datum}} komt de monteur.\n' },
        { text: '---\nvariabelen: [Naam]\n---\n\nBeste «Naam»,\n', note: 'Word-samenvoegvelden mogen in andere hoofdletters staan.' },
      ],
      invalid: [
        {
          text: '---\nvariabelen: [huurder.naam, datum]\n---\n\nBeste {{huurder.nam}},\n\nOp {{datum}} komt de monteur.\n',
          note: 'Tikfout in de naam: huurbrief stelt `huurder.naam` voor.',
        },
      ],
    },
  },
  check({ doc, options, report }) {
    const declared = declaredVariables(doc.text, doc.frontMatter);
    const refs = variableReferences(templateTree(doc));
    if (!declared) {
      if (options.verplicht && refs.length) {
        const names = [...new Set(refs.map((r) => r.name))];
        const first = refs[0]!.placeholder;
        report({ messageId: 'undeclared', data: { names: names.join(', ') }, start: first.start, end: first.end });
      }
      return;
    }
    const names = declared.map((d) => d.name);
    for (const ref of refs) {
      if (ref.candidates.some((c) => isDeclared(c, names, ref.ignoreCase))) continue;
      const near = didYouMean(ref.name, names);
      const p = ref.placeholder;
      const at = p.raw.indexOf(ref.name);
      const once = at !== -1 && p.raw.indexOf(ref.name, at + 1) === -1;
      if (near && once) {
        const start = p.start + at;
        report({
          messageId: 'near',
          data: { name: ref.name, near },
          start,
          end: start + ref.name.length,
          actual: ref.name,
          expected: [near],
        });
      } else {
        report({ messageId: near ? 'near' : 'unknown', data: { name: ref.name, near }, start: p.start, end: p.end, actual: ref.name, fix: false });
      }
    }
  },
};
