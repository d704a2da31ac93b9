import { offerIn } from '../../judgement/context.js';
import { findRefusals, isLetterBody, type Refusal } from '../../judgement/refusals.js';
import type { Rule } from '../../types.js';

export const refusalWithoutAlternative: Rule = {
  meta: {
    id: 'refusal-without-alternative',
    category: 'no-phrasing',
    defaultSeverity: 'error',
    description: 'Een brief (of een deel onder een tussenkop) die nee zegt, biedt ergens een alternatief, een volgende stap of hulp aan.',
    rationale:
      'Een brief die alleen nee zegt, laat de huurder met lege handen staan. Zeg wat wel kan ("Wel kunnen we ..."), wat de volgende stap is ("U kunt bezwaar maken bij ..."), of bied aan om mee te denken ("Bel mij, dan kijken we samen wat wel kan"). De standaardzin "Heeft u vragen? Bel ons." telt niet als alternatief: die staat in elke brief. Heeft de brief tussenkoppen, dan kijkt de regel per deel; een alternatief in een later deel ("Wat kunt u wel doen?") telt mee.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      letter: 'Deze brief zegt nee ("{actual}") en biedt nergens een alternatief, volgende stap of hulp aan. Zeg wat wel kan, of bied aan om samen te kijken.',
      section: 'Dit deel van de brief zegt nee ("{actual}") en biedt nergens een alternatief, volgende stap of hulp aan. Zeg wat wel kan, of bied aan om samen te kijken.',
    },
    examples: {
      valid: [
        {
          text: 'Beste mevrouw Jansen,\n\nUw aanvraag voor een dakkapel hebben we bekeken. Een dakkapel is bij uw woning helaas niet mogelijk, omdat het huis een monument is.\n\nWel kunt u een dakraam laten plaatsen. Bel mij, dan kijken we samen wat het beste past.\n\nMet vriendelijke groet,\n\nSanne de Vries',
        },
      ],
      invalid: [
        {
          text: 'Beste mevrouw Jansen,\n\nUw aanvraag voor een dakkapel is afgewezen. Dit is conform ons beleid.\n\nHeeft u vragen? Bel ons dan op 020 123 45 67.\n\nMet vriendelijke groet,\n\nSanne de Vries',
          note: 'Alleen een nee en de standaardzin over vragen.',
        },
      ],
    },
  },
  check({ doc, report }) {
    const refusals = findRefusals(doc);
    if (refusals.length === 0) return;
    const body = doc.sentences.filter(isLetterBody);
    const sections = new Set(body.map((s) => s.block.section));
    const bySection = sections.size > 1;
    // The furthest sentence index with a strong alternative, per section and for the whole letter.
    const offers = body.filter((s) => offerIn(doc, s) === 'strong');
    const lastOfferSection = offers.reduce((max, s) => Math.max(max, s.block.section), -1);
    const reported = new Set<number>();
    for (const r of refusals) {
      const section = r.sentence.block.section;
      if (bySection) {
        if (reported.has(section)) continue;
        // An alternative in this section, or in a later one ("## Wat kunt u wel doen?").
        if (lastOfferSection >= section) continue;
      } else if (offers.length > 0) {
        return;
      }
      reported.add(section);
      reportAt(r);
      if (!bySection) return;
    }

    function reportAt(r: Refusal) {
      const actual = doc.text.slice(r.hit.start, r.hit.end);
      report({
        messageId: bySection ? 'section' : 'letter',
        data: { actual },
        start: r.hit.start,
        end: r.hit.end,
        actual,
        expected: ['Wat we wel kunnen doen: ...', 'Bel mij op [telefoon], dan kijken we samen wat wel kan.', 'Bent u het niet eens met dit besluit? Dan kunt u ...'],
        note: 'Een nee zonder alternatief laat de huurder met lege handen staan. "Heeft u vragen? Bel ons." telt niet als alternatief.',
      });
    }
  },
};
