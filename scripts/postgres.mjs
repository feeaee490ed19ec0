// A private PostgreSQL for tests and benchmarks: Debian's `postgresql` package, started by
// us on a unix socket in a temp folder (no TCP, no system service touched) and stopped
// by its PID file when done. Installed with apt when missing and we are root.
import {execFileSync} from 'node:child_process';
import {chownSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function findBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** The folder of PostgreSQL's binaries, installing Debian's package as root; throws saying what to install. */
export function ensurePostgres() {
  const found = findBin();
  if (found) return found;
  if (!isRoot) {
    throw new Error('PostgreSQL is not installed. Install it (Debian/Ubuntu: `sudo apt-get install postgresql`) to run these tests.');
  }
  console.log('No PostgreSQL found: installing Debian\'s postgresql package (about a minute)…');
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {stdio: 'inherit', env});
  const installed = findBin();
  if (!installed) throw new Error('apt-get finished but PostgreSQL\'s initdb is still missing.');
  return installed;
}

/**
 * Starts a fresh cluster on `port` with its socket in a new temp folder; returns its
 * connection URL and `stop()`. As root, the server runs as the `postgres` user (it refuses root).
 */
export function startPostgres({port = 9450} = {}) {
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-pg-'));
  const data = join(dir, 'data');
  const asOwner = (command, args) => {
    const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    return execFileSync(file, argv, {stdio: ['ignore', 'pipe', 'pipe']});
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  asOwner('initdb', ['-A', 'trust', '-U', 'postgres', '-D', data, '--no-sync']);
  asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-k ${dir} -p ${port} -c listen_addresses='' -c max_connections=200`, 'start']);
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    dir,
    stop() {
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    },
  };
}
