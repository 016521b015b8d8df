// Component tests in the machine's Chromium (never a downloaded browser): `npm run -w widgets test:browser`.
import { existsSync, readFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { cutLitHtml, isLitHtml } from './scripts/lit-cuts.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath))
  throw new Error(
    `No Chromium at ${executablePath}: install Debian's (apt-get install -y chromium) or set CHROME_PATH. No browser is downloaded.`
  );

const root = new URL('..', import.meta.url).pathname;

/**
 * The built files (widgets/dist/) as the app serves them: their build-time gzip (`x.js.gz`) with
 * `Content-Encoding: gzip`, so that a test counts the bytes a partner's page loads
 * (PerformanceResourceTiming.encodedBodySize). Answers before the plugins, which would transform the body.
 */
async function precompressed(ctx, next) {
  const path = ctx.path;
  if (!path.startsWith('/widgets/dist/') || !path.endsWith('.js') || path.includes('..') || !/\bgzip\b/.test(ctx.get('accept-encoding')) || !existsSync(root + path + '.gz'))
    return next();
  ctx.set('Content-Type', 'text/javascript; charset=utf-8');
  ctx.set('Content-Encoding', 'gzip');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = readFileSync(root + path + '.gz');
}

/**
 * The lit-html that ships: its production build (not the development one, web-test-runner's default),
 * with the parts the widgets never use cut as the build cuts them (scripts/lit-cuts.mjs), so that a
 * cut that breaks a widget fails its tests.
 */
const shippedLitHtml = {
  name: 'shipped-lit-html',
  transform(context) {
    // as the build: a cut not found is skipped, with a warning (test/unit/lit-cuts.test.ts fails then)
    if (isLitHtml(context.path)) return cutLitHtml(context.body, (m) => console.warn(m)).code;
  },
};

export default {
  middleware: [precompressed],
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  // served from the repository's root: the form imports the submission limits from cms/shared/limits.ts
  rootDir: new URL('..', import.meta.url).pathname,
  nodeResolve: { exportConditions: ['production'] },
  // one page at a time: keyboard tests (sendKeys) need the focused page
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  plugins: [shippedLitHtml, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
};
