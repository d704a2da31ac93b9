import type { Rule } from '../../types.js';

export const letterRules: Rule[] = [];
