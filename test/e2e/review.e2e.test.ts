// The editors' review path in the admin panel, in Chromium: every action button of the submission
// detail page, its dialogs, the history it writes, a 409 when another editor acted first, and erasure.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, startApp, type StartedApp } from '../helpers/e2e';

let app: StartedApp | undefined;
let browser: Browser;
beforeAll(async () => {
  app = await startApp({ healthTimeoutMs: 170_000, env: { SEED_DEMO: 'false', ALTCHA_ENABLED: 'false' } });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

const submit = async (base: string, title: string) => {
  const res = await fetch(`${base}/api/solidarity/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title, summary: 'A summary long enough for the check.', body: 'Body text.', topics: ['food-and-basic-goods'],
      promoters: [{ name: 'Coop One', website: 'https://coop.example' }], territory: { municipality: 'Girona', country: 'ES' },
      locale: 'en', contact: { name: 'Tester', email: 'tester@example.org', role: 'member' }, consent: true, website: '',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { data: { id: string } }).data.id;
};

const buttons = async (page: Page) => {
  const names = ['Start review', 'Request information', 'Approve', 'Reject'];
  const out: string[] = [];
  for (const n of names) if (await page.getByRole('button', { name: n, exact: true }).count()) out.push(n);
  return out;
};

it('an editor reviews submissions on the detail page: request information, start review, cancel a rejection, approve, a conflicting action, erase', async () => {
  const base = app!.base;
  const id = await submit(base, 'Check practice one');
  const id2 = await submit(base, 'Check practice two');
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email/i).fill('admin@solidarity.example');
  await page.getByLabel(/password/i).fill('Solidarity-2026');
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
  await page.getByRole('navigation').first().waitFor({ timeout: 30_000 });

  await page.goto(`${base}/admin/plugins/solidarity/submissions/nope`);
  await page.getByRole('heading', { name: 'Submission not found' }).waitFor({ timeout: 30_000 });
  await page.getByText('It may have been erased.').waitFor();

  await page.goto(`${base}/admin/plugins/solidarity/submissions/${id}`);
  await page.getByRole('heading', { name: 'Check practice one', level: 1 }).waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-status="submitted"]').count()).toBe(1);
  expect(await buttons(page)).toEqual(['Start review', 'Request information', 'Reject']);
  const main = await page.locator('main').innerText();
  for (const s of ['The practice', 'A summary long enough', 'Body text.', 'Coop One', 'https://coop.example', 'Girona, ES', 'Contact (private)', 'tester@example.org', 'History', 'Submitted through the form', 'Danger zone', 'Open in Content Manager', 'Back to the submissions'])
    expect(main, s).toContain(s);
  expect(await page.locator('a[href="mailto:tester@example.org"]').count()).toBe(1);
  // Coop One is not known to the network: a draft organisation to confirm or merge; this app has no mail server
  expect(await page.locator('[data-promoter="new"]').count()).toBe(1);
  // (the badge is upper-cased by the design system: compare its text, not innerText)
  expect(await page.locator('[data-promoter="new"]').textContent()).toContain('New: not confirmed yet');
  expect(await page.locator('[data-testid="solidarity-mail-not-configured"]').count()).toBe(1);

  await page.getByRole('button', { name: 'Request information', exact: true }).click();
  await page.getByRole('dialog').getByText('Note for the contact').waitFor();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await page.getByText('Write what the contact should add or change.').waitFor();
  await page.getByRole('dialog').getByRole('textbox').fill('Please add the year it started.');
  expect(await page.getByText('Write what the contact should add or change.').count()).toBe(0);
  await page.getByRole('button', { name: 'Send the request' }).click();
  await page.getByText('Done: the submission is now “Needs information”.').waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-status="needs-info"]').count()).toBe(1);
  await page.getByText('Request information → Needs information').waitFor();
  await page.getByText('Please add the year it started.').waitFor();
  // the mail's fate is told, never assumed
  await page.getByText('Mail to the contact: not sent: no mail server is configured.').first().waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-mail="not-configured"]').count()).toBeGreaterThanOrEqual(1);
  expect(await buttons(page)).toEqual(['Start review', 'Reject']);

  await page.getByRole('button', { name: 'Start review', exact: true }).click();
  await page.getByText('Done: the submission is now “In review”.').waitFor({ timeout: 30_000 });
  expect(await buttons(page)).toEqual(['Request information', 'Approve', 'Reject']);

  // Reject: dialog asks for a reason; cancel closes and forgets it.
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await page.getByRole('dialog').getByText('Reject this submission').waitFor();
  await page.getByRole('dialog').getByText('The reason is kept in the history.').waitFor();
  await page.getByRole('dialog').getByRole('textbox').fill('draft reason');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  expect(await page.getByRole('dialog').getByRole('textbox').inputValue()).toBe('');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('alertdialog').or(page.getByRole('dialog')).getByText('Approve and publish?').waitFor();
  await page.getByText('The practice will be published in every language it has, and shown on partner sites.').waitFor();
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await page.getByText('Done: the submission is now “Approved”.').waitFor({ timeout: 30_000 });
  expect(await buttons(page)).toEqual([]);
  expect(await page.locator('[data-status="approved"]').count()).toBe(1);

  // Conflict: someone else acts first on the second one.
  await page.goto(`${base}/admin/plugins/solidarity/submissions/${id2}`);
  await page.getByRole('heading', { name: 'Check practice two', level: 1 }).waitFor({ timeout: 30_000 });
  const token = ((await (await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@solidarity.example', password: 'Solidarity-2026' }) })).json()) as { data: { token: string } }).data.token;
  const r = await fetch(`${base}/solidarity/submissions/${id2}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'start-review', expectedStatus: 'submitted' }) });
  expect(r.status).toBe(200);
  await page.getByRole('button', { name: 'Start review', exact: true }).click();
  await expect.poll(() => page.locator('[data-status="in-review"]').count(), { timeout: 30_000 }).toBe(1);
  // The page reloads the submission after the 409 and shows the status someone else set.

  await page.getByRole('button', { name: 'Erase for good' }).click();
  await page.getByText('"Check practice two" will be erased in every language, with its contact and history. This cannot be undone.').waitFor();
  await page.getByRole('button', { name: 'Erase for good' }).last().click();
  await page.getByText('The submission was erased for good.').waitFor({ timeout: 30_000 });
  await page.waitForURL((u) => u.pathname.endsWith('/plugins/solidarity/submissions'));
  expect(errors).toEqual([]);
}, 300_000);
