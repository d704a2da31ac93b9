import { ruleTester } from '../rule-tester.js';
import { malformedPlaceholder } from '../../src/rules/letter/malformed-placeholder.js';
import { unknownPlaceholder } from '../../src/rules/letter/unknown-placeholder.js';
import { unusedVariable } from '../../src/rules/letter/unused-variable.js';

const fm = (vars: string) => `---\nonderwerp: Onderhoud aan uw cv-ketel\nvariabelen: [${vars}]\n---\n\n`;

ruleTester(unknownPlaceholder, {
  valid: [
    fm('huurder.naam, datum') + 'Beste {{ huurder.naam }},\n\nOp {{datum}} komt de monteur.\n',
    { name: 'parent declared covers children', text: fm('huurder') + 'Beste {{huurder.naam}},\n\nUw huurnummer is {{huurder.huurnummer}}.\n' },
    {
      name: 'fields inside each, declared with the list prefix',
      text: fm('reparaties.omschrijving, reparaties') + '{{#each reparaties}}\n- {{omschrijving}} ({{@index}})\n{{/each}}\n',
    },
    { name: 'block params', text: fm('reparaties.omschrijving') + '{{#each reparaties as |r|}}\n- {{r.omschrijving}}\n{{/each}}\n' },
    { name: 'no declarations: nothing is unknown', text: 'Beste {{naam}},\n\nOp {{datum}} komt de monteur.\n' },
    { name: 'mail merge ignores case', text: fm('Naam') + 'Beste «naam»,\n' },
    { name: 'helper calls: only the arguments are variables', text: fm('datum') + 'Op {{formatDatum datum "lang"}} komt de monteur.\n' },
    { name: 'custom delimiters', text: fm('naam') + 'Beste [naam],\n\nZie [de website](https://example.nl).\n', config: { placeholders: { delimiters: [['[', ']']] } } },
  ],
  invalid: [
    {
      text: fm('huurder.naam, datum') + 'Beste {{huurder.nam}},\n\nOp {{datum}} komt de monteur.\n',
      errors: [{ line: 6, column: 9, message: 'Het invulveld "huurder.nam" staat niet in de variabelen van dit sjabloon. Bedoelt u "huurder.naam"?', expected: ['huurder.naam'] }],
      // A suggestion, never a fix: --fix does not change what a merge inserts.
      output: fm('huurder.naam, datum') + 'Beste {{huurder.nam}},\n\nOp {{datum}} komt de monteur.\n',
    },
    {
      name: 'section arguments are references too',
      text: fm('naam') + 'Beste {{naam}},\n\n{{#if achterstand}}\nU heeft een achterstand.\n{{/if}}\n',
      errors: [{ line: 8, column: 1, message: 'Het invulveld "achterstand" staat niet in de variabelen van dit sjabloon.' }],
    },
    {
      name: 'mail merge near miss',
      text: fm('Achternaam, Huurnummer') + 'Beste mevrouw «Achtemaam»,\n\nUw huurnummer is «Huurnummer».\n',
      errors: [{ line: 6, column: 16, message: /Bedoelt u "Achternaam"\?/ }],
    },
    {
      name: 'strict: declarations required',
      text: 'Beste {{naam}},\n\nOp {{datum}} komt de monteur.\n',
      options: { verplicht: true },
      errors: [{ line: 1, column: 7, message: 'Dit sjabloon gebruikt invulvelden, maar noemt ze niet in de front matter. Zet bovenaan `variabelen: [naam, datum]`.' }],
    },
  ],
});

