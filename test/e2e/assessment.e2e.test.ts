// The commission form of a call's assessment page in the admin panel, in Chromium: an editor with
// the decide permission adds a member (an admin user, no organisation), sees how much they scored,
// and opens the call's assessment.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, startApp, type StartedApp } from '../helpers/e2e';

const ADMIN = { email: 'admin@solidarity.example', password: 'Solidarity-2026' };

let app: StartedApp | undefined;
let browser: Browser;
beforeAll(async () => {
  app = await startApp({ healthTimeoutMs: 290_000, env: { SEED_DEMO: 'false', ALTCHA_ENABLED: 'false' } });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

/** A published call through the Content Manager's API, as the super admin. */
const createCall = async (base: string, token: string): Promise<string> => {
  const res = await fetch(`${base}/content-manager/collection-types/plugin::solidarity.call/actions/publish?locale=en`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      title: 'Commission form call',
      slug: 'commission-form-call',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      criteria: [{ label: 'Impact', weight: 1 }],
    }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { data: { documentId: string } }).data.documentId;
};

it('an editor adds a commission member on the call’s assessment page and opens the assessment', async () => {
  const base = app!.base;
  const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const callId = await createCall(base, token);

  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/auth'), { timeout: 30_000 });

  await page.goto(`${base}/admin/plugins/solidarity/assessment/${callId}`);
  const commission = page.getByTestId('commission');
  await commission.getByText('Nobody is on this call’s commission yet.').waitFor({ timeout: 30_000 });
  await commission.getByRole('combobox', { name: /Admin user/ }).click();
  await page.getByRole('option', { name: new RegExp(ADMIN.email) }).click();
  await commission.getByRole('button', { name: 'Add to the commission' }).click();
  await commission.getByRole('button', { name: /^Remove / }).waitFor({ timeout: 30_000 });
  expect(await commission.getByText('0 of 0').count()).toBe(1);
  // the call's view is reloaded: the super admin now sits on the commission
  await page.getByText('You are on this call’s commission.').waitFor({ timeout: 30_000 });

  // stored through the admin API
  const stored = await fetch(`${base}/solidarity/assessment/calls/${callId}/commission`, { headers: { Authorization: `Bearer ${token}` } });
  const members = ((await stored.json()) as { data: { members: { email: string | null }[] } }).data.members;
  expect(members.map((m) => m.email)).toEqual([ADMIN.email]);

  await commission.getByRole('button', { name: 'Open the assessment' }).click();
  // it closes the call and mails the commission: nothing happens before the confirmation
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await confirm.getByText('Open the assessment?').waitFor({ timeout: 30_000 });
  const before = await fetch(`${base}/solidarity/assessment/calls`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await before.json()) as { data: { documentId: string; phase: string }[] }).data.find((c) => c.documentId === callId)?.phase).toBe('open');
  await confirm.getByRole('button', { name: 'Open the assessment and mail the commission' }).click();
  await page.getByText('The assessment is open: the commission is told by mail.').first().waitFor({ timeout: 30_000 });
  // the page reloads the call: no more button to open it
  await commission.getByRole('button', { name: 'Open the assessment' }).waitFor({ state: 'detached', timeout: 30_000 });
  const calls = await fetch(`${base}/solidarity/assessment/calls`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await calls.json()) as { data: { documentId: string; phase: string }[] }).data.find((c) => c.documentId === callId)?.phase).toBe('assessment');
  expect(errors).toEqual([]);
}, 180_000);
