import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startApp, startPartnerPage, type PartnerPage, type StartedApp } from '../helpers/e2e';
import { APP_ROOT } from '../helpers/strapi';

/**
 * An editor publishes a good practice in the real admin panel, in English then in Greek, and a partner
 * page shows it through the widget in both languages. On the way: the slug follows the title in each
 * locale, the list shows the draft/published status at 1440 x 900, review statuses and countries are
 * shown with names, not codes.
 *
 * As in embed.e2e.test.ts, the app is started the way `npm start` does (`node scripts/start.mjs`:
 * builds what is missing or stale, then `strapi start`) in a child process, on a free port and a
 * throw-away database with the demo content, because in-process test apps do not serve the admin panel.
 */

const ADMIN = { email: 'admin@solidarity.example', password: 'Solidarity-2026' };
/** Screenshots go here at each step and on failure (set SOLIDARITY_E2E_SCREENSHOTS=<dir> to keep them). */
const SHOTS = process.env.SOLIDARITY_E2E_SCREENSHOTS;
/** Generous: the CI machine has two loaded cores and the admin panel is a large app. */
const WAIT = 30_000;

let app: StartedApp | undefined;
let base: string;
let partner: PartnerPage | undefined;
let browser: Browser;

const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `admin-${name}.png`) });
};

/** Runs a step; on failure, a screenshot named after it (when SOLIDARITY_E2E_SCREENSHOTS is set) before rethrowing. */
const step = async <T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> => {
  try {
    const result = await fn();
    await shot(page, name);
    return result;
  } catch (error) {
    await shot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  }
};

/** True when the element's box lies inside the page's viewport (not scrolled off to the right). */
const inViewport = async (page: Page, locator: Locator) => {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
};

/** Picks the option named `option` of a Content Manager relation picker (a combobox named by the field's label). */
const pickRelation = async (page: Page, label: string, option: string) => {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(option);
  await page.getByRole('option', { name: option }).first().click();
  // The chosen document is listed under the picker.
  await page.getByRole('main').getByText(option, { exact: true }).first().waitFor({ timeout: WAIT });
};

/** Clicks Publish and waits until the document's status badge says so. */
const publish = async (page: Page) => {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('tab', { name: /published/i }).and(page.locator(':not([aria-disabled="true"])')).waitFor({ timeout: WAIT });
  await expect.poll(() => page.getByRole('main').getByText('Published', { exact: true }).count(), { timeout: WAIT }).toBeGreaterThan(0);
};

/** Logs in as the demo admin and waits for the main menu (in English). */
const login = async (page: Page) => {
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/auth'), { timeout: WAIT });
  await page.getByRole('navigation').first().getByRole('link', { name: 'Content Manager' }).waitFor();
};

interface Practice {
  documentId: string;
  slug: string;
  title: string;
  locale: string;
  localeFallback?: boolean;
}

beforeAll(async () => {
  if (!existsSync(path.join(APP_ROOT, 'widgets', 'dist', 'solidarity.js'))) {
    throw new Error('widgets/dist is missing: run `npm run -w widgets build` first (npm test does)');
  }
  // A stale admin build is rebuilt first (one to three minutes on a loaded machine), then Strapi boots.
  app = await startApp({
    healthTimeoutMs: 290_000,
    env: {
      SEED_DEMO: 'true',
    },
  });
  base = app.base;

  partner = await startPartnerPage();

  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await app?.stop();
}, 60_000);

