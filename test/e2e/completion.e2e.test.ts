import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/e2e';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { UID } from '../../cms/server/src/content-types/uids';
import { adminToken, DEMO_ADMIN, submit, validSubmission } from '../../cms/server/src/submissions/testing/fixtures';

/**
 * The contact completes their fiche through the link in Debian's Chromium (issue 15): the page in
 * Catalan, filled and saved without JavaScript's help, saved values shown again, then sent to the
 * network; the same link then only says the fiche was already sent.
 */
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startStrapi({ env: { ALTCHA_ENABLED: 'false' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('completion link in Chromium', () => {
  it('lets the contact fill in the fiche, save it, and send it to the network once', async () => {
    const res = await submit(app, validSubmission({ locale: 'ca', title: 'Rebost solidari de Manlleu', summary: 'Un rebost gestionat pels veïns del barri.' })).expect(202);
    const id = res.body.data.id as string;
    const token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
    // the link as the admin API answers it (the same one the contact's mail holds)
    const sent = await request(app.url).post(`/solidarity/submissions/${id}/completion-link`).set('Authorization', `Bearer ${token}`).send({}).expect(200);
    const url = String(sent.body.meta.url);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // the page's own policy must not block anything it uses (its inline style)
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const answer = await page.goto(url);
    expect(answer?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('ca');
    await expect(page.locator('h1').textContent()).resolves.toBe('Completeu la fitxa de la vostra pràctica');
    await expect(page.locator('#f-summary').inputValue()).resolves.toBe('Un rebost gestionat pels veïns del barri.');

    await page.fill('#f-summary', 'Un rebost gestionat pels veïns del barri, obert cada dissabte.');
    await page.fill('#f-startedOn', '2022-09-10');
    await page.fill('#f-context', 'Al barri no hi havia cap rebost.');
    await page.selectOption('#f-budgetRange', 'under-5k');
    await page.fill('#f-links-0-label', 'Web del rebost');
    await page.fill('#f-links-0-url', 'https://rebost.example');
    await page.click('button[value="save"]');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Desat.');
    await expect(page.locator('#f-startedOn').inputValue()).resolves.toBe('2022-09-10');
    await expect(page.locator('#f-links-0-url').inputValue()).resolves.toBe('https://rebost.example');
    await expect(page.locator('#f-budgetRange').inputValue()).resolves.toBe('under-5k');
    await expect(page.locator('#f-context').inputValue()).resolves.toBe('Al barri no hi havia cap rebost.');

    // what the contact saved is in the draft
    const [draft] = (await app.strapi.db.query(UID.practice).findMany({ where: { documentId: id, locale: 'ca', publishedAt: { $null: true } } })) as { summary: string }[];
    expect(draft?.summary).toBe('Un rebost gestionat pels veïns del barri, obert cada dissabte.');

    await page.click('button[value="send"]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Gràcies!');

    const again = await page.goto(url);
    expect(again?.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toBe('Aquesta fitxa ja s’ha enviat');
    expect(await page.locator('form').count()).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  });
});
