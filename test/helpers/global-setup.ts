import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Compiles the app (config + the solidarity plugin) once for the whole run;
 * each test file then boots Strapi in-process from dist/.
 */
export default function setup(): void {
  if (process.env.SOLIDARITY_SKIP_COMPILE === '1') return; // the caller compiled already
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
