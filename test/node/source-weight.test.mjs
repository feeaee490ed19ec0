// The per-module weights of scripts/source-weight.mjs (`node scripts/module-weight.mjs`,
// `npm run size:floor`): each module is charged its own bytes, read through the source map.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {rollup} from 'rollup';
import {moduleName, moduleWeights} from '../../scripts/source-weight.mjs';

test('names sources as the tables do', () => {
  assert.equal(moduleName('../../src/elements/x.ts'), 'src/elements/x.ts');
  assert.equal(moduleName('../../node_modules/lit-html/lit-html.js'), 'lit-html/lit-html.js');
});

test("charges each module its bytes, and a chunk's export statement to no module", async () => {
  const folder = mkdtempSync(join(tmpdir(), 'colloquy-source-weight-'));
  try {
    mkdirSync(join(folder, 'src'));
    const first = `export const first = ${JSON.stringify('first module text '.repeat(40))};\n`;
    const second = `export const second = ${JSON.stringify('second module words '.repeat(40))};\n`;
    writeFileSync(join(folder, 'src', 'first.js'), first);
    writeFileSync(join(folder, 'src', 'second.js'), second);
    const names = Array.from({length: 30}, (_, index) => `exportedUnderALongName${index}`);
    writeFileSync(join(folder, 'entry.js'), `import {first} from './src/first.js';\nimport {second} from './src/second.js';\n${names.map((name, index) => `export const ${name} = ${index % 2 ? 'first' : 'second'};`).join('\n')}\n`);
    const bundle = await rollup({input: join(folder, 'entry.js')});
    const {output} = await bundle.generate({dir: join(folder, 'out'), format: 'es', sourcemap: true});
    await bundle.close();
    const [chunk] = output;
    const rows = new Map(moduleWeights([{code: chunk.code, map: chunk.map}]).map((row) => [row.name, row]));
    const exportList = /export\s*\{[^{}]*\};?\s*(\/\/# sourceMappingURL=\S*\s*)?$/.exec(chunk.code)[0];
    assert.ok(exportList.length > 30 * 20, 'the chunk ends with a long export statement');
    // Rollup writes `const second = "…";` without the `export`: each module's text is its bytes.
    for (const [name, source] of [['src/first.js', first], ['src/second.js', second]]) {
      const row = rows.get(name);
      assert.ok(row, `${name} is listed`);
      assert.ok(Math.abs(row.raw - (source.length - 'export '.length)) <= 2, `${name}: ${row.raw} bytes charged for ${source.length - 'export '.length}`);
      assert.ok(row.gzip > 0, `${name} saves some gzip`);
    }
    assert.ok((rows.get('(unmapped)')?.raw ?? 0) >= exportList.length, 'the export statement is charged to no module');
    const total = [...rows.values()].reduce((sum, row) => sum + row.raw, 0);
    assert.equal(total, chunk.code.length, 'every byte is charged once');
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
});
