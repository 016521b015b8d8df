import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './e2e';
import { APP_ROOT } from './strapi';

/**
 * A real WordPress for end-to-end tests of the plugin (integrations/wordpress/solidarity-commons):
 * Debian's `wordpress` package (`/usr/share/wordpress`, copied into a temporary directory: the
 * package's own wp-config.php reads /etc/wordpress), a fresh MariaDB/MySQL database, a subdirectory
 * multisite installed by wp_install() + populate_network() (test/wordpress/install.php), served by
 * PHP's built-in server with a router (test/wordpress/router.php). Nothing is downloaded.
 *
 * MariaDB: TEST_MYSQL_HOST (127.0.0.1), TEST_MYSQL_PORT (3306), TEST_MYSQL_USER (root),
 * TEST_MYSQL_PASSWORD (''); databases are named TEST_MYSQL_PREFIX (`solidarity_wp_`) + a random part.
 */

const run = promisify(execFile);

/** Debian's WordPress (`WORDPRESS_DIR` to use another copy). */
export const WORDPRESS_DIR = process.env.WORDPRESS_DIR ?? '/usr/share/wordpress';
const FIXTURES = path.join(APP_ROOT, 'test', 'wordpress');
const PLUGIN = path.join(APP_ROOT, 'integrations', 'wordpress', 'solidarity-commons');

const mysql = {
  host: process.env.TEST_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_MYSQL_PORT ?? 3306),
  user: process.env.TEST_MYSQL_USER ?? 'root',
  password: process.env.TEST_MYSQL_PASSWORD ?? '',
};

const SQL_PHP = `$m = new mysqli(getenv('H'), getenv('U'), getenv('P'), '', (int) getenv('O')); if ($m->connect_error) { fwrite(STDERR, $m->connect_error); exit(1); } if (!$m->query(getenv('Q'))) { fwrite(STDERR, $m->error); exit(1); }`;
const sqlEnv = (statement: string) => ({ ...process.env, H: mysql.host, U: mysql.user, P: mysql.password, O: String(mysql.port), Q: statement });

/** Runs SQL through PHP's mysqli (php-mysql), so that no MySQL client is needed. */
const sql = async (statement: string): Promise<void> => {
  await run('php', ['-r', SQL_PHP], { env: sqlEnv(statement) });
};

/**
 * Why WordPress cannot be run here ('' when it can): PHP's CLI with mysqli, Debian's WordPress and
 * a MariaDB server answering. Synchronous, for `describe.skipIf`.
 */
export const wordpressUnavailable = (): string => {
  if (!existsSync(path.join(WORDPRESS_DIR, 'wp-includes', 'version.php'))) return `no WordPress at ${WORDPRESS_DIR} (apt-get install wordpress)`;
  try {
    execFileSync('php', ['-r', 'exit(function_exists("mysqli_connect") ? 0 : 3);'], { stdio: 'pipe' });
  } catch (error) {
    return `PHP's CLI with mysqli is missing (apt-get install php-cli php-mysql): ${(error as Error).message}`;
  }
  try {
    execFileSync('php', ['-r', SQL_PHP], { env: sqlEnv('SELECT 1'), stdio: 'pipe' });
  } catch (error) {
    return `no MariaDB/MySQL at ${mysql.host}:${mysql.port} as ${mysql.user}: ${String((error as { stderr?: Buffer }).stderr ?? (error as Error).message)}`;
  }
  return '';
};

export interface WordPressSite {
  /** http://127.0.0.1:PORT (the main site; sub-sites are at /members/ and /theme/) */
  url: string;
  /** the WordPress version of the package (wp-includes/version.php) */
  version: string;
  /** what install.php created */
  ids: { members: number; theme: number; author: number; siteAdmin: number; applicationPassword: string; unfilteredHtml: boolean };
  /** the PHP server's and WordPress's debug log so far */
  log(): string;
  stop(): Promise<void>;
}

const config = (db: string, host: string, networkUrl: string, multisite: boolean) => `<?php
define( 'DB_NAME', ${JSON.stringify(db)} );
define( 'DB_USER', ${JSON.stringify(mysql.user)} );
define( 'DB_PASSWORD', ${JSON.stringify(mysql.password)} );
define( 'DB_HOST', ${JSON.stringify(`${mysql.host}:${mysql.port}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
  .map((k) => `define( '${k}', '${k.toLowerCase()}-${db}' );`)
  .join('\n')}
