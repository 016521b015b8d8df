#!/usr/bin/env node
// `npm run seed`: load every demo record that is missing (by slug). Existing records are
// never changed, so running it on a database with content adds nothing and loses nothing.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ROOT, checkDatabase, compileServer, require } from './lib.mjs';

compileServer();
const conn = await checkDatabase();
if (conn.client === 'sqlite') mkdirSync(path.dirname(conn.connection.filename), { recursive: true });

process.env.SEED_DEMO = 'false'; // seeded explicitly below, whatever the first-start rule says
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
const { createStrapi } = require('@strapi/strapi');
const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
strapi.log.level = 'warn';
await strapi.load();
const report = await strapi.plugin('solidarity').service('seed').demo();
const fmt = (o) => Object.entries(o).map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing';
console.log(`Seeded: created ${fmt(report.created)}; already there ${fmt(report.skipped)}.`);
await strapi.destroy();
process.exit(0);
