import type { Rule } from '../../types.js';
import { findGreeting } from './greeting.js';
import { escapeRe, matchKey, normalisePhrase } from './util.js';

interface Options {
  extra: string[];
}

/**
 * Openings that delay the message. Patterns run over the sentence key: lower-cased
 * words joined by spaces, with dates, numbers and placeholders as `#`.
 */
const BOILERPLATE: RegExp[] = [
  /^middels (?:deze|dit) (?:brief|schrijven)\b/,
  /^(?:met|via|in|door) (?:deze|dit) (?:brief|schrijven) (?:willen|wil|informeren|laten|delen|berichten|brengen|vragen|verzoeken)\b(?: (?:wij|we|ik))?(?: u)?(?: graag)?(?: (?:informeren|laten weten|mededelen|op de hoogte brengen|op de hoogte stellen))?/,
  /^hierbij (?:informeren|berichten|delen|laten|sturen|zenden|bevestigen|doen|melden|ontvangt|verzoeken|vragen)\b(?: (?:wij|we|ik|u))?(?: u)?(?: (?:graag|hierbij))?(?: (?:mede|weten|toekomen))?/,
  /^bij (?:deze|dezen)\b/,
  /^graag (?:informeren|berichten|laten|brengen) (?:wij|we) u\b(?: (?:weten|op de hoogte))?/,
  /^(?:wij|we) (?:willen|wil) u (?:graag )?(?:informeren|op de hoogte (?:brengen|stellen)|mededelen)\b/,
  /^(?:wij|we) (?:informeren|berichten) u\b(?: (?:hierbij|graag|met deze brief))?/,
  /^naar aanleiding van (?:uw|het|de|ons|onze)\b(?: (?:brief|e-mail|mail|bericht|telefoongesprek|gesprek|verzoek|aanvraag|klacht|melding|schrijven))?(?: (?:van|d\.d\.|dd) #)?/,
  /^(?:op|d\.d\.) # (?:ontvingen|kregen|hebben) (?:wij|we) (?:uw|een|het)\b(?: (?:brief|e-mail|mail|bericht|verzoek|aanvraag|klacht|melding))?(?: ontvangen)?/,
  /^(?:wij|we) hebben uw (?:brief|e-mail|mail|bericht|verzoek|aanvraag|klacht|melding|schrijven)\b(?: (?:van|d\.d\.) #)?(?: in goede orde)? ontvangen/,
  /^(?:in antwoord op|onder verwijzing naar|verwijzend naar|refererend aan|in vervolg op|in aansluiting op) (?:uw|ons|onze|het|de)\b(?: (?:brief|e-mail|mail|bericht|verzoek|aanvraag|klacht|schrijven|telefoongesprek|gesprek))?(?: (?:van|d\.d\.) #)?/,
  /^u ontvangt (?:deze|dit|hierbij) (?:brief|schrijven)\b/,
  /^(?:wij|we) schrijven u (?:deze brief )?(?:omdat|naar aanleiding|in verband met)\b/,
];

export const coreMessageFirst: Rule<Options> = {
  meta: {
    id: 'core-message-first',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'De eerste alinea zegt waar de brief over gaat, zonder aanloop als "Middels deze brief" of "Hierbij informeren wij u".',
    rationale:
      'Veel huurders lezen alleen de eerste zinnen. Staat daar "Hierbij informeren wij u dat..." of "Op 3 maart ontvingen wij uw brief", dan moeten ze zoeken naar waar het om gaat. Begin met de boodschap zelf: "Uw huur gaat op 1 juli omhoog met € 23,-." of "U vroeg ons om een nieuwe keuken. Dat kan."',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { extra: { type: 'array', items: { type: 'string' }, description: 'Extra openingszinnen die als aanloop gelden (begin van de eerste zin).' } },
    },
    defaultOptions: { extra: [] },
    messages: {
      boilerplate: 'De brief begint met een aanloop: "{phrase}". Zeg in de eerste zin waar de brief over gaat.',
    },
    examples: {
      valid: [{ text: 'Beste mevrouw Jansen,\n\nUw huur gaat op 1 juli omhoog met € 23,-. In deze brief leest u waarom.\n' }],
      invalid: [
        { text: 'Beste mevrouw Jansen,\n\nMiddels deze brief informeren wij u over de jaarlijkse huuraanpassing.\n' },
        { text: 'Beste {{naam}},\n\nOp {{datum_brief}} ontvingen wij uw brief over de lekkage.\n', note: 'Een invulveld als datum telt ook.' },
      ],
    },
  },
  check({ doc, options, report }) {
    const greeting = findGreeting(doc);
    const from = greeting ? greeting.index + 1 : 0;
    const first = doc.blocks.slice(from).find((b) => b.role === 'body' && !/^(?:onderwerp|betreft)\s*:/i.test(doc.text.slice(b.start, b.end)));
    const sentence = first?.sentences[0];
    if (!sentence) return;
    const extra = options.extra.map((x) => new RegExp(`^${escapeRe(normalisePhrase(x))}\\b`));
    for (const re of [...extra, ...BOILERPLATE]) {
      const m = matchKey(sentence, re);
      if (m) {
        report({ messageId: 'boilerplate', data: { phrase: m.text }, start: m.start, end: m.end, actual: m.text });
        return;
      }
    }
  },
};
