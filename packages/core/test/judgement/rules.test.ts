// Rule tests: word order, separable verbs, negation scope, alternatives,
// placeholders, severity of formal notices, fixes. Realistic Dutch letter text.
import { describe, expect, it } from 'vitest';
import { presentForms } from '../../src/judgement/lexicon.js';
import { blaming } from '../../src/rules/judgement/blaming.js';
import { commanding } from '../../src/rules/judgement/commanding.js';
import { consistentAddress } from '../../src/rules/judgement/consistent-address.js';
import { impersonal } from '../../src/rules/judgement/impersonal.js';
import { policyShield } from '../../src/rules/judgement/policy-shield.js';
import { refusal } from '../../src/rules/judgement/refusal.js';
import { refusalWithoutAlternative } from '../../src/rules/judgement/refusal-without-alternative.js';
import { shouting } from '../../src/rules/judgement/shouting.js';
import { stockPhrases } from '../../src/rules/judgement/stock-phrases.js';
import { threatening } from '../../src/rules/judgement/threatening.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(refusal, {
  valid: [
    // A "maar" clause that names what may or can is the alternative.
    'Je mag niet je hele achtertuin betegelen, maar een terras tot de helft van de tuin is prima.',
    'Wij kunnen de huurverhoging niet terugdraaien, maar misschien hebt u recht op meer huurtoeslag.',
    // Reassurance and reports are no refusal.
    'Nee, je hoeft de schuur niet leeg te halen voordat de schilder komt.',
    'Volgens onze administratie is de huur over april nog niet voldaan.',
    'Wij hebben u op 3 maart niet thuis getroffen.',
    'U hoeft niets te betalen.',
    'Niet thuis? Geen probleem.',
    'Er zijn geen extra kosten.',
    'We komen niet binnen zonder afspraak.',
    'Geen zorgen: de werkzaamheden kosten u niets.',
    'Een dakkapel is niet mogelijk, maar we kunnen wel een dakraam plaatsen.',
    'Wij kunnen uw verzoek niet honoreren. Wel bieden wij u een andere woning aan.',
    'Als dat niet mogelijk is, bel ons dan gerust.',
    'Kunt u niet thuis zijn? Laat het ons weten.',
    'Roken in de lift is niet toegestaan, omdat de rook in het trappenhuis blijft hangen.',
    'Wij wijzen u erop dat de werkzaamheden om 8 uur beginnen.',
    'U bent niet aansprakelijk voor de lekkage.',
    { name: 'negation only inside a placeholder', text: 'Beste {{niet_mogelijk}},\n\nWe komen op dinsdag.' },
  ],
  invalid: [
    // A pronoun in a relative clause is that clause's subject: "u" there does not make it good news.
    { text: 'De kosten die u heeft gemaakt om zelf de kraan te vervangen, worden door ons niet vergoed.', errors: [{ actual: 'niet vergoed' }] },
    // What the refusal names is not its alternative: the arrangement turned down offers nothing.
    { text: 'Hierbij delen wij u mede dat uw aanvraag voor een betalingsregeling is afgewezen.', errors: [{ actual: 'afgewezen' }] },
    // "uw voorstel" is the tenant's proposal, not our alternative.
    { text: 'Uw voorstel om € 25 per maand af te lossen, wordt afgewezen.', errors: 1 },

    {
      name: '"dus die ruil": a demonstrative after a conjunction, not a relative clause',
      text: 'Je ruilpartner verdient meer dan de inkomensgrens, dus die ruil kunnen we helaas niet goedkeuren.',
      errors: 1,
    },
    { name: 'verb-second', text: 'Helaas kunnen wij uw verzoek niet honoreren.', errors: [{ line: 1, column: 8, severity: 'warning', actual: 'kunnen wij uw verzoek niet honoreren' }] },
    { name: 'verb-final', text: 'Wij laten u weten dat wij uw verzoek niet kunnen honoreren.', errors: [{ line: 1, column: 23 }] },
    { name: 'passive with modal', text: 'Uw verzoek kan niet worden ingewilligd.', errors: 1 },
    { name: 'separable verb, split', text: 'Wij wijzen uw verzoek om een dakkapel af.', errors: [{ actual: 'wijzen uw verzoek om een dakkapel af' }] },
    { name: 'separable verb, joined', text: 'Wij hebben besloten uw aanvraag af te wijzen.', errors: 1 },
    { name: 'participle', text: 'Uw aanvraag is afgewezen.', errors: [{ actual: 'afgewezen' }] },
    { name: 'capital at sentence start', text: 'Niet mogelijk is een tweede parkeerplaats.', errors: 1 },
    { name: 'the alternative is two paragraphs away', text: 'Uw aanvraag is afgewezen.\n\nHeeft u vragen? Bel ons.', errors: 1 },
    {
      name: 'suggestion and note in Dutch',
      text: 'Wij maken hierop geen uitzondering.',
      errors: [{ message: 'Hier staat een nee ("geen uitzondering"), maar niet wat wel kan. Zeg in deze of de volgende zin wat de huurder wel kan doen.' }],
    },
  ],
});

