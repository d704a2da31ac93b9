import type { Block, LetterDocument, ReportDescriptor, Rule } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

/** Words that name a department, team or role rather than a person. */
const DEPARTMENT = new Set([
  'afdeling', 'team', 'klantenservice', 'klantcontact', 'klantcontactcentrum', 'servicecentrum', 'directie', 'bestuur',
  'woonstichting', 'woningstichting', 'woningcorporatie', 'wooncorporatie', 'woonbedrijf', 'woningbouwvereniging',
  'verhuur', 'verhuurteam', 'incasso', 'debiteurenbeheer', 'debiteuren', 'administratie', 'medewerker', 'medewerkers',
  'medewerkster', 'woonconsulent', 'consulent', 'manager', 'directeur', 'klantenteam', 'frontoffice', 'backoffice',
  'wijkteam', 'huurincasso', 'financiën', 'bewonerszaken', 'woonservice', 'onderhoud', 'projectteam', 'wonen',
]);
const CLOSING_FORMULA = /^(?:met\s+(?:vriendelijke|hartelijke|warme)\s+groet(?:en)?|(?:vriendelijke|hartelijke|warme)\s+groet(?:en)?|hoogachtend|groet(?:en|jes)?|met\s+groet|met\s+de\s+meeste\s+hoogachting)[,.!]?\s*/i;

/** Does a signature line look like a person's name ("Sanne de Vries", "J. Bakker", "{{medewerker.naam}}")? */
function looksLikeName(line: string, orgWords: Set<string>): boolean {
  if (/\{\{[^}]*\}\}|«[^»]*»|\[[^\]]+\]|%[^%]+%/.test(line)) return true; // a merge field: the writer's name is filled in
  const words = line.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.some((w) => DEPARTMENT.has(w.toLowerCase()) || orgWords.has(w.toLowerCase()))) return false;
  if (/[@\d]/.test(line)) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w));
  return caps.length >= 2 || (caps.length === 1 && words.length >= 2);
}

function closingReport(doc: LetterDocument, orgName: string | undefined): ReportDescriptor | null {
  const blocks: Block[] = doc.blocks.filter((b) => b.role === 'closing' || b.role === 'signature');
  if (blocks.length === 0) return null;
  const orgWords = new Set((orgName ?? '').toLowerCase().split(/\s+/).filter((w) => w.length > 2));
  const lines: { text: string; start: number }[] = [];
  for (const b of blocks) {
    let offset = b.start;
    for (const raw of doc.text.slice(b.start, b.end).split('\n')) {
      const stripped = raw.replace(CLOSING_FORMULA, '').replace(/^[\s>*_-]+|[\s*_]+$/g, '');
      if (stripped) lines.push({ text: stripped, start: offset + raw.indexOf(stripped.slice(0, 1)) });
      offset += raw.length + 1;
    }
  }
  if (lines.length === 0) return null;
  // "Sanne de Vries, woonconsulent" on one line: a name and a role.
  if (lines.some((l) => l.text.split(',').some((part) => looksLikeName(part.trim(), orgWords)))) return null;
  const dept = lines.find((l) => l.text.split(/\s+/).some((w) => DEPARTMENT.has(w.toLowerCase()) || orgWords.has(w.toLowerCase())));
  if (!dept) return null;
  return {
    messageId: 'department',
    data: { actual: dept.text },
    start: dept.start,
    end: dept.start + dept.text.length,
    actual: dept.text,
    expected: [`Sanne de Vries\nWoonconsulent\n020 123 45 67`],
    note: 'Een huurder wil weten wie hij kan bellen. Zet een naam (en een telefoonnummer) onder de brief, niet alleen een afdeling.',
    fix: false,
  };
}

export const impersonal: Rule = {
  meta: {
    id: 'impersonal',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Spreek de huurder aan en schrijf als mens: geen "men", "de huurder dient", "er wordt van uitgegaan", en een naam onder de brief.',
    rationale:
      'Een brief is een gesprek tussen mensen. "Men", "de huurder dient" en "er wordt van uitgegaan" verstoppen wie iets doet of vraagt. Schrijf "u" tegen de lezer en "we" over uzelf. Onderteken met een naam (en een telefoonnummer), niet alleen met een afdeling: dan weet de huurder wie hij kan bellen.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      impersonal: 'Dit is afstandelijk ("{actual}"). Spreek de lezer aan met "u" en schrijf "we" over uzelf.',
      department: 'De brief is alleen ondertekend door een afdeling ("{actual}"). Zet er de naam van een persoon onder.',
    },
    examples: {
      valid: [
        { text: 'U kunt de sleutel ophalen bij het wijkkantoor.\n\nMet vriendelijke groet,\n\nSanne de Vries\nWoonconsulent' },
      ],
      invalid: [
        { text: 'De huurder dient de woning schoon op te leveren.', note: 'Wordt: "Wilt u de woning schoon opleveren?"' },
        { text: 'U kunt de sleutel ophalen bij het wijkkantoor.\n\nMet vriendelijke groet,\n\nAfdeling Verhuur', note: 'Alleen een afdeling onder de brief.' },
      ],
    },
    limits: [
      {
        text: 'Lijdende zinnen zonder "men", "er wordt" of "de huurder": wie wat doet, blijft verborgen.',
        example: 'Tijdens de inspectie zal worden beoordeeld of de woning goed wordt bewoond.',
      },
    ],
  },
  check({ doc, config, report }) {
    for (const { hit } of phraseHits(doc, 'impersonal')) report(phraseReport(doc, hit, 'impersonal'));
    const closing = closingReport(doc, config.organisatie.naam);
    if (closing) report(closing);
  },
};
