import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['cms/server/**/*.test.ts', 'config/**/*.test.ts', 'test/**/*.test.ts', 'cms/admin/**/*.test.ts'],
    // end-to-end tests need the built widgets and run after them (vitest.e2e.config.mts)
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Strapi keeps module-level state: one instance per file, files isolated.
    isolate: true,
  },
});
