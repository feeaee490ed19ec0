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
  const moderator: CommentContext = {open: true, viewerId: '2', viewerModerates: true, viewerApproves: true, asStored: true, postAuthorId: '3'};

  it('gives a moderator their own plain-text comment as text, decoded as typed', () => {
    const comment = mapWordPressComment(stored('a &lt;3 &amp; b'), moderator)!;
    expect(comment.content).to.deep.equal({kind: 'text', value: 'a <3 & b'});
    expect(comment.viewerCan).to.include({edit: true, delete: true, moderate: true});
  });

  it('shows stored markup and other people\'s comments as WordPress renders them, with their stored form to edit', () => {
    expect(mapWordPressComment(stored('<strong>bold</strong> &amp; <a href="https://example.test/">link</a>'), moderator)!.content).to.deep.equal({
      kind: 'html',
      value: '<p><strong>bold</strong> &amp; <a href="https://example.test/">link</a></p>\n',
      source: '<strong>bold</strong> &amp; <a href="https://example.test/">link</a>',
    });
    expect(mapWordPressComment(stored('Tom &amp; Jerry', {author: 5}), moderator)!.content).to.deep.equal({
      kind: 'html',
      value: '<p>Tom &amp; Jerry</p>\n',
      source: 'Tom & Jerry',
    });
  });

  it('gives the stored form to nobody who may not edit, nor without the edit context', () => {
    expect(mapWordPressComment(stored('plain'), {...moderator, asStored: false})!.content).to.deep.equal({kind: 'html', value: '<p>plain</p>\n'});
    expect(mapWordPressComment(stored('plain'), {open: true, viewerId: '9', asStored: true})!.content).to.deep.equal({kind: 'html', value: '<p>plain</p>\n'});
  });

  it('marks held comments pending and gives Approve only to a viewer with moderate_comments', () => {
    const held = mapWordPressComment(stored('wait', {author: 0, status: 'hold'}), moderator)!;
    expect(held.status).to.equal('pending');
    expect(held.viewerCan).to.deep.equal({reply: false, edit: true, delete: true, moderate: true});
    const author = {open: true, viewerId: '3', viewerModerates: true, postAuthorId: '3'};
    expect(mapWordPressComment(stored('hi'), author)!.viewerCan.moderate).to.be.undefined;
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
