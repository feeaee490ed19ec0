// A private, seeded WordPress for the live tests: Debian's WordPress 6.1 package, a MariaDB
// listening only on a unix socket in a folder under /tmp, and `php -S` on 127.0.0.1 with a
// router. Nothing system-wide is touched (no /etc/wordpress, no system service).
//
// From another script:   const rig = await startWordPress({port: 9301}); … await rig.stop();
// From a shell:          node test/live/wordpress/rig.mjs start --port 9301 [--base /wp]
//                          [--dir /tmp/x] [--plugin /path/to/plugin-folder]…
//                        node test/live/wordpress/rig.mjs stop --port 9301   (or --dir)
// `start` prints the rig's description (URL, users with passwords and application
// passwords, seeded post and comment ids) as JSON and leaves the servers running; the same
// JSON is in <dir>/rig.json. `stop` ends both servers by the PIDs recorded there.
//
// The installed and seeded database is cached under /tmp (keyed by the seed script and the
// package versions), so only the first start on a machine pays for the installation.
import {execFileSync, spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const WORDPRESS = '/usr/share/wordpress';
const MARIADBD = '/usr/sbin/mariadbd';
const PACKAGES = ['wordpress', 'php-cli', 'php-mysql', 'php-mbstring', 'php-xml', 'mariadb-server-core', 'mariadb-client'];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The rig cannot run here; `message` says exactly what to install. */
export class RigUnavailable extends Error {}

function commandWorks(command, args) {
  try {
    execFileSync(command, args, {stdio: 'ignore', timeout: 20_000});
    return true;
  } catch {
    return false;
  }
}

function missingPieces() {
  const missing = [];
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) missing.push('wordpress');
  const php = 'exit(extension_loaded("mysqli") && extension_loaded("mbstring") && extension_loaded("dom") ? 0 : 1);';
  if (!commandWorks('php', ['-r', php])) missing.push('php-cli php-mysql php-mbstring php-xml');
  if (!existsSync(MARIADBD) || !existsSync('/usr/bin/mariadb-install-db')) missing.push('mariadb-server-core');
  if (!commandWorks('mariadb-admin', ['--version'])) missing.push('mariadb-client');
  return missing;
}

/** Installs Debian's packages when missing and root; otherwise throws RigUnavailable. */
export function ensureWordPressPackages({log = console.log} = {}) {
  if (missingPieces().length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;
  if (!isRoot) {
    throw new RigUnavailable(`The live WordPress needs Debian packages that are missing (${missingPieces().join(', ')}). Install them: sudo ${command}`);
  }
  log(`Installing the live WordPress's Debian packages (about a minute): ${command}`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {stdio: 'inherit', env});
  } catch {
    execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {stdio: 'inherit', env});
  }
  const still = missingPieces();
  if (still.length) throw new RigUnavailable(`apt-get finished but these are still missing: ${still.join(', ')}.`);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function until(what, deadlineMs, check) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`The live WordPress rig gave up waiting for ${what}.`);
    await sleep(100);
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is still the process this rig started: its command line names the rig's
 * folder. A PID recorded long ago may belong to anything by now (PIDs are reused).
 */
function isOurs(pid, marker) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    // No /proc (not Linux): trust the record, as the only information there is.
    return !existsSync('/proc') && alive(pid);
  }
}

