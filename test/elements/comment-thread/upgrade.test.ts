import {expect, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import {registerAdapter} from '../../../src/core/registry.js';

// This file must not import the element statically: the markup has to be in the page
// before `comment-thread` is defined, as when a script tag loads after the HTML.
describe('<comment-thread> upgrade', () => {
  it('upgrades markup and properties that were there before the element was defined', async () => {
    expect(customElements.get('comment-thread')).to.be.undefined;
    const seed = {
      id: 'early',
      title: 'Written before the script',
      comments: [{id: '1', author: {name: 'Early Bird'}, createdAt: new Date().toISOString(), text: 'Already here'}],
    };
    registerAdapter('upgrade-test', () => createMemoryAdapter({threads: [seed]}));

    const byName = document.createElement('comment-thread');
    byName.setAttribute('adapter', 'upgrade-test');
    byName.setAttribute('thread', 'early');
    const byProperty = document.createElement('comment-thread') as HTMLElement & {adapter?: unknown};
    byProperty.setAttribute('thread', 'early');
    byProperty.adapter = createMemoryAdapter({threads: [seed]});
    document.body.append(byName, byProperty);

    await import('../../../src/elements/comment-thread/comment-thread.js');
    for (const element of [byName, byProperty]) {
      const heading = () => element.shadowRoot?.querySelector('[part="heading"]')?.textContent?.replace(/[\u2068\u2069]/g, '');
      await waitUntil(() => heading() === '1 thought on “Written before the script”', 'the early element did not render');
      expect(element.shadowRoot!.querySelector('[part="author"]')!.textContent).to.equal('Early Bird');
      element.remove();
    }
  });
});
