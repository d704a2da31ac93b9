import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/engine/document.js';
import { findPassives, isParticiple } from '../../src/readability/passive.js';

function passives(text: string): string[] {
  const { doc } = buildDocument(text, { lang: 'nl', delimiters: [] });
  return doc.sentences.flatMap((s) => findPassives(s, doc.text).map((p) => doc.text.slice(p.start, p.end)));
}

describe('Dutch passive detection', () => {
  const passive: [string, string][] = [
    ['De deur wordt door ons opgehaald.', 'wordt door ons opgehaald'],
    ['Uw ketel wordt op 12 maart vervangen.', 'wordt op 12 maart vervangen'],
    ['De ruit is vervangen.', 'is vervangen'],
    ['De verbinding is verbroken.', 'is verbroken'],
    ['De sleutels zijn gisteren gebracht.', 'zijn gisteren gebracht'],
    ['Er wordt gebeld.', 'wordt gebeld'],
    ['Uw aanvraag is afgewezen.', 'is afgewezen'],
    ['Wij laten u weten dat uw ketel vervangen wordt.', 'vervangen wordt'],
    ['De kosten worden aan u doorberekend.', 'worden aan u doorberekend'],
    ['De ketels worden in maart en april vervangen.', 'worden in maart en april vervangen'],
    ['Uw huurovereenkomst is beëindigd.', 'is beëindigd'],
    ['De deur is door de monteur gesloten.', 'is door de monteur gesloten'],
    ['Het bedrag wordt teruggestort.', 'wordt teruggestort'],
  ];
  for (const [text, found] of passive) {
    it(`finds "${found}"`, () => expect(passives(text)).toEqual([found]));
  }

  const active = [
    'De monteur is gisteren geweest.',
    'De monteur is gekomen.',
    'U bent verhuisd.',
    'Er is iets gebeurd.',
    'Ons kantoor is gesloten op maandag.',
    'U bent verplicht de huur te betalen.',
    'Wij zijn van plan uw ketel te vervangen.',
    'Wij hebben uw ketel vervangen.',
    'Het onderhoud is klaar.',
    'Uw woning is gelegen aan de Dorpsstraat.',
    'Wij zijn blij dat wij u kunnen helpen.',
    'Het is twee weken geleden.',
    'De monteurs zijn uw ketel aan het vervangen.',
    'U bent welkom op onze bewonersavond.',
    'Er zijn bedragen die u terugkrijgt.',
    'De huur is gestegen.',
    'Het beleid is veranderd.',
  ];
  for (const text of active) {
    it(`finds nothing in "${text}"`, () => expect(passives(text)).toEqual([]));
  }

  it('recognises separable, inseparable and irregular participles', () => {
    for (const w of ['opgehaald', 'doorgegeven', 'aangeboden', 'gebracht', 'verbroken', 'betaald', 'gecontroleerd', 'geïnformeerd']) {
      expect(isParticiple(w), w).toBe(true);
    }
    for (const w of ['onderhoud', 'bewoners', 'verhuurder', 'geweldig', 'gesprekken', 'beleid', 'bewonersavond']) {
      expect(isParticiple(w), w).toBe(false);
    }
  });
});
