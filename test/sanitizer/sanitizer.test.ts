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

  it('keeps every allowed attribute with an ordinary value', () => {
    const host = document.createElement('div');
    host.append(
      sanitizeHtml(
        '<p dir="rtl" lang="ar">مرحبا</p>' +
          '<ol start="3" type="a" reversed><li value="4">four</li></ol>' +
          '<table><tr><th scope="col" abbr="Qty" id="h1">Quantity</th></tr>' +
          '<tr><td colspan="2" rowspan="3" headers="h1">2</td></tr></table>' +
          '<p><time datetime="2024-08-06T09:00:00Z">Aug 6</time> <abbr title="Al-Qaeda in the Islamic Maghreb">AQIM</abbr></p>' +
          '<img src="https://example.com/map.png" width="640" height="480" alt="Map">' +
          '<details open><summary>More</summary>…</details>',
      ),
    );
    const attributes = (selector: string) =>
      Object.fromEntries([...host.querySelector(selector)!.attributes].map((attribute) => [attribute.name, attribute.value]));
    expect(attributes('p')).to.deep.equal({dir: 'rtl', lang: 'ar'});
    expect(attributes('ol')).to.deep.equal({start: '3', type: 'a', reversed: ''});
    expect(attributes('li')).to.deep.equal({value: '4'});
    expect(attributes('th')).to.deep.equal({scope: 'col', abbr: 'Qty'});
    expect(attributes('td')).to.deep.equal({colspan: '2', rowspan: '3', headers: 'h1'});
    expect(attributes('time')).to.deep.equal({datetime: '2024-08-06T09:00:00Z'});
    expect(attributes('abbr')).to.deep.equal({title: 'Al-Qaeda in the Islamic Maghreb'});
    expect(attributes('img')).to.deep.include({src: 'https://example.com/map.png', width: '640', height: '480', alt: 'Map'});
    expect(attributes('details')).to.deep.equal({open: ''});
  });

  it('resolves relative links against the backend address, keeps fragments, drops what cannot resolve', () => {
    const host = document.createElement('div');
    const markup =
      '<a href="/2024/07/earlier-post/">earlier</a> <a href="#comment-650">above</a> <a href="?p=12">query</a> ' +
      '<a href="javascript:alert(1)">js</a> <a href=" JAVASCRIPT:alert(1)">js2</a> <a href="data:text/html,x">data</a> ' +
      '<img src="/wp-content/uploads/a.png" alt=""><blockquote cite="/sources">q</blockquote>';
    host.append(sanitizeHtml(markup, {baseUrl: 'https://blog.example/2024/08/06/aqim/#comment-5'}));
    expect([...host.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://blog.example/2024/07/earlier-post/',
      '#comment-650',
      'https://blog.example/2024/08/06/aqim/?p=12',
      null,
      null,
      null,
    ]);
    expect(host.querySelector('img')!.getAttribute('src')).to.equal('https://blog.example/wp-content/uploads/a.png');
    expect(host.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://blog.example/sources');
    expect(unsafeMarkup(host)).to.deep.equal([]);

    const withoutBase = document.createElement('div');
    withoutBase.append(sanitizeHtml(markup));
    expect([...withoutBase.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([null, '#comment-650', null, null, null, null]);
  });

  it('marks smileys and character-sized images as inline, and only those', () => {
    const host = document.createElement('div');
    host.append(
      sanitizeHtml(
        '<img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f642.png" alt="🙂" class="wp-smiley" style="height: 1em; max-height: 1em;">' +
          '<img src="https://example.com/old-smile.gif" width="15" height="15" alt=":)">' +
          '<img src="https://example.com/photo.jpg" width="800" height="600" alt="Photo" class="aligncenter">',
      ),
    );
    expect([...host.querySelectorAll('img')].map((image) => image.getAttribute('class'))).to.deep.equal(['inline-image', 'inline-image', null]);
    expect([...host.querySelectorAll('img')].map((image) => image.getAttribute('style'))).to.deep.equal([null, null, null]);
  });
});
