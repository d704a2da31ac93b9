import { analyse, type SentenceInfo } from '../../judgement/clauses.js';
import { isLetterBody } from '../../judgement/refusals.js';
import { NEGATIONS, TENANT_SUBJECTS } from '../../judgement/lexicon.js';
import type { LetterDocument, ReportDescriptor, Rule } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

// Blame by a reason clause, found by structure rather than by phrase: the tenant is the subject of
// "omdat / doordat / aangezien / want" and the clause says what the tenant did wrong, did not do, or
// keeps doing ("..., omdat u niet heeft gereageerd", "Doordat u de afvoer niet heeft schoongehouden",
// "Omdat je je afval steeds naast de container zet"). A state ("omdat u geen indicatie hebt"), an
// inability ("omdat u de trap niet meer op kunt") or what we did ("omdat we uw betaling niet hebben
// ontvangen") is a reason, not blame. Writers of the labelled sets marked 29 of 34 such clauses.
const REASON = new Set(['omdat', 'doordat', 'aangezien', 'want']);
const REPEATED = /^(?:steeds|telkens|wederom|opnieuw|alweer|herhaaldelijk|keer|maal)$/;
/** Doing it wrong: "doordat u verkeerd stookt", "omdat u te weinig ventileert". */
const WRONGLY = /^(?:verkeerd|onvoldoende|onjuist|onzorgvuldig|slordig)$/;
const PERFECT_AUX = new Set(['heeft', 'hebt', 'heb', 'bent', 'ben', 'had', 'hadden', 'was', 'waren']);
/** A past participle ("gereageerd", "nagekomen", "voldaan", "verlengd") or a weak past ("reageerde"). */
const PAST_FORM = /^(?:[a-z]*ge[a-zë]{2,}(?:d|t|en)|(?:be|ver|ont|her|vol)[a-zë]{2,}(?:d|t|aan|en)|[a-z]{3,}(?:de|te))$/;
const CAN_OR_NEED = new Set(['kunt', 'kun', 'kan', 'kon', 'konden', 'hoeft', 'hoef', 'hoeven', 'hoefde', 'mag', 'mocht', 'wilt', 'wil', 'wou', 'wilde', 'moet', 'moest']);

interface Blame {
  from: number;
  to: number;
  note: string;
}

function blameReason(info: SentenceInfo): Blame | undefined {
  const w = info.words;
  for (const c of info.clauses) {
    if (!REASON.has(c.opener ?? '')) continue;
    const start = w[c.from]?.lower === c.opener ? c.from + 1 : c.from;
    if (!TENANT_SUBJECTS.has(w[start]?.lower ?? '')) continue;
    const ws = w.slice(start + 1, c.to).map((x) => x.lower);
    if (ws.some((x) => CAN_OR_NEED.has(x))) continue;
    const negated = ws.some((x) => NEGATIONS.has(x));
    const past = ws.some((x, k) => PAST_FORM.test(x) && (k === 0 || ws.slice(0, k).some((y) => PERFECT_AUX.has(y)) || /(?:de|te)$/.test(x)));
    const repeated = ws.some((x) => REPEATED.test(x)) || (ws.includes('te') && ws.includes('weinig'));
    if ((negated && past) || repeated || ws.some((x) => WRONGLY.test(x))) {
      return { from: c.from, to: c.to, note: 'Een reden die zegt wat de huurder fout deed, klinkt als een verwijt. Zeg wat er gebeurd is en wat er nu kan.' };
    }
  }
  return undefined;
}

// The tenant's own act with a reproachful tail: "U bent de regeling niet nagekomen, waardoor ...",
// "U bent niet thuis geweest, terwijl de afspraak was bevestigd", "U heeft uw hond laten poepen
// zonder het op te ruimen", "..., wat wij zeer betreuren", "Je bent nu al voor de derde keer ...",
// "Je hebt de storing pas na drie weken gemeld". The act alone ("Je was niet thuis toen de monteur
// kwam; zullen we ...", "U heeft € 43,20 te veel betaald") is a fact and stays unreported.
const TENANT_AUX = new Set(['heeft', 'hebt', 'heb', 'bent', 'ben', 'had', 'hadden', 'was', 'waren', 'hebben', 'zijn']);
const AGAIN_WORDS = /^(?:opnieuw|wederom|weer|alweer|nogmaals|telkens|steeds)$/;
const COUNT = /^(?:tweede|derde|vierde|vijfde|twee|drie|vier|vijf|meerdere|diverse|\d+)$/;
const VERDICT = /^(?:niet|betreuren|betreurt|betreurden|bedoeling|verwacht|verwachten|onacceptabel|ontoelaatbaar|kwalijk|jammer|vervelend|teleurstellend)$/;

