import { maskPlaceholders } from '../../engine/placeholders.js';
import { PHONE } from '../../engine/special.js';
import { SpanSet } from '../../engine/spans.js';
import type { BlockRole, LetterDocument, Rule } from '../../types.js';

interface Options {
  bsn: boolean;
  iban: boolean;
  geboortedatum: boolean;
  telefoon: boolean;
  email: boolean;
}

/** Dutch BSN check ("11-proef"): 9 digits, 9×d1 + 8×d2 + ... + 2×d8 − d9 divisible by 11. */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** IBAN check (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function passesIbanCheck(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Shows the first characters only: `1234*****`. Findings never echo a full number. */
export function maskValue(value: string, keep = 4): string {
  const compact = value.replace(/[\s.-]/g, '');
  return compact.slice(0, keep) + '*'.repeat(Math.max(3, compact.length - keep));
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}${'*'.repeat(Math.max(3, at - 1))}${email.slice(at)}`;
}

/** 0612345678, +31 6 1234 5678, 010-123 45 67 → 0612345678 / 0101234567. */
export function normalisePhone(p: string): string {
  let d = p.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
  if (d.startsWith('+31')) d = `0${d.slice(3)}`;
  else if (d.startsWith('0031')) d = `0${d.slice(4)}`;
  return d;
}

/** Personal e-mail providers: an address there is never the corporation's. */
const PERSONAL_DOMAINS = /@(?:gmail\.com|googlemail\.com|hotmail\.(?:com|nl)|outlook\.(?:com|nl)|live\.(?:com|nl)|msn\.com|yahoo\.(?:com|nl)|icloud\.com|me\.com|ziggo\.nl|kpnmail\.nl|kpnplanet\.nl|planet\.nl|home\.nl|xs4all\.nl|upcmail\.nl|casema\.nl|telfort\.nl|hetnet\.nl|online\.nl|tele2\.nl|caiway\.nl|proton(?:mail)?\.(?:com|me))$/i;

const BSN = /(?<![\p{L}\p{N}.,€-])(\d{4}\.\d{2}\.\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{9})(?![\p{N}]|[.,]\d)/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DATE = String.raw`(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:${MONTHS})\s+\d{4})`;
const BIRTH = new RegExp(String.raw`\b(?:geboren\s+(?:op\s+)?|geboortedatum\s*:?\s*|geb\.\s*(?:datum\s*:?\s*)?|geboortedag\s*:?\s*|date of birth\s*:?\s*|born\s+(?:on\s+)?)(${DATE})`, 'giu');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const EMAIL_AT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/uy;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;

/**
 * The matches of EMAIL, found from each "@" instead of trying the pattern at
 * every offset (most of the rule's time). A match needs an unbroken run of
 * local-part characters ending at its "@", so the leftmost match for that "@"
 * starts where the run starts; if it fails there it fails for the whole run.
 * Text with surrogate pairs takes the plain regex (the backward scan is per code unit).
 */
function* emails(text: string): Generator<{ index: number; value: string }> {
  if (/[\uD800-\uDFFF]/.test(text)) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) yield { index: m.index, value: m[0] };
    return;
  }
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', Math.max(from, at + 1))) {
    let p = at;
    while (p > from && LOCAL_CHAR.test(text[p - 1]!)) p--;
    if (p === at) continue;
    EMAIL_AT.lastIndex = p;
    const m = EMAIL_AT.exec(text);
    if (!m) continue;
    yield { index: p, value: m[0] };
    from = p + m[0].length;
  }
}

export const personalData: Rule<Options> = {
  meta: {
    id: 'personal-data',
    category: 'privacy',
    defaultSeverity: 'error',
    description:
      'De brief of het sjabloon bevat geen persoonsgegevens: geen BSN, geen IBAN, geen geboortedatum en geen telefoonnummer of e-mailadres dat niet van de organisatie is.',
    rationale:
      'Een sjabloon hoort geen gegevens van een echte huurder te bevatten: een voorbeeldbrief met een echt BSN of rekeningnummer komt zo bij de verkeerde persoon terecht, en dat is een datalek. huurbrief herkent een BSN aan de 11-proef en een IBAN aan de controle op het getal (mod 97), zodat gewone nummers geen melding geven. De eigen IBAN-nummers, telefoonnummers en e-maildomeinen van de organisatie zet u in de configuratie (`organisatie: {iban, telefoon, domeinen}`). Nummers en adressen waarmee de brief de afzender bereikbaar maakt, zijn geen persoonsgegevens: in het briefhoofd, in kenmerk- en contactregels, onder de groet, in een zin als "Bel ons op ..." of "Mail naar ...", en algemene postbussen als info@ en klantenservice@ (behalve adressen bij gmail, hotmail en dergelijke). Heeft u de eigen gegevens in de configuratie gezet en staat zo’n nummer er niet in, dan krijgt u een melding (geen fout) met de vraag het toe te voegen. De melding toont het nummer nooit helemaal.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bsn: { type: 'boolean', description: 'Zoek BSN-nummers (11-proef).' },
        iban: { type: 'boolean', description: 'Zoek IBAN-nummers die niet van de organisatie zijn.' },
        geboortedatum: { type: 'boolean', description: 'Zoek geboortedatums.' },
        telefoon: { type: 'boolean', description: 'Zoek telefoonnummers die niet van de organisatie zijn.' },
        email: { type: 'boolean', description: 'Zoek e-mailadressen die niet van de organisatie zijn.' },
      },
    },
    defaultOptions: { bsn: true, iban: true, geboortedatum: true, telefoon: true, email: true },
    messages: {
      bsn: 'Hier staat een burgerservicenummer ({masked}). Zet er een invulveld voor in de plaats.',
      iban: 'Hier staat een IBAN ({masked}) dat niet van uw organisatie is. Gebruik een invulveld, of zet het nummer in organisatie.iban als het van uw organisatie is.',
      birth: 'Hier staat een geboortedatum ({masked}). Zet er een invulveld voor in de plaats.',
      phone: 'Hier staat een telefoonnummer ({masked}) dat niet van uw organisatie is. Gebruik een invulveld, of zet het nummer in organisatie.telefoon.',
      email: 'Hier staat een e-mailadres ({masked}) dat niet van uw organisatie is. Gebruik een invulveld, of zet het domein in organisatie.domeinen.',
      ownIban: 'Dit rekeningnummer ({masked}) lijkt van uw organisatie. Zet het in organisatie.iban, dan weet huurbrief dat zeker.',
      ownPhone: 'Dit telefoonnummer ({masked}) lijkt van uw organisatie. Zet het in organisatie.telefoon, dan weet huurbrief dat zeker.',
      ownEmail: 'Dit e-mailadres ({masked}) lijkt van uw organisatie. Zet het domein in organisatie.domeinen, dan weet huurbrief dat zeker.',
      personalOffered: 'Dit e-mailadres ({masked}) is van een persoonlijke maildienst. Is het bedoeld om te delen (bijvoorbeeld van de bewonerscommissie)? Dan is het goed; is het van een huurder, gebruik dan een invulveld.',
    },
    examples: {
      valid: [
        { text: 'Beste {{naam}},\n\nUw burgerservicenummer is {{bsn}}. Maak het bedrag over naar NL91 ABNA 0417 1643 00.\n', config: { organisatie: { iban: ['NL91ABNA0417164300'] } } },
        { text: 'Beste mevrouw Jansen,\n\nHeeft u vragen? Bel ons op 010 123 45 67.\n', config: { organisatie: { telefoon: ['010 123 45 67'] } } },
      ],
      invalid: [
        { text: 'Beste mevrouw Jansen,\n\nUw BSN is 111222333.\n', note: '111222333 haalt de 11-proef.' },
        { text: 'Beste mevrouw Jansen,\n\nWij storten het bedrag op NL20 INGB 0001 2345 67.\n', note: 'Een geldige IBAN die niet van de organisatie is.' },
        { text: 'Beste mevrouw Jansen (geboren op 3 mei 1961),\n', note: 'Een geboortedatum.' },
      ],
    },
  },
  check({ doc, options, config, report }) {
    // Placeholders are masked, so `{{bsn}}` never matches and offsets stay put.
    const text = maskPlaceholders(doc.text, doc.placeholders);
    const taken: { start: number; end: number }[] = [];
    const free = (s: number, e: number) => !taken.some((t) => s < t.end && e > t.start);
    const own = (list: readonly string[], norm: (x: string) => string) => new Set(list.map(norm));
    const ownIban = own(config.organisatie.iban, (x) => x.replace(/\s+/g, '').toUpperCase());
    const ownPhone = own(config.organisatie.telefoon, normalisePhone);
    const ownDomains = config.organisatie.domeinen.map((d) => d.toLowerCase().replace(/^@/, ''));
    const senderAt = senderContext(doc);
    const bodyOffer = (start: number, end: number) => senderAt(start, end) && doc.blocks.some((b) => b.role === 'body' && b.start <= start && start < b.end);
    // The organisation's own details (letterhead, contact lines, signature, "Bel ons op ...")
    // are no personal data. Declared in `organisatie`, they are never reported; otherwise
    // they are silent while nothing is declared, and an info suggesting to declare them when
    // the list exists but misses this one.
    const ownOrInfo = (declared: boolean, listed: boolean, start: number, end?: number): 'own' | 'info' | 'report' => {
      if (listed) return 'own';
      if (!senderAt(start, end)) return 'report';
      return declared ? 'info' : 'own';
    };

    if (options.iban) {
      IBAN.lastIndex = doc.frontMatter?.end ?? 0;
      for (let m = IBAN.exec(text); m; m = IBAN.exec(text)) {
        const v = m[0].replace(/\s+/g, '');
        const start = m.index;
        const end = start + m[0].length;
        // An account number that fails the check is no IBAN to report, but its digits are no phone number either.
        taken.push({ start, end });
        if (!passesIbanCheck(v)) continue;
        const verdict = ownOrInfo(ownIban.size > 0, ownIban.has(v), start, end);
        if (verdict === 'own') continue;
        const masked = maskValue(v);
        if (verdict === 'info') report({ messageId: 'ownIban', data: { masked }, start, end, severity: 'info' });
        else report({ messageId: 'iban', data: { masked }, start, end });
      }
    }
    if (options.geboortedatum) {
      BIRTH.lastIndex = 0;
      for (let m = BIRTH.exec(text); m; m = BIRTH.exec(text)) {
        const date = m[1]!;
        const start = m.index + m[0].length - date.length;
        taken.push({ start, end: start + date.length });
        report({ messageId: 'birth', data: { masked: date.replace(/\d/g, '*') }, start, end: start + date.length });
      }
    }
    if (options.email) {
      for (const m of emails(text)) {
        const e = m.value;
        const start = m.index;
        const end = start + e.length;
        taken.push({ start, end });
        const domain = e.slice(e.indexOf('@') + 1).toLowerCase();
        const masked = maskEmail(e);
        // The header of an e-mail ("Aan: ...", "Van: ...") names its own addressee and sender.
        if (EMAIL_HEADER.test(doc.text.slice(doc.text.lastIndexOf('\n', start) + 1, start))) continue;
        if (PERSONAL_DOMAINS.test(e)) {
          // A gmail or hotmail address that a body sentence offers as the way to reach someone
          // ("Stuur het naar de bewonerscommissie: ...") is shared on purpose: ask, do not fail.
          // Under the closing or in the letterhead it stays an error: a colleague's private address.
          if (bodyOffer(start, end)) report({ messageId: 'personalOffered', data: { masked }, start, end, severity: 'info' });
          else report({ messageId: 'email', data: { masked }, start, end });
          continue;
        }
        const listed = ownDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
        // A generic mailbox (info@, klantenservice@, verhuur@) is an organisation's wherever it stands.
        const generic = GENERIC_MAILBOX.test(e.slice(0, e.indexOf('@')));
        const verdict = listed ? 'own' : generic ? (ownDomains.length ? 'info' : 'own') : ownOrInfo(ownDomains.length > 0, false, start);
        if (verdict === 'own') continue;
        if (verdict === 'info') report({ messageId: 'ownEmail', data: { masked }, start, end, severity: 'info' });
        else report({ messageId: 'email', data: { masked }, start, end });
      }
    }
    if (options.telefoon) {
      PHONE.lastIndex = 0;
      for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!free(start, end)) continue;
        taken.push({ start, end });
        const n = normalisePhone(m[0]);
        if (/^0(?:800|900|90[69])/.test(n)) continue; // service numbers are never personal
        const verdict = ownOrInfo(ownPhone.size > 0, ownPhone.has(n), start);
        if (verdict === 'own') continue;
        const masked = maskValue(n);
        if (verdict === 'info') report({ messageId: 'ownPhone', data: { masked }, start, end, severity: 'info' });
        else report({ messageId: 'phone', data: { masked }, start, end });
      }
    }
    if (options.bsn) {
      const busy = new SpanSet(taken);
      BSN.lastIndex = 0;
      for (let m = BSN.exec(text); m; m = BSN.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (busy.overlaps(start, end)) continue;
        const digits = m[0].replace(/\D/g, '');
        if (!passesElfproef(digits)) continue;
        report({ messageId: 'bsn', data: { masked: maskValue(digits) }, start, end });
      }
    }
  },
};

/** Mailboxes of an organisation, never of a person. */
const GENERIC_MAILBOX =
  /^(?:info|informatie|klantenservice|klantcontact|service|contact|post|secretariaat|receptie|verhuur|verhuring|woonruimte|onderhoud|reparatie|reparaties|reparatieverzoek(?:en)?|storing(?:en)?|incasso|huurincasso|huur|debiteuren|financien|administratie|klachten|klachtencommissie|bewonerszaken|bewonerscommissie|woonconsulent(?:en)?|wijkbeheer|leefbaarheid|renovatie|projecten|communicatie|noreply|no-reply|hallo|welkom|vragen|servicedesk|helpdesk)(?:[._-][\p{L}\p{N}]+)?$/iu;

/** Parts of the letter where the sender's own details stand: letterhead, reference and contact lines, closing, signature. */
const SENDER_ROLES = new Set<BlockRole>(['sender', 'reference', 'contact', 'closing', 'signature', 'enclosure', 'date', 'subject']);

/**
 * A sentence that offers the number, address or account as the way to reach
 * (or pay) the sender: "Bel ons op ...", "mail naar ...", "Wij zijn bereikbaar
 * op ...", "Maak het bedrag over naar ...". Someone else's details ("uw
 * dochter is bereikbaar op ...", "uw rekening ...") are not offered.
 */
const OFFER = new RegExp(
  [
    String.raw`\b(?:bel|belt|bellen|mail|mailt|mailen|e-?mail|e-?mailt|e-?mailen|app|appt|appen|whatsapp|whatsappt|sms|sms't|stuur|stuurt|sturen)\b.*\b(?:ons|onze|mij|me|naar|op|via)\b`,
    String.raw`\b(?:wij|we|ik|onze?\s+\p{L}+|de\s+(?:klantenservice|storingsdienst|receptie|afdeling\s+\p{L}+|woonconsulent|huismeester|wijkbeheerder|opzichter))\b.*\bbereikbaar\b`,
    String.raw`\b(?:ons|onze|mijn)\s+(?:\p{L}+\s+)?(?:telefoonnummer|nummer|e-?mailadres|mailadres|whatsapp-?nummer|rekeningnummer|rekening|iban)\b`,
    String.raw`\bcontact\b.*\b(?:op|via|met)\b`,
    // "U bereikt mij op ...", "U kunt ons bereiken via ...".
    String.raw`\b(?:bereikt?|bereiken)\s+(?:mij|me|ons)\b|\b(?:mij|me|ons)\s+(?:\p{L}+\s+)?(?:bereikt?|bereiken)\b`,
    // The tenant pays the sender: "Maak het bedrag over naar ...", "U betaalt op rekening ..."; not "Wij storten ... op".
    String.raw`(?:^|[^\p{L}])(?:maak|betaal|u\s+(?:maakt|betaalt)|je\s+(?:maakt|betaalt)|overmaken|over\s+te\s+maken|te\s+betalen)\b.*\b(?:naar|op|via)\b`,
    String.raw`\b(?:t\.n\.v\.|ten\s+name\s+van)\b`,
    String.raw`\b(?:telefonisch|per\s+e-?mail|per\s+mail)\b`,
    // "... of bel 078 ...", "Dat kan via 078 ... of via keuken@...", "(bel gerust) 078 ...".
    String.raw`\b(?:bel|belt|bellen|app|appt|sms|whatsapp|mail|mailt|e-?mail|via)\s+(?:dan\s+|gerust\s+|even\s+|ons\s+)?$`,
    // A contact word anywhere before it: "Bellen kan ook: 038 ...", "U bereikt haar op ...",
    // "Kees is bereikbaar op ...", "belt u 038 ..." (someone else's number is ruled out by NOT_OURS).
    String.raw`\b(?:bel|belt|bellen|mail|mailt|mailen|e-?mail(?:en|t)?|app|appt|appen|whatsapp|sms|bereik|bereikt|bereiken|bereikbaar|telefonisch|telefoon|tel|mobiel|contact|spreekuur|storingsdienst|storingsnummer|klantenservice)\b`,
  ].join('|'),
  'iu',
);
/** The start of an e-mail header line, up to the address. */
const EMAIL_HEADER = /^\s*(?:aan|van|cc|bcc|to|from)\s*:[^@\n]*$/i;

