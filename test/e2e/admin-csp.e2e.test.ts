import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { APP_ROOT } from '../helpers/strapi';

/**
 * The admin panel works in production without 'unsafe-inline' in script-src
 * (config/middlewares.ts): an admin logs in and opens the Media Library and
 * the plugin's pages with no Content-Security-Policy violation. In development
 * and test Strapi adds 'unsafe-inline' to /admin itself, so this file starts
 * the app as `npm start` does (`node scripts/start.mjs`, building what is
 * missing) with NODE_ENV=production, its own secrets and a throw-away database.
 */

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'root@csp.example', password: 'Csp-Admin-2026-pass' };

let app: ChildProcess | undefined;
let appLog = '';
let db: TestDatabase;
let base: string;
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const secret = () => randomBytes(24).toString('base64');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...db.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: secret(),
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    APP_KEYS: `${secret()},${secret()}`,
  };
  for (const key of ['PUBLIC_URL', 'ADMIN_URL', 'SOLIDARITY_LOCALES']) delete env[key];
  app = spawn(process.execPath, [path.join(APP_ROOT, 'scripts', 'start.mjs')], { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    appLog = (appLog + chunk.toString()).slice(-20_000);
  };
  app.stdout?.on('data', keep);
  app.stderr?.on('data', keep);
  const until = Date.now() + 170_000;
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}):\n${appLog.slice(-4000)}`);
    if (Date.now() > until) throw new Error(`the app did not answer /_health:\n${appLog.slice(-4000)}`);
    try {
      if ((await fetch(`${base}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once('exit', resolve));
    app.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
});

describe('the admin panel in production', () => {
  it('is served without inline script allowed', async () => {
    const res = await fetch(`${base}/admin`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    expect(script).toBe("script-src 'self'");
  });

  it('logs in and shows the Media Library and the plugin pages with no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/admin/auth/login`, { waitUntil: 'networkidle' });
    await page.fill('input[name=email]', ADMIN.email);
    await page.fill('input[name=password]', ADMIN.password);
    await page.click('button[type=submit]');
    await page.getByRole('link', { name: 'Media Library' }).first().waitFor({ timeout: 30_000 });
    await page.goto(`${base}/admin/plugins/upload`, { waitUntil: 'networkidle' });
    await page.getByText('Media library', { exact: false }).first().waitFor();
    await page.goto(`${base}/admin/plugins/solidarity/embed`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Submissions' }).first().waitFor();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