function tenantActWithTail(info: SentenceInfo): Blame | undefined {
  const w = info.words;
  if (!TENANT_SUBJECTS.has(w[0]?.lower ?? '') || !TENANT_AUX.has(w[1]?.lower ?? '')) return undefined;
  const main = info.clauses[0]!;
  // Repetition is a reproach with a failure or "al" ("Je bent nu al voor de derde keer niet komen
  // opdagen"), not in an apology's account ("U heeft daarvoor twee keer een dag vrij genomen").
  let failed = false;
  for (let i = 2; i < main.to; i++) {
    const l = w[i]!.lower;
    if (NEGATIONS.has(l) || l === 'al' || (l === 'te' && w[i + 1]?.lower === 'laat')) failed = true;
  }
  let tail = false;
  for (const c of info.clauses.slice(1)) if (c.opener === 'waardoor' || c.opener === 'terwijl') tail = true;
  for (let i = 2; i < w.length && !tail; i++) {
    const l = w[i]!.lower;
    if (l === 'zonder' && w.slice(i + 1, i + 8).some((x) => x.lower === 'te' || x.lower === 'toestemming')) tail = true;
    else if (failed && i < main.to && AGAIN_WORDS.test(l)) tail = true;
    else if (failed && i < main.to && COUNT.test(l) && /^(?:keer|maal|malen)$/.test(w[i + 1]?.lower ?? '')) tail = true;
    else if (i < main.to && l === 'pas' && (w[i + 1]?.lower === 'na' || /^\d/.test(w[i + 1]?.text ?? ''))) tail = true;
    else if (l === 'wat' && /,\s*$/.test(info.sentence.text.slice(0, w[i]!.start - info.sentence.start)) && w.slice(i + 1).some((x) => VERDICT.test(x.lower))) tail = true;
  }
  return tail ? { from: 0, to: main.to, note: 'Wat de huurder deed, met een verwijt erachter ("waardoor", "terwijl", "alweer"), zet de huurder in de verdediging. Beschrijf wat er gebeurd is en wat er nu moet.' } : undefined;
}

// A reproach as a question: "Heeft u de roosters weer dichtgeplakt?", "Hadden we je niet al
// uitgelegd dat ...?", "Heb je soms doekjes door de wc gespoeld?": a yes/no question about what the
// tenant did (a perfect: an auxiliary first and a participle) with "weer", "soms", "nou", "toch" or
// "niet al". "Heeft u soms hulp nodig?" and "Heeft u nog vragen?" have no participle and stay questions.
const QUESTION_AUX = new Set(['heeft', 'hebt', 'heb', 'had', 'hadden', 'bent', 'ben', 'hebben', 'zijn']);
const REPROACH_IN_QUESTION = new Set(['weer', 'alweer', 'soms', 'nou', 'toch', 'wederom', 'opnieuw']);
function reproachQuestion(info: SentenceInfo): Blame | undefined {
  const w = info.words;
  if (!info.question || !QUESTION_AUX.has(w[0]?.lower ?? '')) return undefined;
  const ws = w.map((x) => x.lower);
  const marker = ws.some((x) => REPROACH_IN_QUESTION.has(x)) || ws.some((x, i) => x === 'niet' && ws[i + 1] === 'al');
  const participle = ws.some((x, i) => i > 1 && PAST_FORM.test(x) && !/(?:de|te)$/.test(x));
  return marker && participle && ws.slice(1, 4).some((x) => TENANT_SUBJECTS.has(x) || x === 'we' || x === 'wij')
    ? { from: 0, to: w.length, note: 'Een vraag die een verwijt is ("Heeft u ... weer ...?") beschaamt. Zeg wat u zag, en vraag wat er speelt.' }
    : undefined;
}

/** The blames found by sentence structure (a reason clause, the act with a tail, a reproachful question). */
function structuralBlames(doc: LetterDocument): ReportDescriptor[] {
  const out: ReportDescriptor[] = [];
  for (const s of doc.sentences) {
    if (!isLetterBody(s)) continue;
    const info = analyse(doc, s);
    const r = info.question ? reproachQuestion(info) : blameReason(info) ?? tenantActWithTail(info);
    if (!r) continue;
    const start = info.words[r.from]!.start;
    const end = info.words[r.to - 1]!.end;
    const actual = doc.text.slice(start, end);
    out.push({
      messageId: 'blame',
      data: { actual },
      start,
      end,
      actual,
      note: r.note,
    });
  }
  return out;
}

export const blaming: Rule = {
  meta: {
    id: 'blaming',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Beschrijf wat er gebeurd is, zonder verwijt ("u heeft nagelaten", "ondanks herhaalde verzoeken", "onacceptabel").',
    rationale:
      'Een verwijt zet de huurder in de verdediging. Vaak is er iets aan de hand: ziekte, schulden, een brief die niet aankwam. Beschrijf feitelijk wat er is (niet) gebeurd en vraag wat er speelt: "Wij hebben uw betaling van maart nog niet ontvangen. Is er iets aan de hand? Bel ons gerust."',
    presets: ['recommended'],
    fixable: false,
    messages: {
      blame: 'Dit klinkt als een verwijt ("{actual}"). Beschrijf feitelijk wat er is gebeurd, en vraag wat er speelt.',
    },
    examples: {
      valid: [{ text: 'Wij hebben uw betaling van maart nog niet ontvangen. Is er iets aan de hand? Bel ons gerust.' }],
      invalid: [
        { text: 'Ondanks herhaalde verzoeken heeft u nagelaten de huur te betalen.', note: 'Wordt: "Wij hebben uw betaling van maart nog niet ontvangen."' },
        { text: 'Dit gedrag is onacceptabel.' },
      ],
    },
    limits: [
      {
        text: 'Spot en vergelijkingen met beelden.',
        example: 'Uw tuin lijkt inmiddels meer op een vuilnisbelt dan op een tuin.',
      },
      {
        text: 'Een verwijt in een compliment.',
        example: 'Het zou fijn zijn als wij u ook eens bij een schoonmaakactie zagen.',
      },
      {
        text: 'Een feit dat als verwijt bedoeld is, zonder verwijtend woord.',
        example: 'Ook na ons gesprek van 12 januari is de overlast niet minder geworden.',
      },
    ],
  },
  check({ doc, report }) {
    const phrased = phraseHits(doc, 'blaming');
    for (const { hit } of phrased) report(phraseReport(doc, hit, 'blame'));
    // A structural blame only where no blaming phrase overlaps it already.
    for (const r of structuralBlames(doc)) {
      if (!phrased.some(({ hit }) => hit.start < r.end && r.start < hit.end)) report(r);
    }
  },
};
