// Component tests in the machine's Chromium (never a downloaded browser): `npm run -w widgets test:browser`.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath))
  throw new Error(
    `No Chromium at ${executablePath}: install Debian's (apt-get install -y chromium) or set CHROME_PATH. No browser is downloaded.`
  );

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  // served from the repository's root: the form imports the submission limits from cms/shared/limits.ts
  rootDir: new URL('..', import.meta.url).pathname,
  nodeResolve: true,
  // one page at a time: keyboard tests (sendKeys) need the focused page
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname })],
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
