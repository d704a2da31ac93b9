import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Output formats by name (`--format`); each is a pure function `(reports, context) => string`. */
export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, gitlab, junit, checkstyle };
