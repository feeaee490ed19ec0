import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {AdapterConfig} from '../../../src/core/registry.js';
import {registerAdapter} from '../../../src/core/registry.js';
import '../../../src/elements/comment-form/comment-form.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {adapterConfigOf} from '../../../src/elements/shared/adapter-config.js';

describe('adapterConfigOf', () => {
  it('passes on every attribute but the element’s own, global ones, aria-* and event handlers', () => {
    const element = document.createElement('div');
    for (const [name, value] of [
      ['adapter', 'rest'], ['endpoint', 'https://api.example/'], ['thread', 't'], ['on-behalf', 'x'],
      ['id', 'a'], ['class', 'b'], ['lang', 'fr'], ['aria-label', 'c'], ['onclick', 'alert(1)'], ['heading-level', '2'],
    ]) {
      element.setAttribute(name!, value!);
    }
    expect(adapterConfigOf(element, ['adapter', 'heading-level'])).to.deep.equal({
      endpoint: 'https://api.example/',
      thread: 't',
      'on-behalf': 'x',
    });
  });

  it('builds one adapter for a thread and a form configured alike', async () => {
    const configs: AdapterConfig[] = [];
    registerAdapter('config-test', (config) => {
      configs.push(config);
      return createMemoryAdapter({threads: [{id: 'shared', title: 'Shared', comments: []}]});
    });
    await fixture(html`<div>
      <comment-thread adapter="config-test" thread="shared" max-depth="3" page-size="10" class="wide"></comment-thread>
      <comment-form adapter="config-test" thread="shared" heading-level="2" id="standalone"></comment-form>
    </div>`);
    await waitUntil(() => configs.length > 0, 'no adapter was built');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(configs).to.deep.equal([{thread: 'shared'}]);
  });
});
