// Vitest setup (vitest.config.ts): tests that call lintText from the core's
// main entry get the shipped word lists, as every Node front end does by
// importing @huurbrief/core/node. The lists load on first use only.
import '../src/node/spelling.js';
