#!/usr/bin/env node
// `npm test`: typecheck, lint, the server suite on SQLite and on PostgreSQL, the widget suites,
// the end-to-end tests and the scale suite (two instances behind nginx).
// Ends with one plain line "N passed, N failed" summing every suite.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, pgAdmin, run, testPostgres } from './lib.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];
/** Failed tests of the vitest steps, "label: file > name" and the first line of the failure, for the summary. */
const failures = [];
const failStep = (name) => {
  steps.push(`${name}: FAILED`);
  totals.failed += 1;
};

const npmRun = (script, args = []) => run('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])]);

const step = (name, fn) => {
  console.log(`\n▶ ${name}`);
  const status = fn();
  if (status === 0) steps.push(`${name}: ok`);
  else failStep(name);
  return status;
};

step('typecheck', () => npmRun('typecheck'));
step('lint', () => npmRun('lint'));

const outDir = mkdtempSync(path.join(os.tmpdir(), 'solidarity-vitest-'));
const vitest = (label, env, config = 'vitest.config.mts') => {
  const out = path.join(outDir, `${label.replace(/\W+/g, '-')}.json`);
  const name = config === 'vitest.config.mts' ? `server tests on ${label}` : label;
  const status = step(name, () =>
    run(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
      { env: { ...process.env, ...env } }
    )
  );
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // The failed tests' names go in the summary too: CI keeps only the tail of a run's output.
    for (const file of r.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'failed') {
          const why = String(t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
          failures.push(`${label}: ${path.relative(ROOT, file.name)} > ${t.fullName}\n      ${why}`);
        }
      }
      if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') {
        failures.push(`${label}: ${path.relative(ROOT, file.name)}\n      ${String(file.message ?? '').split('\n')[0].slice(0, 300)}`);
      }
    }
  }
  return status;
};

vitest('sqlite', { SOLIDARITY_TEST_DB: 'sqlite' });

const { host: pgHost, port: pgPort } = testPostgres();
const pgReachable = await pgAdmin('select 1').then(
  () => true,
  (error) => {
    console.log(`\nPostgreSQL at ${pgHost}:${pgPort} is not reachable (${error.code ?? error.message}).`);
    return false;
  }
);
if (pgReachable) {
  vitest('postgres', { SOLIDARITY_TEST_DB: 'postgres' });
} else if (process.env.SOLIDARITY_REQUIRE_POSTGRES === '1') {
  failStep('server tests on postgres (required by SOLIDARITY_REQUIRE_POSTGRES=1, server unreachable)');
} else {
  steps.push(`server tests on postgres: SKIPPED (no server at ${pgHost}:${pgPort}; set TEST_PG_HOST/TEST_PG_PORT)`);
}

const widgets = JSON.parse(readFileSync(path.join(ROOT, 'widgets', 'package.json'), 'utf8'));
if (widgets.scripts?.test) {
  // builds the bundle, checks its size budget, then unit and browser tests
  const status = step('widget tests', () => run('npm', ['run', '--silent', '-w', 'widgets', 'test']));
  if (status === 0) vitest('end-to-end (demo site in Chromium)', { SOLIDARITY_TEST_DB: 'sqlite' }, 'vitest.e2e.config.mts');
}

// Two built instances behind nginx on one PostgreSQL, one Redis and a local S3 store (README "Scale suite").
const nginxBin = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
if (pgReachable && existsSync(nginxBin)) {
  vitest('scale (two instances behind nginx)', { SOLIDARITY_TEST_DB: 'postgres' }, 'vitest.scale.config.mts');
} else if (process.env.SOLIDARITY_REQUIRE_POSTGRES === '1') {
  failStep(`scale (two instances behind nginx): needs PostgreSQL and ${nginxBin}`);
} else {
  steps.push(`scale (two instances behind nginx): SKIPPED (${pgReachable ? `no ${nginxBin}` : 'no PostgreSQL'})`);
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s}`);
if (failures.length > 0) {
  console.log('Failed tests');
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(steps.some((s) => s.includes('FAILED')) ? 1 : 0);
