import { matchCase } from '../../engine/messages.js';
import { spellingDictionary, type SpellingSuggestion } from '../../spelling/dictionary.js';
import { SpellingCheck, unknownCandidates } from '../../spelling/words.js';
import type { Rule } from '../../types.js';

/** A suggestion this close (one edit; the Dutch list counts a trema or ei/ij as less) is a likely correction. */
export const CLOSE_COST = 100;
/** ... unless it is half an edit or more worse than the best one ("recieve": receive 50, relieve 100). */
export const CLOSE_MARGIN = 50;
/**
 * A suggestion the list builds from this many words or more ("wijk•beheer•duur" for
 * "wijkbeheerdur", meant as "wijkbeheerder") is a guess of the list's compounding: no fix.
 */
const GUESSED_PARTS = 3;
/** Suggestions shown per word. */
const SHOWN = 3;

const quoteList = (words: readonly string[]) =>
  words.length === 1 ? `"${words[0]}"` : `${words.slice(0, -1).map((w) => `"${w}"`).join(', ')} of "${words[words.length - 1]}"`;

export const spelling: Rule = {
  meta: {
    id: 'spelling',
    category: 'spelling',
    defaultSeverity: 'warning',
    description: 'Woorden die niet in de woordenlijst staan, met de woorden die waarschijnlijk bedoeld zijn.',
    rationale:
      'Een typfout in een brief aan duizenden huurders is het eerste wat een lezer ziet, en het kost vertrouwen: "huurrachterstand" of "betalingregeling" in een brief over geld leest slordig. De controle gebruikt de Nederlandse woordenlijst van OpenTaal, die samenstellingen kent (huurachterstand, huurovereenkomst, servicekosten), en voor Engelse brieven (`lang: en`) een Engelse woordenlijst (Nederlandse woorden als huurtoeslag en gemeente zijn daar ook goed). Niet gecontroleerd worden invulvelden, namen (een hoofdletter midden in de zin, de namen in adres en ondertekening), e-mailadressen, websites, codes (postcodes, IBAN, kenmerken), afkortingen, getallen en bedragen, en ook geen zinnen in een andere taal (een Engelse samenvatting onder een Nederlandse brief). Woorden uit het vak die de woordenlijst niet kent, staan in een eigen lijst van huurbrief; de woorden van uw organisatie zet u in `woorden.negeren` in de configuratie (`huurbrief spelling --unknown brieven/` zet alle onbekende woorden van uw brieven op een rij). Alleen als er precies één woord dichtbij ligt, verbetert huurbrief de fout zelf.',
    presets: ['recommended'],
    fixable: true,
    messages: {
      one: 'Onbekend woord "{actual}": bedoelt u "{expected}"?',
      many: 'Onbekend woord "{actual}": bedoelt u {expected}?',
      none: 'Onbekend woord "{actual}": het staat niet in de woordenlijst.',
    },
    examples: {
      valid: [
        { text: 'Uw huurachterstand is € 412,50. Wij maken graag een betalingsregeling met u.', note: 'Samenstellingen kent de woordenlijst.' },
        {
          text: 'Beste mevrouw Öztürk,\n\nDe monteur van Feenstra komt op 3 maart uw cv-ketel nakijken. Mail gerust naar info@delinde.nl.\n',
          note: 'Namen, e-mailadressen, datums en woorden met een streepje zoals "cv-ketel" geven geen melding.',
        },
        {
          text: 'Met de WoonWijzerApp regelt u uw reparatieverzoek zelf.',
          config: { woorden: { negeren: ['WoonWijzerApp'] } },
          note: 'Woorden van uw organisatie zet u in `woorden.negeren`.',
        },
      ],
      invalid: [
        { text: 'U heeft een huurrachterstand van € 412,50.', note: 'Eén woord ligt dichtbij: "huurachterstand". Dat verbetert huurbrief zelf.' },
        { text: 'Wij hebben u hierover eerder geinformeerd.', note: 'Het trema ontbreekt: "geïnformeerd".' },
        { text: 'Wij maken graag een betalingregeling met u.', note: 'De tussen-s ontbreekt: "betalingsregeling".' },
      ],
    },
  },
  check({ doc, config, report }) {
    const dict = spellingDictionary(doc.lang);
    // An English letter to Dutch tenants names Dutch things (huurtoeslag, gemeente): the Dutch list counts too.
    const check = new SpellingCheck(dict, config, doc.lang === 'en' ? spellingDictionary('nl') : undefined, () => spellingDictionary(doc.lang === 'en' ? 'nl' : 'en'));
    for (const c of unknownCandidates(doc, config, check)) {
      // A capitalised word at a sentence start is checked in lower case ("Huurrachterstand").
      const lookup = c.capitalised ? c.word.toLowerCase() : c.word;
      const found: SpellingSuggestion[] = [];
      for (const s of dict.suggest(lookup, SHOWN + 2)) {
        const word = c.capitalised ? matchCase(c.word, s.word) : s.word;
        if (word !== c.word && !found.some((f) => f.word === word)) found.push({ word, cost: s.cost });
      }
      found.sort((a, b) => a.cost - b.cost);
      // A capitalised word that is not close to any word is most likely a name ("Yilmaz belt u").
      if (c.capitalised && !(found[0] && found[0].cost <= CLOSE_COST)) continue;
      // The close words when there are any (a far one next to them is noise), else the nearest.
      const best = found[0]?.cost ?? Infinity;
      const close = found.filter((f) => f.cost <= CLOSE_COST && f.cost < best + CLOSE_MARGIN);
      const shown = (close.length ? close : found).slice(0, SHOWN).map((f) => f.word);
      report({
        messageId: shown.length === 0 ? 'none' : shown.length === 1 ? 'one' : 'many',
        data: { actual: c.word, expected: shown.length === 1 ? shown[0]! : quoteList(shown) },
        start: c.start,
        end: c.end,
        actual: c.word,
        expected: shown,
        // A fix only when exactly one word is close; the engine's guard still decides (names, quotations, ...).
        fix: close.length === 1 && (dict.parts?.(close[0]!.word.toLowerCase()) ?? 1) < GUESSED_PARTS ? { range: [c.start, c.end], text: close[0]!.word } : false,
        note: 'Is het woord toch goed, zoals een naam of een woord van uw organisatie? Zet het dan in `woorden.negeren` in de configuratie.',
      });
    }
  },
};