ruleTester(refusalWithoutAlternative, {
  valid: [
    'Uw aanvraag is afgewezen.\n\nWel kunt u zich inschrijven voor een seniorenwoning.',
    '# Uw aanvraag\n\nU komt niet in aanmerking voor een urgentieverklaring.\n\n# Wat kunt u wel doen?\n\nU kunt met voorrang reageren op woningen in uw wijk.',
    'Op dinsdag komt de monteur. U hoeft niets te betalen.',
    // The tenant may end the lease: that is information, not bad news from us.
    'Je kunt je huur opzeggen met een brief of via Mijn Woning; de opzegtermijn is een maand.',
    // The demolition as a point in time, not the news of it.
    'Tot de sloop wonen er tijdelijke bewoners in de lege woningen, zodat het complex veilig blijft.',
  ],
  invalid: [
    {
      name: '"Heeft u vragen? Bel ons." is no alternative',
      text: 'Uw aanvraag is afgewezen. Dat is ons beleid.\n\nHeeft u vragen? Bel ons op 020 123 45 67.',
      errors: [{ line: 1, column: 16, severity: 'error' }],
    },
    {
      name: 'per section',
      text: '# Uw keuken\n\nWij kunnen uw keuken niet vervangen.\n\n# Uw badkamer\n\nDe badkamer knappen we wel op.\n\n# Uw tuin\n\nEen schuur staan wij niet toe.',
      errors: 1,
    },
  ],
});

ruleTester(policyShield, {
  valid: ['Volgens de regels van de huurcommissie mag de huur met 5 procent omhoog.', 'Deze regel is er voor uw veiligheid.'],
  invalid: [
    { text: 'Conform ons beleid kunnen wij hierop geen uitzondering maken.', errors: [{ actual: 'Conform ons beleid' }] },
    { text: 'Volgens de regels kunnen wij uw verzoek niet honoreren.', errors: 1 },
    { text: 'Ons beleid staat dit niet toe.', errors: 1 },
  ],
});

ruleTester(commanding, {
  valid: [
    // The deadline of an option the tenant has, not an order.
    'Bent u het niet eens met de nieuwe huur? Dan kunt u bezwaar maken. Dat moet vóór 1 juli 2026.',
    // What happens otherwise by itself is a reason.
    'Zet uw afval niet naast de container, anders komen er ratten op af.','Wilt u de meterstand voor 1 mei doorgeven? Dan klopt uw afrekening.', 'Meedoen is niet verplicht.', 'U bent niet verplicht om mee te doen.',
    // "Laat" offers a next step; with a state and a reason it is a kind instruction.
    'Laat het ons weten als u vragen heeft.',
    'Laat de ventilatieroosters altijd open staan, ook in de winter, zodat het vocht weg kan.',
  ],
  invalid: [
    {
      name: '"Dat moet vóór ..." after a sentence that offers nothing is still an order',
      text: 'De tuin is niet opgeruimd. Dat moet vóór 1 juli 2026.',
      errors: 1,
    },
    {
      name: 'a demand with our sanction after "anders" / "zo niet": the sanction is no reason',
      text: 'Verwijder de duiventil binnen 14 dagen van uw balkon, zo niet dan doen wij dat op uw kosten.',
      errors: [{ column: 1, actual: 'Verwijder' }],
    },
    {
      text: 'Houd je aan de huisregels, anders volgt een officiële waarschuwing.',
      errors: [{ column: 1, actual: 'Houd' }],
    },
    { name: 'verb-second "dient u ... te"', text: 'Voor 1 mei dient u de meterstand door te geven.', errors: 1 },
    { text: 'Wij verwachten dat u de woning schoon oplevert.', errors: 1 },
    { text: 'Deelname aan dit onderhoud is verplicht!', errors: 1 },
    { name: '"laat" with a state', text: 'Laat de mechanische ventilatie altijd aanstaan.', errors: [{ column: 1, actual: 'Laat' }] },
    { name: '"ook niet als" is a concession, not a condition', text: 'Haal nooit de batterij uit de rookmelder, ook niet als hij piept.', errors: 1 },
  ],
});

