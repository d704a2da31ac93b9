// Dutch passive voice ("lijdende vorm") detection.
//
// A passive is a form of "worden" or "zijn" with a past participle in the
// same clause: "De ketel wordt vervangen", "Uw aanvraag is afgewezen",
// "omdat de sleutels zijn opgehaald". Retext-passive is English only.
//
// What we do (and why):
// - Clauses are split at , ; : ( ) – and at conjunctions that start a new
//   clause (dat, omdat, als, die, maar, want, ...), so "Wij zijn blij dat wij
//   u kunnen helpen" is not a passive. Not at "en"/"of": "De ketels worden in
//   maart en april vervangen" is one clause.
// - "worden" + participle is always passive (except "is geworden").
// - "zijn" + participle is passive unless
//   - the participle is of a verb that forms its perfect tense with "zijn"
//     ("is gekomen", "is verhuisd", "is gebeurd", "is geweest"): that is an
//     active perfect tense;
//   - a form of "hebben" is in the clause ("wij zijn blij en hebben ...
//     betaald": the participle belongs to hebben);
//   - the participle is used as an adjective: "Ons kantoor is gesloten",
//     "U bent verplicht", "Het pand is gelegen aan ...". Whether "De deur is
//     gesloten" is a state or an action cannot be told from the words alone;
//     we read these common stative participles as adjectives UNLESS an agent
//     ("door ...") follows, which makes it an action: "De deur is door de
//     monteur gesloten" is passive.
// - A participle-looking word after "te" or "het" is an infinitive
//   ("om de ketel te vervangen", "aan het vervangen").
// Participles: ge-...-d/t ("gemaakt"), ge-...-en for strong verbs
// ("gebroken"), the same after a separable particle ("opgehaald",
// "doorgegeven", "aangeboden") and after an inseparable prefix without ge-
// ("betaald", "verbroken", "ontvangen", "beëindigd"), plus irregular ones
// ("gebracht", "gedaan").
import type { Sentence, Word } from '../types.js';

const WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden']);
const ZIJN = new Set(['is', 'zijn', 'ben', 'bent', 'was', 'waren']);
const HEBBEN = new Set(['heb', 'hebt', 'heeft', 'hebben', 'had', 'hadden', 'gehad']);
const MODAL = new Set(['kan', 'kunt', 'kunnen', 'kon', 'konden', 'zal', 'zult', 'zullen', 'zou', 'zouden', 'moet', 'moeten', 'moest', 'moesten', 'mag', 'mogen', 'mocht', 'mochten', 'wil', 'wilt', 'willen']);

/** Words that start a new clause. */
const CLAUSE_START = new Set([
  'dat', 'omdat', 'als', 'wanneer', 'zodat', 'nadat', 'voordat', 'terwijl', 'doordat', 'zodra', 'tenzij', 'indien',
  'hoewel', 'want', 'maar', 'dus', 'die', 'waar', 'waarin', 'waarop', 'waarmee', 'waardoor', 'wie', 'welke',
]);

const SEPARABLE = [
  'teweeg', 'terug', 'samen', 'tegen', 'binnen', 'buiten', 'schoon', 'achter', 'dicht', 'langs', 'kwijt', 'thuis',
  'voort', 'aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'op', 'over', 'toe', 'uit', 'vast', 'voor', 'weg',
  'open', 'neer', 'rond', 'los', 'vrij', 'mis', 'goed', 'klaar', 'stil', 'plaats', 'leeg', 'vol', 'bloot', 'kapot',
].sort((a, b) => b.length - a.length);
const INSEPARABLE = ['onder', 'over', 'door', 'achter', 'her', 'ont', 'ver', 'be', 'er', 'mis', 'vol', 'ge'];

/**
 * What follows "ge-" (or an inseparable prefix) in participles of strong and
 * irregular verbs: "ge|broken", "ver|broken", "aan|ge|boden".
 */
const STRONG = new Set(
  (
    'bakken bevolen blazen bleken bleven boden bogen bonden broken bracht daan dacht dragen dreven drongen dronken dwongen ' +
    'gaan geten geven golden gonnen graven grepen hangen heten heven holpen houden keken klommen knepen kocht komen kregen ' +
    'laden laten leden legen lezen logen lopen loren meten nomen noten prezen reden roepen schenen schoten schoven ' +
    'schreven sloten slagen slapen smeten sneden sproken sprongen staan stegen stoken stolen stoten streden streken ' +
    'trokken vallen vangen varen vlogen volen vonden vochten wassen weken wezen wogen wonnen wreven zeten zien zocht ' +
    'zogen zonden zongen zwegen zwommen zworen drogen'
  ).split(' '),
);

