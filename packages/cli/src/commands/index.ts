import type { Command } from 'commander';
import { register as lint } from './lint.js';

/** Every command module; each exports `register(program)`. */
export const commandModules: ((program: Command) => void)[] = [lint];
