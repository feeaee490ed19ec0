// The build's template whitespace plugin: takes out only runs the browser would not show.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {rollup} from 'rollup';
import {minifyCss, stripStatic, templateWhitespace} from '../../scripts/rollup-template-whitespace.mjs';

test('removes line-break runs at block edges', () => {
  assert.equal(stripStatic('\n      <li class="item">\n        '), '<li class="item">');
  assert.equal(stripStatic('</article>\n  <ol part="replies">\n'), '</article><ol part="replies">');
  assert.equal(stripStatic('<p part="note">\n  '), '<p part="note">');
  assert.equal(stripStatic('\n  </div>\n'), '</div>');
});

test('keeps whitespace that is a visible space', () => {
  for (const kept of ['</span>\n   <span>', '<a href="#x">\n  ', '<textarea>\n  ', '<button type="button">\n  ', 'In reply to ', '<p>a b</p> <p>']) {
    assert.equal(stripStatic(kept), kept, kept);
  }
});

test('rewrites html templates only, with a source map', async () => {
  const source = 'import {html, css} from "lit";\n' +
    'export const view = (x) => html `\n  <div>\n    <span>${x}</span>\n    <span>b</span>\n  </div>\n`;\n' +
    'export const style = css`\n  div {\n    color: red;\n  }\n`;\n' +
    'export const plain = `\n  <div>\n  </div>\n`;\n';
  const bundle = await rollup({
    input: '/virtual/build/view.js',
    external: ['lit'],
    plugins: [{name: 'virtual', resolveId: (id) => (id === '/virtual/build/view.js' ? id : null), load: (id) => (id === '/virtual/build/view.js' ? source : null)}, templateWhitespace()],
  });
  const {output} = await bundle.generate({format: 'es', sourcemap: true});
  const code = output[0].code;
  assert.match(code, /html `<div><span>\$\{x\}<\/span>\n    <span>b<\/span><\/div>`/);
  assert.match(code, /css`\n  div \{\n    color: red;\n  \}\n`/);
  assert.match(code, /plain = `\n  <div>\n  <\/div>\n`/);
  assert.ok(output[0].map.mappings.length > 0);
});

test('minifies css templates without changing what they select or set', () => {
  const source = `
  :host {
    --_x: var(--colloquy-x, 1rem); /* a comment */
    margin: calc(1rem + 2px) auto;
  }
  .a :is(.b, .c) > p::before,
  input:not([type='checkbox']) {
    content: " a  b ";
  }
`;
  assert.equal(
    minifyCss(source),
    " :host{--_x:var(--colloquy-x,1rem);margin:calc(1rem + 2px) auto}.a :is(.b,.c)>p::before,input:not([type='checkbox']){content:\" a  b \"}",
  );
});
