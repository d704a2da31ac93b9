import type { Rule } from '../../types.js';
import { blaming } from './blaming.js';
import { commanding } from './commanding.js';
import { consistentAddress } from './consistent-address.js';
import { impersonal } from './impersonal.js';
import { policyShield } from './policy-shield.js';
import { refusal } from './refusal.js';
import { refusalWithoutAlternative } from './refusal-without-alternative.js';
import { shouting } from './shouting.js';
import { stockPhrases } from './stock-phrases.js';
import { threatening } from './threatening.js';

/** Saying what IS possible (no-phrasing) and sounding like a helpful person (tone). */
export const judgementRules: Rule[] = [
  refusal,
  refusalWithoutAlternative,
  policyShield,
  commanding,
  threatening,
  blaming,
  impersonal,
  stockPhrases,
  shouting,
  consistentAddress,
];
