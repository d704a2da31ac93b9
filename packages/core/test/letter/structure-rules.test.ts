import { ruleTester } from '../rule-tester.js';
import { actionAndDeadline } from '../../src/rules/letter/action-and-deadline.js';
import { closing } from '../../src/rules/letter/closing.js';
import { coreMessageFirst } from '../../src/rules/letter/core-message-first.js';
import { greeting } from '../../src/rules/letter/greeting.js';
import { headingsForLongLetters } from '../../src/rules/letter/headings-for-long-letters.js';
import { letterLength } from '../../src/rules/letter/letter-length.js';
import { namedContact } from '../../src/rules/letter/named-contact.js';
import { subject } from '../../src/rules/letter/subject.js';

const sig = '\n\nMet vriendelijke groet,\n\nJan de Vries  \nWoonconsulent  \n010 123 45 67\n';
const para = 'Op dinsdag komt de monteur van Installatiebedrijf Kok uw cv-ketel controleren. Dat duurt ongeveer een uur en hij belt eerst aan. ';

ruleTester(subject, {
  valid: [
    '---\nonderwerp: Uw huur gaat per 1 juli omhoog\n---\n\nBeste mevrouw Jansen,\n',
    '# Onderhoud aan uw cv-ketel\n\nBeste {{naam}},\n',
    { name: 'Onderwerp: line before the greeting', text: 'Onderwerp: onderhoud aan uw cv-ketel\n\nBeste mevrouw Jansen,\n' },
  ],
  invalid: [
    {
      text: '---\nonderwerp: Belangrijke informatie\n---\n\nBeste mevrouw Jansen,\n',
      errors: [{ line: 2, column: 12, endColumn: 34, message: 'Het onderwerp "Belangrijke informatie" zegt niet waar de brief over gaat. Noem het echte onderwerp, bijvoorbeeld "Onderhoud aan uw cv-ketel op 12 maart".' }],
    },
    { name: 'vague heading', text: '# Mededeling\n\nBeste mevrouw Jansen,\n', errors: [{ line: 1, column: 3 }] },
    { name: 'vague with "voor u"', text: '# Informatie voor u\n\nBeste mevrouw Jansen,\n', errors: 1 },
    { name: 'missing', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n', errors: [{ line: 1, column: 1, message: /geen onderwerp/ }] },
    { name: 'extra vague words from options', text: '# Huurzaken\n\nBeste mevrouw Jansen,\n', options: { vaag: ['Huurzaken'] }, errors: 1 },
  ],
});

ruleTester(greeting, {
  valid: [
    'Beste {{huurder.naam}},\n\nOp 12 maart komt de monteur.\n',
    'Beste «Voornaam» «Achternaam»,\n\nOp 12 maart komt de monteur.\n',
    'Geachte mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n',
    { name: 'greeting from the mail merge', text: '{{aanhef}},\n\nOp 12 maart komt de monteur.\n' },
    { name: 'after a subject line', text: 'Onderwerp: cv-ketel\n\nBeste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n' },
  ],
  invalid: [
    {
      text: 'Geachte heer/mevrouw,\n\nOp 12 maart komt de monteur.\n',
      errors: [{ line: 1, column: 1, severity: 'warning', message: '"Geachte heer/mevrouw" is onpersoonlijk. Spreek de huurder aan met naam, bijvoorbeeld "Beste mevrouw Jansen," of "Beste {{naam}},".' }],
    },
    { name: 'beste bewoner', text: 'Beste bewoner,\n\nOp 12 maart komt de monteur.\n', errors: [{ severity: 'warning' }] },
    { name: 'missing', text: '# Onderhoud\n\nOp 12 maart komt de monteur.\n', errors: [{ line: 3, column: 1, severity: 'error', message: /geen aanhef/ }] },
    { name: 'option: extra impersonal', text: 'Beste lezer,\n\nOp 12 maart komt de monteur.\n', options: { onpersoonlijk: ['beste lezer'] }, errors: 1 },
  ],
});

ruleTester(coreMessageFirst, {
  valid: [
    'Beste mevrouw Jansen,\n\nUw huur gaat op 1 juli omhoog met € 23,-.\n',
    { name: 'boilerplate later is not first', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nHierbij sturen wij u de folder.\n' },
  ],
  invalid: [
    {
      text: 'Beste mevrouw Jansen,\n\nMiddels deze brief informeren wij u over de huuraanpassing.\n',
      errors: [{ line: 3, column: 1, endColumn: 19, message: 'De brief begint met een aanloop: "Middels deze brief". Zeg in de eerste zin waar de brief over gaat.' }],
    },
    { name: 'hierbij informeren wij u', text: 'Beste {{naam}},\n\nHierbij informeren wij u dat de monteur komt.\n', errors: [{ line: 3, column: 1, actual: 'Hierbij informeren wij u' }] },
    { name: 'op [datum] ontvingen wij uw brief', text: 'Beste [naam],\n\nOp [datum] ontvingen wij uw brief over de lekkage.\n', config: { placeholders: { delimiters: [['[', ']']] } }, errors: [{ actual: 'Op [datum] ontvingen wij uw brief' }] },
    { name: 'date written out', text: 'Beste mevrouw Jansen,\n\nOp 3 maart 2025 ontvingen wij uw brief.\n', errors: 1 },
    { name: 'naar aanleiding van', text: 'Beste mevrouw Jansen,\n\nNaar aanleiding van uw telefoongesprek van 3 maart sturen wij u deze brief.\n', errors: 1 },
  ],
});

ruleTester(actionAndDeadline, {
  valid: [
    'Beste mevrouw Jansen,\n\nWilt u het formulier vóór 15 maart terugsturen?\n',
    'Beste {{naam}},\n\nBetaal het bedrag uiterlijk {{uiterlijke_datum}}.\n',
    'Beste mevrouw Jansen,\n\nHeeft u vragen? Bel ons dan op 010 123 45 67.\n',
    'Beste mevrouw Jansen,\n\nAls u liever een andere dag wilt, bel ons dan.\n',
    { name: 'an offer is no request', text: 'Beste mevrouw Jansen,\n\nWilt u dat we u daarbij helpen? Bel of mail mij gerust.\n' },
    { name: 'a question makes it conditional', text: 'Beste mevrouw Jansen,\n\nIs er iets kapot? Meld het via onze website.\n' },
    { name: 'our own promise needs no date', text: 'Beste mevrouw Jansen,\n\nWe komen zo snel mogelijk langs.\n' },
    { name: 'a prohibition has no deadline', text: 'Beste mevrouw Jansen,\n\nZet geen spullen op het balkon.\n' },
    { name: 'a date elsewhere in the same part', text: 'Beste mevrouw Jansen,\n\nOp dinsdag 12 maart komt de monteur.\n\n- Zorg dat de monteur goed bij de ketel kan.\n' },
    { name: 'date in the next sentence', text: 'Beste mevrouw Jansen,\n\nStuur het formulier terug. Dat kan tot vrijdag 14 maart.\n' },
  ],
  invalid: [
    {
      text: 'Beste mevrouw Jansen,\n\nWij verzoeken u het bedrag binnen 8 dagen na dagtekening over te maken.\n',
      errors: [{ line: 3, column: 28, message: '"binnen 8 dagen na dagtekening" is geen datum. Noem een concrete datum, bijvoorbeeld "vóór 15 maart".' }],
    },
    { name: 'zo spoedig mogelijk', text: 'Beste mevrouw Jansen,\n\nNeem zo spoedig mogelijk contact met ons op.\n', errors: [{ actual: 'zo spoedig mogelijk' }] },
    {
      name: 'request without a date',
      text: 'Beste mevrouw Jansen,\n\nWilt u het formulier ingevuld terugsturen?\n',
      errors: [{ line: 3, column: 1, message: 'Hier vraagt de brief de huurder iets te doen, maar niet vóór wanneer. Noem een concrete datum.' }],
    },
    { name: 'u moet', text: 'Beste mevrouw Jansen,\n\nU moet de achterstand betalen.\n', errors: 1 },
    { name: 'je-form', text: 'Hoi Sanne,\n\nGeef de meterstanden binnen een week door.\n', errors: [{ actual: 'binnen een week' }] },
    {
      name: 'a date in another part does not count',
      text: 'Beste mevrouw Jansen,\n\nOp dinsdag 12 maart komt de monteur.\n\n## Uw huur\n\nU moet de achterstand betalen.\n',
      errors: [{ line: 7, column: 1 }],
    },
    { name: 'extra vague phrase', text: 'Beste mevrouw Jansen,\n\nWilt u binnenkort het formulier terugsturen?\n', options: { vaag: ['binnenkort'] }, errors: 1 },
  ],
});

ruleTester(namedContact, {
  valid: [
    `Beste mevrouw Jansen,\n\n${para}${sig}`,
    { name: 'name placeholder and e-mail', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\n{{medewerker.naam}}  \njan@woonstad.nl\n' },
    { name: 'contact in the last paragraph', text: 'Beste mevrouw Jansen,\n\nBel Fatima el Amrani op 06 12 34 56 78.\n\nMet vriendelijke groet,\n\nFatima el Amrani\n' },
  ],
  invalid: [
    {
      text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nAfdeling Verhuur\n',
      errors: [
        { line: 5, column: 1, message: 'De brief is ondertekend door een afdeling. Zet de naam van een medewerker eronder.' },
        { line: 5, column: 1, message: 'De brief noemt geen telefoonnummer of e-mailadres waar de huurder terecht kan.' },
      ],
    },
    { name: 'name without contact', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries\n', errors: [{ message: /geen telefoonnummer/ }] },
    { name: 'organisation name is no person', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nWoonstad Rotterdam  \n010 123 45 67\n', config: { organisatie: { naam: 'Woonstad Rotterdam' } }, errors: [{ message: /geen naam/ }] },
  ],
});

ruleTester(closing, {
  valid: [`Beste mevrouw Jansen,\n\n${para}${sig}`, { name: 'hartelijke groeten', text: 'Beste mevrouw Jansen,\n\nTot ziens.\n\nHartelijke groeten,\n\nJan\n' }],
  invalid: [
    { text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nJan de Vries\n', errors: [{ line: 5, column: 1, message: /geen afsluitende groet/ }] },
    {
      name: 'stiff',
      text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nHoogachtend,\n\nJan de Vries\n',
      errors: [{ line: 5, column: 1, message: '"Hoogachtend" is stijf. Schrijf "Met vriendelijke groet".', expected: ['Met vriendelijke groet'] }],
      output: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries\n',
    },
  ],
});

ruleTester(letterLength, {
  valid: [`Beste mevrouw Jansen,\n\n${para.repeat(30)}${sig}`],
  invalid: [
    {
      text: `Beste mevrouw Jansen,\n\n${para.repeat(45)}${sig}`,
      errors: [{ line: 3, message: /^Deze brief heeft 945 woorden tekst \(meer dan 800, ongeveer 2,4 A4\)/ }],
    },
    { name: 'configurable', text: `Beste mevrouw Jansen,\n\n${para.repeat(5)}${sig}`, options: { maxWoorden: 60 }, errors: 1 },
  ],
});

ruleTester(headingsForLongLetters, {
  valid: [
    `Beste mevrouw Jansen,\n\n${para.repeat(15)}${sig}`,
    { name: 'long with headings', text: `# Onderhoud\n\nBeste mevrouw Jansen,\n\n${para.repeat(10)}\n\n## Wat moet u doen?\n\n${para.repeat(10)}${sig}` },
  ],
  invalid: [
    {
      name: 'a subject heading is no subheading',
      text: `# Onderhoud\n\nBeste mevrouw Jansen,\n\n${para.repeat(20)}${sig}`,
      errors: [{ line: 5, column: 1, message: 'Deze brief heeft 420 woorden tekst maar geen tussenkopjes. Zet kopjes boven de delen, bijvoorbeeld "## Wat moet u doen?".' }],
    },
  ],
});
