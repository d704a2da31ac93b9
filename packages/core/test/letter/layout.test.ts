// The letter-layout model (engine/layout.ts): how huurbrief reads the parts of
// a Dutch letter in plain text and Markdown, and what the rules make of them.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/engine/document.js';
import { classifyLine } from '../../src/engine/layout.js';
import { lintText, resolveConfig, allRules } from '../../src/index.js';
import type { BlockRole, HuurbriefConfig, LetterDocument } from '../../src/types.js';

const build = (text: string, format: 'text' | 'markdown' = 'text', fields: string[] = []): LetterDocument =>
  buildDocument(text, { lang: 'nl', delimiters: [], format, fields }).doc;

/** Roles in order, with the text of each block's lines. */
const roles = (doc: LetterDocument): [BlockRole, string][] => doc.blocks.map((b) => [b.role, doc.text.slice(b.start, b.end).replace(/\s*\n\s*/g, ' | ')]);

const lint = (text: string, format: 'text' | 'markdown' = 'text', config: Partial<HuurbriefConfig> = {}) =>
  lintText(text, { format, config: resolveConfig([{ file: '<test>', config }], allRules) }).messages;

const SENDER = 'Woonstichting De Linde\nPostbus 123\n1234 AB Dorp';
const RECIPIENT = 'Mevrouw A. Jansen\nKerkstraat 1\n1234 AB Dorp';
const BODY =
  'Op dinsdag 12 januari komt de monteur uw cv-ketel controleren. Hij komt tussen 8.00 en 12.00 uur. U hoeft niets te betalen.\n' +
  'Kunt u dan niet? Bel ons op 0299 452 452 of mail naar info@delinde.nl. Dan maken we een nieuwe afspraak.';

const classic = [SENDER, '', RECIPIENT, '', 'Dorp, 3 december 2026', 'Betreft: onderhoud aan uw cv-ketel', '', 'Beste mevrouw Jansen,', BODY, '', 'Met vriendelijke groet,', 'Karin de Vries', 'Woonconsulent', ''].join('\n');

describe('line kinds', () => {
  it.each([
    ['Beste mevrouw Jansen,', 'greeting'],
    ['Geachte heer, mevrouw,', 'greeting'],
    ['Beste bewoner(s),', 'greeting'],
    ['Geachte heer Peeters', 'greeting'],
    ['Met vriendelijke groet,', 'closing'],
    ['Met vriendelijke groeten', 'closing'],
    ['Hoogachtend,', 'closing'],
    ['Met vriendelijke groet, Karin de Vries', 'closing'],
    ['Betreft: onderhoud aan uw cv-ketel', 'subject'],
    ['Onderwerp: uw verzoek', 'subject'],
    ['Inzake: huurachterstand', 'subject'],
    ['Ons kenmerk: HA/2026/1187', 'field'],
    ['Behandeld door: Youssef Amrani', 'field'],
    ['Datum: 12 mei   Tijd: 19.30 uur   Locatie: buurthuis', 'field'],
    ['Zaaknummer: 2026-0412', 'field'],
    ['Dorp, 3 december 2026', 'date'],
    ['3 december 2026', 'date'],
    ['Datum 3 december 2026', 'date'],
    ['Uw kenmerk   Uw brief van   Ons kenmerk   Datum', 'field'],
    ['1234 AB  DORP', 'address'],
    ['Kerkstraat 12-A', 'address'],
    ['Postbus 4410', 'address'],
    ['Mevrouw A. Jansen', 'addressee'],
    ['De bewoner(s) van', 'addressee'],
    ['T 078 612 34 56', 'contact'],
    ['www.hetanker-wonen.nl', 'contact'],
    ['Bijlage: folder over de traplift', 'enclosure'],
    ['Bijlagen:', 'enclosure'],
    ['Kopie aan: de huurdersvereniging', 'enclosure'],
    ['P.S. Neem gerust uw buren mee.', 'postscript'],
    ['Op dinsdag komt de monteur.', 'text'],
    ['Let op: de monteur komt om 8 uur.', 'text'],
    ['Dag en nacht is de storingsdienst bereikbaar.', 'text'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });
});

describe('the parts of a classic plain-text letter', () => {
  it('finds letterhead, address, date, subject, greeting, body, closing and signature', () => {
    const doc = build(classic);
    expect(roles(doc)).toEqual([
      ['sender', 'Woonstichting De Linde | Postbus 123 | 1234 AB Dorp'],
      ['recipient', 'Mevrouw A. Jansen | Kerkstraat 1 | 1234 AB Dorp'],
      ['date', 'Dorp, 3 december 2026'],
      ['subject', 'Betreft: onderhoud aan uw cv-ketel'],
      ['greeting', 'Beste mevrouw Jansen,'],
      ['body', BODY.replace('\n', ' | ')],
      ['closing', 'Met vriendelijke groet,'],
      ['signature', 'Karin de Vries | Woonconsulent'],
    ]);
  });

  it('reads the same parts from the same letter as Markdown', () => {
    expect(roles(build(classic, 'markdown'))).toEqual(roles(build(classic)));
  });

  it('makes no sentences of address, date, subject and signature lines', () => {
    const doc = build(classic);
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'Beste mevrouw Jansen,',
      'Op dinsdag 12 januari komt de monteur uw cv-ketel controleren.',
      'Hij komt tussen 8.00 en 12.00 uur.',
      'U hoeft niets te betalen.',
      'Kunt u dan niet?',
      'Bel ons op 0299 452 452 of mail naar info@delinde.nl.',
      'Dan maken we een nieuwe afspraak.',
      'Met vriendelijke groet,',
    ]);
    const r = lintText(classic, { format: 'text' });
    // 6 body sentences; the 8 address lines and the signature are no words of the letter.
    expect(r.metrics.sentences).toBe(6);
    expect(r.metrics.words).toBe(doc.sentences.reduce((n, s) => n + s.words.length, 0));
  });

  it('gets no structure or privacy finding', () => {
    const found = lint(classic).filter((m) => m.category === 'structure' || m.category === 'privacy');
    expect(found).toEqual([]);
  });
});

