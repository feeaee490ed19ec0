// Finds the Chromium the tests, screenshots and benchmarks drive. No test tool may
// download a browser on these machines, so Debian's package is the source of truth.
import {existsSync} from 'node:fs';
import {execFileSync} from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium headless, quiet and off the network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  // Without this Chromium resolves Google hosts on every start, which this network refuses.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, DEBIAN_CHROMIUM].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

/** Returns a Chromium path, installing Debian's package when running as root. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or point CHROME_PATH at a Chrome or Chromium binary.',
    );
  }
  console.log('No Chromium found: installing Debian\'s chromium package (about a minute)…');
  execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit'});
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
  });
  const installed = findChromium();
  if (!installed) throw new Error('apt-get finished but /usr/bin/chromium is still missing.');
  return installed;
}
