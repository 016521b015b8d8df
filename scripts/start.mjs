#!/usr/bin/env node
// `npm start`: build what is missing, check the database, start Strapi, print where to go.
// `npm run develop` uses the same checks with `strapi develop`.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checkDatabase, compileServer, ensureBuild, ensureWidgets, strapiBin } from './lib.mjs';

const mode = process.argv[2] === 'develop' ? 'develop' : 'start';
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: process.env.STRAPI_TELEMETRY_DISABLED ?? 'true' };

// Settings are checked before the (slow) admin build so a mistake is reported at once.
compileServer();
const conn = await checkDatabase();
if (mode === 'start') ensureBuild();
ensureWidgets();
if (conn.client === 'sqlite') mkdirSync(path.dirname(conn.connection.filename), { recursive: true });
mkdirSync(path.join(ROOT, 'public', 'uploads'), { recursive: true });

const port = Number(process.env.PORT ?? 1337);
const base = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
const child = spawn(process.execPath, [strapiBin(), mode], { cwd: ROOT, stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Print the banner once the server answers its health check.
const started = Date.now();
const poll = async () => {
  for (let i = 0; i < 600; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_health`);
      if (res.status === 204) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
};
if (await poll()) {
  const production = process.env.NODE_ENV === 'production';
  const explicit = Boolean(process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD);
  const lines = [
    '',
    `  Solidarity Commons is running (${conn.client}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    '',
    // ADMIN_URL (config/admin.ts): a path under this server, or a full URL of its own
    `  Admin panel     ${/^https?:\/\//.test(process.env.ADMIN_URL ?? '') ? process.env.ADMIN_URL : `${base}${process.env.ADMIN_URL || '/admin'}`}`,
    production && !explicit
      ? '  Admin login     none created in production: set ADMIN_EMAIL and ADMIN_PASSWORD, or register at /admin'
      : `  Admin login     ${process.env.ADMIN_EMAIL || 'admin@solidarity.example'} / ${explicit ? '(your ADMIN_PASSWORD)' : 'Solidarity-2026'}`,
    `  Demo partner    ${base}/demo  (Catalan: ${base}/demo/ca, snippets: ${base}/demo/snippets)`,
    `  Public API      ${base}/api/solidarity/practices?locale=ca`,
    `  API description ${base}/api/solidarity/openapi.json  (OpenAPI 3.1)`,
    `  Health          ${base}/_health`,
    '',
  ];
  console.log(lines.join('\n'));
}
