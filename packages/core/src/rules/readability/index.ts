import type { Rule } from '../../types.js';
import { plainWords } from './plain-words.js';
import { sentenceLength } from './sentence-length.js';

export const readabilityRules: Rule[] = [sentenceLength, plainWords];
