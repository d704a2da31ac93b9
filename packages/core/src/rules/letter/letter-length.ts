import type { Rule } from '../../types.js';
import { formatDutchNumber } from '../../engine/dutch-number.js';
import { bodyBlocks } from './util.js';

interface Options {
  maxWoorden: number;
}

export const letterLength: Rule<Options> = {
  meta: {
    id: 'letter-length',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'De brief is niet langer dan ongeveer twee A4 (standaard 800 woorden tekst).',
    rationale:
      'Een huurder leest een lange brief niet helemaal. Twee A4 is het maximum; één A4 is beter. Zet details in een bijlage of op de website, en houd in de brief wat de huurder moet weten en doen. Invulvelden tellen als één woord; aanhef, groet en ondertekening tellen niet mee.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { maxWoorden: { type: 'integer', minimum: 50, description: 'Meer woorden in de tekst dan dit: melding (ongeveer 400 per A4).' } },
    },
    defaultOptions: { maxWoorden: 800 },
    strictOptions: { maxWoorden: 600 },
    messages: {
      long: 'Deze brief heeft {count} woorden tekst (meer dan {max}, ongeveer {pages} A4). Maak hem korter of zet details in een bijlage.',
    },
    examples: {
      valid: [{ text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur uw cv-ketel controleren.\n\nMet vriendelijke groet,\n\nJan de Vries\n' }],
      invalid: [
        {
          text: `Beste mevrouw Jansen,\n\n${'Op 12 maart komt de monteur uw cv-ketel controleren en dat duurt ongeveer een uur. '.repeat(8)}\n`,
          options: { maxWoorden: 50 },
          note: 'Met `maxWoorden: 50` is deze brief te lang.',
        },
      ],
    },
  },
  check({ doc, options, report }) {
    let count = 0;
    let at: { start: number; end: number } | undefined;
    for (const b of bodyBlocks(doc)) {
      for (const s of b.sentences) {
        count += s.words.length;
        if (!at && count > options.maxWoorden) at = { start: s.start, end: s.end };
      }
    }
    if (!at) return;
    const pages = formatDutchNumber(Math.round((count / 400) * 10) / 10);
    report({ messageId: 'long', data: { count, max: options.maxWoorden, pages }, start: at.start, end: at.end });
  },
};
