import type { Rule, Sentence } from '../../types.js';
import { DATE_PLACEHOLDER, escapeRe, matchKey, normalisePhrase, sentenceKey } from './util.js';

interface Options {
  vaag: string[];
}

/** The letter asks the tenant to do something (pattern over the sentence key, see util.ts). */
const REQUEST: RegExp[] = [
  /\b(?:wilt|wil) (?:u|je|jij)\b(?! (?:meer weten|weten|hulp|dat (?:we|wij)|een afspraak maken als))/,
  /\b(?:u|je|jij) (?:moet|dient|moeten|dienen)\b/,
  /\b(?:(?:wij|we) (?:verzoeken|vragen) (?:u|je)|(?:verzoeken|vragen) (?:wij|we) (?:u|je)|(?:wij|we) willen (?:u|je) vragen)\b/,
  /\bgraag (?:ontvangen|horen|krijgen) (?:wij|we)\b/,
  /\bu bent verplicht\b/,
  /^(?:stuur|bel|betaal|vul|lever|maak|meld|zorg|geef|onderteken|teken|regel|ruim|verwijder|haal|breng|zet|kom|neem)\b/,
];

/** Contact and optional things: an offer to the tenant, which needs no deadline. */
const OFFER = /^(?:bel|mail|app|whatsapp|kijk|lees)\b|\b(?:neem|nemen) (?:gerust |dan |even )?contact\b|\bmaak (?:dan |gerust )?een afspraak\b|\b(?:misschien|eventueel|desgewenst|als u wilt|als je wilt)\b/;

/** Conditional offers ("Heeft u vragen? Bel ons.") are not requests. */
const CONDITIONAL = /\b(?:als|indien|wanneer|mocht|mits|zodra|gerust)\b|\b(?:heeft|hebt) u (?:nog )?vragen\b|\bmeer (?:weten|informatie)\b|\bvragen over\b/;

const WEEKDAY = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';
/** A concrete moment: a date, a weekday, "vandaag"/"morgen", or a date placeholder. */
const CONCRETE = new RegExp(`\\b(?:${WEEKDAY}|vandaag|morgen|overmorgen|per direct|direct|meteen|onmiddellijk)\\b`);

