import { abbreviations } from '../../src/rules/readability/abbreviations.js';
import { hardSentence } from '../../src/rules/readability/hard-sentence.js';
import { letterReadability } from '../../src/rules/readability/letter-readability.js';
import { longWords } from '../../src/rules/readability/long-words.js';
import { nominalization } from '../../src/rules/readability/nominalization.js';
import { paragraphLength } from '../../src/rules/readability/paragraph-length.js';
import { passiveVoice } from '../../src/rules/readability/passive-voice.js';
import { ruleTester } from '../rule-tester.js';

const GOOD_LETTER = `---
onderwerp: Controle van uw cv-ketel
---
# Wij controleren uw cv-ketel

Beste {{huurder.naam}},

Elk jaar controleren we de cv-ketels in uw straat. Op dinsdag 12 maart komt onze monteur bij u langs. Hij komt tussen 8.00 en 12.00 uur. De controle duurt ongeveer een half uur.

Wilt u thuis zijn? Kunt u niet op 12 maart? Bel ons dan, dan maken we een nieuwe afspraak.

Met vriendelijke groet,

Sandra de Wit
Woonconsulent
`;

const BAD_LETTER = `Geachte heer/mevrouw,

Middels dit schrijven delen wij u mede dat in het kader van het planmatig onderhoud van het complex in de periode van 4 maart tot en met 29 maart onderhoudswerkzaamheden aan de kozijnen zullen worden uitgevoerd door een door de verhuurder ingeschakelde aannemer.

Teneinde de voortgang van de werkzaamheden te waarborgen, verzoeken wij u zorg te dragen voor het vrijmaken van de vensterbanken en het verwijderen van gordijnen, alvorens de aanvang van de werkzaamheden plaatsvindt.

Indien u niet in de gelegenheid bent om op de genoemde data toegang tot de woning te verschaffen, dient u dit schriftelijk kenbaar te maken aan de afdeling Vastgoedonderhoud.

Hoogachtend,

Afdeling Vastgoedonderhoud
`;

