import type { Rule } from '../../types.js';

export const judgementRules: Rule[] = [];