/** Participles of verbs that form their perfect tense with "zijn": "is gekomen" is active. */
const ZIJN_VERBS = new Set(
  (
    'gekomen gegaan gebeurd geweest geworden gebleven vertrokken verhuisd begonnen gestopt veranderd verlopen ontstaan ' +
    'gevallen gelukt mislukt geslaagd gestegen gedaald overleden verschenen verdwenen aangekomen meegevallen tegengevallen ' +
    'uitgevallen binnengekomen langsgekomen teruggekomen thuisgekomen afgelopen toegenomen afgenomen gegroeid gebleken ' +
    'verstreken gestorven geëindigd opgehouden vergaan gereisd geland gevlucht gezakt verdwaald gekrompen ingetreden ' +
    'uitgetreden opgestaan ontsnapt omgekomen gewend geboren doorgegaan weggegaan meegegaan uitgegaan ingegaan opgegaan ' +
    'overgegaan verongelukt bijgekomen vooruitgegaan achteruitgegaan gevolgd vergeten gestart overgestapt teruggekeerd afgereisd ' +
    'ingestapt uitgestapt verhuisd doorgestroomd misgegaan foutgegaan gekruist'
  ).split(' '),
);

/**
 * Participles that after "zijn" usually describe a state (an adjective), not
 * an action: reported only with an agent ("door ...").
 */
const STATIVE = new Set(
  (
    'gesloten geopend gelegen gevestigd verplicht bekend bedoeld bestemd betrokken gewend geïnteresseerd gereed bereid ' +
    'gerechtigd genoodzaakt verbonden inbegrepen gehuwd getrouwd gescheiden verhinderd verheugd verbaasd verrast ' +
    'teleurgesteld bezorgd opgelucht verslaafd bevoegd geschikt verkeerd bezet verliefd verwant ' +
    'gebonden gekleed bedroefd geleden gemotiveerd gespecialiseerd verzekerd aangesloten ' +
    // Adjectives and states: "We zijn benieuwd", "U bent ... verschuldigd", "U bent ingeschreven".
    'benieuwd verschuldigd geneigd genegen gesteld gehecht gediend overtuigd ingeschreven aangemeld afgesloten ' +
    'opgenomen verhuurd bewoond gemeubileerd verwarmd geïsoleerd gehandicapt bedankt gewaarschuwd voorbereid ' +
    'welkom verantwoordelijk aanwezig gehouden beschadigd kapot gepland ingepland'
  ).split(' '),
);

/** Nouns and adjectives that look like participles. */
const NOT_PARTICIPLE = new Set(
  (
    'onderhoud verband verstand bestand beleid bericht gebied geluid gezicht gewicht gerecht gedicht gebit geduld gebed ' +
    'gemoed besluit overzicht ontbijt achterstand toestand verbod verleden bedragen verzet bezit gezond gereed geheid ' +
    'gebeente gevecht verlet overleg verhaal verhalen tevreden ontevreden bedrijven gebeurtenis overlast ' +
    'verlof verzuim beroep bezoek verbruik ontslag belang bedrag gebruik gemak geval gedrag verkeer'
  ).split(' '),
);

const participleCache = new Map<string, boolean>();

function strongOrWeakRest(rest: string, afterGe: boolean): boolean {
  if (STRONG.has(rest)) return true;
  // Weak: stem + d/t ("maakt", "haald", "stuurd", "diend", "zet").
  const min = afterGe ? 3 : 4;
  if (rest.length >= min && /[dt]$/.test(rest) && /[aeiouyëïéè]/.test(rest)) {
    // Present-tense-looking endings that are never participles: "-heid", "-teit".
    if (/(?:heid|teit)$/.test(rest)) return false;
    // 't kofschip: without ge- a weak participle ends in -t only after t, k, f, s, ch, p, x or a vowel
    // ("verwacht", "verplaatst"); "betekent", "betaalt", "verhuurt" are present tense (their participles
    // end in -d). After ge- the stem may end in t itself ("terug|ge|stort").
    if (!afterGe && /[^tkfspxhaeiouyëïéè]t$/.test(rest)) return false;
    // A verb stem is short; a long rest is a compound noun ("be|wonersavond").
    const groups = rest.match(/[aeiouyëïéè]+/g)?.length ?? 0;
    // A present participle is the infinitive + d ("ver|velend", "ont|brekend", "be|treffend"): an
    // adjective. A past participle in -end has a one-syllable rest ("ver|wend", "be|kend").
    // (Verbs in -enen have past participles in -end: "be|rekend", "onder|tekend", "ge|opend".)
    if (!afterGe && /[^aeiouyëïéè]end$/.test(rest) && groups >= 2 && !/(?:rekend|tekend|opend|ordend|regend|wapend|tekend)$/.test(rest)) return false;
    return groups <= (afterGe ? 4 : 3);
  }
  return false;
}