const aanmaning = (body: string) => `---\ntype: aanmaning\n---\nBeste meneer Bakker,\n\n${body}\n\nMet vriendelijke groet,\n\nMohamed El Amrani`;

ruleTester(threatening, {
  valid: ['Wij schakelen geen deurwaarder in als u een betalingsregeling met ons afspreekt.', 'U wordt niet uit huis gezet.', 'Wij nemen maatregelen tegen de overlast van hangjongeren.'],
  invalid: [
    { text: 'Betaalt u niet, dan zien wij ons genoodzaakt juridische stappen te ondernemen.', errors: [{ actual: 'genoodzaakt', severity: 'error' }, { actual: 'juridische stappen' }] },
    {
      name: 'formal notice with help: warning',
      text: aanmaning('Betaalt u niet voor 1 juni, dan dragen wij de vordering over aan de deurwaarder. Lukt betalen niet? Bel mij op 020 123 45 67, dan maken we samen een betalingsregeling.'),
      errors: [{ actual: 'deurwaarder', severity: 'warning' }],
    },
    {
      name: 'formal notice without help: still an error',
      text: aanmaning('Betaalt u niet voor 1 juni, dan dragen wij de vordering over aan de deurwaarder.'),
      errors: [{ actual: 'deurwaarder', severity: 'error', message: /biedt geen hulp of contact aan/ }],
    },
  ],
});

ruleTester(blaming, {
  valid: [
    'Wij hebben uw betaling van maart nog niet ontvangen.',
    'Wij hadden u eerder moeten informeren. Sorry daarvoor.',
    // A reason that is a state, an inability or our own act; the tenant's act told as a fact.
    'Voor een verhoogd toilet komt u niet in aanmerking, omdat u geen indicatie heeft; wel kunt u een toiletverhoger lenen.',
    'Omdat u de trap niet meer op kunt, zoeken we samen met u een woning op de begane grond.',
    'Omdat we uw loonstrook nog niet hebben, kunnen we uw aanvraag nog niet afronden; stuurt u hem vóór 1 juni?',
    'Je was niet thuis toen de monteur kwam; zullen we een nieuwe afspraak maken?',
    'Twee keer kwam er niemand. U heeft daarvoor twee keer een dag vrij genomen. Dat spijt ons.',
    // Questions that ask, and an adverb that looks like a participle ("gerust").
    'Heeft u soms hulp nodig? Heeft u de meterstand al doorgegeven?',
    'Hebt u vragen over wat wel en niet mag in de tuin, bel dan gerust met Anja.',
  ],
  invalid: [
    { text: 'Ondanks herhaalde verzoeken heeft u nagelaten de huur te betalen.', errors: 2 },
    // A reason clause that says what the tenant did wrong or did not do.
    { text: 'Je fiets hebben we weggehaald, omdat je niet reageerde op onze brief.', errors: [{ actual: 'omdat je niet reageerde op onze brief' }] },
    { text: 'De schimmel in uw badkamer is ontstaan doordat u verkeerd stookt en ventileert.', errors: 1 },
    // A reproach as a question about what the tenant did.
    { text: 'Heeft u de ventilatieroosters weer dichtgeplakt?', errors: 1 },
    { text: 'Hadden we je niet al uitgelegd dat je de ketel zelf moet bijvullen?', errors: 1 },
    // The tenant's act with a reproachful tail.
    { text: 'U bent de betalingsregeling niet nagekomen, waardoor deze is vervallen.', errors: [{ actual: 'U bent de betalingsregeling niet nagekomen' }] },
    { text: 'Je bent nu al voor de derde keer niet komen opdagen bij een bezichtiging.', errors: 1 },
    { text: 'U heeft de drempels laten weghalen zonder ons om toestemming te vragen.', errors: 1 },
    { text: 'Het kan toch niet zo moeilijk zijn om de container buiten te zetten.', errors: 1 },
  ],
});

