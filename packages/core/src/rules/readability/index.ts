import type { Rule } from '../../types.js';
import { abbreviations } from './abbreviations.js';
import { enPassive, enReadability, enSimplify } from './english.js';
import { hardSentence } from './hard-sentence.js';
import { letterReadability } from './letter-readability.js';
import { longWords } from './long-words.js';
import { nominalization } from './nominalization.js';
import { paragraphLength } from './paragraph-length.js';
import { passiveVoice } from './passive-voice.js';
import { plainWords } from './plain-words.js';
import { sentenceLength } from './sentence-length.js';

export const readabilityRules: Rule[] = [
  letterReadability,
  sentenceLength,
  paragraphLength,
  hardSentence,
  passiveVoice,
  nominalization,
  longWords,
  abbreviations,
  plainWords,
  enReadability,
  enSimplify,
  enPassive,
];
