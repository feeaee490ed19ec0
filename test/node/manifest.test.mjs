// custom-elements.json (written by the build from the elements' JSDoc) is the public API's
// description that editors, Storybook and the framework typings read: it must be
// complete, described, and point at files the package ships.
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {describe, it} from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const pkg = JSON.parse(read('package.json'));
const manifest = JSON.parse(read('custom-elements.json'));
const elements = manifest.modules.flatMap((module) => module.declarations.filter((d) => d.customElement));

/** The element's own sources (templates and styles), without the shared theme. */
function sourcesOf(tag) {
  const folder = `src/elements/${tag}/`;
  return readdirSync(new URL(folder, root)).map((file) => read(folder + file));
}

describe('custom-elements.json', () => {
  it('is exported and named by the package', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  });

  it('describes the four elements, at files the package ships', () => {
    assert.deepEqual(elements.map((e) => e.tagName).sort(), ['comment-count', 'comment-form', 'comment-thread', 'login-choice']);
    const paths = JSON.stringify(manifest).match(/"(?:path|module)":"[^"]+"/g);
    for (const entry of paths) {
      const path = entry.split('"')[3];
      assert.ok(!path.startsWith('src/'), `${path}: a source path`);
      assert.ok(existsSync(new URL(path, root)), `${path} does not exist (build first)`);
    }
  });

  for (const tag of ['comment-thread', 'comment-form', 'login-choice', 'comment-count']) {
    describe(`<${tag}>`, () => {
      const element = () => elements.find((e) => e.tagName === tag);

      it('describes every attribute, property, event, slot, part and custom property', () => {
        const {attributes = [], members = [], events = [], slots = [], cssParts = [], cssProperties = []} = element();
        const publicFields = members.filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly);
        for (const [kind, list] of Object.entries({attributes, publicFields, events, slots, cssParts, cssProperties})) {
          for (const item of list) assert.ok(item.description?.trim(), `${kind} ${item.name || '(default)'} has no description`);
        }
        for (const event of events) assert.match(event.type?.text ?? '', /^\w+Event$/, `event ${event.name} has no class`);
        assert.ok(element().summary, 'no @summary');
      });

      it('lists the adapter attributes, which are properties too', () => {
        const attributes = new Map(element().attributes.map((a) => [a.name, a]));
        for (const name of ['adapter', 'endpoint', 'post', 'wp-nonce', 'seed', 'storage-key', 'latency', 'moderation', 'guests', 'guest-reactions', 'max-length', 'edit-window', 'sign-in-page', 'moderators', 'first-replies']) {
          assert.ok(attributes.has(name), `no ${name} attribute`);
          assert.ok(attributes.get(name).fieldName, `${name} has no property`);
        }
        assert.match(attributes.get('adapter').type.text, /CommentAdapter/);
        assert.match(attributes.get('adapter').type.text, /string/);
      });

      it('lists every part its templates render, re-exported ones included', () => {
        const documented = new Set(element().cssParts.map((p) => p.name));
        const used = new Set();
        for (const source of sourcesOf(tag)) {
          for (const [, value] of source.matchAll(/\spart="([^"$]+)"/g)) value.split(/\s+/).forEach((p) => used.add(p));
          // State parts assembled in code: 'comment-pending', 'comment-targeted'…
          for (const [, name] of source.matchAll(/'(comment-(?:pending|sending|targeted|deleted))'/g)) used.add(name);
          for (const [, list] of source.matchAll(/exportparts="([^"]+)"/g)) {
            for (const item of list.split(',')) used.add(item.split(':').at(-1).trim());
          }
        }
        const missing = [...used].filter((p) => !documented.has(p));
        assert.deepEqual(missing, [], `undocumented parts: ${missing.join(', ')}`);
      });

      it('lists every --colloquy-* custom property its styles read', () => {
        const documented = new Set(element().cssProperties.map((p) => p.name));
        const styles = [...sourcesOf(tag), read('src/elements/shared/theme.styles.ts'), read('src/elements/shared/avatar.ts')];
        const used = new Set(styles.flatMap((source) => [...source.matchAll(/var\((--colloquy-[\w-]+)/g)].map((m) => m[1])));
        const missing = [...used].filter((p) => !documented.has(p));
        assert.deepEqual(missing, [], `undocumented custom properties: ${missing.join(', ')}`);
      });
    });
  }
});