/** Ends a process group this rig started (php -S forks workers into it). */
async function stopGroup(pid, signal = 'SIGTERM', graceMs = 10_000) {
  if (!pid || !alive(pid)) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
  }
  const end = Date.now() + graceMs;
  while (alive(pid) && Date.now() < end) await sleep(50);
  if (alive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function mariadbArgs(dir) {
  return [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--log-error=${join(dir, 'mysqld.log')}`,
    '--skip-networking',
    '--skip-name-resolve',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=8M',
    '--character-set-server=utf8mb4',
    ...(isRoot ? ['--user=root'] : []),
  ];
}

async function startMariaDb(dir) {
  const child = spawn(MARIADBD, mariadbArgs(dir), {detached: true, stdio: 'ignore'});
  child.unref();
  const socket = join(dir, 'mysqld.sock');
  await until('MariaDB to accept connections', 60_000, () => {
    if (child.exitCode !== null) {
      throw new Error(`MariaDB stopped at start; see ${join(dir, 'mysqld.log')}:\n${tail(join(dir, 'mysqld.log'))}`);
    }
    return existsSync(socket) && commandWorks('mariadb-admin', ['--no-defaults', '-S', socket, '-u', 'root', 'ping']);
  });
  return child.pid;
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

/** WordPress's files in `<docroot><base>`: hard links to Debian's package, own config and wp-content extras. */
function layOutSite({dir, base, port, plugins}) {
  const docroot = join(dir, 'docroot');
  const site = join(docroot, base);
  mkdirSync(join(site, '..'), {recursive: true});
  try {
    // Hard links are instant and take no space; -L resolves Debian's relative symlinks
    // (getID3), which would break in another folder.
    execFileSync('cp', ['-rlL', WORDPRESS, site], {stdio: 'pipe'});
  } catch {
    rmSync(site, {recursive: true, force: true});
    execFileSync('cp', ['-rL', WORDPRESS, site], {stdio: 'pipe'});
  }
  rmSync(join(site, 'wp-config.php'), {force: true});
  rmSync(join(site, '.htaccess'), {force: true});
  const keys = Object.fromEntries(
    ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map(
      (name) => [name, createHash('sha256').update(`${dir}:${name}:${process.pid}:${Date.now()}`).digest('hex')],
    ),
  );
  writeFileSync(
    join(site, 'wp-config.php'),
    `<?php
// Written by test/live/wordpress/rig.mjs for a private test site; never a real site's config.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${join(dir, 'mysqld.sock')}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${Object.entries(keys)
  .map(([name, value]) => `define('${name}', '${value}');`)
  .join('\n')}
$table_prefix = 'wp_';
// The site answers under whichever loopback name it was reached by (127.0.0.1 directly,
// or localhost through the test server's proxy), so its links and cookies fit both.
$colloquy_host = isset($_SERVER['HTTP_HOST']) && preg_match('/^(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?$/', $_SERVER['HTTP_HOST'])
    ? $_SERVER['HTTP_HOST'] : '127.0.0.1:${port}';
define('WP_HOME', 'http://' . $colloquy_host . '${base}');
define('WP_SITEURL', 'http://' . $colloquy_host . '${base}');
// Application passwords need HTTPS unless the environment is 'local'.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`,
  );
  mkdirSync(join(site, 'wp-content', 'mu-plugins'), {recursive: true});
  copyFileSync(join(here, 'php', 'mu-plugin.php'), join(site, 'wp-content', 'mu-plugins', 'colloquy-rig.php'));
  for (const plugin of plugins) {
    const target = join(site, 'wp-content', 'plugins', basename(resolve(plugin)));
    rmSync(target, {recursive: true, force: true});
    symlinkSync(resolve(plugin), target);
  }
  return {docroot, site};
}

function versionOf(command, args) {
  try {
    return execFileSync(command, args, {encoding: 'utf8'});
  } catch {
    return '';
  }
}

