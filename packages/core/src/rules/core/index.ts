import type { Rule } from '../../types.js';
import { disableWithoutReason } from './disable-without-reason.js';
import { frontMatter } from './front-matter.js';
import { inlineConfig } from './inline-config.js';
import { unusedDisable } from './unused-disable.js';

export const coreRules: Rule[] = [frontMatter, inlineConfig, disableWithoutReason, unusedDisable];
