import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { solveChallenge, type Challenge } from 'altcha-lib/v1';
import Redis from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validSubmission } from '../../cms/server/src/submissions/testing/fixtures';
import { createTestDatabase, testDatabaseClient, type TestDatabase } from '../helpers/db';
import { freePort } from '../helpers/e2e';
import { APP_ROOT } from '../helpers/strapi';

/**
 * Several instances behind a load balancer (README "Several instances"): two instances of the built
 * app (`strapi start`, as a process manager runs them) on one fresh PostgreSQL database and one Redis,
 * Debian's nginx in front of them (round robin), uploads on a local S3-compatible store (s3rver).
 * Everything is checked through nginx and through each instance directly.
 */

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `solidarity-scale-${process.pid}-${randomBytes(4).toString('hex')}`;
const BUCKET = 'solidarity-media';
const PARTNER = 'https://partner.example';
const ADMIN = { email: 'scale-admin@solidarity.example', password: 'Scale-Admin-2026' };
const IP_LIMIT = 5;
const LOG_TAIL = 6000;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
);

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
  log(): string;
  exited: Promise<void>;
}

let tmp: string;
let db: TestDatabase;
let s3: S3rver;
let s3Base: string;
let redis: Redis;
let nginx: ChildProcess | null = null;
let lb: string;
const instances: Instance[] = [];
let a: Instance;
let b: Instance;
let adminToken: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP request from a chosen local address (127.x.y.z: the whole block is this machine), so a test can be several clients. */
const call = (
  url: string,
  { method = 'GET', headers = {}, body, from = '127.0.0.1' }: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {}
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string }> =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress: from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    if (body !== undefined) req.write(body);
    req.end();
  });

const json = (text: string): Record<string, unknown> => {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** A solved ALTCHA proof (base64 payload, as the widget sends it) for a challenge fetched from `base`. */
const solveProof = async (base: string, from = '127.0.0.1'): Promise<string> => {
  const res = await call(`${base}/api/solidarity/submissions/challenge`, { headers: { Origin: PARTNER }, from });
  expect(res.status, res.text).toBe(200);
  const c = JSON.parse(res.text) as Challenge;
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature })).toString(
    'base64'
  );
};

const submit = (base: string, body: Record<string, unknown>, from = '127.0.0.1') =>
  call(`${base}/api/solidarity/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: PARTNER },
    body: JSON.stringify(body),
    from,
  });

const startInstance = async (name: string, env: Record<string, string>): Promise<Instance> => {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(childEnv)) if (/^(DATABASE_|SMTP_|S3_|REDIS_|PUBLIC_URL|ADMIN_|SUBMISSIONS_|ALTCHA_)/.test(key)) delete childEnv[key];
  Object.assign(childEnv, env, { HOST: '127.0.0.1', PORT: String(port) });
  let output = '';
  const child = spawn(process.execPath, [path.join(APP_ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: APP_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance = { name, base: `http://127.0.0.1:${port}`, child, log: () => output, exited };
  instances.push(instance);
  return instance;
};

