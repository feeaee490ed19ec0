import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {article, renderThread, seedComment} from './thread-fixture.js';

const WRITTEN = [
  'A *first* paragraph with **strong** words, `x < y` and a [link](https://example.com/a).',
  '',
  '> A quote',
  '',
  '- one',
  '- two',
  '',
  '3. three',
  '4. four',
  '',
  '```',
  'if (a < b) {}',
  '```',
  '',
  '[bad](javascript:alert(1)) <b onclick="x()">bold?</b> ![pic](https://tracker.example/p.png) &amp; https://example.org/bare',
].join('\n');

function body(element: Element, id: string): HTMLElement {
  return article(element, id).querySelector<HTMLElement>('[part="body"]')!;
}

/** The body's element structure, one tag per element, for comparing shapes. */
function shape(node: Element): string {
  return [...node.children].map((child) => `${child.localName}(${shape(child)})`).join('');
}

describe('<comment-thread> Markdown', () => {
  it('renders the formatting set as elements when the backend declares Markdown', async () => {
    const {element} = await renderThread({adapter: {markdown: true}, comments: [seedComment('m', 'Amina', WRITTEN)]});
    await waitUntil(() => body(element, 'm').querySelector('strong'), 'Markdown was not rendered');
    const content = body(element, 'm');
    expect(shape(content)).to.equal(
      'p(em()strong()code()a())blockquote(p())ul(li()li())ol(li()li())pre(code())p(a()a())',
    );
    expect(content.querySelector('em')!.textContent).to.equal('first');
    expect(content.querySelector('p > code')!.textContent).to.equal('x < y');
    expect(content.querySelector('ol')!.getAttribute('start')).to.equal('3');
    expect(content.querySelector('pre code')!.textContent).to.equal('if (a < b) {}');
    const links = [...content.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href'), link.rel]);
    expect(links).to.deep.equal([
      ['link', 'https://example.com/a', 'nofollow ugc noopener noreferrer'],
      ['pic', 'https://tracker.example/p.png', 'nofollow ugc noopener noreferrer'],
      ['https://example.org/bare', 'https://example.org/bare', 'nofollow ugc noopener noreferrer'],
    ]);
    const last = content.lastElementChild!;
    // Unsafe links lose their link; HTML is shown as typed, never parsed; no remote images.
    expect(last.textContent).to.contain('bad <b onclick="x()">bold?</b> pic & https://example.org/bare');
    expect(content.querySelector('b, img, [onclick]')).to.equal(null);
    await expectAccessible(element);
  });

  it('keeps deep nesting as text instead of recursing without end', async () => {
    const deep = `${'> '.repeat(200)}deep`;
    const {element} = await renderThread({adapter: {markdown: true}, comments: [seedComment('d', 'Amina', deep), seedComment('e', 'Bilal', '**x**')]});
    await waitUntil(() => body(element, 'e').querySelector('strong'), 'Markdown was not rendered');
    expect(body(element, 'd').querySelectorAll('blockquote').length).to.be.at.most(14);
    expect(body(element, 'd').textContent).to.contain('deep');
  });

  it('renders text exactly as before when the backend does not declare Markdown', async () => {
    const {element} = await renderThread({comments: [seedComment('m', 'Amina', WRITTEN)]});
    const content = body(element, 'm');
    expect(content.querySelector('strong, em, code, blockquote, ul, ol, pre')).to.equal(null);
    expect(content.textContent).to.contain('A *first* paragraph with **strong** words');
    // Paragraphs, line breaks and linked URLs only, as plain text always was.
    expect(shape(content)).to.equal('p(a())p()p(br())p(br())p(br()br())p(a()a())');
  });
});