/** The installed and seeded database, built once per machine and seed script version. */
async function template({log}) {
  const key = createHash('sha256')
    .update(readFileSync(join(here, 'php', 'seed.php')))
    .update(readFileSync(join(WORDPRESS, 'wp-includes', 'version.php')))
    .update(versionOf(MARIADBD, ['--version']))
    .digest('hex')
    .slice(0, 16);
  const dir = `/tmp/colloquy-wp-template-${key}`;
  if (existsSync(join(dir, 'seed.json'))) return {dir, seed: JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8'))};

  log('Installing and seeding a WordPress database template (first run on this machine)…');
  const build = `${dir}.build-${process.pid}`;
  rmSync(build, {recursive: true, force: true});
  mkdirSync(build, {recursive: true});
  let pid;
  try {
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(build, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--innodb-log-file-size=8M',
        ...(isRoot ? ['--user=root'] : []),
      ],
      {stdio: 'pipe'},
    );
    pid = await startMariaDb(build);
    execFileSync('mariadb', ['--no-defaults', '-S', join(build, 'mysqld.sock'), '-u', 'root', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4'], {stdio: 'pipe'});
    const {site} = layOutSite({dir: build, base: '', port: 0, plugins: []});
    const out = execFileSync('php', [join(here, 'php', 'seed.php'), site], {encoding: 'utf8', maxBuffer: 16 << 20});
    const seed = JSON.parse(out.trim().split('\n').pop());
    await stopGroup(pid, 'SIGTERM', 30_000);
    pid = undefined;
    rmSync(join(build, 'docroot'), {recursive: true, force: true});
    rmSync(join(build, 'mysqld.sock'), {force: true});
    writeFileSync(join(build, 'seed.json'), JSON.stringify(seed));
    try {
      renameSync(build, dir);
    } catch {
      // Another process finished the same template first: use theirs.
      rmSync(build, {recursive: true, force: true});
    }
    return {dir, seed};
  } catch (error) {
    if (pid) await stopGroup(pid, 'SIGKILL');
    rmSync(build, {recursive: true, force: true});
    throw error;
  }
}

/**
 * Starts a private WordPress and resolves with its description and `stop()`.
 * @param {{port: number, dir?: string, base?: string, plugins?: string[], log?: (line: string) => void}} options
 *   `base`: the site's folder ('' for the root, '/wp' for a site in a folder);
 *   `plugins`: plugin folders linked into wp-content/plugins (not activated).
 */
export async function startWordPress({port, dir = `/tmp/colloquy-wp-${port}`, base = '', plugins = [], log = console.log}) {
  if (!Number.isInteger(port)) throw new Error('startWordPress needs a port.');
  if (base && !/^\/[a-z0-9-]+$/.test(base)) throw new Error(`base must look like "/wp", not "${base}".`);
  ensureWordPressPackages({log});
  claimPort(port);
  const pids = {};
  try {
    await refuseIfTaken({dir, port});
    await stopWordPress({dir});
    const started = Date.now();
    const {dir: templateDir, seed} = await template({log});
    mkdirSync(dir, {recursive: true, mode: 0o700});
    execFileSync('cp', ['-a', join(templateDir, 'data'), join(dir, 'data')]);
    const {docroot, site} = layOutSite({dir, base, port, plugins});
    pids.mariadb = await startMariaDb(dir);
    const logFd = openSync(join(dir, 'php.log'), 'a');
    const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', docroot, join(here, 'php', 'router.php')], {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {...process.env, PHP_CLI_SERVER_WORKERS: '4', COLLOQUY_WP_BASE: base},
    });
    closeSync(logFd);
    php.unref();
    pids.php = php.pid;
    const url = `http://127.0.0.1:${port}${base}`;
    await until('WordPress to answer', 30_000, async () => {
      if (php.exitCode !== null) throw new Error(`php -S stopped at start:\n${tail(join(dir, 'php.log'))}`);
      try {
        const response = await fetch(`${url}/wp-json/`, {signal: AbortSignal.timeout(5000)});
        return response.ok;
      } catch {
        return false;
      }
    });
    const rig = {url, port, base, dir, site, socket: join(dir, 'mysqld.sock'), pids, ...seed};
    writeFileSync(join(dir, 'rig.json'), JSON.stringify(rig, null, 2));
    log(`Live WordPress at ${url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`);
    return {
      ...rig,
      stop: async () => {
        await stopWordPress({dir});
        releasePort(port);
      },
    };
  } catch (error) {
    await stopGroup(pids.php, 'SIGKILL');
    await stopGroup(pids.mariadb, 'SIGKILL');
    releasePort(port);
    throw error;
  }
}