/** Deadlines a tenant cannot put in a calendar. */
const VAGUE: RegExp[] = [
  /\bbinnen (?:#|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|veertien|dertig) (?:werk)?(?:dagen|dag|weken|week|maanden|maand)(?: (?:na|vanaf|van) (?:dagtekening|(?:de )?ontvangst(?: van deze brief)?|(?:de )?datum van deze brief|deze brief))?/,
  /\bzo (?:spoedig|snel|vlug) mogelijk\b/,
  /\bper (?:omgaande|ommegaande)\b/,
  /\bop (?:korte|zo kort mogelijke) termijn\b/,
  /\bbinnen afzienbare tijd\b/,
  /\bbinnen de (?:gestelde|genoemde|wettelijke) termijn\b/,
  /\bz\.s\.m\b|\bzsm\b/,
  /\b(?:na|vanaf) dagtekening\b/,
];

function hasConcrete(s: Sentence): boolean {
  if (s.words.some((w) => w.kind === 'date' || (w.kind === 'placeholder' && DATE_PLACEHOLDER.test(w.text)))) return true;
  return CONCRETE.test(sentenceKey(s).key);
}

export const actionAndDeadline: Rule<Options> = {
  meta: {
    id: 'action-and-deadline',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'Vraagt de brief de huurder iets te doen, dan staat erbij wat en vóór welke datum, niet "binnen 8 dagen na dagtekening".',
    rationale:
      'Een huurder moet na het lezen weten wat hij moet doen en wanneer. "Binnen 8 dagen na dagtekening" of "zo spoedig mogelijk" dwingt hem te rekenen of te raden, en de brief ligt vaak dagen op de mat. Noem een datum die hij in zijn agenda kan zetten: "Betaal het bedrag vóór 15 maart." Gebruik in een sjabloon een invulveld voor de datum, bijvoorbeeld `{{uiterlijke_datum}}`.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { vaag: { type: 'array', items: { type: 'string' }, description: 'Extra vage termijnen, bijvoorbeeld "binnenkort".' } },
    },
    defaultOptions: { vaag: [] },
    messages: {
      vague: '"{phrase}" is geen datum. Noem een concrete datum, bijvoorbeeld "vóór 15 maart".',
      missing: 'Hier vraagt de brief de huurder iets te doen, maar niet vóór wanneer. Noem een concrete datum.',
    },
    examples: {
      valid: [
        { text: 'Beste mevrouw Jansen,\n\nWilt u het formulier vóór 15 maart terugsturen? Dat kan in de antwoordenvelop.\n' },
        { text: 'Beste {{naam}},\n\nBetaal het bedrag uiterlijk op {{uiterlijke_datum}}.\n' },
        { text: 'Beste mevrouw Jansen,\n\nHeeft u vragen? Bel ons dan op 010 123 45 67.\n', note: 'Een aanbod is geen opdracht.' },
      ],
      invalid: [
        { text: 'Beste mevrouw Jansen,\n\nWij verzoeken u het bedrag binnen 8 dagen na dagtekening over te maken.\n', note: 'Vage termijn.' },
        { text: 'Beste mevrouw Jansen,\n\nWilt u het formulier ingevuld terugsturen?\n', note: 'Geen datum.' },
      ],
    },
  },
  check({ doc, options, report }) {
    const vague = [...VAGUE, ...options.vaag.map((v) => new RegExp(`\\b${escapeRe(normalisePhrase(v))}\\b`))];
    // A concrete date anywhere in the same part of the letter (between two headings) counts:
    // "Op dinsdag 12 maart komt de monteur. ... - Zorg dat hij bij de ketel kan."
    const concreteSection = new Map<number, boolean>();
    const sectionHasDate = (section: number) => {
      let v = concreteSection.get(section);
      if (v === undefined) {
        // Body text, and the date and reference lines and tables of the same part ("Datum: 12 mei").
        v = doc.blocks.some((b) => b.section === section && (b.role === 'body' || b.role === 'reference' || b.role === 'date') && b.sentences.some(hasConcrete));
        concreteSection.set(section, v);
      }
      return v;
    };
    const isRequest = (key: string) => REQUEST.some((re) => re.test(key));
    for (const s of doc.sentences) {
      const role = s.block.role;
      if (role === 'closing' || role === 'signature' || role === 'greeting' || role === 'heading') continue;
      const key = sentenceKey(s).key;
      if (!isRequest(key)) continue;
      // "Zet geen spullen op het balkon": a standing prohibition, not a task with a deadline.
      if (/^\S+ (?:\S+ )?(?:geen|niets|niet|nooit)\b/.test(key) && !/\b(?:u|je) (?:moet|dient)\b/.test(key)) continue;
      // Only what the tenant is asked to do needs a date ("We komen zo snel mogelijk" is our promise).
      let vagueHere = false;
      for (const re of vague) {
        const m = matchKey(s, re);
        if (m) {
          report({ messageId: 'vague', data: { phrase: m.text }, start: m.start, end: m.end, actual: m.text });
          vagueHere = true;
          break;
        }
      }
      if (vagueHere || CONDITIONAL.test(key)) continue;
      // An offer, not a task: contact ("Bel mij op ...", "Maak een afspraak"), something optional
      // ("Misschien wilt u ..."), or the answer to an offer ("Wilt u ...? Maak dan een afspraak").
      if (OFFER.test(key) && !/\b(?:u|je) (?:moet|dient)\b/.test(key)) continue;
      if (/^\S+ dan\b/.test(key)) continue;
      // "Is er iets kapot? Meld het ons." / "Kunt u niet? Bel ons dan.": the question makes it conditional.
      const prev = doc.sentences[s.index - 1];
      if (prev && prev.block === s.block && prev.terminator === '?' && !isRequest(sentenceKey(prev).key)) continue;
      if (sectionHasDate(s.block.section)) continue;
      report({ messageId: 'missing', start: s.start, end: s.end });
    }
  },
};
