import {expect} from '@open-wc/testing';
import {mapProviders} from '../../../src/adapters/rest/change-answers.js';
import {mapThreadEvent} from '../../../src/adapters/rest/live-events.js';
import {mapError} from '../../../src/adapters/rest/error-answers.js';
import {mapCapabilities, mapComment, mapPage, mapPageSizeLimit} from '../../../src/adapters/rest/mapping.js';
import {CommentError} from '../../../src/core/errors.js';

describe('REST mapping', () => {
  it('reads the page maximum from limits.pageSize, else the protocol\'s 100', () => {
    expect(mapPageSizeLimit({protocol: 'colloquy-rest/1', capabilities: {}})).to.equal(100);
    expect(mapPageSizeLimit({limits: {pageSize: 500}})).to.equal(500);
    expect(mapPageSizeLimit({limits: {pageSize: 20}})).to.equal(20);
    for (const bad of ['500', 0, -3, 1.5, null, Number.NaN]) expect(mapPageSizeLimit({limits: {pageSize: bad}})).to.equal(100);
    expect(mapPageSizeLimit({limits: {pageSize: 1e9}})).to.equal(1000);
    expect(mapPageSizeLimit('not an object')).to.equal(100);
  });

  it('turns hostile comment fields into safe values', () => {
    const comment = mapComment({
      id: 42,
      parentId: 42,
      author: {name: {evil: true}, avatarUrl: 'javascript:alert(1)', profileUrl: 'data:text/html,x', isViewer: 'yes', id: ['x']},
      createdAt: 'not a date',
      editedAt: 12,
      content: {kind: 'script', value: 'x'.repeat(200_000)},
      status: 'hacked',
      permalink: 'vbscript:x',
      replyCount: -5,
      reactions: [{key: ''}, {key: 'like', count: 'many', viewerReacted: 1}, null],
      viewerCan: {reply: 'true', edit: true},
    })!;
    expect(comment).to.deep.equal({
      id: '42',
      parentId: null,
      author: {name: ''},
      createdAt: new Date(0).toISOString(),
      content: {kind: 'text', value: 'x'.repeat(100_000)},
      status: 'approved',
      replyCount: 0,
      reactions: [{key: 'like', count: 0, viewerReacted: false}],
      viewerCan: {reply: false, edit: true, delete: false},
    });
  });

  it('drops what cannot be a comment, and empties deleted ones', () => {
    expect(mapComment(null)).to.be.null;
    expect(mapComment({id: {}})).to.be.null;
    expect(mapComment({id: 'd', status: 'deleted', content: {kind: 'text', value: 'secret'}})!.content.value).to.equal('');
  });

  it('repairs a page: parents before replies, orphans under a placeholder, duplicates once', () => {
    const page = mapPage(
      {
        thread: {id: 'elsewhere', title: 7, totalCount: 'x', posting: {guests: {allowed: true}}},
        comments: [
          {id: 'r', parentId: 'p', createdAt: '2024-01-01T00:01:00Z'},
          {id: 'p', parentId: null, createdAt: '2024-01-01T00:00:00Z'},
          {id: 'p', parentId: null, content: {value: 'duplicate'}},
          {id: 'orphan', parentId: 'missing', createdAt: '2024-01-01T00:02:00Z'},
          'junk',
        ],
        nextCursor: 17,
      },
      'asked-for',
    );
    expect(page.thread).to.deep.include({id: 'asked-for', title: '', totalCount: 0});
    expect(page.thread.posting).to.deep.equal({open: true, guests: {allowed: true, requireName: true, requireEmail: false}, notifications: {comments: false, posts: false}});
    expect(page.comments.map((c) => [c.id, c.parentId, c.status])).to.deep.equal([
      ['p', null, 'approved'], ['r', 'p', 'approved'], ['missing', null, 'deleted'], ['orphan', 'missing', 'approved'],
    ]);
    expect(page.nextCursor).to.be.null;
    expect(() => mapPage({comments: 'none'}, 't')).to.throw(CommentError);
  });

  it('keeps capabilities off unless claimed as true', () => {
    expect(mapCapabilities({capabilities: {edit: 'yes', live: true, reactions: ['like', 3, '<img>']}})).to.deep.equal({
      edit: false, delete: false, reactions: ['like'], signIn: false, session: false, live: true, moderate: false,
      // Not a claim: the protocol requires it of every server.
      confirmsNotificationEmail: true,
    });
    expect(mapCapabilities('nonsense').live).to.be.false;
  });

  it('accepts only http(s) and SVG data icons for providers', () => {
    expect(mapProviders({providers: [
      {id: 'github', name: 'GitHub', iconUrl: 'javascript:alert(1)'},
      {id: 'svg', name: 'Svg', iconUrl: 'data:image/svg+xml,<svg/>'},
      {id: 'bad id!', name: 'x'},
      {id: 'named'},
    ]})).to.deep.equal([
      {id: 'github', name: 'GitHub'},
      {id: 'svg', name: 'Svg', iconUrl: 'data:image/svg+xml,<svg/>'},
      {id: 'named', name: 'named'},
    ]);
  });

  it('maps errors by envelope code, else by status', () => {
    const invalid = mapError(400, {error: {code: 'invalid', message: 'Fix it', fields: {text: 'Too long', password: 'ignored', name: 5}}}, null);
    expect(invalid).to.include({code: 'invalid', message: 'Fix it', status: 400});
    expect(invalid.fieldErrors).to.deep.equal({text: 'Too long'});
    expect(mapError(429, {error: {code: 'rate-limited', message: 'Wait', retryAfter: 12}}, null).retryAfterMs).to.equal(12_000);
    expect(mapError(429, {}, '3').retryAfterMs).to.equal(3000);
    expect(mapError(400, {error: {code: 'network', message: 'lies'}}, null).code).to.equal('invalid');
    expect(mapError(410, 'gone', null).code).to.equal('not-found');
    expect(mapError(500, undefined, null).message).to.be.a('string').and.not.equal('');
  });

  it('maps live events and skips unreadable ones', () => {
    expect(mapThreadEvent('comment-removed', '{"commentId": 5}', 't')).to.deep.equal({type: 'comment-removed', thread: 't', commentId: '5'});
    expect(mapThreadEvent('comment-added', '{"comment": {"id": "a"}}', 't')).to.deep.include({type: 'comment-added'});
    expect(mapThreadEvent('comment-added', '{nope', 't')).to.be.null;
    expect(mapThreadEvent('comment-added', '{"comment": 3}', 't')).to.be.null;
    expect(mapThreadEvent('surprise', '{}', 't')).to.be.null;
  });
});