/** An account followed by its holder, the organisation: "... ten name van Woonstichting Veenhof". */
const PAYEE_AFTER = /^\s*[(,]?\s*(?:t\.n\.v\.|ten\s+name\s+van|op\s+naam\s+van)\s+(?!u\b|uzelf\b|de\s+huurder\b)/iu;

/** Someone else's details: "uw telefoonnummer", "je dochter ... op", "zijn e-mailadres". */
const NOT_OURS = /\b(?:uw|jouw|je|zijn|haar|hun)\s+(?:\p{L}+\s+){0,2}?(?:telefoonnummer|nummer|e-?mailadres|mailadres|rekening(?:nummer)?|iban|dochter|zoon|partner|man|vrouw|buren?|buurman|buurvrouw|contactpersoon|begeleider|bewindvoerder)\b|\b(?:u|je|jij)\s+(?:bent|is|zijn)\s+(?:\p{L}+\s+){0,2}bereikbaar\b|\b(?:belde|mailde|appte|gebeld|gemaild|geappt)\b.*\bvanaf\b|\b(?:wij|we|ik)\s+(?:\p{L}+\s+){0,3}?(?:u|je|jou)\s+(?:\p{L}+\s+){0,3}?(?:bellen|bel|belt|mailen|mail|appen|bereiken|sms'en)\b/iu;

/** A predicate: does this offset stand where the sender gives its own details? */
function senderContext(doc: LetterDocument): (offset: number, end?: number) => boolean {
  const blocks = doc.blocks;
  return (offset, end) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const b = blocks[lo];
    if (!b || offset < b.start || offset >= b.end) return false;
    if (SENDER_ROLES.has(b.role)) return true;
    const s = b.sentences.find((x) => x.start <= offset && offset < x.end);
    if (!s) return false;
    const before = doc.text.slice(s.start, offset);
    const near = before.slice(-60);
    if (NOT_OURS.test(near)) return false;
    // "NL12 BANK 0123 4567 89 ten name van Woonstichting Veenhof": the account is named after it.
    return OFFER.test(before) || (end !== undefined && PAYEE_AFTER.test(doc.text.slice(end, s.end)));
  };
}
