// The framework typings the build generates from custom-elements.json (colloquy/react,
// colloquy/vue, colloquy/svelte) compile against React 19's, Vue 3.5's and Svelte 5's own
// types, accept what the README shows and reject wrong property types and event fields
// (the fixtures' @ts-expect-error lines fail the check when nothing is wrong there).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {describe, it} from 'node:test';

const root = new URL('../../', import.meta.url);

describe('framework typings', () => {
  it('type-check the React, Vue and Svelte fixtures in test/types/frameworks', () => {
    try {
      execFileSync(new URL('node_modules/.bin/tsc', root).pathname, ['-p', 'test/types/frameworks/tsconfig.json'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
    }
  });
});
