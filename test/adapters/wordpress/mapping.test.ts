import {expect} from '@open-wc/testing';
import {mapWordPressComment, type CommentContext} from '../../../src/adapters/wordpress/mapping.js';

const stored = (raw: string, extra: Record<string, unknown> = {}) => ({
  id: 7,
  post: 4,
  parent: 0,
  author: 2,
  author_name: 'Eddie Editor',
  date_gmt: '2024-03-01T10:00:00',
  content: {rendered: `<p>${raw}</p>\n`, raw},
  status: 'approved',
  ...extra,
});

describe('WordPress comment mapping', () => {
  const moderator: CommentContext = {open: true, viewerId: '2', viewerModerates: true, ownAsText: true, postAuthorId: '3'};

  it('gives a moderator their own plain-text comment as text, decoded as typed', () => {
    const comment = mapWordPressComment(stored('a &lt;3 &amp; b'), moderator)!;
    expect(comment.content).to.deep.equal({kind: 'text', value: 'a <3 & b'});
    expect(comment.viewerCan).to.include({edit: true, delete: true});
  });

  it('keeps stored markup, other people\'s comments and view-context comments as HTML', () => {
    expect(mapWordPressComment(stored('<strong>bold</strong>'), moderator)!.content.kind).to.equal('html');
    expect(mapWordPressComment(stored('plain', {author: 5}), moderator)!.content.kind).to.equal('html');
    expect(mapWordPressComment(stored('plain'), {...moderator, ownAsText: false})!.content.kind).to.equal('html');
  });

  it('marks the post author with isThreadAuthor, not as a moderator', () => {
    const author = mapWordPressComment(stored('hi', {author: 3}), {open: true, postAuthorId: '3'})!.author;
    expect(author.isThreadAuthor).to.be.true;
    expect(author.isModerator).to.be.undefined;
  });

  it('gives edit and delete to nobody WordPress does not allow', () => {
    expect(mapWordPressComment(stored('hi'), {open: true, viewerId: '2'})!.viewerCan).to.include({edit: false, delete: false});
  });
});
