import type { Block, Rule, Word } from '../../types.js';

/** Words that are not a person's name in a signature. */
const NOT_NAME = new Set(
  [
    'met', 'vriendelijke', 'hartelijke', 'warme', 'groet', 'groeten', 'hoogachtend', 'namens', 'afdeling', 'team', 'klantenservice',
    'klantcontactcentrum', 'woonconsulent', 'woonconsulente', 'medewerker', 'medewerkster', 'klantadviseur', 'consulent', 'manager',
    'directeur', 'directie', 'bestuur', 'verhuur', 'verhuurmakelaar', 'incasso', 'huurincasso', 'onderhoud', 'beheer', 'wonen',
    'woonstichting', 'woningcorporatie', 'woningstichting', 'stichting', 'corporatie', 'bewonerszaken', 'huurzaken', 'klantzaken',
    'servicecentrum', 'tel', 'telefoon', 'e-mail', 'email', 'mail', 'bereikbaar', 'op', 'van', 'tot', 'uur', 'maandag', 'dinsdag',
    'woensdag', 'donderdag', 'vrijdag', 'en', 'of', 'via', 'adviseur', 'coördinator', 'projectleider', 'opzichter', 'huismeester',
    'wijkbeheerder', 'sociaal', 'beheerder',
  ],
);
const TUSSENVOEGSEL = new Set(['de', 'van', 'der', 'den', 'ter', 'ten', 'het', "'t", 'in', 'op', 'la', 'le', 'el', 'al', 'da', 'di', 'du', 'von', 'te']);
const DEPARTMENT = /\b(?:afdeling|team|klantenservice|klantcontactcentrum|servicecentrum|(?:huur)?incasso|verhuur|bewonerszaken|huurzaken|klantzaken|directie|bestuur)\b/i;
const CONTACT_PLACEHOLDER = /tel|phone|mobiel|mail/i;
const NAME_PLACEHOLDER = /naam|name|medewerker|afzender|ondertekenaar|contactpersoon|consulent/i;

function isCapitalised(w: Word): boolean {
  return w.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(w.text) && !NOT_NAME.has(w.lower) && !/(?:zaken|beheer|dienst|service|incasso|wonen|groep)$/.test(w.lower);
}

/** A person's name: two capitalised words (tussenvoegsels between), or a name placeholder. */
function hasPersonName(blocks: readonly Block[], orgWords: Set<string>): boolean {
  for (const b of blocks) {
    for (const s of b.sentences) {
      let run = 0;
      for (const w of s.words) {
        if (w.kind === 'placeholder' && NAME_PLACEHOLDER.test(w.text) && !/afdeling|organisatie|corporatie/i.test(w.text)) return true;
        // Initials count as a first name: "A.C. Rijkaart", "J. de Vries".
        const initials = /^(?:\p{Lu}\.){1,4}$/u.test(w.text);
        if ((isCapitalised(w) || initials) && !orgWords.has(w.lower)) {
          run++;
          if (run >= 2) return true;
        } else if (!(run > 0 && TUSSENVOEGSEL.has(w.lower))) run = 0;
      }
    }
  }
  return false;
}

export const namedContact: Rule = {
  meta: {
    id: 'named-contact',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'Onder de brief staat een persoon met naam en een telefoonnummer of e-mailadres, niet alleen een afdeling.',
    rationale:
      'Een huurder met een vraag wil weten wie hij kan bellen. "Afdeling Verhuur" is niemand; "Jan de Vries, woonconsulent, 010 123 45 67" wel. Een naam en een nummer geven vertrouwen en maken de drempel om te bellen lager.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      department: 'De brief is ondertekend door een afdeling. Zet de naam van een medewerker eronder.',
      noName: 'Onder de brief staat geen naam van een medewerker.',
      noContact: 'De brief noemt geen telefoonnummer of e-mailadres waar de huurder terecht kan.',
    },
    examples: {
      valid: [{ text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries  \nWoonconsulent  \n010 123 45 67\n' }],
      invalid: [
        { text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nAfdeling Verhuur\n', note: 'Alleen een afdeling, geen nummer.' },
      ],
    },
  },
  check({ doc, config, report }) {
    const closingAt = doc.blocks.findIndex((b) => b.role === 'closing');
    const signature = closingAt >= 0 ? doc.blocks.slice(closingAt) : doc.blocks.slice(-2).filter((b) => b.role !== 'heading');
    if (signature.length === 0) return;
    const orgWords = new Set((config.organisatie.naam ?? '').toLowerCase().split(/\s+/).filter(Boolean));
    const start = signature[0]!.start;
    const end = signature[signature.length - 1]!.end;
    if (!hasPersonName(signature, orgWords)) {
      const sigText = doc.text.slice(start, end);
      const department = DEPARTMENT.test(sigText);
      // impersonal reports a department-only signature too; one finding per place is enough.
      if (!department || !config.rules['impersonal']) report({ messageId: department ? 'department' : 'noName', start, end });
    }
    // Contact details may also stand in the body ("Bel Jan de Vries op 010 ...", "Laat het ons weten via [E-mail]").
    const lastBody = doc.blocks.slice(0, closingAt >= 0 ? closingAt : doc.blocks.length).filter((b) => b.role === 'body');
    // Or in the letterhead and reference lines ("Behandeld door: ...", "Telefoon: ...") and contact lines.
    const layout = doc.blocks.filter((b) => b.role === 'reference' || b.role === 'contact' || b.role === 'sender');
    const hasContact = [...lastBody, ...layout, ...signature].some((b) =>
      b.sentences.some((s) => s.words.some((w) => w.kind === 'phone' || w.kind === 'email' || (w.kind === 'placeholder' && CONTACT_PLACEHOLDER.test(w.text)))),
    );
    if (!hasContact) report({ messageId: 'noContact', start, end });
  },
};