ruleTester(impersonal, {
  valid: [
    'U kunt de sleutel ophalen.\n\nMet vriendelijke groet,\n\nSanne de Vries\nAfdeling Verhuur',
    'U kunt de sleutel ophalen.\n\nMet vriendelijke groet,\n\n{{medewerker.naam}}\nTeam Verhuur',
    'Het contract tussen huurder en verhuurder staat in de bijlage.',
  ],
  invalid: [
    { text: 'Men kan de sleutel ophalen bij het wijkkantoor.', errors: [{ actual: 'Men' }] },
    { text: 'Er wordt van uitgegaan dat de woning leeg wordt opgeleverd.', errors: 1 },
    {
      name: 'closing signed only by a department',
      text: 'U kunt de sleutel ophalen.\n\nMet vriendelijke groet,\n\nAfdeling Verhuur\nWoonstichting De Linde',
      errors: [{ line: 5, column: 1, actual: 'Afdeling Verhuur' }],
    },
  ],
});

ruleTester(stockPhrases, {
  valid: ['Met deze brief vertellen we u over de werkzaamheden.', 'Met vriendelijke groet,'],
  invalid: [
    { text: 'Middels dit schrijven informeren wij u over de werkzaamheden.', errors: [{ expected: ['Met deze brief'] }], output: 'Met deze brief informeren wij u over de werkzaamheden.' },
    { text: 'Hoogachtend,\n\nSanne de Vries', errors: 1, output: 'Met vriendelijke groet,\n\nSanne de Vries' },
    { name: 'no fix without one plain replacement', text: 'Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.', errors: 1, output: 'Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.' },
  ],
});

ruleTester(shouting, {
  valid: ['Welkom in uw nieuwe woning!', 'Uw BSN en IBAN hebben wij niet nodig.', 'Geen zorgen!'],
  invalid: [
    {
      name: 'capitals are a suggestion, never a fix (a merge field like ACHTERNAAM is in capitals too)',
      text: 'LET OP: de lift is vanaf maandag buiten gebruik.',
      errors: [{ actual: 'LET OP', expected: ['Let op'] }],
      output: 'LET OP: de lift is vanaf maandag buiten gebruik.',
    },
    { text: 'Houd de gang vrij!!', errors: 1, output: 'Houd de gang vrij.' },
    { text: 'Fietsen in de gang zijn verboden!', errors: [{ actual: '!' }] },
  ],
});

ruleTester(consistentAddress, {
  valid: ['U kunt uw sleutel ophalen. Wilt u uw pas meenemen?', 'Je kunt je sleutel ophalen. Neem je pas mee.'],
  invalid: [
    { name: 'majority u', text: 'U kunt je sleutel ophalen. Wilt u uw pas meenemen?', errors: [{ actual: 'je', expected: ['uw'] }] },
    { name: '"je" as a subject becomes "u"', text: 'Als je vragen heeft, kunt u ons bellen. Wij helpen u graag.', errors: [{ actual: 'je', expected: ['u'] }] },
    { name: 'majority je', text: 'Je kunt je sleutel ophalen. Neem je pas mee, want u heeft hem nodig.', errors: [{ actual: 'u', expected: ['je'] }] },
    { name: 'uw versus jouw', text: 'Heeft u vragen over jouw huurcontract? Bel uw consulent.', errors: [{ actual: 'jouw', expected: ['uw'] }] },
  ],
});

describe('Dutch present forms', () => {
  it('derives regular forms', () => {
    expect(presentForms('honoreren')).toEqual(['honoreren', 'honoreer', 'honoreert']);
    expect(presentForms('zetten')).toEqual(['zetten', 'zet', 'zet']);
    expect(presentForms('leven')).toEqual(['leven', 'leef', 'leeft']);
    expect(presentForms('reizen')).toEqual(['reizen', 'reis', 'reist']);
  });
});
