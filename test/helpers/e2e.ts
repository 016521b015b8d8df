import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from './db';
import { APP_ROOT } from './strapi';

/**
 * What the end-to-end tests share: Debian's Chromium, started as this machine allows (no download, no
 * sandbox as root, no background networking: the machine has no network but the package registries),
 * and the app started the way `npm start` starts it, for tests that need the admin panel (in-process
 * test apps do not serve it).
 */

/** Debian's Chromium (`CHROME_PATH` to use another). */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this machine needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** A TCP port free on 127.0.0.1 now (the OS's pick). */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });

export interface StartedApp {
  /** http://127.0.0.1:PORT */
  base: string;
  db: TestDatabase;
  /** the last 20,000 characters the app printed (stdout and stderr) */
  log(): string;
  /** SIGTERM (SIGKILL after 15 s), then drops the database */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** variables over the test's environment, the throw-away database's and the defaults (NODE_ENV=test, no demo content) */
  env?: Record<string, string>;
  /** how long to wait for `/_health` (ms): a stale admin build is rebuilt first, one to three minutes on a loaded machine */
  healthTimeoutMs?: number;
}

/**
 * Starts the app as `npm start` does (`node scripts/start.mjs`: builds what is missing or stale, then
 * `strapi start`) in a child process, on a free port and a throw-away database, and waits until
 * `/_health` answers 204. Throws with the app's last output if it exits or does not answer in time.
 * `PUBLIC_URL`, `ADMIN_URL`, `ADMIN_EMAIL`, `ADMIN_PASSWORD` and `SOLIDARITY_LOCALES` of the caller's
 * environment are not passed on unless given in `env`.
 */
export const startApp = async ({ env = {}, healthTimeoutMs = 290_000 }: StartAppOptions = {}): Promise<StartedApp> => {
  const db = await createTestDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['PUBLIC_URL', 'ADMIN_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SOLIDARITY_LOCALES']) delete childEnv[key];
  Object.assign(childEnv, db.env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...env,
  });
  let output = '';
  const app: ChildProcess = spawn(process.execPath, [path.join(APP_ROOT, 'scripts', 'start.mjs')], {
    cwd: APP_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  app.stdout?.on('data', keep);
  app.stderr?.on('data', keep);

  const stop = async () => {
    if (app.exitCode === null && app.signalCode === null) {
      const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
      app.kill('SIGTERM');
      const timer = setTimeout(() => app.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await db.drop();
  };

  const until = Date.now() + healthTimeoutMs;
  for (;;) {
    if (app.exitCode !== null) {
      await db.drop();
      throw new Error(`the app exited (${app.exitCode}):\n${output.slice(-4000)}`);
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`the app did not answer /_health within ${healthTimeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    try {
      if ((await fetch(`${base}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { base, db, log: () => output, stop };
};

export interface PartnerPage {
  /** `http://localhost:PORT/`: another origin than the app's 127.0.0.1, so the widget fetches cross-origin */
  url: string;
  /** the HTML served from now on (an empty page at first) */
  show(html: string): void;
  close(): Promise<void>;
}

/** A member organisation's page on another origin, serving whatever HTML the test gives it, uncached. */
export const startPartnerPage = async (): Promise<PartnerPage> => {
  let html = '<!doctype html><title>empty</title>';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    show: (next) => {
      html = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
