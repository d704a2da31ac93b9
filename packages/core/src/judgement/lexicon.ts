// Dutch word knowledge for the judgement rules (no-phrasing and tone).
// Hand-written: general NLP libraries (compromise, natural, retext-equality)
// know English inflection and word order only; Dutch needs verb-second /
// verb-final order, separable verbs ("wijzen ... af") and its own negation.

/** Words that negate a clause. "onmogelijk" is handled as a word of its own in the patterns. */
export const NEGATIONS = new Set(['niet', 'geen', 'nooit', 'niets', 'niks', 'nergens', 'geenszins', 'allerminst', 'nimmer', 'noch', 'niemand']);

/** Forms of "hoeven": a negation with "hoeven" is good news ("U hoeft niets te betalen"). */
export const HOEVEN = new Set(['hoef', 'hoeft', 'hoeven', 'hoefde', 'hoefden', 'hoefden', 'gehoeven']);

/** "geen X" / "niet X" that reassure instead of refuse ("Geen zorgen", "niet nodig"). */
export const GOOD_NEWS_AFTER_NEGATION = new Set([
  'zorgen', 'zorg', 'probleem', 'problemen', 'punt', 'moeite', 'haast', 'kosten', 'last', 'overlast',
  'nadeel', 'nadelen', 'gevolgen', 'risico', 'gevaar', 'paniek', 'enkel', 'nodig', 'erg', 'verplicht', 'moeilijk',
  'ingewikkeld', 'bang', 'ongerust', 'vergeten', 'zomaar', 'schrikken', 'ongerust', 'huurverhoging', 'vervelend',
]);

/** A negation followed by one of these (within the phrase) does not negate: "niet alleen ... maar ook", "niet later dan". */
export const NON_NEGATING_NEXT = new Set(['alleen', 'enkel', 'slechts']);
// "niet eerder dan 1 juli" is not in this list: it restricts ("U kunt niet eerder dan 1 juli terecht").
export const COMPARATIVE_NEXT = new Set(['meer', 'later', 'minder', 'langer', 'vaker', 'hoger', 'lager']);

/** Conjunctions that start a new clause. */
export const CLAUSE_STARTERS = new Set([
  'maar', 'want', 'omdat', 'doordat', 'aangezien', 'zodat', 'als', 'indien', 'wanneer', 'tenzij', 'terwijl', 'hoewel',
  'zodra', 'voordat', 'nadat', 'totdat', 'zolang', 'mits', 'dus', 'en', 'of', 'daarom', 'waardoor', 'waarna', 'ofwel',
]);
/** Subordinators after which the clause is a condition, not a statement ("Als u niet thuis bent, ..."). */
export const CONDITIONAL = new Set(['als', 'indien', 'wanneer', 'mocht', 'tenzij', 'zodra', 'zolang', 'mits', 'ingeval', 'of', 'wie']);
/** Subordinators whose clause ends at the next comma. */
export const SUBORDINATORS = new Set([
  'wie', 'omdat', 'doordat', 'aangezien', 'zodat', 'als', 'indien', 'wanneer', 'tenzij', 'terwijl', 'hoewel', 'zodra', 'voordat',
  'nadat', 'totdat', 'zolang', 'mits', 'mocht', 'waardoor', 'ingeval', 'zoals',
]);
/** After "dat" one of these means "dat" is a conjunction ("... dat wij ..."), not a demonstrative ("dat verzoek"). */
export const AFTER_COMPLEMENTISER = new Set([
  'wij', 'we', 'u', 'je', 'jij', 'het', 'er', 'ik', 'zij', 'ze', 'hij', 'de', 'uw', 'deze', 'dit', 'onze', 'ons', 'men',
  'iedereen', 'niemand', 'daar', 'hier', 'een', 'jouw', 'jullie', 'alle', 'huurders', 'bewoners',
]);

