import type { Rule } from '../../types.js';
import { spelling } from './spelling.js';

/** Spelling: the word lists need a provider (see spelling/dictionary.ts); @huurbrief/core/node registers one. */
export const spellingRules: Rule[] = [spelling];
