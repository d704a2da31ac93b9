import { offerIn } from '../../judgement/context.js';
import { findBadNews, nextStepAfter } from '../../judgement/bad-news.js';
import { findRefusals, isLetterBody, refusalRange } from '../../judgement/refusals.js';
import type { Rule, Sentence } from '../../types.js';

export const refusalWithoutAlternative: Rule = {
  meta: {
    id: 'refusal-without-alternative',
    category: 'no-phrasing',
    defaultSeverity: 'error',
    description: 'Een brief (of een deel onder een tussenkop) die nee zegt of slecht nieuws brengt (opzegging, uitstel, sloop), biedt ergens een alternatief, een volgende stap of hulp aan.',
    rationale:
      'Een brief die alleen nee zegt, laat de huurder met lege handen staan. Zeg wat wel kan ("Wel kunnen we ..."), wat de volgende stap is ("U kunt bezwaar maken bij ..."), of bied aan om mee te denken ("Bel mij, dan kijken we samen wat wel kan"). De standaardzin "Heeft u vragen? Bel ons." telt niet als alternatief: die staat in elke brief. Heeft de brief tussenkoppen, dan kijkt de regel per deel; een alternatief in een later deel ("Wat kunt u wel doen?") telt mee.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      letter: 'Deze brief zegt nee ("{actual}") en biedt nergens een alternatief, volgende stap of hulp aan. Zeg wat wel kan, of bied aan om samen te kijken.',
      section: 'Dit deel van de brief zegt nee ("{actual}") en biedt nergens een alternatief, volgende stap of hulp aan. Zeg wat wel kan, of bied aan om samen te kijken.',
      news: 'Deze brief brengt slecht nieuws ("{actual}") en zegt nergens wat er nu gebeurt of wat de huurder kan doen. Noem de volgende stap en bied hulp aan.',
      newsSection: 'Dit deel van de brief brengt slecht nieuws ("{actual}") en zegt nergens wat er nu gebeurt of wat de huurder kan doen. Noem de volgende stap en bied hulp aan.',
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
    limits: [
      {
        text: 'Alleen wat de regel refusal als nee herkent; een nee zonder ontkenning mist hij ook hier.',
        example: 'Er is op dit moment geen parkeerplek vrij.',
      },
    ],
  },
  check({ doc, report }) {
    // "Helaas kan de monteur morgen niet komen. Hij komt nu op donderdag 14 maart." says what happens instead.
    const refusals = findRefusals(doc).filter((r) => !nextStepAfter(doc, r.sentence, r.hit.end));
    // Bad news (a termination, a delay, a demolition) needs a next step just as a refusal does;
    // a delay is answered by a new date or a promise to say when.
    const news = findBadNews(doc).filter((n) => n.kind !== 'delay' || !nextStepAfter(doc, n.sentence, n.start, true));
    if (refusals.length === 0 && news.length === 0) return;
    // The news itself is no offer: "De gemaakte afspraak komt te vervallen" names an appointment, it offers none.
    const newsSentences = new Set(findBadNews(doc).map((n) => n.sentence));
    const body = doc.sentences.filter(isLetterBody);
    const sections = new Set(body.map((s) => s.block.section));
    const bySection = sections.size > 1;
    // The furthest section with a strong alternative.
    // In a refusal's own sentence the refusal is no offer ("uw aanvraag voor een betalingsregeling is afgewezen").
    const refused = new Map(findRefusals(doc).map((r) => [r.sentence, refusalRange(r.hit)]));
    const offers = body.filter((s) => !newsSentences.has(s) && offerIn(doc, s, 0, refused.get(s)) === 'strong');
    const lastOfferSection = offers.reduce((max, s) => Math.max(max, s.block.section), -1);
    const items: { sentence: Sentence; start: number; end: number; news: boolean }[] = [
      ...refusals.map((r) => ({ sentence: r.sentence, start: r.hit.start, end: r.hit.end, news: false })),
      ...news.map((n) => ({ sentence: n.sentence, start: n.start, end: n.end, news: true })),
    ].sort((a, b) => a.start - b.start);
    const reported = new Set<number>();
    for (const r of items) {
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

    function reportAt(r: { start: number; end: number; news: boolean }) {
      const actual = doc.text.slice(r.start, r.end);
      report({
        messageId: r.news ? (bySection ? 'newsSection' : 'news') : bySection ? 'section' : 'letter',
        data: { actual },
        start: r.start,
        end: r.end,
        actual,
        expected: r.news
          ? ['Wat er nu gebeurt: ...', 'Wij helpen u met ...', 'Bel mij op [telefoon], dan bespreken we wat dit voor u betekent.']
          : ['Wat we wel kunnen doen: ...', 'Bel mij op [telefoon], dan kijken we samen wat wel kan.', 'Bent u het niet eens met dit besluit? Dan kunt u ...'],
        note: r.news
          ? 'Slecht nieuws zonder volgende stap laat de huurder met vragen zitten: wat gebeurt er nu, wanneer, en wie helpt? "Heeft u vragen? Bel ons." telt niet als volgende stap.'
          : 'Een nee zonder alternatief laat de huurder met lege handen staan. "Heeft u vragen? Bel ons." telt niet als alternatief.',
      });
    }
  },
};