/** Reasons: a house rule with a reason is an explained rule, not a bare "no". */
export const REASON_WORDS = new Set([
  'omdat', 'want', 'zodat', 'anders', 'vanwege', 'daarom', 'daardoor', 'veiligheid', 'brandveiligheid', 'voorkomen',
  'voorkomt', 'ter', 'gezondheid', 'schimmel', 'overlast', 'brandgevaar', 'gevaarlijk', 'gevaar', 'beschadigen',
  'beschadigd', 'schade', 'vluchtroute', 'vluchtweg', 'doorgang', 'i.v.m.', 'verband', 'zo', 'buren', 'teneinde', 'opdat',
]);
/** A refusal of something the tenant asked: a reason does not excuse missing an alternative. */
export const REQUEST_WORDS = new Set(['verzoek', 'aanvraag', 'vraag', 'wens', 'verzoeken', 'aanvragen', 'toestemming', 'aanvraagformulier']);

export const WE = new Set(['wij', 'we', 'ik']);
export const YOU_FORMAL = new Set(['u', 'uw', 'uzelf']);
/** The tenant as a subject: "u", "je", "jij", "jullie". */
export const TENANT_SUBJECTS: ReadonlySet<string> = new Set(['u', 'je', 'jij', 'jullie']);
export const YOU_INFORMAL = new Set(['je', 'jij', 'jou', 'jouw', 'jezelf', 'jullie', "jij'", 'jou']);

// ---------------------------------------------------------------------------
// Verbs. A lemma lists its finite and non-finite forms; a separable verb also
// gives its particle, so "wijzen ... af" (verb-second) and "afwijzen" /
// "afgewezen" / "af te wijzen" (verb-final) all match.

export interface Lemma {
  /** Forms written as one word (including the particle for separable verbs). */
  joined: Set<string>;
  /** Forms of the bare verb that need the particle elsewhere in the clause. */
  split: Set<string>;
  particle?: string;
  /** Particles that make a different, separable verb of this one ("in" + "dienen" = "indienen"). */
  homographs?: ReadonlySet<string>;
}

/** Regular present forms from an infinitive: honoreren -> honoreer, honoreert; zetten -> zet; leven -> leef. */
export function presentForms(inf: string): string[] {
  if (!inf.endsWith('en') || inf.length < 4) return [inf];
  let stem = inf.slice(0, -2);
  if (/[aeiouy]$/.test(stem)) return [inf]; // zien, doen: irregular, listed by hand
  const last = stem.slice(-1);
  const prev = stem.slice(-2, -1);
  const before = stem.slice(-3, -2);
  const vowels = 'aeiou';
  if (last === prev && !vowels.includes(last)) stem = stem.slice(0, -1); // zetten -> zet
  else if (!vowels.includes(last) && vowels.includes(prev) && !vowels.includes(before) && prev !== 'i') stem = stem.slice(0, -1) + prev + last; // honorer -> honoreer
  if (stem.endsWith('v')) stem = stem.slice(0, -1) + 'f';
  if (stem.endsWith('z')) stem = stem.slice(0, -1) + 's';
  return [inf, stem, stem.endsWith('t') ? stem : `${stem}t`];
}

interface VerbSpec {
  inf: string;
  particle?: string;
  /** Irregular or past forms of the bare verb. */
  forms?: string[];
  /** Participle (with the particle for separable verbs). */
  pp?: string[];
  /** Particles that turn the bare verb into another verb ("in te dienen" is "indienen"). */
  homographs?: string[];
}

function lemma(spec: VerbSpec): Lemma {
  const bare = new Set([...presentForms(spec.inf), ...(spec.forms ?? [])]);
  const joined = new Set<string>(spec.pp ?? []);
  if (spec.particle) {
    for (const f of bare) joined.add(spec.particle + f);
    return { joined, split: bare, particle: spec.particle };
  }
  for (const f of bare) joined.add(f);
  return spec.homographs ? { joined, split: new Set(), homographs: new Set(spec.homographs) } : { joined, split: new Set() };
}

