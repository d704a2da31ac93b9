import type { Rule } from '../../types.js';
import { houseAvoid } from './house-avoid.js';
import { housePrefer } from './house-prefer.js';

/** House style from config (`woorden`): silent until an organisation fills in its lists. */
export const houseRules: Rule[] = [houseAvoid, housePrefer];
