import type { Rule } from '../../types.js';
import { actionAndDeadline } from './action-and-deadline.js';
import { closing } from './closing.js';
import { coreMessageFirst } from './core-message-first.js';
import { greeting } from './greeting.js';
import { headingsForLongLetters } from './headings-for-long-letters.js';
import { letterLength } from './letter-length.js';
import { malformedPlaceholder } from './malformed-placeholder.js';
import { namedContact } from './named-contact.js';
import { personalData } from './personal-data.js';
import { subject } from './subject.js';
import { unknownPlaceholder } from './unknown-placeholder.js';
import { unusedVariable } from './unused-variable.js';

/** Templates, letter structure and personal data (issue 5). */
export const letterRules: Rule[] = [
  // template
  unknownPlaceholder,
  unusedVariable,
  malformedPlaceholder,
  // structure
  subject,
  greeting,
  coreMessageFirst,
  actionAndDeadline,
  namedContact,
  closing,
  letterLength,
  headingsForLongLetters,
  // privacy
  personalData,
];
