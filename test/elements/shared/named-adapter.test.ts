import {expect} from '@open-wc/testing';
import type {CommentAdapter} from '../../../src/core/adapter.js';
import {registerAdapter} from '../../../src/core/registry.js';
import {NamedAdapter} from '../../../src/elements/shared/named-adapter.js';

function adapterAfter(ms: number): () => Promise<CommentAdapter> {
  return () => new Promise((resolve) => setTimeout(() => resolve({} as CommentAdapter), ms));
}

describe('NamedAdapter', () => {
  it('delivers only the answer to the latest request', async () => {
    registerAdapter('slow-named', adapterAfter(40));
    registerAdapter('fast-named', adapterAfter(0));
    const named = new NamedAdapter(document.createElement('comment-thread'), ['adapter']);
    const delivered: string[] = [];
    named.resolve('slow-named', () => delivered.push('slow'), () => delivered.push('slow failed'));
    named.resolve('fast-named', () => delivered.push('fast'), () => delivered.push('fast failed'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(delivered).to.deep.equal(['fast']);
  });

  it('drops an answer under way when cancelled, and reports failures', async () => {
    registerAdapter('cancelled-named', adapterAfter(10));
    const named = new NamedAdapter(document.createElement('div'), []);
    const delivered: string[] = [];
    named.resolve('cancelled-named', () => delivered.push('resolved'), () => delivered.push('failed'));
    named.cancel();
    named.resolve('never-registered', () => delivered.push('resolved'), () => delivered.push('failed'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(delivered).to.deep.equal(['failed']);
  });
});
