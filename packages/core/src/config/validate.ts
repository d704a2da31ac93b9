import type { OptionSchema } from '../types.js';

/** One problem found by `validate`: the key path and the Dutch reason. */
export interface SchemaProblem {
  key: string;
  reason: string;
}

const typeName: Record<string, string> = {
  object: 'een object',
  array: 'een lijst',
  string: 'tekst',
  number: 'een getal',
  integer: 'een geheel getal',
  boolean: 'true of false',
};

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

/**
 * Checks a value against the small JSON Schema subset rules use for options
 * (type, properties, additionalProperties, items, enum, minimum, maximum).
 * Hand-written instead of ajv: it runs at every start-up of the CLI and the
 * language server, and the subset is tiny.
 */
export function validate(schema: OptionSchema, value: unknown, key: string): SchemaProblem | null {
  if (schema.type) {
    const t = typeOf(value);
    const ok =
      schema.type === t ||
      (schema.type === 'integer' && t === 'number' && Number.isInteger(value)) ||
      (schema.type === 'number' && t === 'number');
    if (!ok) return { key, reason: `moet ${typeName[schema.type] ?? schema.type} zijn` };
  }
  if (schema.enum && !schema.enum.includes(value as never)) {
    return { key, reason: `moet een van deze zijn: ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` };
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return { key, reason: `moet minstens ${schema.minimum} zijn` };
    if (schema.maximum !== undefined && value > schema.maximum) return { key, reason: `mag hoogstens ${schema.maximum} zijn` };
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const p = validate(schema.items, value[i], `${key}[${i}]`);
      if (p) return p;
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && (schema.properties || schema.additionalProperties === false)) {
    const props = schema.properties ?? {};
    for (const [k, v] of Object.entries(value)) {
      const sub = props[k];
      if (!sub) {
        if (schema.additionalProperties === false) {
          const known = Object.keys(props);
          return { key: key ? `${key}.${k}` : k, reason: `onbekende sleutel${known.length ? ` (bekend: ${known.join(', ')})` : ''}` };
        }
        continue;
      }
      const p = validate(sub, v, key ? `${key}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}