/** Without a separable particle: ge-X, or an inseparable prefix + X. */
function bareParticiple(w: string): boolean {
  if (w.startsWith('ge') && strongOrWeakRest(w.slice(2), true)) return true;
  for (const p of INSEPARABLE) {
    if (p === 'ge') continue;
    if (w.startsWith(p) && w.length > p.length + 2) {
      const rest = w.slice(p.length);
      // "betaald", "verbroken", "ontvangen", "beëindigd".
      if (strongOrWeakRest(rest.replace(/^[ëï]/, (c) => (c === 'ë' ? 'e' : 'i')), false)) return true;
    }
  }
  return false;
}

/** True when a lower-cased word looks like a Dutch past participle. */
export function isParticiple(lower: string): boolean {
  const hit = participleCache.get(lower);
  if (hit !== undefined) return hit;
  let result = false;
  if (/^\p{L}+$/u.test(lower) && !NOT_PARTICIPLE.has(lower) && lower.length >= 5) {
    if (ZIJN_VERBS.has(lower) || STATIVE.has(lower)) result = true;
    else if (bareParticiple(lower)) result = true;
    else {
      for (const s of SEPARABLE) {
        if (lower.startsWith(s) && lower.length > s.length + 3) {
          const rest = lower.slice(s.length);
          if (rest.startsWith('ge') || INSEPARABLE.some((p) => p !== 'ge' && rest.startsWith(p))) {
            if (bareParticiple(rest)) {
              result = true;
              break;
            }
          }
        }
      }
    }
  }
  if (participleCache.size > 20_000) participleCache.clear();
  participleCache.set(lower, result);
  return result;
}

export interface PassiveMatch {
  /** The auxiliary (a form of worden or zijn). */
  aux: Word;
  participle: Word;
  /** The word after "door" (the agent), when there is one. */
  agent?: Word;
  start: number;
  end: number;
}

/** Splits a sentence's words into clauses (by punctuation between words and clause-starting conjunctions). */
export function clauses(sentence: Sentence, text: string): Word[][] {
  const out: Word[][] = [];
  let current: Word[] = [];
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1];
    const gap = prev ? text.slice(prev.end, w.start) : '';
    if (current.length > 0 && (/[,;:()–—]/.test(gap) || / - /.test(gap) || (w.kind === 'word' && CLAUSE_START.has(w.lower)))) {
      out.push(current);
      current = [];
    }
    current.push(w);
  }
  if (current.length) out.push(current);
  return out;
}

/** Finds passive constructions in a sentence (at most one per clause). */
export function findPassives(sentence: Sentence, text: string): PassiveMatch[] {
  const found: PassiveMatch[] = [];
  for (const clause of clauses(sentence, text)) {
    const words = clause.filter((w) => w.kind === 'word');
    let aux: Word | undefined;
    let auxIsWorden = false;
    let hasHebben = false;
    for (const w of words) {
      if (WORDEN.has(w.lower)) {
        if (!auxIsWorden) aux = w;
        auxIsWorden = true;
      } else if (ZIJN.has(w.lower) && !aux) aux = w;
      else if (HEBBEN.has(w.lower)) hasHebben = true;
    }
    if (!aux) continue;
    if (hasHebben && !auxIsWorden) continue;
    // "zijn" as an infinitive after a modal ("Er kan overlast zijn", "Het zal klaar zijn") is a state:
    // the passive of a modal takes "worden" ("kan worden vervangen").
    if (!auxIsWorden && aux.lower === 'zijn' && words.some((w) => MODAL.has(w.lower))) continue;
    const agentAt = words.findIndex((w) => w.lower === 'door');
    const agent = agentAt >= 0 ? words[agentAt + 1] : undefined;
    let participle: Word | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w === aux || !isParticiple(w.lower)) continue;
      const before = words[i - 1]?.lower;
      if (before === 'te' || before === 'het') continue;
      // An attributive participle before its noun ("de voorgenomen herinrichting", "een gemaakte afspraak").
      if ((before === 'de' || before === 'een' || before === 'deze' || before === 'die') && words[i + 1] && !ZIJN.has(words[i + 1]!.lower) && !WORDEN.has(words[i + 1]!.lower)) continue;
      if (w.lower === 'geworden' || w.lower === 'geweest') {
        participle = undefined;
        break;
      }
      if (!auxIsWorden) {
        if (ZIJN_VERBS.has(w.lower)) continue;
        if (STATIVE.has(w.lower) && !agent) continue;
      }
      participle = w;
      break;
    }
    if (!participle) continue;
    const start = Math.min(aux.start, participle.start);
    const end = Math.max(aux.end, participle.end);
    found.push({ aux, participle, ...(agent ? { agent } : {}), start, end });
  }
  return found;
}
