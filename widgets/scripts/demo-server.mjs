#!/usr/bin/env node
// `npm run -w widgets demo`: the demo pages on http://127.0.0.1:8090/demo with the built widgets
// and a fake API answering from the test fixtures (no Strapi needed). For looking, not for tests.
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
const fake = { practices: practiceDocs, sessions: sessionDocs, statements: statementDocs, calls: [], aborted: [] };

const pages = { '/demo': 'demo/index.html', '/demo/ca': 'demo/ca.html', '/demo/snippets': 'demo/snippets.html' };
const types = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

createServer(async (req, res) => {
  const u = new URL(req.url, `http://${req.headers.host}`);
  try {
    if (u.pathname.startsWith('/api/solidarity/')) {
      const r = answer(fake, u);
      res.writeHead(r.status, { 'content-type': 'application/json' });
      return res.end(await r.text());
    }
    const file = pages[u.pathname.replace(/\/$/, '')] ?? (u.pathname.startsWith('/widgets/') && join('dist', u.pathname.slice(9).replace(/\.\./g, '')));
    if (!file) throw new Error('not found');
    const body = await readFile(join(root, file));
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('Not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`Demo: http://127.0.0.1:${port}/demo  (Catalan: /demo/ca, snippets: /demo/snippets)`));
