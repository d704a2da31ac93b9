// The end-to-end suite: the extension in a real VS Code (code-server + headless Chromium).
// Separate from the root vitest config so `vitest run` (unit tests) never picks it up.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['scenarios/**/*.e2e.ts'],
    globalSetup: ['./harness/global-setup.ts'],
    // One VS Code and one scenario at a time: the machine has 2 shared cores.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    reporters: ['verbose'],
  },
});