const VERBS: Record<string, VerbSpec> = {
  honoreren: { inf: 'honoreren', forms: ['honoreerde', 'honoreerden'], pp: ['gehonoreerd'] },
  inwilligen: { inf: 'willigen', particle: 'in', forms: ['willigde', 'willigden'], pp: ['ingewilligd'] },
  toestaan: { inf: 'staan', particle: 'toe', forms: ['sta', 'staat', 'stond', 'stonden'], pp: ['toegestaan'] },
  toelaten: { inf: 'laten', particle: 'toe', forms: ['laat', 'liet', 'lieten'], pp: ['toegelaten'] },
  toewijzen: { inf: 'wijzen', particle: 'toe', forms: ['wijs', 'wijst', 'wees', 'wezen'], pp: ['toegewezen'] },
  toekennen: { inf: 'kennen', particle: 'toe', forms: ['kende', 'kenden'], pp: ['toegekend'] },
  goedkeuren: { inf: 'keuren', particle: 'goed', forms: ['keurde', 'keurden'], pp: ['goedgekeurd'] },
  vergoeden: { inf: 'vergoeden', forms: ['vergoed', 'vergoedde', 'vergoedden'], pp: ['vergoed'] },
  accepteren: { inf: 'accepteren', forms: ['accepteerde', 'accepteerden'], pp: ['geaccepteerd'] },
  aanvaarden: { inf: 'vaarden', particle: 'aan', forms: ['vaard', 'vaardt', 'vaardde', 'vaardden'], pp: ['aanvaard'] },
  meewerken: { inf: 'werken', particle: 'mee', forms: ['werkte', 'werkten'], pp: ['meegewerkt'] },
  ingaan: { inf: 'gaan', particle: 'in', forms: ['ga', 'gaat', 'ging', 'gingen'], pp: ['ingegaan'] },
  voldoen: { inf: 'voldoen', forms: ['voldoe', 'voldoet', 'voldeed', 'voldeden'], pp: ['voldaan'] },
  afwijzen: { inf: 'wijzen', particle: 'af', forms: ['wijs', 'wijst', 'wees', 'wezen'], pp: ['afgewezen'] },
  weigeren: { inf: 'weigeren', forms: ['weiger', 'weigert', 'weigerde', 'weigerden'], pp: ['geweigerd'] },
  helpen: { inf: 'helpen', forms: ['help', 'helpt', 'hielp', 'hielpen'], pp: ['geholpen'] },
  tegemoetkomen: { inf: 'komen', particle: 'tegemoet', forms: ['kom', 'komt', 'kwam', 'kwamen'], pp: ['tegemoetgekomen'] },
  vallen: { inf: 'vallen', forms: ['val', 'valt', 'viel', 'vielen'], pp: ['gevallen'] },
  gaan: { inf: 'gaan', forms: ['ga', 'gaat', 'ging', 'gingen'], pp: ['gegaan'] },
  zien: { inf: 'zien', forms: ['zie', 'ziet', 'zag', 'zagen'], pp: ['gezien'] },
  behoren: { inf: 'behoren', forms: ['behoorde', 'behoorden'], pp: ['behoord'] },
  verlenen: { inf: 'verlenen', forms: ['verleende', 'verleenden'], pp: ['verleend'] },
  geven: { inf: 'geven', forms: ['gaf', 'gaven'], pp: ['gegeven'] },
  nemen: { inf: 'nemen', forms: ['neem', 'neemt', 'nam', 'namen'], pp: ['genomen'] },
  maken: { inf: 'maken', forms: ['maakte', 'maakten'], pp: ['gemaakt'] },
  dienen: { inf: 'dienen', forms: ['diende', 'dienden'], pp: ['gediend'], homographs: ['in'] },
  zijn: { inf: 'zijn', forms: ['ben', 'bent', 'is', 'was', 'waren', 'wezen'], pp: ['geweest'] },
  worden: { inf: 'worden', forms: ['word', 'wordt', 'werd', 'werden'], pp: ['geworden'] },
  hebben: { inf: 'hebben', forms: ['heb', 'hebt', 'heeft', 'had', 'hadden'], pp: ['gehad'] },
  moeten: { inf: 'moeten', forms: ['moet', 'moest', 'moesten'] },
  kunnen: { inf: 'kunnen', forms: ['kan', 'kunt', 'kun', 'kon', 'konden'] },
  mogen: { inf: 'mogen', forms: ['mag', 'moogt', 'mocht', 'mochten'] },
  zullen: { inf: 'zullen', forms: ['zal', 'zult', 'zul', 'zou', 'zouden'] },
  willen: { inf: 'willen', forms: ['wil', 'wilt', 'wou', 'wilde', 'wilden'] },
  laten: { inf: 'laten', forms: ['laat', 'liet', 'lieten'], pp: ['gelaten'] },
  houden: { inf: 'houden', forms: ['houd', 'houdt', 'hou', 'hield', 'hielden'], pp: ['gehouden'] },
  verhalen: { inf: 'verhalen', forms: ['verhaal', 'verhaalt', 'verhaalde', 'verhaalden'], pp: ['verhaald'] },
  ondernemen: { inf: 'ondernemen', forms: ['onderneem', 'onderneemt', 'ondernam', 'ondernamen'], pp: ['ondernomen'] },
  dwingen: { inf: 'dwingen', forms: ['dwing', 'dwingt', 'dwong', 'dwongen'], pp: ['gedwongen'] },
  nalaten: { inf: 'laten', particle: 'na', forms: ['laat', 'liet', 'lieten'], pp: ['nagelaten'] },
  verwachten: { inf: 'verwachten', forms: ['verwacht', 'verwachtte', 'verwachtten'], pp: ['verwacht'] },
  verzoeken: { inf: 'verzoeken', forms: ['verzoek', 'verzoekt', 'verzocht', 'verzochten'], pp: ['verzocht'] },
  vragen: { inf: 'vragen', forms: ['vraag', 'vraagt', 'vroeg', 'vroegen'], pp: ['gevraagd'] },
  eisen: { inf: 'eisen', forms: ['eis', 'eist', 'eiste', 'eisten'], pp: ['geëist'] },
  sommeren: { inf: 'sommeren', forms: ['sommeerde', 'sommeerden'], pp: ['gesommeerd'] },
  vertrouwen: { inf: 'vertrouwen', forms: ['vertrouw', 'vertrouwt', 'vertrouwde', 'vertrouwden'], pp: ['vertrouwd'] },
  hopen: { inf: 'hopen', forms: ['hoopte', 'hoopten'], pp: ['gehoopt'] },
  mededelen: { inf: 'delen', particle: 'mede', forms: ['deel', 'deelt', 'deelde', 'deelden'], pp: ['medegedeeld'] },
  meedelen: { inf: 'delen', particle: 'mee', forms: ['deel', 'deelt', 'deelde', 'deelden'], pp: ['meegedeeld'] },
  ontlenen: { inf: 'ontlenen', forms: ['ontleen', 'ontleent', 'ontleende'], pp: ['ontleend'] },
  treffen: { inf: 'treffen', forms: ['tref', 'treft', 'trof', 'troffen'], pp: ['getroffen'] },
  reageren: { inf: 'reageren', forms: ['reageerde', 'reageerden'], pp: ['gereageerd'] },
  behouden: { inf: 'behouden', forms: ['behoud', 'behoudt', 'behield', 'behielden'], pp: ['behouden'] },
  uitgaan: { inf: 'gaan', particle: 'uit', forms: ['ga', 'gaat', 'ging', 'gingen'], pp: ['uitgegaan'] },
  inschakelen: { inf: 'schakelen', particle: 'in', forms: ['schakel', 'schakelt', 'schakelde', 'schakelden'], pp: ['ingeschakeld'] },
  overdragen: { inf: 'dragen', particle: 'over', forms: ['draag', 'draagt', 'droeg', 'droegen'], pp: ['overgedragen'] },
  overgaan: { inf: 'gaan', particle: 'over', forms: ['ga', 'gaat', 'ging', 'gingen'], pp: ['overgegaan'] },
  ontbinden: { inf: 'ontbinden', forms: ['ontbind', 'ontbindt', 'ontbond', 'ontbonden'], pp: ['ontbonden'] },
  ontruimen: { inf: 'ontruimen', forms: ['ontruim', 'ontruimt', 'ontruimde', 'ontruimden'], pp: ['ontruimd'] },
  informeren: { inf: 'informeren', forms: ['informeerde', 'informeerden'], pp: ['geïnformeerd'] },
  zorgen: { inf: 'zorgen', forms: ['zorg', 'zorgt', 'zorgde', 'zorgden'], pp: ['gezorgd'] },
  zetten: { inf: 'zetten', forms: ['zette', 'zetten'], pp: ['gezet'] },
  // Light verbs of nominal style ("een onderzoek instellen", "een huisbezoek afleggen").
  instellen: { inf: 'stellen', particle: 'in', forms: ['stel', 'stelt', 'stelde', 'stelden'], pp: ['ingesteld'] },
  afleggen: { inf: 'leggen', particle: 'af', forms: ['leg', 'legt', 'legde', 'legden'], pp: ['afgelegd'] },
  // What a landlord may do when the tenant did not do what was asked.
  doorhalen: { inf: 'halen', particle: 'door', forms: ['haal', 'haalt', 'haalde', 'haalden'], pp: ['doorgehaald'] },
  weggooien: { inf: 'gooien', particle: 'weg', forms: ['gooi', 'gooit', 'gooide', 'gooiden'], pp: ['weggegooid'] },
  afzetten: { inf: 'zetten', particle: 'af', forms: ['zet', 'zette', 'zetten'], pp: ['afgezet'] },
  intrekken: { inf: 'trekken', particle: 'in', forms: ['trek', 'trekt', 'trok', 'trokken'], pp: ['ingetrokken'] },
  stopzetten: { inf: 'zetten', particle: 'stop', forms: ['zet', 'zette', 'zetten'], pp: ['stopgezet'] },
  openbreken: { inf: 'breken', particle: 'open', forms: ['breek', 'breekt', 'brak', 'braken'], pp: ['opengebroken'] },
  uitschrijven: { inf: 'schrijven', particle: 'uit', forms: ['schrijf', 'schrijft', 'schreef', 'schreven'], pp: ['uitgeschreven'] },
  annuleren: { inf: 'annuleren', forms: ['annuleerde', 'annuleerden'], pp: ['geannuleerd'] },
  terugvorderen: { inf: 'vorderen', particle: 'terug', forms: ['vorder', 'vordert', 'vorderde', 'vorderden'], pp: ['teruggevorderd'] },
  doen: { inf: 'doen', forms: ['doe', 'doet', 'deed', 'deden'], pp: ['gedaan'] },
  weten: { inf: 'weten', forms: ['weet', 'wist', 'wisten'], pp: ['geweten'] },
  denken: { inf: 'denken', forms: ['denk', 'denkt', 'dacht', 'dachten'], pp: ['gedacht'] },
  meedenken: { inf: 'denken', particle: 'mee', forms: ['denk', 'denkt', 'dacht', 'dachten'], pp: ['meegedacht'] },
  kijken: { inf: 'kijken', forms: ['kijk', 'kijkt', 'keek', 'keken'], pp: ['gekeken'] },
  zoeken: { inf: 'zoeken', forms: ['zoek', 'zoekt', 'zocht', 'zochten'], pp: ['gezocht'] },
  bellen: { inf: 'bellen', forms: ['belde', 'belden'], pp: ['gebeld'] },
  mailen: { inf: 'mailen', forms: ['mail', 'mailt', 'mailde', 'mailden'], pp: ['gemaild'] },
  aanbieden: { inf: 'bieden', particle: 'aan', forms: ['bied', 'biedt', 'bood', 'boden'], pp: ['aangeboden'] },
  bieden: { inf: 'bieden', forms: ['bied', 'biedt', 'bood', 'boden'], pp: ['geboden'] },
  bespreken: { inf: 'bespreken', forms: ['bespreek', 'bespreekt', 'besprak', 'bespraken'], pp: ['besproken'] },
  adviseren: { inf: 'adviseren', forms: ['adviseerde'], pp: ['geadviseerd'] },
  verwijzen: { inf: 'verwijzen', forms: ['verwijs', 'verwijst', 'verwees', 'verwezen'], pp: ['verwezen'] },
  opnemen: { inf: 'nemen', particle: 'op', forms: ['neem', 'neemt', 'nam', 'namen'], pp: ['opgenomen'] },
  langskomen: { inf: 'komen', particle: 'langs', forms: ['kom', 'komt', 'kwam', 'kwamen'], pp: ['langsgekomen'] },
  regelen: { inf: 'regelen', forms: ['regel', 'regelt', 'regelde', 'regelden'], pp: ['geregeld'] },
  uitzetten: { inf: 'zetten', particle: 'uit', forms: ['zet', 'zette', 'zetten'], pp: ['uitgezet'] },
  wijzigen: { inf: 'wijzigen', forms: ['wijzig', 'wijzigt', 'wijzigde'], pp: ['gewijzigd'] },
  verplichten: { inf: 'verplichten', forms: ['verplicht', 'verplichtte'], pp: ['verplicht'] },
  // Rejecting and disappointing.
  afkeuren: { inf: 'keuren', particle: 'af', forms: ['keurde', 'keurden'], pp: ['afgekeurd'] },
  teleurstellen: { inf: 'stellen', particle: 'teleur', forms: ['stel', 'stelt', 'stelde', 'stelden'], pp: ['teleurgesteld'] },
  zitten: { inf: 'zitten', forms: ['zit', 'zat', 'zaten'], pp: ['gezeten'] },
  // Providing: what a tenant asks the corporation to do or give. Negated, these refuse.
  verstrekken: { inf: 'verstrekken', forms: ['verstrekte', 'verstrekten'], pp: ['verstrekt'] },
  vervangen: { inf: 'vervangen', forms: ['verving', 'vervingen'], pp: ['vervangen'] },
  verlengen: { inf: 'verlengen', forms: ['verlengde', 'verlengden'], pp: ['verlengd'] },
  terugdraaien: { inf: 'draaien', particle: 'terug', forms: ['draai', 'draait', 'draaide', 'draaiden'], pp: ['teruggedraaid'] },
  terugbetalen: { inf: 'betalen', particle: 'terug', forms: ['betaal', 'betaalt', 'betaalde', 'betaalden'], pp: ['terugbetaald'] },
  betalen: { inf: 'betalen', forms: ['betaal', 'betaalt', 'betaalde', 'betaalden'], pp: ['betaald'] },
  repareren: { inf: 'repareren', forms: ['repareerde', 'repareerden'], pp: ['gerepareerd'] },
  herstellen: { inf: 'herstellen', forms: ['herstelde', 'herstelden'], pp: ['hersteld'] },
  verhelpen: { inf: 'verhelpen', forms: ['verhelp', 'verhelpt', 'verhielp'], pp: ['verholpen'] },
  kwijtschelden: { inf: 'schelden', particle: 'kwijt', forms: ['scheld', 'scheldt', 'schold'], pp: ['kwijtgescholden'] },
  overnemen: { inf: 'nemen', particle: 'over', forms: ['neem', 'neemt', 'nam', 'namen'], pp: ['overgenomen'] },
  meenemen: { inf: 'nemen', particle: 'mee', forms: ['neem', 'neemt', 'nam', 'namen'], pp: ['meegenomen'] },
  plaatsen: { inf: 'plaatsen', forms: ['plaats', 'plaatst', 'plaatste', 'plaatsten'], pp: ['geplaatst'] },
  aanpassen: { inf: 'passen', particle: 'aan', forms: ['pas', 'past', 'paste', 'pasten'], pp: ['aangepast'] },
  verlagen: { inf: 'verlagen', forms: ['verlaagde', 'verlaagden'], pp: ['verlaagd'] },
  vernieuwen: { inf: 'vernieuwen', forms: ['vernieuw', 'vernieuwt', 'vernieuwde'], pp: ['vernieuwd'] },
  schilderen: { inf: 'schilderen', forms: ['schilder', 'schildert', 'schilderde'], pp: ['geschilderd'] },
  behandelen: { inf: 'behandelen', forms: ['behandel', 'behandelt', 'behandelde'], pp: ['behandeld'] },
  compenseren: { inf: 'compenseren', forms: ['compenseerde'], pp: ['gecompenseerd'] },
  uitvoeren: { inf: 'voeren', particle: 'uit', forms: ['voer', 'voert', 'voerde', 'voerden'], pp: ['uitgevoerd'] },
  leveren: { inf: 'leveren', forms: ['lever', 'levert', 'leverde'], pp: ['geleverd'] },
  // Demanding.
  verlangen: { inf: 'verlangen', forms: ['verlangde', 'verlangden'], pp: ['verlangd'] },
  opdragen: { inf: 'dragen', particle: 'op', forms: ['draag', 'draagt', 'droeg', 'droegen'], pp: ['opgedragen'] },
  rekenen: { inf: 'rekenen', forms: ['reken', 'rekent', 'rekende', 'rekenden'], pp: ['gerekend'] },
  // Threatening: "wij zullen niet aarzelen / schromen".
  aarzelen: { inf: 'aarzelen', forms: ['aarzel', 'aarzelt', 'aarzelde'], pp: ['geaarzeld'] },
  schromen: { inf: 'schromen', forms: ['schroom', 'schroomt', 'schroomde'], pp: ['geschroomd'] },
  wijzen: { inf: 'wijzen', forms: ['wijs', 'wijst', 'wees', 'wezen'], pp: ['gewezen'], homographs: ['toe', 'af', 'aan', 'uit', 'door', 'terug'] },
  dragen: { inf: 'dragen', forms: ['draag', 'draagt', 'droeg', 'droegen'], pp: ['gedragen'], homographs: ['over', 'op', 'bij', 'aan'] },
  afwijken: { inf: 'wijken', particle: 'af', forms: ['wijk', 'wijkt', 'week', 'weken'], pp: ['afgeweken'] },
  veroorzaken: { inf: 'veroorzaken', forms: ['veroorzaak', 'veroorzaakt', 'veroorzaakte', 'veroorzaakten'], pp: ['veroorzaakt'] },
  betreuren: { inf: 'betreuren', forms: ['betreur', 'betreurt', 'betreurde', 'betreurden'], pp: ['betreurd'] },
  getuigen: { inf: 'getuigen', forms: ['getuig', 'getuigt', 'getuigde', 'getuigden'], pp: ['getuigd'] },
  krijgen: { inf: 'krijgen', forms: ['krijg', 'krijgt', 'kreeg', 'kregen'], pp: ['gekregen'] },
  negeren: { inf: 'negeren', forms: ['negeer', 'negeert', 'negeerde', 'negeerden'], pp: ['genegeerd'] },
  // Rules that apply, losing the home, ending the contract.
  gelden: { inf: 'gelden', forms: ['geld', 'geldt', 'gold', 'golden'], pp: ['gegolden'] },
  volgen: { inf: 'volgen', forms: ['volg', 'volgt', 'volgde', 'volgden'], pp: ['gevolgd'] },
  toepassen: { inf: 'passen', particle: 'toe', forms: ['pas', 'past', 'paste', 'pasten'], pp: ['toegepast'] },
  verliezen: { inf: 'verliezen', forms: ['verlies', 'verliest', 'verloor', 'verloren'], pp: ['verloren'] },
  riskeren: { inf: 'riskeren', forms: ['riskeer', 'riskeert', 'riskeerde', 'riskeerden'], pp: ['geriskeerd'] },
  opzeggen: { inf: 'zeggen', particle: 'op', forms: ['zeg', 'zegt', 'zei', 'zeiden'], pp: ['opgezegd'] },
  beeindigen: { inf: 'beëindigen', forms: ['beëindig', 'beëindigt', 'beëindigde', 'beëindigden'], pp: ['beëindigd'] },
  begrijpen: { inf: 'begrijpen', forms: ['begrijp', 'begrijpt', 'begreep', 'begrepen'], pp: ['begrepen'] },
  // Observing, noticing and knowing: the verbs of lecturing ("dat weet u best", "wat u zelf ook wel merkt").
  merken: { inf: 'merken', forms: ['merk', 'merkt', 'merkte', 'merkten'], pp: ['gemerkt'] },
  constateren: { inf: 'constateren', forms: ['constateer', 'constateert', 'constateerde', 'constateerden'], pp: ['geconstateerd'] },
  vaststellen: { inf: 'stellen', particle: 'vast', forms: ['stel', 'stelt', 'stelde', 'stelden'], pp: ['vastgesteld'] },
  bevestigen: { inf: 'bevestigen', forms: ['bevestig', 'bevestigt', 'bevestigde', 'bevestigden'], pp: ['bevestigd'] },
  lezen: { inf: 'lezen', forms: ['lees', 'leest', 'las', 'lazen'], pp: ['gelezen'], homographs: ['door', 'na', 'voor'] },
  doorlezen: { inf: 'lezen', particle: 'door', forms: ['lees', 'leest', 'las', 'lazen'], pp: ['doorgelezen'] },
  nalezen: { inf: 'lezen', particle: 'na', forms: ['lees', 'leest', 'las', 'lazen'], pp: ['nagelezen'] },
  uitleggen: { inf: 'leggen', particle: 'uit', forms: ['leg', 'legt', 'legde', 'legden'], pp: ['uitgelegd'] },
  verbazen: { inf: 'verbazen', forms: ['verbaas', 'verbaast', 'verbaasde', 'verbaasden'], pp: ['verbaasd'] },
  verrassen: { inf: 'verrassen', forms: ['verras', 'verrast', 'verraste', 'verrasten'], pp: ['verrast'] },
  toekomen: { inf: 'komen', particle: 'toe', forms: ['kom', 'komt', 'kwam', 'kwamen'], pp: ['toegekomen'] },
  verstrijken: { inf: 'verstrijken', forms: ['verstrijk', 'verstrijkt', 'verstreek', 'verstreken'], pp: ['verstreken'] },
  vervallen: { inf: 'vervallen', forms: ['verval', 'vervalt', 'verviel', 'vervielen'], pp: ['vervallen'] },
  wegslepen: { inf: 'slepen', particle: 'weg', forms: ['sleep', 'sleept', 'sleepte', 'sleepten'], pp: ['weggesleept'] },
  afvoeren: { inf: 'voeren', particle: 'af', forms: ['voer', 'voert', 'voerde', 'voerden'], pp: ['afgevoerd'] },
  weghalen: { inf: 'halen', particle: 'weg', forms: ['haal', 'haalt', 'haalde', 'haalden'], pp: ['weggehaald'] },
  verwijderen: { inf: 'verwijderen', forms: ['verwijder', 'verwijdert', 'verwijderde', 'verwijderden'], pp: ['verwijderd'] },
  leiden: { inf: 'leiden', forms: ['leid', 'leidt', 'leidde', 'leidden'], pp: ['geleid'], homographs: ['af', 'op', 'in', 'uit', 'om'] },
  kosten: { inf: 'kosten', forms: ['kost', 'kostte', 'kostten'], pp: ['gekost'] },
  tolereren: { inf: 'tolereren', forms: ['tolereer', 'tolereert', 'tolereerde', 'tolereerden'], pp: ['getolereerd'] },
  dulden: { inf: 'dulden', forms: ['duld', 'duldt', 'duldde', 'duldden'], pp: [] },
  aanpakken: { inf: 'pakken', particle: 'aan', forms: ['pak', 'pakt', 'pakte', 'pakten'], pp: ['aangepakt'] },
  uitsluiten: { inf: 'sluiten', particle: 'uit', forms: ['sluit', 'sloot', 'sloten'], pp: ['uitgesloten'] },
  betreden: { inf: 'betreden', forms: ['betreed', 'betreedt', 'betrad', 'betraden'], pp: ['betreden'] },
  dagvaarden: { inf: 'dagvaarden', forms: ['dagvaard', 'dagvaardt', 'dagvaardde'], pp: ['gedagvaard'] },
  brengen: { inf: 'brengen', forms: ['breng', 'brengt', 'bracht', 'brachten'], pp: ['gebracht'] },
};

export const LEMMAS: ReadonlyMap<string, Lemma> = new Map(Object.entries(VERBS).map(([k, v]) => [k, lemma(v)]));

/** Named word classes usable in patterns as UPPER-CASE tokens. */
export const CLASSES: Record<string, ReadonlySet<string>> = {
  WIJ: WE,
  U: new Set(['u', 'je', 'jij']),
  KAN: new Set(['kan', 'kunt', 'kun', 'kunnen']),
  MAG: new Set(['mag', 'mogen', 'moogt']),
  MODAAL: new Set(['kan', 'kunt', 'kun', 'kunnen', 'mag', 'mogen', 'moogt', 'zal', 'zullen', 'zult']),
  BELEID: new Set([
    'beleid', 'beleidsregels', 'beleidslijn', 'regels', 'regelgeving', 'reglement', 'huisregels', 'procedure',
    'procedures', 'richtlijnen', 'richtlijn', 'protocol', 'voorwaarden', 'huurvoorwaarden', 'systeem', 'regeling',
    'toewijzingsregels', 'woonruimteverdeling', 'statuten',
  ]),
};