$table_prefix = 'wp_';
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
// Application passwords without HTTPS; no cron, no updates, no requests leaving this machine.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost' );
define( 'WP_ALLOW_MULTISITE', true );
define( 'SOLIDARITY_TEST_NETWORK_URL', ${JSON.stringify(networkUrl)} );
${
  multisite
    ? `define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', false );
define( 'DOMAIN_CURRENT_SITE', ${JSON.stringify(host)} );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );`
    : ''
}
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;

/**
 * Installs a subdirectory multisite WordPress on a fresh database, with the plugin network-activated
 * and `networkUrl` as the network default, a Catalan sub-site `/members/` (theme: a minimal classic
 * theme, an Author and a site Administrator, an application password for the Author) and a sub-site
 * `/theme/` whose theme enqueues the widget bundle as WordPress enqueues any script; then serves it
 * with `php -S` on a free port (WP_TEST_PORT to choose). About ten seconds. `network` may be a promise
 * (the app starting meanwhile): the core install does not need it.
 */
export const startWordPress = async (network: string | Promise<string>): Promise<WordPressSite> => {
  const port = Number(process.env.WP_TEST_PORT ?? (await freePort()));
  const host = `127.0.0.1:${port}`;
  const db = `${process.env.TEST_MYSQL_PREFIX ?? 'solidarity_wp_'}${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'solidarity-wp-'));
  const wp = path.join(tmp, 'wordpress');
  let server: ChildProcess | undefined;
  let output = '';
  const log = () => output + (existsSync(path.join(wp, 'debug.log')) ? readFileSync(path.join(wp, 'debug.log'), 'utf8') : '');
  const stop = async () => {
    if (server?.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server?.once('exit', () => resolve()));
      // The server's own process group: PHP_CLI_SERVER_WORKERS forks workers that outlive their parent.
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    await sql(`DROP DATABASE IF EXISTS \`${db}\``).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    // Core (the package's wp-config.php reads /etc/wordpress: ours replaces it; its relative links to
    // /usr/share/javascript are copied as files), the plugin, the test themes.
    cpSync(WORDPRESS_DIR, wp, { recursive: true, dereference: true, filter: (src) => src !== path.join(WORDPRESS_DIR, 'wp-config.php') });
    cpSync(PLUGIN, path.join(wp, 'wp-content', 'plugins', 'solidarity-commons'), { recursive: true });
    cpSync(path.join(FIXTURES, 'themes'), path.join(wp, 'wp-content', 'themes'), { recursive: true });
    await sql(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

    const install = path.join(FIXTURES, 'install.php');
    writeFileSync(path.join(wp, 'wp-config.php'), config(db, host, '', false));
    await run('php', [install, 'single', wp], { env: { ...process.env, WP_TEST_HOST: host }, cwd: wp });
    const networkUrl = await network;
    writeFileSync(path.join(wp, 'wp-config.php'), config(db, host, networkUrl, true));
    const { stdout } = await run('php', [install, 'multisite', wp], { env: { ...process.env, WP_TEST_HOST: host, WP_TEST_NETWORK_URL: networkUrl }, cwd: wp });
    const ids = JSON.parse(stdout.slice(stdout.indexOf('{'))) as WordPressSite['ids'];
    const version = /\$wp_version\s*=\s*'([^']+)'/.exec(readFileSync(path.join(wp, 'wp-includes', 'version.php'), 'utf8'))?.[1] ?? '?';

    // Several workers: the block editor sends requests in parallel.
    server = spawn('php', ['-S', host, '-t', wp, path.join(FIXTURES, 'router.php')], {
      cwd: wp,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    const until = Date.now() + 20_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`php -S exited (${server.exitCode}):\n${output}`);
      try {
        if ((await fetch(`http://${host}/wp-login.php`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`php -S did not answer in 20 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { url: `http://${host}`, version, ids, log, stop };
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr ?? '';
    await stop();
    throw new Error(`${(error as Error).message}\n${detail}`);
  }
};
