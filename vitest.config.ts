import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the CLI and server binaries are built first.
    alias: [
      { find: /^@huurbrief\/core$/, replacement: src('./packages/core/src/index.ts') },
      { find: /^@huurbrief\/core\/node$/, replacement: src('./packages/core/src/node.ts') },
      { find: /^@huurbrief\/review$/, replacement: src('./packages/review/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The spelling rule's word lists (registered as @huurbrief/core/node does; loaded on first use).
    setupFiles: ['./packages/core/test/setup-spelling.ts'],
  },
});
