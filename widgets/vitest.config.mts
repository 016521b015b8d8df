import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Node-side unit tests of the widgets' pure logic (i18n, query building, parsing, formatting).
// The components themselves are tested in Chromium by @web/test-runner (web-test-runner.config.mjs).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
