import type { Block, LetterDocument, Rule } from '../../types.js';
import { escapeRe, normalisePhrase } from './util.js';

interface Options {
  onpersoonlijk: string[];
}

/** Impersonal forms of address; only when nothing personal follows them. */
/** Greetings for a group: fine in a letter addressed to the residents of a street or block. */
const GROUP = /^(?:beste|aan de) (?:bewoners?|huurders?)$/;
const IMPERSONAL = [
  'geachte heer mevrouw',
  'geachte mevrouw heer',
  'geachte mevrouw mijnheer',
  'geachte heer of mevrouw',
  'geachte mevrouw of heer',
  'geachte mevrouw of mijnheer',
  'geachte dames en heren',
  'geachte dames heren',
  'geachte bewoner',
  'geachte bewoners',
  'geachte huurder',
  'geachte huurders',
  'geachte relatie',
  'geachte klant',
  'geachte heer',
  'geachte mevrouw',
  'beste bewoner',
  'beste bewoners',
  'beste huurder',
  'beste huurders',
  'beste klant',
  'beste relatie',
  'beste heer mevrouw',
  'beste meneer mevrouw',
  'beste heer of mevrouw',
  'beste meneer of mevrouw',
  'aan de bewoners',
  'aan de bewoner',
  'aan de huurder',
];

/** The greeting block, as the letter's layout found it (engine/layout.ts): a greeting line before the body. */
export function findGreeting(doc: LetterDocument): Block | undefined {
  return doc.blocks.find((b) => b.role === 'greeting');
}

export const greeting: Rule<Options> = {
  meta: {
    id: 'greeting',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'De brief begint met een persoonlijke aanhef ("Beste mevrouw Jansen", "Beste {{naam}}"), niet "Geachte heer/mevrouw".',
    rationale:
      'Een brief die de huurder bij naam aanspreekt, wordt beter gelezen en voelt minder als een standaardbrief. "Geachte heer/mevrouw" of "Beste bewoner" zegt: u bent een nummer. Gebruik een invulveld voor de naam als de brief een sjabloon is. Ontbreekt de aanhef helemaal, dan is dat een fout; een onpersoonlijke aanhef is een waarschuwing.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { onpersoonlijk: { type: 'array', items: { type: 'string' }, description: 'Extra aanheffen die als onpersoonlijk gelden.' } },
    },
    defaultOptions: { onpersoonlijk: [] },
    messages: {
      missing: 'Deze brief heeft geen aanhef. Begin met "Beste" en de naam van de huurder, bijvoorbeeld "Beste {{naam}},".',
      impersonal: '"{greeting}" is onpersoonlijk. Spreek de huurder aan met naam, bijvoorbeeld "Beste mevrouw Jansen," of "Beste {{naam}},".',
    },
    examples: {
      valid: [{ text: 'Beste {{naam}},\n\nOp 12 maart komt de monteur.\n' }, { text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n' }],
      invalid: [
        { text: 'Geachte heer/mevrouw,\n\nOp 12 maart komt de monteur.\n', note: 'Onpersoonlijk: waarschuwing.' },
        { text: 'Op 12 maart komt de monteur uw cv-ketel controleren.\n', note: 'Geen aanhef: fout.' },
      ],
    },
  },
  check({ doc, options, report }) {
    const body = doc.blocks.filter((b) => b.role !== 'heading');
    if (body.length === 0) return;
    const g = findGreeting(doc);
    if (!g) {
      // Point at the place the greeting belongs: the first line of the body.
      const first = body.find((b) => b.role === 'body') ?? body[0]!;
      const w = first.sentences[0]!.words[0]!;
      report({ messageId: 'missing', start: w.start, end: w.end });
      return;
    }
    const text = doc.text.slice(g.start, g.end).trim().replace(/[,:!]\s*$/, '');
    const n = normalisePhrase(text.replace(/\//g, ' '));
    const extra = options.onpersoonlijk.map((x) => normalisePhrase(x.replace(/\//g, ' ')));
    // A letter addressed to a group ("Aan de bewoners van de Lindelaan 2-40") has no name to use:
    // "Beste bewoner," is the personal choice there.
    const toGroup = doc.blocks.some((b) => b.role === 'recipient' && /\b(?:bewoners?|bewoner\(s\)|huurders?|omwonenden)\b/i.test(doc.text.slice(b.start, b.end)));
    for (const phrase of [...extra, ...IMPERSONAL]) {
      if (toGroup && GROUP.test(phrase) && !extra.includes(phrase)) continue;
      if (new RegExp(`^${escapeRe(phrase)}$`).test(n)) {
        const s = g.sentences[0]!;
        report({ messageId: 'impersonal', data: { greeting: text }, start: s.start, end: g.sentences[g.sentences.length - 1]!.end, actual: text, severity: 'warning' });
        return;
      }
    }
  },
};