ruleTester(unusedVariable, {
  valid: [
    fm('huurder.naam, datum') + 'Beste {{huurder.naam}},\n\nOp {{datum}} komt de monteur.\n',
    { name: 'used only as a section', text: fm('naam, hond') + 'Beste {{naam}},\n\n{{#if hond}}\nWilt u uw hond binnen houden?\n{{/if}}\n' },
    { name: 'used via with', text: fm('huurder.naam') + '{{#with huurder}}\nBeste {{naam}},\n{{/with}}\n' },
  ],
  invalid: [
    {
      text: fm('huurder.naam, huurnummer, datum') + 'Beste {{huurder.naam}},\n\nOp {{datum}} komt de monteur.\n',
      errors: [{ line: 3, column: 28, endColumn: 38, message: 'De variabele "huurnummer" staat in de front matter, maar wordt nergens in de brief gebruikt.' }],
    },
    {
      name: 'map form',
      text: '---\nvariabelen:\n  naam: Naam van de huurder\n  datum: Datum van het bezoek\n---\n\nBeste {{naam}},\n',
      errors: [{ line: 4, column: 3 }],
    },
  ],
});

ruleTester(malformedPlaceholder, {
  valid: [
    'Beste {{huurder.naam}},\n\n{{#if hond}}\nWilt u uw hond binnen houden?\n{{else}}\nFijn.\n{{/if}}\n',
    { name: 'mustache sections', text: 'Beste {{naam}},\n\n{{#hond}}Wilt u uw hond binnen houden?{{/hond}}{{^hond}}Fijn.{{/hond}}\n' },
    { name: 'triple braces', text: 'Beste {{{naam}}},\n' },
  ],
  invalid: [
    { text: 'Beste {{naam,\n\nOp dinsdag komt de monteur.\n', errors: [{ line: 1, column: 7, endColumn: 13, message: 'Het invulveld "{{naam" is niet gesloten. Schrijf "{{naam}}".' }], output: 'Beste {{naam,\n\nOp dinsdag komt de monteur.\n' },
    { text: 'Beste {naam}},\n', errors: [{ line: 1, column: 7, message: 'Het invulveld "{naam}}" heeft één accolade te weinig. Schrijf "{{naam}}".' }], output: 'Beste {naam}},\n' },
    { text: 'Beste {{}},\n', errors: [{ line: 1, column: 7, message: 'Dit invulveld is leeg: er staat geen naam tussen de tekens.' }] },
    { name: 'mixed delimiters {{naam»', text: 'Beste {{naam»,\n', errors: [{ line: 1, column: 7, endColumn: 14, message: /mengt twee soorten tekens/ }] },
    { name: 'mixed delimiters «naam}}', text: 'Beste «naam}},\n', errors: [{ line: 1, column: 7, endColumn: 14, message: /mengt twee soorten tekens/ }] },
    { name: 'stray closer', text: 'Beste naam}},\n', errors: [{ line: 1, column: 11, message: /sluittekens "}}" zonder begin/ }] },
    {
      name: 'unclosed section',
      text: 'Beste {{naam}},\n\n{{#if hond}}\nWilt u uw hond binnen houden?\n',
      errors: [{ line: 3, column: 1, message: 'De sectie "{{#if hond}}" wordt niet gesloten. Zet "{{/if}}" aan het eind.' }],
    },
    {
      name: 'mismatched close',
      text: '{{#if hond}}\nWilt u uw hond binnen houden?\n{{/each}}\n',
      errors: [{ line: 3, column: 1, message: 'Deze sluittag "{{/each}}" past niet bij "{{#if hond}}". Schrijf "{{/if}}".' }],
      output: '{{#if hond}}\nWilt u uw hond binnen houden?\n{{/each}}\n',
    },
    { name: 'stray section close', text: 'Wilt u uw hond binnen houden?\n{{/if}}\n', errors: [{ line: 2, column: 1, message: /die niet geopend is/ }] },
    { name: 'else outside', text: 'Fijn.\n{{else}}\nJammer.\n', errors: [{ line: 2, column: 1, message: /staat buiten een sectie/ }] },
    { name: 'bad name', text: 'Beste {{naam!}},\n', errors: [{ line: 1, column: 7, message: 'De naam "naam!" in dit invulveld bevat tekens die niet in een naam horen.' }] },
  ],
});