ruleTester(letterReadability, {
  valid: [
    GOOD_LETTER,
    { name: 'too short to judge', text: 'Middels dit schrijven delen wij u mede dat de onderhoudswerkzaamheden zullen worden uitgevoerd.' },
  ],
  invalid: [
    {
      text: BAD_LETTER,
      errors: [
        {
          line: 1,
          column: 1,
          message:
            /^Deze brief is moeilijker dan taalniveau B1 \(geschat: C1, Flesch-Douma .*\)\. Wat de brief moeilijk maakt: de zinnen zijn gemiddeld .* woorden lang \(B1: hoogstens 15\);.*lijdende vorm/,
        },
      ],
    },
    {
      name: 'a configured Flesch-Douma threshold',
      text: GOOD_LETTER,
      options: { minFleschDouma: 95, minSentences: 3 },
      errors: [{ line: 4, column: 3, message: /de Flesch-Douma-score is .* \(minstens 95 ingesteld\)/ }],
    },
    {
      name: 'target A2 is stricter',
      text: 'Beste mevrouw Jansen,\n\nOp dinsdag 12 maart komt onze monteur van het installatiebedrijf bij u langs om de jaarlijkse controle van uw cv-ketel uit te voeren. De controle duurt ongeveer een half uur en is gratis voor u. Wilt u die ochtend thuis zijn en zorgen dat de monteur goed bij de ketel kan komen?\n\nMet vriendelijke groet,\n\nSandra de Wit',
      config: { level: 'A2' },
      errors: [{ message: /taalniveau A2 \(geschat: B2,.*de zinnen zijn gemiddeld 17,0 woorden lang \(A2: hoogstens 11\)/ }],
    },
  ],
});

ruleTester(paragraphLength, {
  valid: [GOOD_LETTER, { text: '- Een.\n- Twee.\n- Drie.\n- Vier.\n- Vijf.\n- Zes.\n- Zeven.', name: 'list items count per item' }],
  invalid: [
    {
      text: 'Beste Jan,\n\nDe monteur komt op dinsdag. Hij controleert de ketel. Dat duurt een half uur. Wilt u thuis zijn? Zorg dat hij bij de ketel kan. Kunt u niet? Bel ons dan.',
      errors: [{ line: 3, column: 1, message: 'Deze alinea heeft 7 zinnen (meer dan 5). Maak er twee alinea’s van, met één onderwerp per alinea.' }],
    },
    {
      text: 'Beste Jan,\n\nDe monteur komt op dinsdag. Hij controleert de ketel. Dat duurt een half uur.',
      options: { maxSentences: 2, maxWords: 80 },
      errors: [{ line: 3, column: 1, message: /3 zinnen \(meer dan 2\)/ }],
    },
    {
      text: `Beste Jan,\n\n${'De monteur komt op dinsdag 12 maart tussen acht en twaalf uur bij u langs voor de controle van de ketel, '.repeat(5)}en dat is het.`,
      errors: [{ line: 3, column: 1, message: /Deze alinea heeft \d+ woorden \(meer dan 80\)/ }],
    },
  ],
});

ruleTester(hardSentence, {
  valid: [
    'Op dinsdag 12 maart komt onze monteur bij u langs om uw cv-ketel te controleren.',
    { name: 'a name is not a hard word', text: 'Op dinsdag 12 maart komt een monteur van Installatiebedrijf Verwarmd uw cv-ketel controleren.' },
    { name: 'short sentences are not judged', text: 'Informatiebijeenkomst over verduurzaming.' },
  ],
  invalid: [
    {
      text: 'Ter voorkoming van beschadigingen verzoeken wij u vriendelijk om voorafgaand aan de uitvoering van de onderhoudswerkzaamheden de vensterbanken te ontruimen.',
      errors: [
        {
          line: 1,
          column: 1,
          message:
            /^Deze zin is moeilijk \(Flesch-Douma -?\d+,\d\): lange woorden \("beschadigingen", "vensterbanken"\), naamwoordstijl \("voorkoming", "beschadigingen", "uitvoering"\): gebruik werkwoorden\./,
        },
      ],
    },
    {
      name: 'says when length is the reason',
      text: 'Wij delen u mede dat de jaarlijkse controle van de centrale verwarmingsinstallatie in uw woning volgens de gemaakte afspraken met de bewonerscommissie uitgevoerd zal worden door een erkende installateur van ons vaste installatiebedrijf.',
      errors: [{ message: /de zin heeft 33 woorden/ }],
    },
  ],
});

ruleTester(passiveVoice, {
  valid: [
    'De monteur vervangt op dinsdag 12 maart uw cv-ketel.',
    'De monteur is gisteren bij u geweest.',
    'U bent verhuisd naar de Lindelaan.',
    'Ons kantoor is gesloten op Tweede Paasdag.',
    'Wij zijn van plan de kozijnen te vervangen.',
    { name: 'not in English letters', text: '---\nlang: en\n---\nYour boiler will be replaced on Tuesday.' },
  ],
  invalid: [
    {
      text: 'Uw cv-ketel wordt op dinsdag 12 maart vervangen.',
      errors: [{ line: 1, column: 13, actual: 'wordt op dinsdag 12 maart vervangen', message: 'Lijdende vorm: "wordt op dinsdag 12 maart vervangen". Zeg wie het doet, bijvoorbeeld: "Wij ...".' }],
    },
    {
      text: 'Het grofvuil wordt door ons opgehaald.',
      errors: [{ line: 1, column: 14, message: 'Lijdende vorm: "wordt door ons opgehaald". Begin met wie het doet: "Wij ...".' }],
    },
    { text: 'De verbinding is door de storing verbroken.', errors: [{ message: /Begin met wie het doet: "De storing \.\.\."/ }] },
    { text: 'De sleutels zijn gisteren naar uw nieuwe adres gebracht.', errors: 1 },
    { text: 'Wij laten u weten dat uw aanvraag is afgewezen.', errors: [{ actual: 'is afgewezen' }] },
  ],
});

ruleTester(nominalization, {
  valid: [
    'Wilt u zorgen dat de vensterbanken leeg zijn?',
    'U kunt huurtoeslag aanvragen bij de Belastingdienst.',
    'Wij zorgen voor een nieuwe ketel.',
    // After bij/met/over, "het ... van" names the task the reader is helped with.
    'Heeft u hulp nodig bij het invullen van de aanvraag?',
    'Gaat u verhuizen? Dan denken we graag met u mee over het opzeggen van de huur.',
    'Tijdens de werkzaamheden kunt u gratis gebruikmaken van een wisselwoning.',
    // "het ... van" after a preposition is a task or a moment; "het inkomen van" is a noun.
    'Na het vervangen van de kozijnen maken wij alles schoon.',
    'De Belastingdienst heeft ons laten weten dat het inkomen van uw huishouden is gestegen.',
    // A preposition with a thing, not an action: "bij storing van", "na dagtekening van".
    'Bij storing van de lift kunt u de storingsdienst bellen.',
    'Bij de opening van de nieuwe speeltuin staat er koffie klaar, en bij oplevering van uw woning krijgt u de sleutels.',
    { name: 'a list of works', text: 'Wij doen het volgende:\n\n- het weghalen van de drempel;\n- het verbreden van de deur.' },
  ],
  invalid: [
    {
      text: 'Wij verzoeken u zorg te dragen voor lege vensterbanken.',
      errors: [{ line: 1, column: 17, actual: 'zorg te dragen voor', expected: ['te zorgen voor'], message: 'Naamwoordstijl: schrijf "te zorgen voor" in plaats van "zorg te dragen voor".' }],
    },
    { text: 'De aannemer draagt zorg voor de afvoer van het afval.', errors: [{ expected: ['zorgt voor'] }] },
    { text: 'Het doen van een aanvraag kan online.', errors: [{ column: 1, expected: ['Aanvragen'] }] },
    { text: 'Het invullen van het formulier is verplicht.', errors: [{ column: 1, actual: 'Het invullen van' }] },
    { text: 'Als u niet betaalt, zullen wij overgaan tot ontruiming.', errors: [{ actual: 'overgaan tot', message: 'Naamwoordstijl: "overgaan tot". Gebruik het werkwoord.' }] },
    { text: 'U moet in het bezit zijn van een geldig identiteitsbewijs.', errors: [{ expected: ['hebben'] }] },
    { text: 'Wij nemen uw verzoek in behandeling.', errors: [{ actual: 'nemen uw verzoek in behandeling', expected: ['behandelen'] }] },
    // Any infinitive as the subject, not only the listed ones: a rule said this way is a warning.
    { text: 'Het kappen van bomen in de achtertuin is niet toegestaan.', errors: [{ column: 1, actual: 'Het kappen van', severity: 'warning' }] },
    { text: 'Wij wijzen u erop dat het voeren van duiven verboden is.', errors: [{ actual: 'het voeren van', severity: 'warning' }] },
    // A preposition with a noun made of a verb, and a noun with a light verb in any form.
    { text: 'Bij weigering van de woning vervalt uw inschrijfduur.', errors: [{ column: 1, actual: 'Bij weigering van' }] },
    { text: 'Wij gaan ervan uit dat u medewerking verleent aan de werkzaamheden.', errors: [{ actual: 'medewerking verleent', expected: ['meewerken'] }] },
    // A neutral fact said this way is only a hint.
    { text: 'Het beantwoorden van de vragen duurt ongeveer tien minuten.', errors: [{ actual: 'Het beantwoorden van', severity: 'info' }] },
  ],
});

ruleTester(longWords, {
  valid: [
    'In maart doen we onderhoud aan uw woning.',
    'Uw huurovereenkomst blijft gewoon geldig.',
    'De servicekostenafrekening krijgt u in juni.',
    'U krijgt een inkomensafhankelijke huurverhoging.',
    'Wij plaatsen zonnepanelen en een warmtepomp.',
    { name: 'names', text: 'U kunt terecht bij Woningstichting Vechtdalwonen.' },
    { name: 'words with a hyphen', text: 'Wij controleren uw koolmonoxide-melder.' },
    { name: 'words plain-words reports', text: 'Overeenkomstig de afspraak komen wij langs.' },
  ],
  invalid: [
    {
      text: 'In maart voeren wij onderhoudswerkzaamheden uit.',
      errors: [{ line: 1, column: 21, expected: ['onderhoud', 'het onderhoudswerk'], message: 'Lang woord: "onderhoudswerkzaamheden". Schrijf liever "onderhoud" of "het onderhoudswerk".' }],
      output: 'In maart voeren wij onderhoudswerkzaamheden uit.',
    },
    {
      text: 'Wij bewaren alle correspondentie.',
      errors: [{ expected: ['brieven', 'post'] }],
    },
    { text: 'Dat is onacceptabel gedrag.', errors: [{ message: 'Lang woord: "onacceptabel" (5 lettergrepen). Kan het korter of eenvoudiger?' }] },
    {
      name: 'a legal term is a suggestion, not a fix (long-words.yml: geenHerstel)',
      text: 'U ontvangt een ingebrekestelling.',
      errors: [{ expected: ['laatste waarschuwing'] }],
      output: 'U ontvangt een ingebrekestelling.',
    },
    { text: 'De daaropvolgende week komt de schilder.', errors: [{ expected: ['volgende'] }], output: 'De volgende week komt de schilder.' },
    { name: 'stricter with 4 syllables', text: 'Dat is een bijzondere regel.', options: { minSyllables: 4 }, errors: 1 },
  ],
});

ruleTester(abbreviations, {
  valid: ['In verband met het onderhoud is het water op 4 maart afgesloten.', 'De monteur controleert uw cv-ketel en de wc.', 'De btw is inbegrepen.'],
  invalid: [
    {
      name: 'spelled out it would be officialese of its own: a suggestion, not a fix',
      text: 'I.v.m. het onderhoud is het water op 4 maart afgesloten.',
      errors: [{ line: 1, column: 1, message: 'Schrijf "I.v.m." voluit: "In verband met".', expected: ['In verband met'] }],
      output: 'I.v.m. het onderhoud is het water op 4 maart afgesloten.',
    },
    { text: 'Wij komen z.s.m. bij u langs.', errors: 1, output: 'Wij komen zo snel mogelijk bij u langs.' },
    { text: 'Uw brief d.d. 3 maart jl. hebben wij ontvangen.', errors: 2, output: 'Uw brief d.d. 3 maart jl. hebben wij ontvangen.' },
    { text: 'Neem m.b.t. uw huur, c.q. de servicekosten, contact op.', errors: 2 },
    { text: 'Kijk in de kast, de meterkast, de berging enz.', errors: 1, output: 'Kijk in de kast, de meterkast, de berging enzovoort.' },
    { text: 'Wij zijn open van maandag t/m vrijdag.', errors: 1, output: 'Wij zijn open van maandag tot en met vrijdag.' },
  ],
});
