import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseClient } from '../../../../test/helpers/db';
import { APP_ROOT } from '../../../../test/helpers/strapi';

/**
 * scripts/durability.mjs (npm run test:durability) on this run's database:
 * a burst of submissions, the server SIGKILLed in the middle, restarted on the
 * same database; every acknowledged submission must be there, complete.
 */
describe('durability of acknowledged submissions', () => {
  it('keeps every submission answered 202 across a SIGKILL', { timeout: 120_000 }, async () => {
    const db = testDatabaseClient();
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(APP_ROOT, 'scripts', 'durability.mjs'), '--db', db, '--n', '300', '--kill-after', '80', '--skip-compile'],
        { cwd: APP_ROOT, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] }
      );
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve({ code: exitCode, out: text });
      });
    });
    expect(out).toMatch(new RegExp(`durability ${db}: sent \\d+, acknowledged (8\\d|9\\d|1\\d\\d) \\(202\\)`));
    expect(out).toContain('missing 0,');
    expect(out).toContain(`durability ${db}: OK`);
    expect(code, out).toBe(0);
  });
});
