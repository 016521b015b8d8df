import http from 'node:http';
import { createChallenge, solveChallenge } from 'altcha-lib/v1';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestApp } from '../../../../test/helpers/strapi';
import { startStrapiWithMailSink } from '../../../../test/helpers/mail';
import { UID } from '../content-types/uids';
import { altchaHmacKey, submissionsConfig } from './config';
import { createCall, solveProof, storedPractice, submit, SUBMISSIONS, validSubmission } from './testing/fixtures';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

/**
 * The public submission route: validation, storage as a private draft,
 * anti-spam (honeypot, proof of work, origins) and the mails it sends.
 * Rate limits are raised here; ratelimit*.test.ts covers them.
 */
let app: TestApp;
let sink: SmtpSink;
let openCall: string;
const EDITORS = 'editors@network.example';
const CANARY = 'marta.puig@contact-canary.example';

const countPractices = async () => app.strapi.db.query(UID.practice as never).count({});

/** A valid submission with a fresh proof of work. */
const proven = async (overrides: Record<string, unknown> = {}) => validSubmission({ altcha: await solveProof(app), ...overrides });

beforeAll(async () => {
  ({ app, sink } = await startStrapiWithMailSink({
    ALTCHA_MAX_NUMBER: '1000',
    EMAIL_FROM: 'Solidarity Commons <commons@network.example>',
    NOTIFY_EDITORS: EDITORS,
  }));
  const now = Date.now();
  openCall = 'open-call';
  await createCall(app, openCall, new Date(now - 86_400_000), new Date(now + 30 * 86_400_000));
  await createCall(app, 'closed-call', new Date('2025-01-01T08:00:00Z'), new Date('2025-03-31T21:59:00Z'));
  await createCall(app, 'future-call', new Date(now + 10 * 86_400_000), new Date(now + 40 * 86_400_000));
  const orgs = app.strapi.documents(UID.organisation as never) as unknown as { create(p: object): Promise<{ documentId: string }> };
  await orgs.create({ locale: 'en', status: 'published', data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' } });
});
afterAll(async () => {
  await app?.stop();
  await sink?.close();
});

describe('GET /api/solidarity/calls?open=true', () => {
  it('lists the calls open now', async () => {
    const res = await request(app.url).get('/api/solidarity/calls?open=true').expect(200);
    expect(res.body.data.map((c: { slug: string }) => c.slug)).toEqual([openCall]);
  });
});

describe('GET /api/solidarity/submissions/challenge', () => {
  it('returns an ALTCHA challenge, never cached, for the allowed origin only', async () => {
    const res = await request(app.url).get(`${SUBMISSIONS}/challenge`).set('Origin', app.url).expect(200);
    expect(res.body).toMatchObject({ algorithm: 'SHA-256', maxnumber: 1000 });
    expect(res.body.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.salt).toMatch(/\?expires=\d+&$/);
    expect(res.body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBe(app.url);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    await request(app.url).get(`${SUBMISSIONS}/challenge`).set('Origin', 'https://elsewhere.example').expect(403);
  });
});

describe('POST /api/solidarity/submissions', () => {
  let id: string;

  it('stores a valid submission as a private draft waiting for review (202)', async () => {
    const res = await submit(app, await proven({ call: openCall, topics: ['ecological-transition', 'housing'], promoters: [
      { name: 'cooperativa teixit' },
      { name: 'Cooperativa Sol Comú', website: 'https://solcomu.example', country: 'es' },
    ] })).expect(202);
    expect(res.body).toEqual({ data: { id: expect.stringMatching(/^[a-z0-9]{20,}$/), status: 'submitted' }, meta: { mail: true } });
    expect(res.headers['access-control-allow-origin']).toBe(app.url);
    id = res.body.data.id;
    const rows = await storedPractice(app, id);
    expect(rows).toHaveLength(1); // one draft, in English; no published version
    const [row] = rows;
    expect(row).toMatchObject({
      locale: 'en',
      publishedAt: null,
      title: 'Community energy cooperative in Manlleu',
      reviewStatus: 'submitted',
      source: 'submission',
      municipality: 'Manlleu',
      region: 'Osona',
      country: 'ES',
      contact: { name: 'Marta Puig', email: CANARY, phone: '+34 600 000 000', role: 'Coordinator' },
      call: { slug: openCall },
    });
    expect(row?.topics.map((t) => t.slug).sort()).toEqual(['ecological-transition', 'housing']);
    // the known promoter is linked; the unknown one too, as a draft organisation for the reviewer to confirm or merge
    expect(row?.promoters.map((p) => p.name).sort()).toEqual(['Cooperativa Sol Comú', 'Cooperativa Teixit']);
    expect(row?.reviewNotes).toBe('New promoters (draft organisations to confirm or merge):\nCooperativa Sol Comú — https://solcomu.example — ES');
    expect(row?.slug).toMatch(/^community-energy-cooperative-in-manlleu-[a-z0-9]{6}$/);
    expect(row?.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'The council lends the roofs of three schools.' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Neighbours own the panels through a cooperative.' }] },
    ]);
    expect(Date.now() - new Date(String(row?.submittedAt)).getTime()).toBeLessThan(60_000);
    const history = typeof row?.reviewHistory === 'string' ? JSON.parse(row.reviewHistory) : row?.reviewHistory;
    expect(history).toEqual([expect.objectContaining({ action: 'submit', to: 'submitted', consent: true, by: null, locale: 'en' })]);
  });

  it('acknowledges to the contact and tells the editors, without contact details', async () => {
    const ack = await sink.waitFor((m) => m.to.includes(CANARY));
    expect(ack.subject).toBe('We received your practice: Community energy cooperative in Manlleu');
    expect(ack.text).toContain(id);
    const editors = await sink.waitFor((m) => m.to.includes(EDITORS));
    expect(editors.subject).toContain('Community energy cooperative in Manlleu');
    expect(editors.text).toContain(`/content-manager/collection-types/plugin::solidarity.practice/${id}`);
    expect(editors.raw).not.toContain('contact-canary');
    expect(editors.raw).not.toContain('600 000');
  });

  it('never shows a submission on a public route', async () => {
    const [row] = await storedPractice(app, id);
    const urls = [
      '/api/solidarity/practices',
      '/api/solidarity/practices?status=draft',
      `/api/solidarity/practices/${id}`,
      `/api/solidarity/practices/${String(row?.slug)}`,
      '/api/solidarity/practices?q=Manlleu',
      '/api/solidarity/practices?q=cooperative',
      `/api/solidarity/practices?call=${openCall}`,
      '/api/solidarity/feeds/practices.rss',
      '/api/solidarity/feeds/practices.atom',
      '/api/solidarity/feeds/practices.json',
      '/api/solidarity/export/practices.csv',
      '/api/solidarity/export/practices.json',
      `/api/solidarity/calls/${openCall}`,
      '/api/solidarity/organisations/teixit',
    ];
    for (const url of urls) {
      const res = await request(app.url).get(url);
      expect(res.status, url).toBeLessThan(500);
      expect(res.text, url).not.toContain('Manlleu');
      expect(res.text, url).not.toContain('contact-canary');
      if (!url.includes(id)) expect(res.text, url).not.toContain(id);
    }
    await request(app.url).get(`/api/solidarity/practices/${id}`).expect(404);
  });

  it('acknowledges in the language of the submission', async () => {
    const res = await submit(app, await proven({ locale: 'ca', title: 'Cooperativa energètica de Manlleu', contact: { name: 'Jordi', email: 'jordi@contact-canary.example', role: 'Tècnic' } })).expect(202);
    const [row] = await storedPractice(app, res.body.data.id);
    expect(row).toMatchObject({ locale: 'ca', slug: expect.stringMatching(/^cooperativa-energetica-de-manlleu-/) });
    const ack = await sink.waitFor((m) => m.to.includes('jordi@contact-canary.example'));
    expect(ack.subject).toBe('Hem rebut la vostra pràctica: Cooperativa energètica de Manlleu');
    expect(ack.text).toContain('Benvolgut/da Jordi');
  });

  it('refuses a submission without consent (400)', async () => {
    const before = await countPractices();
    const { consent: _drop, ...withoutConsent } = await proven();
    const res = await submit(app, withoutConsent).expect(400);
    expect(res.body).toMatchObject({
      data: null,
      error: { status: 400, name: 'ValidationError', message: 'consent to the privacy notice is required' },
    });
    expect(res.body.error.details.errors).toEqual([
      { path: ['consent'], message: 'consent to the privacy notice is required', name: 'ValidationError' },
    ]);
    const declined = await submit(app, await proven({ consent: 'yes' })).expect(400);
    expect(declined.body.error.message).toBe('consent to the privacy notice is required');
    expect(await countPractices()).toBe(before);
  });

  it('names an unknown topic by its position (400)', async () => {
    const res = await submit(app, await proven({ topics: ['housing', 'no-such-topic'] })).expect(400);
    expect(res.body.error.details.errors).toEqual([
      { path: ['topics', 1], message: 'unknown topic "no-such-topic"', name: 'ValidationError' },
    ]);
  });

  it('lists every invalid field, unknown keys included, in Strapi error format', async () => {
    const res = await submit(
      app,
      await proven({
        title: 'ab',
        summary: 'short',
        topics: [],
        promoters: [{ name: 'X', website: 'ftp://x.example', country: 'QQ' }],
        territory: { country: 'Spain' },
        contact: { name: 'M', email: 'not-an-email', role: 'r', fax: '1' },
        extra: true,
      })
    ).expect(400);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'error']);
    const paths = (res.body.error.details.errors as { path: (string | number)[] }[]).map((e) => e.path.join('.')).sort();
    expect(paths).toEqual(
      [
        'contact.email',
        'contact.fax',
        'contact.name',
        'contact.role',
        'extra',
        'promoters.0.country',
        'promoters.0.name',
        'promoters.0.website',
        'summary',
        'territory.country',
        'title',
        'topics',
      ].sort()
    );
    expect(res.body.error.message).toMatch(/^12 fields need attention: /);
  });

  it('refuses an unknown locale and an unknown call (400)', async () => {
    const locale = await submit(app, await proven({ locale: 'de' })).expect(400);
    expect(locale.body.error.details.errors).toEqual([
      { path: ['locale'], message: 'must be one of en, ca, es, el, fr', name: 'ValidationError' },
    ]);
    const call = await submit(app, await proven({ call: 'no-such-call' })).expect(400);
    expect(call.body.error.details.errors[0]).toMatchObject({ path: ['call'], message: 'unknown call "no-such-call"' });
  });

  it('refuses a closed call, naming its deadline (409)', async () => {
    const before = await countPractices();
    const res = await submit(app, await proven({ call: 'closed-call' })).expect(409);
    expect(res.body).toMatchObject({ data: null, error: { status: 409, name: 'ConflictError' } });
    expect(res.body.error.message).toBe('The call "Call closed-call" closed on 2025-03-31 21:59 UTC: it no longer accepts submissions');
    expect(res.body.error.details.call).toMatchObject({ slug: 'closed-call', closesAt: '2025-03-31T21:59:00.000Z' });
    const early = await submit(app, await proven({ call: 'future-call' })).expect(409);
    expect(early.body.error.message).toMatch(/^The call "Call future-call" opens on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await countPractices()).toBe(before);
  });

  it('answers 413 in Strapi format for a body over 64 KB, declared or chunked', async () => {
    const big = await proven({ body: 'x'.repeat(70_000) });
    const res = await submit(app, big).expect(413);
    expect(res.body).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError' } });
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${app.url}${SUBMISSIONS}`);
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', Origin: app.url } },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
        }
      );
      req.on('error', reject);
      const json = JSON.stringify(big);
      for (let i = 0; i < json.length; i += 8192) req.write(json.slice(i, i + 8192));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ data: null, error: { status: 413 } });
  });

  it('answers malformed JSON with 400 and other content types with 415', async () => {
    const bad = await request(app.url).post(SUBMISSIONS).set('Origin', app.url).set('Content-Type', 'application/json').send('{"title": "x",').expect(400);
    expect(bad.body).toMatchObject({ data: null, error: { status: 400 } });
    const text = await request(app.url).post(SUBMISSIONS).set('Origin', app.url).set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(text.body).toMatchObject({ data: null, error: { status: 415, name: 'UnsupportedMediaTypeError' } });
    await request(app.url).post(SUBMISSIONS).set('Origin', app.url).type('form').send({ title: 'x' }).expect(415);
    const empty = await request(app.url).post(SUBMISSIONS).set('Origin', app.url).expect(400);
    expect(empty.body.error.name).toBe('ValidationError');
    const array = await submit(app, [1, 2]).expect(400);
    expect(array.body.error.details.errors[0].message).toBe('the request body must be a JSON object');
  });

  it('answers a filled honeypot like a success, storing and sending nothing, after the same checks as a person’s', async () => {
    const before = await countPractices();
    const mails = sink.mails.length;
    const bot = { leaveThisFieldEmpty: 'https://spam.example', contact: { name: 'Bot', email: 'bot@spam.example', role: 'bot' } };
    // without a proof of work, or with an invalid body, the same 400 as a person's: the honeypot does not show
    const unproven = await submit(app, validSubmission(bot)).expect(400);
    const person = await submit(app, validSubmission()).expect(400);
    expect(unproven.body).toEqual(person.body);
    const invalid = await submit(app, await proven({ ...bot, title: '' })).expect(400);
    expect(invalid.body.error.details.errors).toEqual([expect.objectContaining({ path: ['title'] })]);
    const res = await submit(app, await proven(bot)).expect(202);
    expect(res.body).toEqual({ data: { id: expect.stringMatching(/^[a-z0-9]{24}$/), status: 'submitted' }, meta: { mail: true } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await countPractices()).toBe(before);
    expect(sink.mails.length).toBe(mails);
    expect(await app.strapi.db.query(UID.practice as never).count({ where: { documentId: res.body.data.id } })).toBe(0);
  });

  it("never drops a fiche because a developer filled `website` with the organisation's website", async () => {
    const before = await countPractices();
    // the old honeypot name, filled: a clear 400 naming the field, not a pretended success
    const filled = await submit(app, await proven({ website: 'https://xarxa.example' })).expect(400);
    expect(filled.body.error.details.errors).toEqual([{ path: ['website'], message: 'is not a field of a submission', name: 'ValidationError' }]);
    expect(await countPractices()).toBe(before);
    // sent empty by a widget bundle from before the rename: accepted
    const legacy = await submit(app, await proven({ website: '' })).expect(202);
    expect((await storedPractice(app, legacy.body.data.id)).length).toBe(1);
    // the honeypot, empty or absent: accepted
    await submit(app, await proven({ leaveThisFieldEmpty: '' })).expect(202);
    await submit(app, await proven()).expect(202);
  });

  it('stores a lone UTF-16 surrogate (valid JSON, not valid Unicode) as U+FFFD, never a 500', async () => {
    // PostgreSQL refuses "\ud800" in its json type and in text: the body's blocks could not be inserted
    const res = await submit(app, await proven({ title: 'Lone \ud800 surrogate title', summary: `${'Summary with a lone surrogate \udc00 '.repeat(2)}`, body: 'Text \ud800 here' })).expect(202);
    const [stored] = await storedPractice(app, res.body.data.id);
    expect(stored?.title).toBe('Lone \ufffd surrogate title');
    expect(JSON.stringify(stored?.body)).toContain('Text \ufffd here');
  });

  it('describes the honeypot in the OpenAPI document', async () => {
    const doc = (await request(app.url).get('/api/solidarity/openapi.json').expect(200)).body as {
      paths: Record<string, { post?: { description?: string; requestBody: { content: Record<string, { schema: { properties: Record<string, { description?: string }> } }> } } }>;
    };
    const post = doc.paths['/api/solidarity/submissions']?.post;
    const properties = post?.requestBody.content['application/json']?.schema.properties ?? {};
    expect(properties).not.toHaveProperty('website');
    expect(properties.leaveThisFieldEmpty?.description).toMatch(/must be absent or empty.*a value marks the request as spam/i);
    expect(post?.description).toContain('leaveThisFieldEmpty');
  });

  it('refuses a missing, forged, expired or replayed proof of work (400)', async () => {
    const before = await countPractices();
    const missing = await submit(app, validSubmission()).expect(400);
    expect(missing.body.error).toMatchObject({ name: 'ValidationError', message: 'proof of work missing or invalid' });
    expect(missing.body.error.details.errors[0].path).toEqual(['altcha']);
    const proof = await solveProof(app);
    const payload = JSON.parse(Buffer.from(proof, 'base64').toString()) as Record<string, unknown>;
    const forgedNumber = Buffer.from(JSON.stringify({ ...payload, number: Number(payload.number) + 1 })).toString('base64');
    await submit(app, validSubmission({ altcha: forgedNumber })).expect(400);
    const forgedSignature = Buffer.from(JSON.stringify({ ...payload, signature: 'f'.repeat(64) })).toString('base64');
    await submit(app, validSubmission({ altcha: forgedSignature })).expect(400);
    // solved, but signed with another key
    const foreign = await createChallenge({ hmacKey: 'not-the-key', maxNumber: 1000, expires: new Date(Date.now() + 60_000) });
    const foreignSolution = await solveChallenge(foreign.challenge, foreign.salt, foreign.algorithm, 1000).promise;
    const foreignPayload = Buffer.from(JSON.stringify({ ...foreign, number: foreignSolution?.number })).toString('base64');
    await submit(app, validSubmission({ altcha: foreignPayload })).expect(400);
    await submit(app, validSubmission({ altcha: 'not base64 json' })).expect(400);
    await submit(app, validSubmission({ altcha: 42 })).expect(400);
    // signed with the right key but expired
    const hmacKey = altchaHmacKey(app.strapi, submissionsConfig(app.strapi));
    const old = await createChallenge({ hmacKey, maxNumber: 1000, expires: new Date(Date.now() - 1000) });
    const oldSolution = await solveChallenge(old.challenge, old.salt, old.algorithm, 1000).promise;
    const expired = Buffer.from(JSON.stringify({ ...old, number: oldSolution?.number })).toString('base64');
    await submit(app, validSubmission({ altcha: expired })).expect(400);
    expect(await countPractices()).toBe(before);

    await submit(app, validSubmission({ altcha: proof })).expect(202);
    const replay = await submit(app, validSubmission({ altcha: proof })).expect(400);
    expect(replay.body.error.message).toBe('proof of work already used: solve a new challenge');
  });

  it('lets a person correct the form and send the same proof again', async () => {
    const proof = await solveProof(app);
    await submit(app, validSubmission({ altcha: proof, consent: false })).expect(400);
    await submit(app, validSubmission({ altcha: proof })).expect(202);
  });

  it('accepts only allowed origins (403 otherwise), with CORS for them alone', async () => {
    const res = await submit(app, await proven(), 'https://evil.example').expect(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError', message: 'Submissions are not accepted from https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app.url)
      .options(SUBMISSIONS)
      .set('Origin', app.url)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(app.url);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    await request(app.url).options(SUBMISSIONS).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST').expect(403);
    // curl from the server itself: no Origin header, allowed by default
    const curl = await submit(app, await proven(), null).expect(202);
    expect(curl.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('stores markup as text, never interpreted', async () => {
    const title = '<script>alert(1)</script> energy <img src=x onerror=alert(1)>';
    const body = '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>';
    const res = await submit(app, await proven({ title, body })).expect(202);
    const [row] = await storedPractice(app, res.body.data.id);
    expect(row?.title).toBe(title);
    expect(row?.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
    expect(row?.slug).toMatch(/^script-alert-1-script-energy-img-src-x-onerror-alert-1-[a-z0-9]{6}$/);
    const mail = await sink.waitFor((m) => m.to.includes(EDITORS) && m.subject.includes('<script>'));
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('never logs contact details', async () => {
    const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(app.strapi.log, level));
    try {
      const res = await submit(app, await proven({ contact: { name: 'Log Canary', email: 'log@contact-canary.example', phone: '+30 210 000 0000', role: 'x1' } })).expect(202);
      await sink.waitFor((m) => m.to.includes('log@contact-canary.example'));
      const logged = JSON.stringify(spies.flatMap((s) => s.mock.calls));
      expect(logged).toContain(res.body.data.id);
      expect(logged).not.toMatch(/contact-canary|Log Canary|210 000/);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('keeps answering when mail fails', async () => {
    await sink.close();
    try {
      const res = await submit(app, await proven()).expect(202);
      expect((await storedPractice(app, res.body.data.id)).length).toBe(1);
    } finally {
      const port = sink.port;
      sink = await startSmtpSink();
      expect(sink.port).not.toBe(port); // later tests of this file do not mail
    }
  });
});