describe('variants of the classic letter get no structure or privacy finding', () => {
  const variants: Record<string, string> = {
    'date before the address': ['Dorp, 3 december 2026', '', SENDER, '', RECIPIENT, '', 'Betreft: onderhoud aan uw cv-ketel', '', 'Beste mevrouw Jansen,', '', BODY, '', 'Met vriendelijke groet,', '', 'Karin de Vries', 'Woonconsulent'].join('\n'),
    'reference fields': [
      SENDER,
      '',
      RECIPIENT,
      '',
      'Ons kenmerk: DL/2026/0412',
      'Uw kenmerk: -',
      'Behandeld door: Karin de Vries',
      'Telefoon: 0299 452 452',
      'Datum: 3 december 2026',
      'Onderwerp: onderhoud aan uw cv-ketel',
      '',
      'Beste mevrouw Jansen,',
      '',
      BODY,
      '',
      'Met vriendelijke groet,',
      'Karin de Vries',
    ].join('\n'),
    'two signers': [SENDER, '', 'Betreft: onderhoud aan uw cv-ketel', '', 'Beste mevrouw Jansen,', BODY, '', 'Met vriendelijke groet,', '', 'Karin de Vries          Piet Bakker', 'Woonconsulent           Opzichter'].join('\n'),
    'name on the line after the closing, no blank lines': ['Betreft: onderhoud aan uw cv-ketel', 'Beste mevrouw Jansen,', BODY, 'Met vriendelijke groet,', 'Karin de Vries', 'Woonconsulent', 'Woonstichting De Linde'].join('\n'),
    'enclosure after the signature': [SENDER, '', 'Betreft: onderhoud aan uw cv-ketel', '', 'Beste mevrouw Jansen,', '', BODY, '', 'Met vriendelijke groet,', '', 'Karin de Vries', 'Woonconsulent', '', 'Bijlage: folder over de cv-ketel', 'Kopie aan: de huurdersvereniging'].join('\n'),
    'letterhead with phone, web and mail': [
      'Woonstichting De Linde',
      'Postbus 123, 1234 AB Dorp',
      'T (0299) 45 24 52',
      'E klantenservice@delinde.nl',
      'www.delinde.nl',
      '',
      RECIPIENT,
      '',
      'Dorp, 3 december 2026',
      'Betreft: onderhoud aan uw cv-ketel',
      '',
      'Beste mevrouw Jansen,',
      BODY,
      '',
      'Met vriendelijke groet,',
      'Karin de Vries',
      'Woonconsulent',
      'k.devries@delinde.nl | 06 - 12 34 56 78',
    ].join('\n'),
    'P.S. after the signature': [SENDER, '', 'Betreft: onderhoud aan uw cv-ketel', '', 'Beste mevrouw Jansen,', BODY, '', 'Met vriendelijke groet,', 'Karin de Vries', '', 'P.S. Zet u de auto even aan de kant? Dan kan de monteur dichtbij parkeren.'].join('\n'),
  };
  for (const [name, text] of Object.entries(variants)) {
    for (const format of ['text', 'markdown'] as const) {
      it(`${name} (${format})`, () => {
        const found = lint(text, format).filter((m) => m.category === 'structure' || m.category === 'privacy');
        expect(found.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
      });
    }
  }
});

describe('Markdown letters', () => {
  it('splits a greeting and a closing from the lines after them without a blank line', () => {
    const doc = build('# Uw cv-ketel\n\nBeste {{naam}},\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\nSanne de Vries\nWoonconsulent\n', 'markdown');
    expect(roles(doc)).toEqual([
      ['heading', '# Uw cv-ketel'],
      ['greeting', 'Beste {{naam}},'],
      ['body', 'Op 12 maart komt de monteur.'],
      ['closing', 'Met vriendelijke groet,'],
      ['signature', 'Sanne de Vries | Woonconsulent'],
    ]);
  });

  it('reads past a note for the template writer in a block quote above the greeting', () => {
    const doc = build('# Sjabloon: onderhoud cv-ketel\n\n> Gebruik deze brief alleen voor de jaarlijkse controle; vul de datum in bij elke huurder.\n\nBeste {{naam}},\n\nOp 12 maart komt de monteur.\n', 'markdown');
    expect(doc.blocks.find((b) => b.role === 'greeting') && doc.text.slice(doc.blocks.find((b) => b.role === 'greeting')!.start, doc.blocks.find((b) => b.role === 'greeting')!.end)).toBe('Beste {{naam}},');
  });

  it('keeps soft-wrapped body lines as one sentence', () => {
    const doc = build('Beste Jan,\n\nDe monteur komt op dinsdag\nom uw ketel te controleren.\n', 'markdown');
    expect(doc.sentences.map((s) => s.text)).toEqual(['Beste Jan,', 'De monteur komt op dinsdag\nom uw ketel te controleren.']);
  });
});

describe('plain-text letters', () => {
  it('reads a line break as the end of a unit unless the line was wrapped', () => {
    const doc = build(
      'Beste Jan,\n\nVanaf 1 januari huurt u de berging. In de bijlage\nvindt u de overeenkomst. Wilt u die voor\n20 december terugsturen?\nWat gaat er gebeuren\nDe monteur komt op dinsdag.\n',
    );
    expect(doc.sentences.map((s) => s.text.replace(/\n/g, ' '))).toEqual([
      'Beste Jan,',
      'Vanaf 1 januari huurt u de berging.',
      'In de bijlage vindt u de overeenkomst.',
      'Wilt u die voor 20 december terugsturen?',
      'Wat gaat er gebeuren',
      'De monteur komt op dinsdag.',
    ]);
  });

  it('reads "•", "–", "-", "*" and "1." bullets as list items', () => {
    for (const bullet of ['•', '–', '-', '*', '1.']) {
      const doc = build(`Beste Jan,\n\nOp de avond hoort u:\n${bullet} wat we gaan doen;\n${bullet} wanneer uw woning aan de beurt is.\n`);
      expect(doc.blocks.filter((b) => b.type === 'listItem').map((b) => doc.text.slice(b.start, b.end)), bullet).toEqual(['wat we gaan doen;', 'wanneer uw woning aan de beurt is.']);
    }
  });

  it('does not read four spaces of indentation as code, or "#" and "_" as Markdown', () => {
    const doc = build('Beste Jan,\n\n    De monteur komt op dinsdag 12 maart.\n# Niet thuis? Bel ons op 0299 452 452.\n');
    expect(doc.sentences.map((s) => s.text.slice(0, 16))).toEqual(['Beste Jan,', 'De monteur komt ', 'Niet thuis?', 'Bel ons op 0299 ']);
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('makes a short line on its own between paragraphs a heading', () => {
    const doc = build('Beste Jan,\n\nDe monteur komt op dinsdag.\n\nWat moet u doen\n\nZorg dat de monteur bij de ketel kan.\n\nMet vriendelijke groet,\nSanne\n');
    expect(doc.blocks.find((b) => b.type === 'heading') && doc.text.slice(doc.blocks.find((b) => b.type === 'heading')!.start, doc.blocks.find((b) => b.type === 'heading')!.end)).toBe('Wat moet u doen');
  });
});

describe('tokens that are one word', () => {
  const kinds = (text: string) => build(`Beste Jan,\n\n${text}\n`).sentences[1]!.words.filter((w) => w.kind !== 'word').map((w) => [w.kind, w.text]);
  it.each([
    ['Bel 0299 452 452.', 'phone', '0299 452 452'],
    ['Bel 06-12345678.', 'phone', '06-12345678'],
    ['Bel +31 (0)20 123 4567.', 'phone', '+31 (0)20 123 4567'],
    ['Bel 010 - 123 45 67.', 'phone', '010 - 123 45 67'],
    ['Bel (010) 123 45 67.', 'phone', '(010) 123 45 67'],
    ['Bel 0800-1234.', 'phone', '0800-1234'],
    ['Bel 052 21 43 65.', 'phone', '052 21 43 65'],
    ['Het adres is 1234 AB Dorp.', 'code', '1234 AB'],
    ['Het kost € 1.412,50 per jaar.', 'amount', '€ 1.412,50'],
  ])('%s', (text, kind, token) => {
    expect(kinds(text)).toContainEqual([kind, token]);
  });
});

describe('letter-level findings point at the place they are about', () => {
  it('a missing greeting points at the first line of the body, after the address block', () => {
    const text = `${SENDER}\n\nBetreft: uw cv-ketel\n\n${BODY}\n\nMet vriendelijke groet,\nKarin de Vries\n`;
    const m = lint(text).find((x) => x.ruleId === 'greeting')!;
    expect([m.line, m.column, m.severity]).toEqual([7, 1, 'error']);
  });
  it('a missing subject points at the greeting', () => {
    const m = lint(`${SENDER}\n\nBeste mevrouw Jansen,\n${BODY}\n\nMet vriendelijke groet,\nKarin de Vries\n`).find((x) => x.ruleId === 'subject')!;
    expect([m.line, m.column]).toEqual([5, 1]);
  });
  it('a missing closing points at the end of the body, not at an enclosure line', () => {
    const m = lint(`Betreft: uw cv-ketel\n\nBeste mevrouw Jansen,\n${BODY}\n\nBijlage: folder\n`).find((x) => x.ruleId === 'closing')!;
    expect(m.line).toBe(4);
  });
});

describe("the organisation's own contact details are not personal data", () => {
  const privacy = (text: string, config: Partial<HuurbriefConfig> = {}) => lint(text, 'text', config).filter((m) => m.ruleId === 'personal-data');
  it.each([
    'Bel ons op 0299 452 452.',
    'U bereikt mij op 06-12345678 of via k.devries@delinde.nl.',
    'Dat kan via 078 612 34 90 of via keuken@hetanker-wonen.nl.',
    'Geef het door via bewonerszaken@hetanker-wonen.nl of bel 078 612 34 80.',
    'Wij zijn bereikbaar op (010) 123 45 67.',
    'Maak het bedrag over naar NL91 ABNA 0417 1643 00 ten name van Woonstichting De Linde.',
    'Mail uw vraag naar verhuur@delinde.nl.',
    'Dat kan naar rekeningnummer NL91 ABNA 0417 1643 00 ten name van Woonstichting De Linde.',
    'Vragen over de steigers? De uitvoerder is in de straat: Mehmet Yilmaz, telefoon 06 41 22 87 09.',
  ])('%s', (sentence) => {
    expect(privacy(`Beste mevrouw Jansen,\n\n${sentence}\n\nMet vriendelijke groet,\nKarin de Vries\n`)).toEqual([]);
  });
  it('an e-mail header names its own addressee; an account number is no phone number even when its check fails', () => {
    const mail = 'Van: Karin de Vries <k.devries@delinde.nl>\nAan: r.jansen84@gmail.com\nOnderwerp: uw afspraak\n\nBeste meneer Jansen,\n\nMaak het bedrag over op NL27 RABO 0123 4567 89 onder vermelding van uw klantnummer.\n\nMet vriendelijke groet,\nKarin de Vries\n';
    expect(privacy(mail)).toEqual([]);
  });

  it("a tenant's data stays an error", () => {
    const text =
      'Beste mevrouw Jansen,\n\nUw dochter is bereikbaar op 06 12 34 56 78. Uw BSN is 111222333. Wij storten het bedrag op uw rekening NL20 INGB 0001 2345 67. U mailde ons vanaf jansen1961@hotmail.com.\n\nMet vriendelijke groet,\nKarin de Vries\n';
    expect(privacy(text).map((m) => [m.severity, m.message.slice(0, 30)])).toEqual([
      ['error', 'Hier staat een telefoonnummer '],
      ['error', 'Hier staat een burgerservicenu'],
      ['error', 'Hier staat een IBAN (NL20*****'],
      ['error', 'Hier staat een e-mailadres (j*'],
    ]);
  });
  it('with its own numbers declared, an undeclared number offered as contact is an info, not an error', () => {
    const found = privacy(`Beste mevrouw Jansen,\n\nBel ons op 0299 452 452.\n\nMet vriendelijke groet,\nKarin de Vries\n0299 452 400\n`, { organisatie: { telefoon: ['0299 452 400'] } });
    expect(found.map((m) => [m.line, m.severity, m.message])).toEqual([[3, 'info', 'Dit telefoonnummer (0299******) lijkt van uw organisatie. Zet het in organisatie.telefoon, dan weet huurbrief dat zeker.']]);
  });
});

describe('placeholders as real templates write them', () => {
  it('a note about « » in an HTML comment is no broken merge field', () => {
    const found = lint('<!-- Samenvoegvelden tussen « ». Controleer vóór verzending alle velden. -->\n\nBeste «Aanhef»,\n\nOp 12 maart komt de monteur.\n', 'markdown');
    expect(found.filter((m) => m.ruleId === 'malformed-placeholder')).toEqual([]);
  });
  it('reads [Naam huurder] as one placeholder by default, never Markdown links or footnotes', () => {
    const doc = build('Beste [Naam huurder],\n\nOp [Datum aanvang] komen wij. Zie [onze website](https://x.nl) en noot [1].\n', 'markdown');
    expect(doc.placeholders.map((p) => p.raw)).toEqual(['[Naam huurder]', '[Datum aanvang]']);
  });
  it('accepts {Adres} when single braces are configured', () => {
    const text = 'Beste {Naam},\n\nWij komen op {Datum} langs bij {Adres}.\n';
    const withBraces = lintText(text, { config: resolveConfig([{ file: '<t>', config: { placeholders: { delimiters: [['{', '}']] } } }], allRules) }).messages;
    expect(withBraces.filter((m) => m.ruleId === 'malformed-placeholder')).toEqual([]);
    expect(lintText(text).messages.filter((m) => m.ruleId === 'malformed-placeholder').length).toBe(3);
  });
  it('treats declared ALL-CAPS fields as placeholders: never shouting, never fixed', () => {
    const text = 'Geachte heer/mevrouw ACHTERNAAM,\n\nOp DATUM ONDERTEKENING heeft u getekend voor ADRES.\n';
    const config = resolveConfig([{ file: '<t>', config: { placeholders: { fields: ['ACHTERNAAM', 'DATUM ONDERTEKENING', 'ADRES'] } } }], allRules);
    const found = lintText(text, { config }).messages;
    expect(found.filter((m) => m.ruleId === 'shouting' || m.fix)).toEqual([]);
    expect(found.filter((m) => m.ruleId === 'greeting')).toEqual([]);
    expect(lintText(text).messages.some((m) => m.ruleId === 'shouting')).toBe(true);
  });
});

describe('fewer wrong judgements on real text', () => {
  const ids = (text: string) => lint(`Beste mevrouw Jansen,\n\n${text}\n\nMet vriendelijke groet,\nKarin de Vries\n010 123 45 67\n`).map((m) => m.ruleId);
  it.each(['We zijn benieuwd naar uw mening.', 'U bent ons nog € 120 verschuldigd.', 'Tijdens de werkzaamheden kan er overlast zijn.', 'U bent vergeten de huur van mei te betalen.', 'Wij begrijpen dat dit vervelend is.'])(
    'no passive: %s',
    (s) => expect(ids(s)).not.toContain('passive-voice'),
  );
  it('still finds a real passive', () => expect(ids('De ketel wordt op dinsdag door de monteur vervangen.')).toContain('passive-voice'));
  it.each(['informatieavond', 'incassokosten', 'bewonersbijeenkomst', 'huurachterstand', 'sleuteloverdracht', 'veiligheidsinspectie'])('%s is no hard word', (w) =>
    expect(ids(`Op dinsdag is er een ${w} in het buurthuis.`)).not.toContain('long-words'),
  );
  it('still finds a long word that is not made of plain parts', () => expect(ids('Dit is noodzakelijkerwijs zo.')).toContain('long-words'));
  it("a quoted question does not decide the letter's form of address", () =>
    expect(ids('U schreef ons: “Kunnen jullie de kraan in mijn keuken maken?” Dat doen we graag. De loodgieter komt op dinsdag 4 maart bij u langs.')).not.toContain('consistent-address'));
  it('a negation in a relative clause is no refusal', () => expect(ids('Een rookmelder die het niet meer goed doet, vervangt de monteur meteen.')).not.toContain('refusal'));
});

describe('bad news needs a next step', () => {
  const rwa = (body: string) => lint(`Beste mevrouw Jansen,\n\n${body}\n\nHeeft u vragen? Bel ons dan op 010 123 45 67.\n\nMet vriendelijke groet,\nKarin de Vries\n`).filter((m) => m.ruleId === 'refusal-without-alternative');
  it.each([
    ['termination', 'Wij zeggen de huurovereenkomst van uw garage op per 1 maart 2027.'],
    ['delay', 'De renovatie van uw badkamer wordt uitgesteld.'],
    ['cancelled', 'Helaas gaat de bewonersavond van 12 januari niet door.'],
    ['demolition', 'Wij hebben besloten de flat aan de Merelstraat te slopen.'],
  ])('%s without a next step is an error', (_, body) => {
    expect(rwa(body).map((m) => m.severity)).toEqual(['error']);
  });
  it.each([
    ['delay with a new date', 'De renovatie van uw badkamer wordt uitgesteld. De aannemer begint nu op maandag 11 januari.'],
    ['delay until a date', 'De renovatie van uw badkamer is uitgesteld tot 15 maart.'],
    ['delay, we will let you know', 'De renovatie wordt uitgesteld. Wij laten u voor 1 februari weten wanneer de aannemer komt.'],
    ['demolition with help', 'Wij hebben besloten de flat te slopen. Wij helpen u bij het vinden van een andere woning en u krijgt een vergoeding voor de verhuiskosten.'],
    ['a refusal followed by what happens instead', 'Helaas kan de monteur morgen niet komen. Hij komt nu op donderdag 14 maart.'],
    ["the tenant's own termination", 'Wij hebben uw opzegging van de huur ontvangen. De huurovereenkomst eindigt op 1 maart.'],
    ['a threat is not news', 'Dit kan leiden tot ontbinding van de huurovereenkomst.'],
  ])('%s: no finding', (_, body) => {
    expect(rwa(body)).toEqual([]);
  });
});
