import type { Rule } from '../../types.js';
import { bodyBlocks, wordCount } from './util.js';

interface Options {
  minWoorden: number;
}

export const headingsForLongLetters: Rule<Options> = {
  meta: {
    id: 'headings-for-long-letters',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'Een lange brief (standaard meer dan 350 woorden tekst) heeft tussenkopjes.',
    rationale:
      'Tussenkopjes ("Wat gaat er gebeuren?", "Wat moet u doen?", "Vragen?") laten een huurder in één oogopslag zien wat er in de brief staat en waar hij het antwoord op zijn vraag vindt. In een korte brief zijn ze niet nodig. Een kop boven de aanhef (het onderwerp) telt niet als tussenkop.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { minWoorden: { type: 'integer', minimum: 50, description: 'Vanaf dit aantal woorden tekst zijn tussenkopjes nodig.' } },
    },
    defaultOptions: { minWoorden: 350 },
    strictOptions: { minWoorden: 250 },
    messages: {
      missing: 'Deze brief heeft {count} woorden tekst maar geen tussenkopjes. Zet kopjes boven de delen, bijvoorbeeld "## Wat moet u doen?".',
    },
    examples: {
      valid: [
        {
          text: `Beste mevrouw Jansen,\n\n## Wat gaat er gebeuren?\n\n${'Op 12 maart komt de monteur uw cv-ketel controleren en dat duurt ongeveer een uur. '.repeat(5)}\n`,
          options: { minWoorden: 50 },
        },
      ],
      invalid: [
        {
          text: `Beste mevrouw Jansen,\n\n${'Op 12 maart komt de monteur uw cv-ketel controleren en dat duurt ongeveer een uur. '.repeat(5)}\n`,
          options: { minWoorden: 50 },
          note: 'Met `minWoorden: 50` heeft deze brief kopjes nodig.',
        },
      ],
    },
  },
  check({ doc, options, report }) {
    const body = bodyBlocks(doc);
    const count = wordCount(body);
    if (count <= options.minWoorden || body.length === 0) return;
    const firstBody = body[0]!;
    // A heading above the greeting is the subject, not a subheading.
    const firstText = doc.blocks.find((b) => b.role !== 'heading') ?? firstBody;
    if (doc.blocks.some((b) => b.type === 'heading' && b.start > firstText.start)) return;
    const s = firstBody.sentences[0]!;
    report({ messageId: 'missing', data: { count }, start: s.start, end: s.end });
  },
};
