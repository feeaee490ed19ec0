// Every entry of the built package imports in plain Node, as a server-rendering framework
// (Next.js, Nuxt, SvelteKit, Astro) imports it: no `window`, `document` or `customElements`
// here, so a module that touches one at import time throws a ReferenceError.
// Run after the build (`npm test` does); it resolves `colloquy/…` through the package's own
// `exports`, i.e. the files that `npm pack` ships.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

describe('importing the built package in Node', () => {
  it('runs in a Node without browser globals', () => {
    for (const name of ['window', 'document', 'customElements', 'localStorage', 'location']) {
      assert.equal(name in globalThis, false, `${name} exists in this Node; the test would prove nothing`);
    }
  });

  for (const [entry, target] of Object.entries(pkg.exports)) {
    const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
    it(`${specifier} ships its files`, () => {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) assert.ok(existsSync(new URL(file, root)), `${file} is missing (build first)`);
    });
    if (entry.endsWith('.json')) continue;
    it(`imports ${specifier}`, async () => {
      const module = await import(specifier);
      // The framework typings' entries are types only: an empty module.
      const typesOnly = ['react', 'vue', 'svelte'].includes(entry.slice(2));
      assert.equal(Object.keys(module).length > 0, !typesOnly, `${specifier} exports ${typesOnly ? 'values' : 'nothing'}`);
    });
  }

  it('exports the element classes without creating browser globals', async () => {
    const {CommentThreadElement, CommentFormElement} = await import(pkg.name);
    assert.equal(typeof CommentThreadElement, 'function');
    assert.equal(typeof CommentFormElement, 'function');
    assert.equal('window' in globalThis, false);
    assert.equal('document' in globalThis, false);
  });
});
