import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {article, commentIds, part, parts, renderThread, seedComment, text} from './thread-fixture.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('<comment-thread> rendering', () => {
  it('nests replies in lists of articles inside a region labelled by its heading', async () => {
    const {element} = await renderThread({
      comments: [
        seedComment('a', 'Amina', 'First'),
        seedComment('a1', 'Bilal', 'Reply', {parentId: 'a'}),
        seedComment('a1x', 'Chen', 'Deeper', {parentId: 'a1'}),
        seedComment('b', 'Dana', 'Second'),
      ],
    });
    const region = part(element, 'base')!;
    expect(region.localName).to.equal('section');
    const heading = element.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(heading.localName).to.equal('h2');

    const list = part(element, 'list')!;
    expect(list.localName).to.equal('ol');
    const topLevel = [...list.children].map((item) => item.querySelector<HTMLElement>(':scope > article')!.dataset['commentId']);
    expect(topLevel).to.deep.equal(['a', 'b']);
    const replies = article(element, 'a').nextElementSibling!;
    expect(replies.localName).to.equal('ol');
    expect(replies.querySelector<HTMLElement>(':scope > li > article')!.dataset['commentId']).to.equal('a1');
    expect(article(element, 'a1x').closest('ol')!.closest('li')!.querySelector<HTMLElement>(':scope > article')!.dataset['commentId']).to.equal('a1');
    expect(article(element, 'a1x').getAttribute('aria-labelledby')).to.be.a('string');
    await expectAccessible(element);
  });

  it('shows author, time, permalink, body and Reply for each comment', async () => {
    const created = minutesAgo(3);
    const {element} = await renderThread({
      comments: [
        seedComment('7', 'Ada Lovelace', 'Hello', {
          createdAt: created,
          author: {name: 'Ada Lovelace', profileUrl: 'https://ada.example/'},
        }),
      ],
    });
    const comment = article(element, '7');
    const author = comment.querySelector<HTMLAnchorElement>('[part="author"]')!;
    expect(author.localName).to.equal('a');
    expect(author.href).to.equal('https://ada.example/');
    expect(author.rel).to.equal('nofollow ugc noopener noreferrer');
    expect(text(author)).to.equal('Ada Lovelace');

    const time = comment.querySelector('time')!;
    expect(time.getAttribute('part')).to.equal('timestamp');
    expect(time.dateTime).to.equal(new Date(created).toISOString());
    expect(text(time)).to.equal('3 minutes ago');
    expect(time.title).to.equal(
      new Intl.DateTimeFormat('en', {dateStyle: 'long', timeStyle: 'short'}).format(new Date(created)),
    );
    const permalink = comment.querySelector<HTMLAnchorElement>('[part="permalink"]')!;
    expect(permalink.getAttribute('href')).to.equal('#comment-7');
    expect(permalink.contains(time)).to.be.true;
    expect(text(comment.querySelector('[part="body"]'))).to.equal('Hello');
    const reply = comment.querySelector<HTMLButtonElement>('[part="reply-button"]')!;
    expect(text(reply)).to.equal('Reply');
    expect(reply.getAttribute('aria-label')!.replace(/[\u2068\u2069]/g, '')).to.equal('Reply to Ada Lovelace');
  });

  it('lists replies deeper than max-depth at the deepest level, saying whom they answer', async () => {
    const {element} = await renderThread({
      maxDepth: 3,
      comments: [
        seedComment('1', 'One', 'level 1'),
        seedComment('2', 'Two', 'level 2', {parentId: '1'}),
        seedComment('3', 'Three', 'level 3', {parentId: '2'}),
        seedComment('4', 'Four', 'level 4', {parentId: '3'}),
        seedComment('5', 'Five', 'level 5', {parentId: '4'}),
        seedComment('3b', 'Six', 'another level 3', {parentId: '2'}),
      ],
    });
    const depthOf = (id: string) => {
      let depth = 0;
      for (let node: Element | null = article(element, id); node; node = node.parentElement) {
        if (node.localName === 'ol') depth++;
      }
      return depth;
    };
    expect(commentIds(element)).to.deep.equal(['1', '2', '3', '4', '5', '3b']);
    expect(['1', '2', '3', '4', '5', '3b'].map(depthOf)).to.deep.equal([1, 2, 3, 3, 3, 3]);
    const siblings = [...article(element, '3').closest('ol')!.children].map(
      (item) => item.querySelector<HTMLElement>('article')!.dataset['commentId'],
    );
    expect(siblings).to.deep.equal(['3', '4', '5', '3b']);
    expect(article(element, '3').querySelector('[part="in-reply-to"]')).to.be.null;
    expect(text(article(element, '4').querySelector('[part="in-reply-to"]'))).to.equal('In reply to Three');
    expect(article(element, '5').querySelector<HTMLAnchorElement>('[part="in-reply-to"] a')!.getAttribute('href')).to.equal(
      '#comment-4',
    );
    await expectAccessible(element);
  });

  it('says how many thoughts there are, in the right plural', async () => {
    const cases: Array<[number, string]> = [
      [0, 'Comments'],
      [1, '1 thought on “AQIM Updates, August 6”'],
      [2, '2 thoughts on “AQIM Updates, August 6”'],
      [21, '21 thoughts on “AQIM Updates, August 6”'],
    ];
    for (const [count, heading] of cases) {
      const comments = Array.from({length: count}, (_, index) => seedComment(`c${index}`, `Person ${index}`, 'Hi'));
      const {element} = await renderThread({comments});
      expect(text(part(element, 'heading')), `${count} comments`).to.equal(heading);
    }
    const {element} = await renderThread({title: '', comments: [seedComment('x', 'X', 'Hi')]});
    expect(text(part(element, 'heading'))).to.equal('1 thought');
  });

  it('counts in the language of the nearest lang attribute', async () => {
    const comments = Array.from({length: 1234}, (_, index) => seedComment(`c${index}`, 'P', 'Hi'));
    const {element} = await renderThread({comments, pageSize: 5});
    element.setAttribute('lang', 'de');
    element.requestUpdate();
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.match(/^1\.234 /);
  });

  it('shows "No comments yet." for an empty thread', async () => {
    const {element} = await renderThread();
    expect(text(part(element, 'status'))).to.equal('No comments yet.');
    expect(part(element, 'list')).to.be.null;
    expect(part(element, 'sort')).to.be.null;
    await expectAccessible(element);
  });

  it('turns text into paragraphs, line breaks and links to http(s) URLs only', async () => {
    const {element} = await renderThread({
      comments: [
        seedComment('t', 'T', 'First line\nsecond line\n\nSee https://example.com/a_(b)). And javascript:alert(1) or <b>bold</b>'),
      ],
    });
    const body = article(element, 't').querySelector('[part="body"]')!;
    const paragraphs = body.querySelectorAll('p');
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0]!.querySelectorAll('br')).to.have.length(1);
    const links = body.querySelectorAll('a');
    expect(links).to.have.length(1);
    expect(links[0]!.getAttribute('href')).to.equal('https://example.com/a_(b)');
    expect(links[0]!.rel).to.equal('nofollow ugc noopener noreferrer');
    expect(body.querySelector('b')).to.be.null;
    expect(paragraphs[1]!.textContent).to.contain('<b>bold</b>');
  });

  it('treats hostile names, URLs and text as text', async () => {
    const {element} = await renderThread({
      comments: [
        seedComment('h', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', {
          author: {
            name: '<img src=x onerror=alert(1)>',
            profileUrl: 'javascript:alert(1)',
            avatarUrl: 'javascript:alert(2)',
          },
        }),
        seedComment('d', 'Data', 'x', {author: {name: 'Data', profileUrl: 'data:text/html,<script>alert(1)</script>', avatarUrl: 'data:image/svg+xml,<svg onload=alert(1)>'}}),
      ],
    });
    const hostile = article(element, 'h');
    const author = hostile.querySelector('[part="author"]')!;
    expect(author.localName).to.equal('span');
    expect(author.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(hostile.querySelector('img')).to.be.null;
    expect(hostile.querySelector('[part="avatar"]')!.localName).to.equal('span');
    expect(hostile.querySelector('[part="body"] a')).to.be.null;
    expect(article(element, 'd').querySelector('a[part="author"]')).to.be.null;
    expect(article(element, 'd').querySelector('img')).to.be.null;
    for (const anchor of element.shadowRoot!.querySelectorAll('a')) {
      expect(anchor.getAttribute('href')).to.match(/^(#|https?:)/);
    }
  });

  it('shows avatars lazily, with initials when there is no picture or it fails to load', async () => {
    const {element} = await renderThread({
      comments: [
        seedComment('pic', 'Grace Hopper', 'x', {author: {name: 'Grace Hopper', avatarUrl: new URL('/test/fixtures/avatar.svg', location.href).href}}),
        seedComment('none', 'ada lovelace', 'x'),
        seedComment('broken', 'Émile Zola', 'x', {author: {name: 'Émile Zola', avatarUrl: new URL('/no-such-avatar.png', location.href).href}}),
        seedComment('emoji', '👩‍🚀 Sally', 'x'),
      ],
    });
    const picture = article(element, 'pic').querySelector<HTMLImageElement>('img[part="avatar"]')!;
    expect(picture.loading).to.equal('lazy');
    expect(picture.alt).to.equal('');
    const initials = (id: string) => article(element, id).querySelector('span[part="avatar"]');
    expect(initials('none')!.textContent!.trim()).to.equal('AL');
    expect(initials('none')!.getAttribute('aria-hidden')).to.equal('true');
    expect(initials('emoji')!.textContent!.trim()).to.equal('S'); // an emoji never stands for a name
    await waitUntil(() => initials('broken') !== null, 'the broken avatar was not replaced by initials');
    expect(initials('broken')!.textContent!.trim()).to.equal('ÉZ');
    expect(article(element, 'broken').querySelector('img')).to.be.null;
    await expectAccessible(element);
  });

  it('shows a held comment to its author with a note, and a deleted parent as a placeholder', async () => {
    const {element, adapter} = await renderThread({
      adapter: {moderation: 'all'},
      comments: [
        seedComment('gone', 'Ghost', '', {status: 'deleted'}),
        seedComment('kept', 'Reply', 'Still here', {parentId: 'gone'}),
        seedComment('lonely', 'Ghost', '', {status: 'deleted'}),
      ],
    });
    const held = await adapter.postComment(
      {thread: 'post-1', text: 'Mine', parentId: null, guest: {name: 'Me', email: 'me@example.com'}, idempotencyKey: 'k1'},
      {},
    );
    expect(held.status).to.equal('pending');
    await element.refresh();
    await element.updateComplete;

    expect(commentIds(element)).to.deep.equal(['gone', 'kept', held.id]);
    const placeholder = article(element, 'gone');
    expect(placeholder.getAttribute('part')).to.contain('comment-deleted');
    expect(text(placeholder)).to.equal('This comment was deleted.');
    expect(placeholder.querySelector('[part="reply-button"]')).to.be.null;

    const pending = article(element, held.id);
    expect(pending.getAttribute('part')).to.contain('comment-pending');
    expect(text(pending.querySelector('[part="moderation-note"]'))).to.equal('Your comment is awaiting moderation.');
    expect(pending.querySelector('[part="reply-button"]')).to.be.null;
    await expectAccessible(element);
  });

  it('keeps its contrast on a dark page', async () => {
    // A dark page: its color scheme, and a background following it (the thread has none).
    document.documentElement.style.colorScheme = 'dark';
    document.body.style.background = 'Canvas';
    try {
      const names = ['Ada Lovelace', 'Grace Hopper', 'Emmy Noether', 'Alan Turing', 'Mary Somerville', 'Karen Spärck Jones', 'Edsger Dijkstra'];
      const {element} = await renderThread({
        pageSize: 3,
        comments: names.map((name, index) =>
          seedComment(`c${index}`, name, 'See https://example.com', {
            author: {name, isModerator: index === 0, ...(index === 1 ? {profileUrl: 'https://example.com'} : {})},
            ...(index === 2 ? {parentId: 'c1'} : {}),
          }),
        ),
      });
      expect(getComputedStyle(element).colorScheme).to.equal('dark');
      await expectAccessible(element);
    } finally {
      document.documentElement.style.colorScheme = '';
      document.body.style.background = '';
    }
  });

  it('offers no Reply on a closed thread', async () => {
    const {element} = await renderThread({open: false, comments: [seedComment('a', 'A', 'x')]});
    expect(parts(element, 'reply-button')).to.have.length(0);
  });
});

