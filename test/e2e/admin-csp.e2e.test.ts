import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startApp, type StartedApp } from '../helpers/e2e';

/**
 * The admin panel works in production without 'unsafe-inline' in script-src
 * (config/middlewares.ts): an admin logs in and opens the Media Library and
 * the plugin's pages with no Content-Security-Policy violation. In development
 * and test Strapi adds 'unsafe-inline' to /admin itself, so this file starts
 * the app as `npm start` does (`node scripts/start.mjs`, building what is
 * missing) with NODE_ENV=production, its own secrets and a throw-away database.
 */

const ADMIN = { email: 'root@csp.example', password: 'Csp-Admin-2026-pass' };

let app: StartedApp | undefined;
let base: string;
let browser: Browser;

beforeAll(async () => {
  const secret = () => randomBytes(24).toString('base64');
  app = await startApp({
    healthTimeoutMs: 170_000,
    env: {
      NODE_ENV: 'production',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JWT_SECRET: secret(),
      ADMIN_JWT_SECRET: secret(),
      API_TOKEN_SALT: secret(),
      TRANSFER_TOKEN_SALT: secret(),
      ENCRYPTION_KEY: secret(),
      APP_KEYS: `${secret()},${secret()}`,
    },
  });
  base = app.base;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
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