describe('an editor publishes a good practice in two languages (admin panel, Chromium)', () => {
  // A word no demo practice has, so the partner page's widget can search for exactly this practice.
  const word = `Zylophant${Date.now() % 100_000}`;
  const en = { title: `Tool library ${word} for the whole street`, summary: 'Neighbours lend each other drills, ladders and sewing machines from one shared shelf.' };
  const el = { title: `Δανειστική βιβλιοθήκη εργαλείων ${word} για όλο τον δρόμο`, summary: 'Οι γείτονες δανείζονται τρυπάνια, σκάλες και ραπτομηχανές από ένα κοινό ράφι.' };
  const slugOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  it('creates, publishes and translates it; the widget shows both titles', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    await step(page, '01-login', () => login(page));

    await step(page, '02-list', async () => {
      await page.getByRole('navigation').first().getByRole('link', { name: 'Content Manager' }).click();
      await page.getByRole('link', { name: 'Good practice', exact: true }).click();
      await page.getByRole('heading', { name: 'Good practice', level: 1 }).waitFor();
      // The draft/published status column and a row's badge are on screen at 1440 x 900.
      const statusHeader = page.locator('thead').getByText(/^status$/i);
      await statusHeader.waitFor();
      expect(await inViewport(page, statusHeader), 'the status column header is in the viewport').toBe(true);
      const badge = page.getByRole('row').getByText(/^(Published|Draft|Modified)$/).first();
      await badge.waitFor();
      expect(await inViewport(page, badge), 'a Published/Draft badge is in the viewport').toBe(true);
      // Review statuses read as labels, not as stored keys.
      const table = page.getByRole('grid').or(page.getByRole('table')).first();
      await table.getByText('Needs information', { exact: true }).first().waitFor();
      expect(await table.getByText('needs-info', { exact: true }).count()).toBe(0);
    });

    await step(page, '03-create-en', async () => {
      await page.getByRole('link', { name: /create new entry/i }).first().click();
      await page.getByLabel('Title').waitFor();
      await page.getByLabel('Title').fill(en.title);
      // The slug follows the title, without clicking "Regenerate".
      await expect.poll(() => page.getByLabel('Slug').inputValue(), { timeout: WAIT }).toBe(slugOf(en.title));
      await page.getByLabel('Summary').fill(en.summary);
      await pickRelation(page, 'Topics', 'Ecological transition');
      await pickRelation(page, 'Promoters', 'La Brotada SCCL');
      // The country picker offers names and stores the code.
      await page.getByRole('combobox', { name: 'Country' }).click();
      await page.getByRole('combobox', { name: 'Country' }).fill('Gree');
      await page.getByRole('option', { name: 'Greece (GR)' }).click();
      // The review status is written only by the review actions of the Submissions page: read-only here.
      const reviewStatus = page.getByRole('combobox', { name: /Review status/ });
      await reviewStatus.waitFor();
      expect(await reviewStatus.isDisabled(), 'the review status field is not editable').toBe(true);
    });

    const documentId = await step(page, '04-publish-en', async () => {
      await publish(page);
      await page.waitForURL((u) => !u.pathname.endsWith('/create'));
      return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    });
    const stored = (await (await fetch(`${base}/api/solidarity/practices/${documentId}?locale=en`)).json()) as { data: Practice & { country: string } };
    expect(stored.data).toMatchObject({ title: en.title, slug: slugOf(en.title), locale: 'en', country: 'GR' });

    await step(page, '04b-reload-en', async () => {
      // A stored country shows its name as soon as the edit view opens, and the picker then offers every country.
      await page.reload();
      const country = page.getByRole('combobox', { name: 'Country' });
      await country.waitFor();
      await expect.poll(() => country.inputValue(), { timeout: WAIT }).toBe('Greece (GR)');
      await country.click();
      await page.getByRole('option', { name: 'Greece (GR)' }).waitFor();
      expect(await page.getByRole('option').count(), 'the whole list, not only the stored country').toBeGreaterThan(1);
      await page.keyboard.press('Escape');
      expect(await country.inputValue()).toBe('Greece (GR)');
    });

    await step(page, '05-switch-to-greek', async () => {
      await page.getByRole('combobox', { name: 'Locales' }).click();
      await page.getByRole('option', { name: /\(el\)/ }).click();
      await page.waitForURL((u) => u.search.includes('el'));
      await expect.poll(() => page.getByLabel('Title').inputValue(), { timeout: WAIT }).toBe('');
    });

    await step(page, '06-publish-el', async () => {
      await page.getByLabel('Title').fill(el.title);
      // Greek letters are transliterated by Strapi's slugify; what matters: it follows this title, not the type's name.
      await expect.poll(() => page.getByLabel('Slug').inputValue(), { timeout: WAIT }).toMatch(new RegExp(`${word.toLowerCase()}`));
      expect(await page.getByLabel('Slug').inputValue()).not.toMatch(/^practice(-\d+)?$/);
      await page.getByLabel('Summary').fill(el.summary);
      await publish(page);
    });
    const greek = (await (await fetch(`${base}/api/solidarity/practices/${documentId}?locale=el`)).json()) as { data: Practice };
    expect(greek.data).toMatchObject({ title: el.title, locale: 'el' });
    expect(greek.data.localeFallback ?? false).toBe(false);
    expect(problems).toEqual([]);
    await context.close();

    // A partner page with the widget, in English and in Greek, searching for this practice.
    const partnerContext = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const partnerPage = await partnerContext.newPage();
    for (const [locale, title] of [
      ['en', en.title],
      ['el', el.title],
    ] as const) {
      partner?.show(`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Partner</title></head><body>
<script type="module" src="${base}/widgets/solidarity.js"></script>
<solidarity-practices locale="${locale}" q="${word}"></solidarity-practices></body></html>`);
      await step(partnerPage, `07-partner-${locale}`, async () => {
        await partnerPage.goto(partner!.url);
        const card = partnerPage.locator('solidarity-practices article [part~="title"]');
        await card.first().waitFor({ timeout: WAIT });
        expect((await card.allInnerTexts()).map((t) => t.trim())).toEqual([title]);
      });
    }
    await partnerContext.close();
  });

  // Runs after the test above: choosing Greek is saved as the admin user's preferred language.
  it('says on a submission\'s review page in which languages it will show once approved', { timeout: 120_000 }, async () => {
    const login$ = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = ((await login$.json()) as { data: { token: string } }).data.token;
    const list = (await (await fetch(`${base}/solidarity/submissions?status=submitted`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      data: { documentId: string }[];
    };
    const id = list.data[0]?.documentId;
    expect(id).toBeTruthy();
    const answer = (await (await fetch(`${base}/solidarity/submissions/${id}/locales`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      data: { locales: string[]; visibility: { locale: string; shownIn: string; fallback: boolean }[] };
    };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    await step(page, '11-login', () => login(page));
    await step(page, '12-submission-languages', async () => {
      await page.goto(`${base}/admin/plugins/solidarity/submissions/${id}`);
      await page.getByRole('heading', { name: 'Languages on partner sites' }).waitFor();
      const items = page.getByTestId('solidarity-visible-locales').locator('li');
      await expect.poll(() => items.count()).toBe(answer.data.visibility.length);
      const names = new Intl.DisplayNames(['en'], { type: 'language' });
      for (const v of answer.data.visibility) {
        const text = await page.getByTestId('solidarity-visible-locales').locator(`li[data-locale="${v.locale}"]`).innerText();
        expect(text).toContain(names.of(v.locale));
        expect(text).toContain(v.fallback ? `in ${names.of(v.shownIn)}` : 'its own text');
      }
    });
    await context.close();
  });

  it('offers Greek as the interface language; Strapi\'s profile page and the plugin\'s pages are then in Greek', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    await step(page, '08-login', () => login(page));

    await step(page, '09-profile-greek', async () => {
      await page.goto(`${base}/admin/me`);
      await page.getByRole('combobox', { name: 'Interface language' }).click();
      await page.getByRole('option', { name: 'Ελληνικά' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      // Strapi's own strings now come from src/admin/app.ts `translations.el`.
      await page.getByRole('combobox', { name: 'Γλώσσα διεπαφής' }).waitFor();
      await page.getByRole('button', { name: 'Αποθήκευση' }).waitFor();
    });

    await step(page, '10-submissions-greek', async () => {
      await page.goto(`${base}/admin/plugins/solidarity/submissions`);
      await page.getByRole('heading', { name: 'Υποβολές', level: 1 }).waitFor();
    });
    await context.close();
  });
});
