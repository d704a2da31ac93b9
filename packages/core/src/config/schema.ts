import { CONTEXT_NAMES } from '../engine/fix-contexts.js';
import type { OptionSchema, Rule } from '../types.js';

const stringList: OptionSchema = { type: 'array', items: { type: 'string' } };
const houseWord: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    woord: { type: 'string', description: 'Het woord of de woordgroep.' },
    gebruik: { description: 'Wat u in plaats daarvan schrijft (tekst of lijst).' },
    uitleg: { type: 'string', description: 'Waarom (getoond bij de melding).' },
    herstel: {
      type: 'array',
      items: { type: 'string', enum: [...CONTEXT_NAMES] },
      description: 'Alleen automatisch verbeteren waar al deze contexten gelden (zoals in de ingebouwde woordenlijsten, zie docs/fixes.md), bijv. ["niet-na-lidwoord"].',
    },
    geenHerstel: { type: 'string', description: 'Nooit automatisch verbeteren, met de reden (de melding blijft een suggestie).' },
  },
};

/** The config file's top-level shape (validated at load; also the base of the JSON Schema for editors). */
export const configShape: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: { ...stringList, description: 'Presets (huurbrief:recommended, huurbrief:strict) of paden naar andere configbestanden.' },
    lang: { type: 'string', enum: ['nl', 'en'], description: 'Taal van de brieven (standaard nl).' },
    level: { type: 'string', enum: ['A2', 'B1', 'B2', 'C1'], description: 'Doelniveau (standaard B1).' },
    rules: { type: 'object', description: 'Regels aan of uit: "off" | "info" | "warn" | "error" of [niveau, {opties}].' },
    placeholders: {
      type: 'object',
      additionalProperties: false,
      properties: {
        delimiters: { type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'Extra scheidingstekens, bijv. [["[", "]"], ["%", "%"]].' },
        syllables: { type: 'integer', minimum: 0, maximum: 10, description: 'Lettergrepen per invulveld (standaard 2).' },
        fields: { ...stringList, description: 'Invulvelden in hoofdletters uit oudere modelbrieven, bijv. ["ACHTERNAAM", "DATUM ONDERTEKENING"]: nooit schreeuwen, nooit verbeterd.' },
      },
    },
    organisatie: {
      type: 'object',
      additionalProperties: false,
      properties: {
        naam: { type: 'string' },
        iban: { ...stringList, description: 'Eigen IBAN-nummers (geen privacymelding).' },
        telefoon: { ...stringList, description: 'Eigen telefoonnummers.' },
        domeinen: { ...stringList, description: 'Eigen e-maildomeinen, bijv. "woonstad.nl".' },
      },
    },
    woorden: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vermijden: { type: 'array', items: houseWord, description: 'Woorden die uw organisatie niet gebruikt.' },
        voorkeur: { type: 'array', items: houseWord, description: 'Voorkeurswoorden (woord) met de vormen die u vervangt (gebruik).' },
        negeren: { ...stringList, description: 'Woorden die geen melding geven (bijv. productnamen).' },
      },
    },
    ignorePatterns: { ...stringList, description: 'Bestanden die niet gecontroleerd worden (globpatronen).' },
  },
};

/** The JSON Schema for `huurbrief.config.json`, with every rule and its options, for editor completion. */
export function configJsonSchema(rules: readonly Rule[]): Record<string, unknown> {
  const severity = { type: 'string', enum: ['off', 'info', 'warn', 'error'] };
  const ruleProps: Record<string, unknown> = {};
  for (const r of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    const options = r.meta.options ?? { type: 'object', additionalProperties: false, properties: {} };
    ruleProps[r.meta.id] = {
      description: `${r.meta.description} (${r.meta.category})`,
      oneOf: [severity, { type: 'array', items: [severity, options], minItems: 1, maxItems: 2 }],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://huurbrief.nl/config-schema.json',
    title: 'huurbrief-configuratie',
    ...configShape,
    properties: {
      ...configShape.properties,
      rules: { ...configShape.properties!['rules'], additionalProperties: false, properties: ruleProps },
    },
  };
}
