import type { Command } from 'commander';
import { register as explain } from './explain.js';
import { register as init } from './init.js';
import { register as lint } from './lint.js';
import { register as render } from './render.js';
import { register as report } from './report.js';
import { register as review } from './review.js';
import { register as rules } from './rules.js';
import { register as spelling } from './spelling.js';

/** Every command module; each exports `register(program)`. */
export const commandModules: ((program: Command) => void)[] = [lint, explain, rules, init, render, review, report, spelling];
