import {expect} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {loadMarkdown, markdownTokens} from '../../src/content/markdown.js';
import {resetHandlers, useHandlers} from '../helpers/msw.js';

// A page of its own: the parser must not have been loaded by an earlier test.
describe('loadMarkdown', () => {
  afterEach(() => resetHandlers());

  it('loads the parser again after a failed load instead of failing for good', async () => {
    await useHandlers(http.get(/\/marked[^/]*\/.*\.(js|ts)/, () => HttpResponse.error()));
    let firstFailed = false;
    await loadMarkdown().catch(() => (firstFailed = true));
    expect(firstFailed, 'the blocked parser loaded anyway').to.equal(true);
    expect(markdownTokens('*a*')).to.equal(undefined);

    await resetHandlers();
    await loadMarkdown();
    expect(markdownTokens('*a*')?.[0]?.type).to.equal('paragraph');
  });
});
