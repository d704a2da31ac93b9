import { sentenceLength } from '../../src/rules/readability/sentence-length.js';
import { ruleTester } from '../rule-tester.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Wij' : 'woord')).join(' ') + '.';

ruleTester(sentenceLength, {
  valid: [
    'Op dinsdag 12 maart komt de monteur uw cv-ketel controleren. Dat duurt ongeveer een uur.',
    words(20),
    { text: 'Met vriendelijke groet,\n\nSanne de Vries Woonconsulent Woonstad Rotterdam Telefoon 010-2345678 e-mail s.devries@woonstad.nl bereikbaar maandag dinsdag woensdag donderdag vrijdag van negen tot vijf uur\n', name: 'the signature block is not a sentence' },
    { text: words(25), options: { warning: 25, error: 30 }, name: 'options' },
  ],
  invalid: [
    { text: words(21), errors: [{ line: 1, column: 1, severity: 'warning', message: 'Deze zin heeft 21 woorden (meer dan 20). Splits hem in kortere zinnen.' }] },
    { text: words(31), errors: [{ severity: 'error', message: 'Deze zin heeft 31 woorden (meer dan 30). Splits hem in kortere zinnen.' }] },
    {
      name: 'a placeholder, an amount and a date are one word each',
      text: 'Beste {{huurder.naam}}, wij verhogen uw huur met € 1.412,50 per jaar vanaf 1 juli 2025 omdat de kosten voor onderhoud en energie in uw complex het afgelopen jaar flink zijn gestegen.',
      errors: [{ message: /heeft 28 woorden/ }],
    },
    {
      name: 'CRLF and a sentence inside a list item',
      text: '# Wat doen we?\r\n\r\n- We vervangen in de hele flat alle kozijnen, ramen en deuren door nieuwe exemplaren met dubbel glas die veel beter isoleren.\r\n',
      errors: [{ line: 3, column: 3 }],
    },
  ],
});
