// What `npm pack` ships, checked after the build: the licence, the notices the bundled
// libraries' licences require, and dependency ranges an app can share.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, normalize} from 'node:path';
import {describe, it} from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}),
)[0];
const shipped = new Set(packed.files.map((file) => file.path));

const bin = (name) => new URL(`node_modules/.bin/${name}`, root).pathname;

/** Runs a checker over the packed package; fails with its output unless it exits 0. */
function check(command, args) {
  try {
    execFileSync(bin(command), args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  } catch (error) {
    assert.fail(`${command} ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

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

  it('registers the built-in adapters in the script-tag bundle, each a lazy chunk', () => {
    const chunks = readdirSync(new URL('dist/cdn/chunks/', root));
    for (const name of ['memory', 'rest', 'wordpress']) {
      assert.ok(chunks.some((file) => file.startsWith(`${name}-`) && file.endsWith('.js')), `no ${name} chunk in dist/cdn`);
    }
    const entry = readFileSync(new URL('dist/cdn/colloquy.js', root), 'utf8');
    for (const name of ['memory', 'rest', 'wordpress']) assert.ok(entry.includes(`"${name}"`), `"${name}" is not registered`);
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

  it('passes publint (strict)', () => {
    check('publint', ['--strict']);
  });

  it('passes are-the-types-wrong for an ES module package', () => {
    check('attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii']);
  });

  it('declares which files have side effects: those that define elements, not the adapters', () => {
    assert.ok(Array.isArray(pkg.sideEffects));
    assert.ok(pkg.sideEffects.includes('./dist/index.js'));
    for (const pure of ['./dist/core.js', './dist/rest.js', './dist/memory.js', './dist/wordpress.js']) {
      assert.ok(!pkg.sideEffects.includes(pure), `${pure} is marked as having side effects`);
    }
  });

  it('ships source maps that lead to shipped sources', () => {
    const maps = [...shipped].filter((path) => path.endsWith('.js.map'));
    assert.ok(maps.length > 0, 'no source maps');
    for (const map of maps) {
      const {sources, sourcesContent} = JSON.parse(readFileSync(new URL(map, root), 'utf8'));
      assert.equal(sourcesContent?.length, sources.length, `${map} does not embed its sources`);
      for (const source of sources) {
        // Third-party code (Lit, DOMPurify) is embedded; it lives in the app's node_modules.
        if (source.includes('node_modules/')) continue;
        const path = normalize(join(dirname(map), source));
        assert.ok(shipped.has(path), `${map} points at ${path}, which is not in the package`);
      }
    }
  });
});
