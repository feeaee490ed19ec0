import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {loadVectors, unsafeMarkup} from '../../sanitizer/unsafe-markup.js';
import {article, parts, renderThread, seedComment} from './thread-fixture.js';

const loadedModules = () => performance.getEntriesByType('resource').map((entry) => entry.name);
const sanitizerLoaded = () => loadedModules().some((name) => /\/src\/sanitizer\/|dompurify/.test(name));

describe('<comment-thread> HTML content', () => {
  it('loads the sanitizer only when HTML content arrives', async () => {
    await renderThread({comments: [seedComment('t', 'T', 'Plain <b>text</b>')]});
    expect(sanitizerLoaded()).to.be.false;

    const {element} = await renderThread({
      comments: [
        seedComment('h', 'H', '', {
          text: undefined,
          html: '<p>Rich <strong>text</strong> with <a href="https://example.com">a link</a></p><script>window.__pwned = true</script>',
        }),
      ],
    });
    const body = () => article(element, 'h').querySelector('[part="body"]')!;
    await waitUntil(() => body().querySelector('strong') !== null, 'the HTML was not rendered');
    expect(sanitizerLoaded()).to.be.true;
    expect(body().querySelector('a')!.rel).to.equal('nofollow ugc noopener noreferrer');
    expect(body().querySelector('script')).to.be.null;
    expect((window as {__pwned?: boolean}).__pwned).to.be.undefined;
    await expectAccessible(element);
  });

  it('renders all 223 DOMPurify vectors as comments without running or keeping anything unsafe', async () => {
    const vectors = await loadVectors();
    let alerts = 0;
    const realAlert = window.alert;
    window.alert = () => void alerts++;
    try {
      const {element} = await renderThread({
        comments: vectors.map((vector, index) =>
          seedComment(`v${index}`, vector.title || `Vector ${index}`, '', {text: undefined, html: vector.payload}),
        ),
        pageSize: 300,
      });
      const bodies = parts(element, 'body');
      expect(bodies).to.have.length(223);
      // Sanitized content arrives with the lazily loaded module; then give event handlers
      // that might have survived (image errors, animations) time to fire.
      await waitUntil(() => bodies.some((body) => body.childElementCount > 0), 'no HTML was rendered');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const problems = bodies.flatMap((body, index) => unsafeMarkup(body).map((problem) => `v${index}: ${problem}`));
      expect(problems).to.deep.equal([]);
      expect(alerts).to.equal(0);
    } finally {
      window.alert = realAlert;
    }
  });
});
