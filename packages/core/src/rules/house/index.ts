import type { Rule } from '../../types.js';

export const houseRules: Rule[] = [];
