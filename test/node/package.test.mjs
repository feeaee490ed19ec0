// What `npm pack` ships, checked after the build: the licence, the notices the bundled
// libraries' licences require, and dependency ranges an app can share.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {describe, it} from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}),
)[0];
const shipped = new Set(packed.files.map((file) => file.path));

/** Every script of the script-tag build, entry and lazy chunks. */
function cdnScripts() {
  const folder = new URL('dist/cdn/', root);
  return readdirSync(folder, {recursive: true})
    .filter((path) => path.endsWith('.js'))
    .map((path) => readFileSync(new URL(path, folder), 'utf8'));
}

describe('the npm package', () => {
  it('ships its licence', () => {
    assert.ok(shipped.has('LICENSE'), 'LICENSE is not in the package');
    assert.match(readFileSync(new URL('LICENSE', root), 'utf8'), /MIT License/);
    assert.equal(pkg.license, 'MIT');
  });

  it('keeps the licence notices of Lit and DOMPurify in the script-tag bundle', () => {
    const scripts = cdnScripts().join('\n');
    assert.match(scripts, /@license\s+\*\s+Copyright \d+ Google LLC\s+\*\s+SPDX-License-Identifier: BSD-3-Clause/, 'no Lit notice');
    assert.match(scripts, /@license DOMPurify \d+\.\d+\.\d+ \| \(c\) Cure53/, 'no DOMPurify notice');
  });

  it('takes Lit and DOMPurify in caret ranges, so an app shares one copy and gets their fixes', () => {
    for (const name of ['lit', '@lit/context', '@lit/task', 'dompurify']) {
      assert.match(pkg.dependencies[name] ?? '', /^\^\d+\.\d+\.\d+$/, `${name} is not a caret range dependency`);
    }
  });

  it('shares the app’s @lit/localize, whatever its 0.12 patch, as a peer', () => {
    // @lit/localize holds the page's one localization configuration: two copies would
    // leave Colloquy's unconfigured (see followLocaleOfAnotherCopy for the fallback).
    assert.equal(pkg.peerDependencies['@lit/localize'], '^0.12.0');
    assert.equal(pkg.dependencies['@lit/localize'], undefined);
  });
});