/**
 * Claims `port` for this process (`/tmp/colloquy-wp-<port>.lock` holds the owner's PID),
 * so two runs never stop each other's WordPress. A claim whose owner is gone is stale
 * and taken over; a shell `start` leaves a stale claim, so `start` again replaces it.
 */
function claimPort(port) {
  const lock = `/tmp/colloquy-wp-${port}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), {flag: 'wx'});
      return;
    } catch {
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner === process.pid) return;
      if (owner && alive(owner)) {
        throw new Error(`Another run (process ${owner}) uses the live WordPress on port ${port}; set COLLOQUY_WP_PORT (or --port) to another port, or wait.`);
      }
      rmSync(lock, {force: true});
    }
  }
  throw new Error(`Could not claim port ${port} for the live WordPress.`);
}

function releasePort(port) {
  const lock = `/tmp/colloquy-wp-${port}.lock`;
  try {
    if (Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, {force: true});
  } catch {
    // Not claimed.
  }
}

/** Refuses a port something other than this rig answers on. */
async function refuseIfTaken({dir, port}) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(dir, 'rig.json'), 'utf8'));
  } catch {
    recorded = undefined;
  }
  const answered = await fetch(`http://127.0.0.1:${port}/`, {signal: AbortSignal.timeout(2000)}).then(
    () => true,
    () => false,
  );
  if (answered && !isOurs(recorded?.pids?.php, join(dir, 'docroot'))) {
    throw new Error(`Port ${port} is taken by another program; set COLLOQUY_WP_PORT (or --port) to a free one.`);
  }
}

/** Stops the rig recorded in `dir` (by its PIDs) and deletes its folder. */
export async function stopWordPress({dir}) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(dir, 'rig.json'), 'utf8'));
  } catch {
    recorded = undefined;
  }
  if (recorded?.pids) {
    // The data is thrown away, so MariaDB need not flush: SIGKILL is the fast way out.
    if (isOurs(recorded.pids.php, join(dir, 'docroot'))) await stopGroup(recorded.pids.php, 'SIGKILL');
    if (isOurs(recorded.pids.mariadb, join(dir, 'data'))) await stopGroup(recorded.pids.mariadb, 'SIGKILL');
  } else if (existsSync(join(dir, 'mysqld.pid'))) {
    const pid = Number(readFileSync(join(dir, 'mysqld.pid'), 'utf8'));
    if (pid && isOurs(pid, join(dir, 'data'))) await stopGroup(pid, 'SIGKILL');
  }
  if (dir.startsWith('/tmp/')) rmSync(dir, {recursive: true, force: true});
}

async function main(argv) {
  const [command, ...rest] = argv;
  const options = {plugins: []};
  for (let i = 0; i < rest.length; i++) {
    const [name, value] = [rest[i], rest[i + 1]];
    if (name === '--port') options.port = Number(value);
    else if (name === '--dir') options.dir = value;
    else if (name === '--base') options.base = value;
    else if (name === '--plugin') options.plugins.push(value);
    else throw new Error(`Unknown option ${name}.`);
    i++;
  }
  const log = (line) => console.error(line);
  if (command === 'start') {
    const rig = await startWordPress({...options, log});
    const {stop, ...description} = rig;
    console.log(JSON.stringify(description, null, 2));
  } else if (command === 'stop') {
    const dir = options.dir ?? (options.port ? `/tmp/colloquy-wp-${options.port}` : undefined);
    if (!dir) throw new Error('stop needs --port or --dir.');
    await stopWordPress({dir});
  } else {
    throw new Error('Usage: rig.mjs start --port N [--dir D] [--base /wp] [--plugin folder]… | rig.mjs stop --port N | --dir D');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof RigUnavailable ? `SKIPPED: ${error.message}` : error.stack ?? error);
    process.exit(error instanceof RigUnavailable ? 3 : 1);
  });
}
