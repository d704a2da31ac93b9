export { main, createProgram } from './cli.js';
export { formatters } from './formatters/index.js';
export type { FileReport, Formatter } from './formatters/types.js';
