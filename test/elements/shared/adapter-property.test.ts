import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {AdapterConfig} from '../../../src/core/registry.js';
import {registerAdapter} from '../../../src/core/registry.js';
import '../../../src/adapters/builtin.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import '../../../src/elements/login-choice/login-choice.js';
import {defineElement} from '../../../src/elements/shared/define.js';
import {expectAccessible} from '../../helpers/axe.js';

/** Registers an adapter under a fresh name that records the configurations it was built from. */
function recordingAdapter(name: string): AdapterConfig[] {
  const configs: AdapterConfig[] = [];
  registerAdapter(name, (config) => {
    configs.push(config);
    return createMemoryAdapter({
      threads: [{id: 'framework', title: 'Set by a framework', comments: [
        {id: 'c1', author: {name: 'Ada'}, createdAt: new Date().toISOString(), text: 'First!'},
      ]}],
      reactions: [],
    });
  });
  return configs;
}

/** console.warn calls while `during` runs (and settles), kept out of the test output. */
async function warningsWhile(during: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
  try {
    await during();
    await new Promise((resolve) => setTimeout(resolve, 30));
  } finally {
    console.warn = warn;
  }
  return warnings;
}

const text = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

// What React 19, Vue 3.5 and Svelte 5 do with `<comment-thread adapter="…" endpoint="…">`:
// the element has properties of those names, so they are set as properties.
describe('adapter set as a property, as frameworks do', () => {
  it('takes a registered name in the adapter property, built from the adapter properties', async () => {
    const configs = recordingAdapter('framework-thread');
    const element = document.createElement('comment-thread') as CommentThreadElement;
    element.thread = 'framework';
    element.adapter = 'framework-thread';
    element.endpoint = 'https://api.example/';
    element.wpNonce = 'n0nce';
    element.storageKey = 'kept';
    element.maxLength = 500;
    element.guestReactions = 'off';
    element.firstReplies = 3;
    const parent = await fixture(html`<div></div>`);
    parent.append(element);
    await waitUntil(() => text(element).includes('First!'), 'the thread did not load');
    expect(configs).to.have.length(1);
    expect(configs[0]).to.include({
      endpoint: 'https://api.example/',
      'wp-nonce': 'n0nce',
      'storage-key': 'kept',
      'max-length': '500',
      'guest-reactions': 'off',
      'first-replies': '3',
      thread: 'framework',
    });
    await expectAccessible(element);
  });

  it('builds the adapter again when an adapter property changes', async () => {
    const configs = recordingAdapter('framework-changing');
    const element = await fixture<CommentThreadElement>(
      html`<comment-thread thread="framework" adapter="framework-changing" endpoint="https://one.example/"></comment-thread>`,
    );
    await waitUntil(() => configs.length === 1);
    element.endpoint = 'https://two.example/';
    await waitUntil(() => configs.length === 2, 'the endpoint change was ignored');
    expect(configs[1]).to.include({endpoint: 'https://two.example/'});
  });

  it('gives a form and a login choice their adapter by name through the property', async () => {
    recordingAdapter('framework-form');
    const form = document.createElement('comment-form') as CommentFormElement;
    form.adapter = 'framework-form';
    form.thread = 'framework';
    const choice = document.createElement('login-choice') as LoginChoiceElement;
    choice.adapter = 'framework-form';
    const parent = await fixture(html`<div></div>`);
    parent.append(form, choice);
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'), 'the form rendered no comment field');
    await waitUntil(() => choice.shadowRoot?.querySelector('[part~="choice"]'), 'the login choice found no adapter');
  });

  it('takes an adapter object in the same property, and a name again after it', async () => {
    recordingAdapter('framework-object');
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread="framework"></comment-thread>`);
    element.adapter = createMemoryAdapter({threads: [{id: 'framework', title: 'Object', comments: []}]});
    await waitUntil(() => text(element).includes('No comments yet.'), 'the adapter object was not used');
    element.adapter = 'framework-object';
    await waitUntil(() => text(element).includes('First!'), 'the name set after an object was not used');
  });
});

describe('misconfiguration', () => {
  it('shows an error and warns once for an unknown adapter name, however many elements use it', async () => {
    let thread!: CommentThreadElement;
    let form!: CommentFormElement;
    let choice!: LoginChoiceElement;
    const warnings = await warningsWhile(async () => {
      const parent = await fixture(html`<div>
        <comment-thread adapter="no-such-adapter" thread="t"></comment-thread>
        <comment-form adapter="no-such-adapter" thread="t"></comment-form>
        <login-choice adapter="no-such-adapter"></login-choice>
      </div>`);
      thread = parent.querySelector('comment-thread')!;
      form = parent.querySelector('comment-form')!;
      choice = parent.querySelector('login-choice')!;
      await waitUntil(() => thread.shadowRoot!.querySelector('[part="error"]'), 'the thread shows no error');
      await thread.refresh();
    });
    expect(text(thread)).not.to.include('Loading comments…');
    expect(text(thread)).to.include('Comments could not be loaded.');
    await waitUntil(() => form.shadowRoot!.querySelector('[part~="alert"].shown'), 'the form shows no error');
    await waitUntil(() => choice.shadowRoot!.querySelector('[part~="error"]'), 'the login choice shows no error');
    expect(warnings.filter((w) => w.includes('"no-such-adapter"'))).to.have.length(1);
    expect(warnings[0]).to.include('registered: ');
    await expectAccessible(thread);
  });

  it('shows an error and warns once when a REST adapter has no endpoint', async () => {
    let thread!: CommentThreadElement;
    const warnings = await warningsWhile(async () => {
      thread = await fixture<CommentThreadElement>(html`<comment-thread adapter="rest" thread="t"></comment-thread>`);
      await waitUntil(() => thread.shadowRoot!.querySelector('[part="error"]'), 'the thread shows no error');
    });
    expect(warnings.filter((w) => w.includes('needs an endpoint'))).to.have.length(1);
  });

  it('shows an error and warns once when a WordPress adapter has no post', async () => {
    let thread!: CommentThreadElement;
    const warnings = await warningsWhile(async () => {
      thread = await fixture<CommentThreadElement>(
        html`<comment-thread adapter="wordpress" endpoint="https://wp.example"></comment-thread>`,
      );
      await waitUntil(() => thread.shadowRoot!.querySelector('[part="error"]'), 'the thread shows no error');
    });
    expect(warnings.filter((w) => w.includes('needs a post'))).to.have.length(1);
  });

  it('warns once when another script took a tag, and keeps that definition', async () => {
    class Other extends HTMLElement {}
    customElements.define('taken-thread', Other);
    class Ours extends HTMLElement {}
    const warnings = await warningsWhile(async () => {
      defineElement('taken-thread', Ours);
      defineElement('taken-thread', Ours);
    });
    expect(customElements.get('taken-thread')).to.equal(Other);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<taken-thread> is already defined');
  });

  it('stays quiet when a second copy of Colloquy defines the same tag', async () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings = await warningsWhile(async () => {
      defineElement('twice-loaded', First);
      defineElement('twice-loaded', Second);
    });
    expect(customElements.get('twice-loaded')).to.equal(First);
    expect(warnings).to.deep.equal([]);
  });
});
