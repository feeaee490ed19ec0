import {expect} from '@open-wc/testing';
import {UGC_LINK_REL} from '../../src/content/urls.js';
import {sanitizeHtml} from '../../src/sanitizer/index.js';
import {loadVectors, unsafeMarkup} from './unsafe-markup.js';

describe('sanitizeHtml', () => {
  it('returns a fragment with nothing unsafe for each of the 223 DOMPurify vectors', async () => {
    const vectors = await loadVectors();
    expect(vectors).to.have.length(223);
    const failures: string[] = [];
    for (const vector of vectors) {
      const fragment = sanitizeHtml(vector.payload);
      expect(fragment).to.be.instanceOf(DocumentFragment);
      // Adopted into a live document, as the thread does, then checked there.
      const host = document.createElement('div');
      host.append(fragment);
      const problems = unsafeMarkup(host);
      if (problems.length > 0) failures.push(`${vector.title}: ${problems.join(', ')}`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('keeps comment formatting and forces links to http(s) or mailto with a ugc rel', () => {
    const host = document.createElement('div');
    host.append(
      sanitizeHtml(
        '<p>Hi <em>there</em> <a href="https://example.com/x" target="_blank" rel="opener">ok</a> ' +
          '<a href="mailto:a@example.com">mail</a> <a href="javascript:alert(1)">bad</a> <a href="/relative">rel</a></p>' +
          '<blockquote cite="https://example.com">q</blockquote><img src="https://example.com/a.png" alt="A">' +
          '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
      ),
    );
    expect(host.querySelector('em')!.textContent).to.equal('there');
    const links = [...host.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.com/x', 'mailto:a@example.com', null, null]);
    expect(links.slice(0, 2).every((link) => link.rel === UGC_LINK_REL && !link.hasAttribute('target'))).to.be.true;
    expect(links[2]!.textContent).to.equal('bad');
    const images = [...host.querySelectorAll('img')];
    expect(images.map((image) => image.getAttribute('loading'))).to.deep.equal(['lazy', 'lazy']);
    expect(images[1]!.getAttribute('src')).to.match(/^data:image\/png/);
    expect(unsafeMarkup(host)).to.deep.equal([]);
  });

  it('drops forms, frames, styles and attributes that could restyle or clobber the thread', () => {
    const host = document.createElement('div');
    host.append(
      sanitizeHtml(
        '<form action="https://evil.example"><input name="password"><button formaction="x">Go</button></form>' +
          '<iframe src="https://evil.example"></iframe><style>*{display:none}</style>' +
          '<p id="comment-1" class="comment" style="position:fixed" data-comment-id="1" aria-hidden="true">text</p>',
      ),
    );
    expect(host.querySelector('form, input, button, iframe, style')).to.be.null;
    const paragraph = host.querySelector('p')!;
    expect(paragraph.getAttributeNames()).to.deep.equal([]);
    expect(paragraph.textContent).to.equal('text');
  });
});
