import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './db';
import type { SolidarityUID } from '../../cms/server/src/content-types/uids';

const require = createRequire(__filename);
export const APP_ROOT = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  /** http://127.0.0.1:PORT of the listening server (one port for the whole file, so origins are stable) */
  url: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Load the demo content (default false: tests create what they need). */
  demo?: boolean;
  env?: Record<string, string>;
  /**
   * Start on this database (from createTestDatabase) instead of a new one, to
   * start again on what an earlier start left; stop() then leaves it for the
   * caller to drop.
   */
  database?: TestDatabase;
}

/**
 * Boots Strapi in-process on a fresh database (a temp SQLite file, or a new
 * PostgreSQL database when SOLIDARITY_TEST_DB=postgres) and returns a stop()
 * that destroys it and drops the database.
 */
export const startStrapi = async (options: StartOptions = {}): Promise<TestApp> => {
  const db = options.database ?? (await createTestDatabase());
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    SEED_DEMO: options.demo ? 'true' : 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...db.env,
    ...options.env,
  };
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  // Strapi's destroy() removes every process listener, vitest's included.
  const listeners = process
    .eventNames()
    .map((event) => [event, process.rawListeners(event as NodeJS.Signals)] as const);

  // Strapi's CommonJS build: its ESM build does not load under vitest.
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({
    appDir: APP_ROOT,
    distDir: path.join(APP_ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  await strapi.load();
  strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    db,
    async stop() {
      await strapi.destroy();
      for (const [event, fns] of listeners) {
        process.removeAllListeners(event);
        for (const fn of fns) process.on(event as NodeJS.Signals, fn as (...args: unknown[]) => void);
      }
      if (!options.database) await db.drop();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
};

export type TestDoc = Record<string, unknown> & { documentId: string };

/** The document service of a content type, loosely typed for fixtures (any parameters, documents as records). */
export interface TestDocuments {
  create(p: object): Promise<TestDoc>;
  update(p: object): Promise<TestDoc>;
  findOne(p: object): Promise<TestDoc | null>;
  findMany(p: object): Promise<TestDoc[]>;
  publish(p: object): Promise<unknown>;
  unpublish(p: object): Promise<unknown>;
  delete(p: object): Promise<unknown>;
}

/**
 * The document service of a content type, loosely typed for fixtures. Strapi's
 * own type says `update` may give null and ties every parameter to the UID's
 * generated types; fixtures pass plain objects and expect the document back, so
 * the service is seen through TestDocuments (a test fails anyway if it is not).
 */
export const documents = (app: TestApp, uid: SolidarityUID | string): TestDocuments =>
  app.strapi.documents(uid as SolidarityUID) as unknown as TestDocuments;
