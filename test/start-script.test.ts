import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

/** Runs `npm start`'s script with a broken database setting; it must stop before building or booting. */
const start = (env: Record<string, string>) => {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_CLIENT: '', DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const errLines = res.stderr.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
  return { status: res.status, errLines };
};

describe('npm start with a bad database setting', () => {
  it.each([
    [{ DATABASE_CLIENT: 'oracle' }, /^error: DATABASE_CLIENT "oracle" is not supported/],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://[broken' }, /^error: DATABASE_URL is malformed/],
    [
      { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/solidarity' },
      /^error: DATABASE_URL: cannot use PostgreSQL at 127\.0\.0\.1:1\/solidarity: ECONNREFUSED/,
    ],
  ])('%o exits non-zero with one line, no stack trace', (env, message) => {
    const { status, errLines } = start(env);
    expect(status).not.toBe(0);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(message);
    expect(errLines.join('\n')).not.toMatch(/\n\s+at /);
  });
});
