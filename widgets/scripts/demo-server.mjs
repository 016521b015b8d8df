#!/usr/bin/env node
// `npm run -w widgets demo`: the demo pages on http://127.0.0.1:8090/demo with the built widgets
// and a fake API answering from the test fixtures (no Strapi needed). For looking, not for tests.
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 8090);

// The fake API of the browser tests, bundled for Node (it only needs fetch's Response).
const out = await build({ entryPoints: [join(root, 'test/fake-api.ts')], bundle: true, format: 'esm', platform: 'node', write: false });
const { answer } = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
const { practiceDocs } = await import('data:text/javascript;base64,' + Buffer.from((await build({ entryPoints: [join(root, 'test/fixtures/practices.ts')], bundle: true, format: 'esm', write: false })).outputFiles[0].text).toString('base64'));
const { sessionDocs } = await import('data:text/javascript;base64,' + Buffer.from((await build({ entryPoints: [join(root, 'test/fixtures/sessions.ts')], bundle: true, format: 'esm', write: false })).outputFiles[0].text).toString('base64'));
const { statementDocs } = await import('data:text/javascript;base64,' + Buffer.from((await build({ entryPoints: [join(root, 'test/fixtures/statements.ts')], bundle: true, format: 'esm', write: false })).outputFiles[0].text).toString('base64'));
const { callDocs } = await import('data:text/javascript;base64,' + Buffer.from((await build({ entryPoints: [join(root, 'test/fixtures/calls.ts')], bundle: true, format: 'esm', write: false })).outputFiles[0].text).toString('base64'));
const fake = { practices: practiceDocs, sessions: sessionDocs, statements: statementDocs, cfp: callDocs, calls: [], aborted: [], posts: [] };

/** An ALTCHA (v1) challenge as `altcha-lib/v1` makes it: SHA-256 of salt + a secret number up to maxnumber, signed. */
const KEY = randomBytes(32);
const challenge = () => {
  const maxnumber = 100_000,
    salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(Date.now() / 1000) + 600}`,
    c = createHash('sha256').update(salt + randomInt(maxnumber)).digest('hex');
  return { algorithm: 'SHA-256', challenge: c, maxnumber, salt, signature: createHmac('sha256', KEY).update(c).digest('hex') };
};
const readJson = (req) =>
  new Promise((res) => {
    let b = '';
    req.on('data', (d) => (b += d));
    req.on('end', () => {
      try {
        res(JSON.parse(b));
      } catch {
        res(null);
      }
    });
  });

const pages = {
  '/demo': 'demo/index.html',
  '/demo/ca': 'demo/ca.html',
  '/demo/snippets': 'demo/snippets.html',
  '/demo/privacy': 'demo/privacy.html',
  '/demo/theme.css': 'demo/theme.css',
};
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

createServer(async (req, res) => {
  const u = new URL(req.url, `http://${req.headers.host}`);
  try {
    if (u.pathname == '/api/solidarity/submissions/challenge') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(JSON.stringify(challenge()));
    }
    if (u.pathname.startsWith('/api/solidarity/')) {
      // POST /submissions: checked roughly and answered 202 (the proof of work is not verified here)
      const r = answer(fake, u, req.method, req.method == 'POST' ? await readJson(req) : undefined);
      res.writeHead(r.status, { 'content-type': 'application/json' });
      return res.end(await r.text());
    }
    const file = pages[u.pathname.replace(/\/$/, '')] ?? (u.pathname.startsWith('/widgets/') && join('dist', u.pathname.slice(9).replace(/\.\./g, '')));
    if (!file) throw new Error('not found');
    let body = await readFile(join(root, file));
    // as the app does: the snippets name this server (cms/server/src/static/index.ts)
    if (file.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll('{{origin}}', `http://${req.headers.host}`));
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('Not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`Demo: http://127.0.0.1:${port}/demo  (Catalan: /demo/ca, snippets: /demo/snippets)`));
