import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {CONFIG_VARIABLES, readConfig} from '../src/config.js';

// The README's configuration table is what site owners read: it must name every variable the
// server reads, with the default the code falls back to.

const README = new URL('../../README.md', import.meta.url);

/** The rows of the README's configuration table, as written. */
function readmeRows(): string[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const header = lines.indexOf('| variable | default | meaning |');
  assert.notEqual(header, -1, 'the README has no configuration table');
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** The variable names `readConfig` looks at when none is set. */
function namesRead(): Set<string> {
  const read = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get: (_, name) => {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  });
  readConfig(env, '/srv/colloquy');
  return read;
}

// One README row stands for every built-in provider's `…_CLIENT_ID` / `…_CLIENT_SECRET` pair.
const PROVIDER_PAIR = /^COLLOQUY_[A-Z]+_CLIENT_(ID|SECRET)$/;

describe('configuration documentation', () => {
  it("is the README's table, row for row", () => {
    const documented = CONFIG_VARIABLES.map((variable) => `| \`${variable.name}\` | ${variable.default} | ${variable.meaning} |`);
    assert.deepEqual(readmeRows(), documented);
  });

  it('lists every variable the server reads, and none it does not', () => {
    const listed = new Set(CONFIG_VARIABLES.map((variable) => variable.name));
    const read = namesRead();
    const undocumented = [...read].filter((name) => !listed.has(name) && !PROVIDER_PAIR.test(name));
    assert.deepEqual(undocumented, [], 'read but not in CONFIG_VARIABLES');
    const unread = [...listed].filter((name) => !read.has(name));
    assert.deepEqual(unread, [], 'in CONFIG_VARIABLES but never read');
  });
});
