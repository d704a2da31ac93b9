import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Output formats by name (`--format`). */
export const formatters: Record<string, Formatter> = { stylish, json };
