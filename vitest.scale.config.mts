import { defineConfig } from 'vitest/config';

/**
 * The scale suite (`npm run test:scale`, a step of `npm test`): two built app instances on one
 * PostgreSQL database and one Redis, behind nginx, with uploads on a local S3-compatible store.
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.scale.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 1_200_000,
  },
});
