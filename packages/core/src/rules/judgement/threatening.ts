import { offersHelpOrContact } from '../../judgement/context.js';
import type { LetterDocument, Rule } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

const FORMAL_NOTICE = new Set(['aanmaning', 'sommatie', 'ingebrekestelling']);

/** The entries that report a legal actor or step by its name (deurwaarder, rechter, ontruiming). */
const LEGAL_MENTION = new Set(['deurwaarder', 'ontruiming']);
/** What the tenant can still do, or the help we give, in the same sentence. */
const HELP = /\b(?:voorkomen|graag|uitleggen|ophalen|afspraak|regeling|betalingsregeling|verhaal|bellen|bel|helpen|hulp|terecht|laten\s+(?:we|wij)\s+(?:je|u|jou)\s+(?:dat\s+)?weten)\b/i;
/** A condition, an escalation or a negation: then the legal word still works as a threat. */
const ESCALATION = /\b(?:anders|zo\s+niet|niet|geen|indien|tenzij|genoodzaakt|zullen|zal|leiden|dreigt|alsnog|uiteindelijk)\b/i;

/**
 * A legal step named as information once it is under way ("Op 8 september behandelt de kantonrechter
 * de zaak; u mag daar zelf uw kant van het verhaal vertellen", "Uw spullen kunt u na de ontruiming
 * ophalen bij het depot"): the sentence tells what the tenant can do, and nothing in it makes the
 * step a condition or an escalation. Naming the court date is not threatening with the court.
 */
function informational(text: string): boolean {
  return HELP.test(text) && !ESCALATION.test(text);
}

/** A letter marked as a formal notice in its front matter (`type: aanmaning` or `sommatie`). */
export function isFormalNotice(doc: LetterDocument): boolean {
  const data = doc.frontMatter?.data;
  const v = data?.['type'] ?? data?.['soort'];
  if (typeof v === 'string') return FORMAL_NOTICE.has(v.trim().toLowerCase());
  // A letter without front matter says what it is in its subject line: "Betreft: tweede herinnering huurachterstand".
  const subject = doc.blocks.find((b) => b.role === 'subject' || (b.role === 'heading' && b.index < 3));
  return !!subject && NOTICE_SUBJECT.test(doc.text.slice(subject.start, subject.end));
}
/** A formal notice, not a first reminder: "no threats in a first letter". */
const NOTICE_SUBJECT = /\b(?:aanmaning|sommatie|ingebrekestelling|(?:tweede|derde|laatste)\s+(?:betalings)?herinnering)\b/i;

export const threatening: Rule = {
  meta: {
    id: 'threatening',
    category: 'tone',
    defaultSeverity: 'error',
    description: 'Geen dreigementen ("juridische stappen", "deurwaarder", "ontruiming") in gewone brieven; een aanmaning biedt ook hulp.',
    rationale:
      'Dreigen maakt bang en werkt zelden: een huurder met schulden legt de brief weg. Zeg feitelijk wat er gebeurt, en bied eerst hulp aan ("Bel ons, dan zoeken we samen een oplossing"). In een formele aanmaning of sommatie (front matter `type: aanmaning` of `type: sommatie`) mag u de gevolgen noemen: dan is dit een waarschuwing. Maar ook zo\'n brief biedt hulp of contact aan; anders blijft het een fout.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      threat: 'Dit klinkt als een dreigement ("{actual}"). Zeg feitelijk wat er gebeurt, en bied hulp aan.',
      noticeWithoutHelp: 'Deze aanmaning noemt gevolgen ("{actual}"), maar biedt geen hulp of contact aan. Zeg wie de huurder kan bellen, en dat een betalingsregeling kan.',
    },
    examples: {
      valid: [
        { text: 'We hebben uw huur van maart nog niet ontvangen. Lukt betalen niet? Bel ons, dan zoeken we samen een oplossing.' },
        { text: 'Geen zorgen: wij schakelen geen deurwaarder in als u een betalingsregeling met ons afspreekt.' },
      ],
      invalid: [
        { text: 'Betaalt u niet, dan zien wij ons genoodzaakt juridische stappen te ondernemen.', note: 'Wordt: "Betaalt u niet voor 1 mei? Dan moeten we ... Bel ons, dan zoeken we samen een oplossing."' },
        { text: 'De extra kosten van de deurwaarder zijn helaas ook voor u.' },
      ],
    },
    limits: [
      {
        text: 'Een dreiging in algemene woorden, zonder sanctie, kosten of voorwaarde.',
        example: 'Wij treden hard op tegen woonfraude.',
      },
      {
        text: 'Een ontzegging als gevolg in een redenzin.',
        example: 'Omdat je drie keer een woning hebt geweigerd, vervalt je inschrijving.',
      },
    ],
  },
  check({ doc, report }) {
    const hits = phraseHits(doc, 'threatening', (hit, sentence) => !(LEGAL_MENTION.has(hit.value.id) && informational(doc.text.slice(sentence.start, sentence.end))));
    if (hits.length === 0) return;
    const formal = isFormalNotice(doc);
    const help = formal && offersHelpOrContact(doc);
    hits.forEach(({ hit }, i) => {
      const r = phraseReport(doc, hit, 'threat');
      if (formal && help) report({ ...r, severity: 'warning', note: `${r.note} In een aanmaning mag u de gevolgen noemen; houd het feitelijk.` });
      else if (formal && i === 0) report({ ...r, messageId: 'noticeWithoutHelp', expected: ['Lukt betalen niet? Bel ons op [telefoon], dan maken we samen een betalingsregeling.'] });
      else report(r);
    });
  },
};