const healthy = async (instance: Instance, timeoutMs = 480_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited (${instance.child.exitCode}):\n${instance.log().slice(-LOG_TAIL)}`);
    if (Date.now() > until) throw new Error(`${instance.name} did not answer /_health in time:\n${instance.log().slice(-LOG_TAIL)}`);
    try {
      if ((await call(`${instance.base}/_health`)).status === 204) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
};

/**
 * The nginx configuration of README "Several instances", with this run's ports and a temporary prefix:
 * round robin over both instances, the client address from nginx (never from the client), the widget
 * bundle cached, /uploads/ from the store's bucket with the headers the app gives its own /uploads.
 */
const nginxConfig = (port: number, upstreams: string[], store: string): string => `
worker_processes 1;
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  proxy_cache_path ${tmp}/cache levels=1:2 keys_zone=widgets:1m max_size=64m inactive=1d use_temp_path=off;

  upstream solidarity {
    ${upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=10s;`).join('\n    ')}
    keepalive 16;
  }
  upstream media_store { server ${store}; }

  gzip on;
  gzip_proxied any;
  gzip_vary on;
  gzip_types application/json application/javascript text/css text/plain text/calendar application/rss+xml application/atom+xml;

  server {
    listen 127.0.0.1:${port};
    client_max_body_size 50m;

    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $http_host;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 2;

    location / {
      proxy_pass http://solidarity;
    }

    location /widgets/ {
      proxy_pass http://solidarity;
      proxy_cache widgets;
      proxy_cache_valid 200 5m;
      proxy_cache_use_stale error timeout updating http_502 http_503;
      add_header X-Cache-Status $upstream_cache_status always;
    }

    location /uploads/ {
      limit_except GET { deny all; }
      proxy_pass http://media_store/${BUCKET}/;
      proxy_set_header Host ${store};
      proxy_set_header Authorization "";
      proxy_hide_header x-amz-request-id;
      proxy_hide_header x-amz-id-2;
      add_header Content-Security-Policy "sandbox; default-src 'none'" always;
      add_header X-Content-Type-Options nosniff always;
      add_header Cross-Origin-Resource-Policy cross-origin always;
    }
  }
}
`;

beforeAll(async () => {
  // The suite is about PostgreSQL: several instances never share an SQLite file.
  if (testDatabaseClient() !== 'postgres') process.env.SOLIDARITY_TEST_DB = 'postgres';
  tmp = mkdtempSync(path.join(os.tmpdir(), 'solidarity-scale-'));

  const t0 = Date.now();
  // the built app, as `npm run build` leaves it (rebuilt only when the sources changed)
  const build = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "import { compileServer, ensureBuild, ensureWidgets } from './scripts/lib.mjs'; compileServer(); ensureBuild(); ensureWidgets();"],
    { cwd: APP_ROOT, stdio: 'inherit' }
  );
  if (build.status !== 0) throw new Error('the build failed');
  console.log(`scale: build checked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  db = await createTestDatabase();
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();

  const s3Port = await freePort();
  mkdirSync(path.join(tmp, 's3'));
  s3 = new S3rver({ port: s3Port, address: '127.0.0.1', silent: true, directory: path.join(tmp, 's3'), configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3.run();
  s3Base = `http://127.0.0.1:${s3Port}`;

  const lbPort = await freePort();
  lb = `http://127.0.0.1:${lbPort}`;
  const env: Record<string, string> = {
    ...db.env,
    DATABASE_POOL_MAX: '5',
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    // the same secrets on every instance (README "Several instances")
    APP_KEYS: 'scale-key-1,scale-key-2',
    API_TOKEN_SALT: 'scale-api-token-salt',
    ADMIN_JWT_SECRET: 'scale-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'scale-transfer-token-salt',
    JWT_SECRET: 'scale-jwt-secret',
    ENCRYPTION_KEY: 'scale-encryption-key-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: 'true',
    PUBLIC_URL: lb,
    IS_PROXIED: 'true',
    REDIS_URL,
    REDIS_KEY_PREFIX: PREFIX,
    SUBMISSIONS_ALLOWED_ORIGINS: PARTNER,
    SUBMISSIONS_RATE_ORIGIN_POINTS: '10000',
    ALTCHA_MAX_NUMBER: '2000',
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: s3Base,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_PUBLIC_URL: `${lb}/uploads`,
  };
  // both at once on the empty database: one boots (schema, demo content) while the other waits for it
  a = await startInstance('instance A', env);
  b = await startInstance('instance B', env);
  await Promise.all([healthy(a).then(() => console.log(`scale: instance A up after ${elapsed()}`)), healthy(b).then(() => console.log(`scale: instance B up after ${elapsed()}`))]);

  writeFileSync(path.join(tmp, 'nginx.conf'), nginxConfig(lbPort, [a.base.slice(7), b.base.slice(7)], s3Base.slice(7)));
  nginx = spawn(NGINX, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf'), '-e', path.join(tmp, 'nginx-error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (let i = 0; ; i += 1) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(path.join(tmp, 'nginx-error.log'), 'utf8')}`);
    try {
      if ((await call(`${lb}/_health`)).status === 204) break;
    } catch {
      if (i > 100) throw new Error('nginx did not answer');
    }
    await sleep(100);
  }

  const login = await call(`${lb}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status, login.text).toBe(200);
  adminToken = (json(login.text).data as { token: string }).token;
}, 1_200_000);

afterAll(async () => {
  for (const instance of instances) {
    if (instance.child.exitCode === null && instance.child.signalCode === null) {
      instance.child.kill('SIGTERM');
      const timer = setTimeout(() => instance.child.kill('SIGKILL'), 10_000);
      await instance.exited;
      clearTimeout(timer);
    }
  }
  if (nginx && nginx.exitCode === null) {
    const done = new Promise((resolve) => nginx?.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await done;
  }
  await s3?.close().catch(() => undefined);
  if (redis) {
    const left = await redis.keys(`${PREFIX}:*`);
    if (left.length) await redis.del(...left);
    await redis.quit();
  }
  await db?.drop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const query = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({
    host: db.env.DATABASE_HOST,
    port: Number(db.env.DATABASE_PORT),
    user: db.env.DATABASE_USERNAME,
    password: db.env.DATABASE_PASSWORD,
    database: db.env.DATABASE_NAME,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
};

const admin = (base: string, method: string, route: string, body?: unknown) =>
  call(`${base}${route}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A multipart body with one file in the field `files`, as the Media Library sends it. */
const multipart = (name: string, type: string, bytes: Buffer) => {
  const boundary = `----scale${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
};

const upload = (base: string, name: string, type: string, bytes: Buffer) => {
  const form = multipart(name, type, bytes);
  return call(`${base}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': form.type }, body: form.body });
};

describe('two instances behind nginx, one PostgreSQL, one Redis, one S3-compatible store', () => {
  it('both instances started at once on an empty database: the demo content was loaded once', async () => {
    const practices = await query<{ n: string }>(`select count(distinct document_id) as n from solidarity_practices`);
    expect(Number(practices[0]?.n)).toBeGreaterThan(0);
    for (const table of ['solidarity_practices', 'solidarity_sessions', 'solidarity_statements', 'solidarity_topics', 'solidarity_organisations']) {
      const twice = await query(`select slug, locale, count(distinct document_id) as n from ${table} group by slug, locale having count(distinct document_id) > 1`);
      expect(twice, table).toEqual([]);
    }
    const admins = await query<{ n: string }>(`select count(*) as n from admin_users where email = $1`, [ADMIN.email]);
    expect(Number(admins[0]?.n)).toBe(1);
    const loaded = [a, b].filter((i) => /Demo content loaded: \d+ /.test(i.log()));
    expect(loaded.length, [a, b].map((i) => i.log().slice(-2000)).join('\n---\n')).toBe(1);
  });

  it('a publish through one instance is visible through the other on the next request, with a new ETag', async () => {
    const list = '/api/solidarity/topics?locale=en';
    const before = await Promise.all([b.base, a.base, lb].map((base) => call(`${base}${list}`)));
    for (const r of before) expect(r.status).toBe(200);
    const slug = `scale-${randomBytes(3).toString('hex')}`;
    const published = await admin(a.base, 'POST', '/content-manager/collection-types/plugin::solidarity.topic/actions/publish?locale=en', {
      name: `Scale topic ${slug}`,
      slug,
      description: 'Published through instance A.',
    });
    expect(published.status, published.text).toBeLessThan(300);
    for (const [i, base] of [b.base, a.base, lb].entries()) {
      const etag = String(before[i]?.headers.etag);
      const after = await call(`${base}${list}`, { headers: { 'If-None-Match': etag } });
      expect(after.status, `${base}: ${after.text.slice(0, 200)}`).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(after.text).toContain(slug);
      const again = await call(`${base}${list}`, { headers: { 'If-None-Match': String(after.headers.etag) } });
      expect(again.status).toBe(304);
    }
    // and the ETag is the same whichever instance answers
    const etags = await Promise.all([a.base, b.base].map((base) => call(`${base}${list}`, { headers: { Host: new URL(lb).host } })));
    expect(etags[0]?.headers.etag).toBe(etags[1]?.headers.etag);
  });

  it('an image uploaded through one instance is served through the other, from the store, with the upload rules', async () => {
    const sent = await upload(a.base, 'scale-pixel.png', 'image/png', PNG);
    expect(sent.status, sent.text).toBe(201);
    const file = (JSON.parse(sent.text) as { id: number; url: string }[])[0];
    expect(file?.url.startsWith(`${lb}/uploads/`), file?.url).toBe(true);
    // instance B knows the file and its URL
    const seen = await admin(b.base, 'GET', `/upload/files/${file?.id}`);
    expect(seen.status, seen.text).toBe(200);
    expect(json(seen.text).url).toBe(file?.url);
    // served from the store, through nginx, with the type and disposition stored with the object and the inert headers
    const served = await call(String(file?.url));
    expect(served.status, `${file?.url}: ${served.text.slice(0, 300)}`).toBe(200);
    // a PNG (Strapi may optimise the image it stores), the same bytes as the object in the store
    expect(served.body.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-disposition']).toBe('inline');
    expect(served.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    // the object itself, straight from the store, carries its type and disposition
    const key = new URL(String(file?.url)).pathname.replace(/^\/uploads\//, '');
    const direct = await call(`${s3Base}/${BUCKET}/${key}`);
    expect(direct.status).toBe(200);
    expect(direct.headers['content-disposition']).toBe('inline');
    expect(direct.headers['content-type']).toBe('image/png');
    expect(direct.body.equals(served.body)).toBe(true);

    // a text file is stored as an attachment
    const text = await upload(b.base, 'notes.txt', 'text/plain', Buffer.from('Plain notes of the meeting.\n'));
    expect(text.status, text.text).toBe(201);
    const textUrl = (JSON.parse(text.text) as { url: string }[])[0]?.url;
    const textServed = await call(String(textUrl));
    expect(textServed.status).toBe(200);
    expect(textServed.headers['content-disposition']).toBe('attachment');

    // active content is refused on either instance, and nothing reaches the store
    const objectsBefore = readBucket();
    for (const base of [a.base, b.base, lb]) {
      const svg = await upload(base, 'logo.png', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
      expect(svg.status, svg.text).toBe(400);
    }
    expect(readBucket()).toEqual(objectsBefore);
  });

  it('a proof solved against one instance is accepted by the other once, and refused on replay through either', async () => {
    const proof = await solveProof(a.base, '127.0.1.1');
    const first = await submit(b.base, validSubmission({ altcha: proof }), '127.0.1.1');
    expect(first.status, first.text).toBe(202);
    for (const base of [a.base, b.base, lb]) {
      const replay = await submit(base, validSubmission({ altcha: proof }), '127.0.1.2');
      expect(replay.status, replay.text).toBe(400);
      expect(replay.text).toMatch(/already used/);
    }
  });

  it('a burst of submissions over both instances from one client gets at most the per-address limit accepted', async () => {
    const from = '127.0.2.1';
    const proofs = await Promise.all(Array.from({ length: 12 }, () => solveProof(lb, '127.0.2.200')));
    const bases = [a.base, b.base, lb];
    const answers = await Promise.all(proofs.map((proof, i) => submit(bases[i % 3] as string, validSubmission({ altcha: proof }), from)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 202).length, statuses.join(',')).toBe(IP_LIMIT);
    expect(statuses.filter((s) => s === 429).length, statuses.join(',')).toBe(12 - IP_LIMIT);
  });

  it('one instance SIGKILLed in the middle of a burst: every acknowledged submission is stored, and nginx answers through the other', async () => {
    const N = 48;
    // one client address per three submissions, under the per-address limit
    const clients = Array.from({ length: N }, (_, i) => `127.0.3.${1 + Math.floor(i / 3)}`);
    const proofs = await Promise.all(clients.map(() => solveProof(lb, '127.0.3.250')));
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let failed = 0;
    let next = 0;
    let killedAt = -1;
    const worker = async () => {
      while (next < N) {
        const i = next++;
        if (i === 16) {
          killedAt = acknowledged.length;
          a.child.kill('SIGKILL');
        }
        try {
          const res = await submit(lb, validSubmission({ altcha: proofs[i], title: `Scale burst practice ${i}` }), clients[i]);
          const id = (json(res.text).data as { id?: string } | undefined)?.id;
          if (res.status === 202 && id) acknowledged.push(id);
          else refused.push(res.status);
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    await a.exited;
    expect(killedAt).toBeGreaterThan(0);
    // nginx moved on to instance B: at most the requests in flight at the kill were lost
    expect(acknowledged.length + refused.length + failed).toBe(N);
    expect(acknowledged.length, `refused ${refused.join(',')}, failed ${failed}`).toBeGreaterThanOrEqual(N - 6);
    const stored = await query<{ document_id: string }>(
      `select distinct document_id from solidarity_practices where document_id = any($1) and source = 'submission' and published_at is null`,
      [acknowledged]
    );
    expect(stored.map((r) => r.document_id).sort()).toEqual([...acknowledged].sort());
    for (let i = 0; i < 6; i += 1) {
      expect((await call(`${lb}/_health`)).status).toBe(204);
      expect((await call(`${lb}/api/solidarity/topics?locale=en`)).status).toBe(200);
    }
    const widget = await call(`${lb}/widgets/solidarity.js`);
    expect(widget.status).toBe(200);
  });
});

/** Object files of the bucket on the store's disk (s3rver keeps each object as files in a folder). */
function readBucket(): string[] {
  const dir = path.join(tmp, 's3', BUCKET);
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).sort();
  } catch {
    return [];
  }
}
