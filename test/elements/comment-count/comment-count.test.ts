import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentAdapter} from '../../../src/core/adapter.js';
import '../../../src/adapters/builtin.js';
import type {CommentCountElement} from '../../../src/elements/comment-count/comment-count.js';
import '../../../src/elements/comment-count/comment-count.js';
import {expectAccessible} from '../../helpers/axe.js';

const comment = (id: string) => ({id, author: {name: 'Ada'}, createdAt: new Date().toISOString(), text: `Comment ${id}`});

function memory() {
  return createMemoryAdapter({
    threads: [
      {id: 'one', title: 'One', comments: [comment('a')]},
      {id: 'three', title: 'Three', comments: [comment('b'), comment('c'), comment('d')]},
      {id: 'none', title: 'None', comments: []},
    ],
    reactions: [],
  });
}

const shown = (element: CommentCountElement) => element.shadowRoot!.textContent!.trim();

describe('<comment-count>', () => {
  it('shows each thread’s count, one page request per thread without countComments', async () => {
    const adapter = memory();
    const loads: string[] = [];
    const loadPage = adapter.loadPage.bind(adapter);
    adapter.loadPage = (request, options) => (loads.push(request.thread), loadPage(request, options));
    const list = await fixture(html`<ul>
      <li><comment-count thread="one" .adapter=${adapter}></comment-count></li>
      <li><comment-count thread="three" .adapter=${adapter} href="/three#comments"></comment-count></li>
      <li><comment-count thread="none" .adapter=${adapter}></comment-count></li>
    </ul>`);
    const [one, three, none] = [...list.querySelectorAll('comment-count')];
    await waitUntil(() => shown(one!) && shown(three!) && shown(none!), 'no counts shown');
    expect(shown(one!)).to.equal('1 thought');
    expect(shown(three!)).to.equal('3 thoughts');
    expect(three!.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/three#comments');
    expect(shown(none!)).to.equal('0 thoughts');
    expect(loads.sort()).to.deep.equal(['none', 'one', 'three']);
    await expectAccessible(list);
  });

  it('asks a backend that can count for every count on the page at once', async () => {
    const calls: (readonly string[])[] = [];
    const adapter = {
      ...memory(),
      capabilities: memory().capabilities,
      loadPage: () => Promise.reject(new Error('loadPage must not be used')),
      countComments: async (threads: readonly string[]) => {
        calls.push(threads);
        return {one: 1, three: 3};
      },
    } as unknown as CommentAdapter;
    const list = await fixture(html`<p>
      <comment-count thread="one" .adapter=${adapter}></comment-count>
      <comment-count thread="three" .adapter=${adapter}></comment-count>
      <comment-count thread="one" .adapter=${adapter}></comment-count>
      <comment-count thread="gone" .adapter=${adapter}></comment-count>
    </p>`);
    const counts = [...list.querySelectorAll('comment-count')];
    await waitUntil(() => counts.slice(0, 3).every((c) => shown(c)), 'no counts shown');
    // A thread the backend does not know shows nothing rather than a wrong "0".
    expect(counts.map(shown)).to.deep.equal(['1 thought', '3 thoughts', '1 thought', '']);
    expect(calls).to.deep.equal([['one', 'three', 'gone']]);
  });

  it('takes a registered adapter by name, like the other elements', async () => {
    const element = await fixture<CommentCountElement>(
      html`<comment-count adapter="memory" thread="a-new-post"></comment-count>`,
    );
    await waitUntil(() => shown(element) === '0 thoughts', `got "${shown(element)}"`);
  });
});
