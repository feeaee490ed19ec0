import {expect} from '@open-wc/testing';
import {http} from 'msw';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import {wordPressError} from '../../../src/adapters/wordpress/errors.js';
import {CommentError, type CommentErrorCode, type CommentField} from '../../../src/core/errors.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {replay, wordpressSite, type Recording} from '../../mocks/wordpress-site.js';
import postAnonFlood from '../../fixtures/wordpress/post-anon-flood.json' with {type: 'json'};
import postAliceFlood from '../../fixtures/wordpress/post-alice-flood.json' with {type: 'json'};
import postAnonDuplicate from '../../fixtures/wordpress/post-anon-duplicate.json' with {type: 'json'};
import postAnonClosed from '../../fixtures/wordpress/post-anon-closed.json' with {type: 'json'};
import postAnonDraft from '../../fixtures/wordpress/post-anon-draft.json' with {type: 'json'};
import postAnonMissingPost from '../../fixtures/wordpress/post-anon-missing-post.json' with {type: 'json'};
import postAnonNonexistentPost from '../../fixtures/wordpress/post-anon-nonexistent-post.json' with {type: 'json'};
import postAnonRegistrationRequired from '../../fixtures/wordpress/post-anon-registration-required.json' with {type: 'json'};
import postAnonCoreDefaultDisallowed from '../../fixtures/wordpress/post-anon-core-default-disallowed.json' with {type: 'json'};
import postAnonSetStatus from '../../fixtures/wordpress/post-anon-set-status.json' with {type: 'json'};
import postAnonSetAuthorId from '../../fixtures/wordpress/post-anon-set-author-id.json' with {type: 'json'};
import postAnonMissingContent from '../../fixtures/wordpress/post-anon-missing-content.json' with {type: 'json'};
import postAnonEmptyContent from '../../fixtures/wordpress/post-anon-empty-content.json' with {type: 'json'};
import corsPostAnonError from '../../fixtures/wordpress/cors-post-anon-error.json' with {type: 'json'};
import postAnonMissingAuthor from '../../fixtures/wordpress/post-anon-missing-author.json' with {type: 'json'};
import cookiePostCommentNoNonce from '../../fixtures/wordpress/cookie-post-comment-no-nonce.json' with {type: 'json'};
import postAnonInvalidEmail from '../../fixtures/wordpress/post-anon-invalid-email.json' with {type: 'json'};
import postAnonParentString from '../../fixtures/wordpress/post-anon-parent-string.json' with {type: 'json'};
import postAnonTooLongContent from '../../fixtures/wordpress/post-anon-too-long-content.json' with {type: 'json'};
import postAnonTooLongAuthor from '../../fixtures/wordpress/post-anon-too-long-author.json' with {type: 'json'};
import postAnonWithId from '../../fixtures/wordpress/post-anon-with-id.json' with {type: 'json'};
import postAnonMalformedJson from '../../fixtures/wordpress/post-anon-malformed-json.json' with {type: 'json'};
import postWrongAppPassword from '../../fixtures/wordpress/post-wrong-app-password.json' with {type: 'json'};
import getCommentsPerPage101 from '../../fixtures/wordpress/get-comments-per-page-101.json' with {type: 'json'};
import getCommentsStatusHoldAnon from '../../fixtures/wordpress/get-comments-status-hold-anon.json' with {type: 'json'};
import getCommentNonexistent from '../../fixtures/wordpress/get-comment-nonexistent.json' with {type: 'json'};
import getCommentPendingAnon from '../../fixtures/wordpress/get-comment-pending-anon.json' with {type: 'json'};
import getCommentTrashedAnon from '../../fixtures/wordpress/get-comment-trashed-anon.json' with {type: 'json'};
import getUsersMeWrongAppPassword from '../../fixtures/wordpress/get-users-me-wrong-app-password.json' with {type: 'json'};
import cookieUsersMeBadNonce from '../../fixtures/wordpress/cookie-users-me-bad-nonce.json' with {type: 'json'};
import cookieUsersMeNoNonce from '../../fixtures/wordpress/cookie-users-me-no-nonce.json' with {type: 'json'};

/** Every error response recorded from WordPress 6.1.9, and what it must become. */
const recorded: [string, unknown, CommentErrorCode, Partial<Record<CommentField, string>>][] = [
  ["post-anon-flood", postAnonFlood, "rate-limited", {}],
  ["post-alice-flood", postAliceFlood, "rate-limited", {}],
  ["post-anon-duplicate", postAnonDuplicate, "duplicate", {}],
  ["post-anon-closed", postAnonClosed, "closed", {}],
  ["post-anon-draft", postAnonDraft, "closed", {}],
  ["post-anon-missing-post", postAnonMissingPost, "not-found", {}],
  ["post-anon-nonexistent-post", postAnonNonexistentPost, "not-found", {}],
  ["post-anon-registration-required", postAnonRegistrationRequired, "unauthorized", {}],
  ["post-anon-core-default-disallowed", postAnonCoreDefaultDisallowed, "unauthorized", {}],
  ["post-anon-set-status", postAnonSetStatus, "forbidden", {}],
  ["post-anon-set-author-id", postAnonSetAuthorId, "forbidden", {}],
  ["post-anon-missing-content", postAnonMissingContent, "invalid", {"text": "Invalid comment content."}],
  ["post-anon-empty-content", postAnonEmptyContent, "invalid", {"text": "Invalid comment content."}],
  ["cors-post-anon-error", corsPostAnonError, "invalid", {"text": "Invalid comment content."}],
  ["post-anon-missing-author", postAnonMissingAuthor, "invalid", {"name": "Creating a comment requires valid author name and email values.", "email": "Creating a comment requires valid author name and email values."}],
  ["cookie-post-comment-no-nonce", cookiePostCommentNoNonce, "invalid", {"name": "Creating a comment requires valid author name and email values.", "email": "Creating a comment requires valid author name and email values."}],
  ["post-anon-invalid-email", postAnonInvalidEmail, "invalid", {"email": "Invalid email address."}],
  ["post-anon-parent-string", postAnonParentString, "invalid", {"parent": "parent is not of type integer."}],
  ["post-anon-too-long-content", postAnonTooLongContent, "invalid", {"text": "Comment field exceeds maximum length allowed."}],
  ["post-anon-too-long-author", postAnonTooLongAuthor, "invalid", {"name": "Comment field exceeds maximum length allowed."}],
  ["post-anon-with-id", postAnonWithId, "invalid", {}],
  ["post-anon-malformed-json", postAnonMalformedJson, "server", {}],
  ["post-wrong-app-password", postWrongAppPassword, "invalid", {"name": "Creating a comment requires valid author name and email values.", "email": "Creating a comment requires valid author name and email values."}],
  ["get-comments-per-page-101", getCommentsPerPage101, "invalid", {}],
  ["get-comments-status-hold-anon", getCommentsStatusHoldAnon, "unauthorized", {}],
  ["get-comment-nonexistent", getCommentNonexistent, "not-found", {}],
  ["get-comment-pending-anon", getCommentPendingAnon, "unauthorized", {}],
  ["get-comment-trashed-anon", getCommentTrashedAnon, "unauthorized", {}],
  ["get-users-me-wrong-app-password", getUsersMeWrongAppPassword, "unauthorized", {}],
  ["cookie-users-me-bad-nonce", cookieUsersMeBadNonce, "unauthorized", {}],
  ["cookie-users-me-no-nonce", cookieUsersMeNoNonce, "unauthorized", {}],
];

describe('WordPress errors', () => {
  afterEach(() => resetHandlers());

  for (const [name, json, code, fields] of recorded) {
    const recording = json as Recording;
    it(`maps ${name} (${recording.response.status} ${(recording.response.body as {code: string}).code}) to ${code}`, async () => {
      const error = wordPressError(recording.response.status, recording.response.body);
      expect(error).to.be.instanceOf(CommentError);
      expect(error.code).to.equal(code);
      expect(error.status).to.equal(recording.response.status);
      expect(error.backendCode).to.equal((recording.response.body as {code: string}).code);
      expect(error.fieldErrors).to.deep.equal(fields);
      expect(error.message).to.equal((recording.response.body as {message: string}).message.replace('&#8217;', '\u2019'));
    });
  }

  it('reports a post refused by WordPress through the adapter, with the message as text', async () => {
    const site = wordpressSite();
    await useHandlers(http.post(`${site.origin}/wp-json/wp/v2/comments`, () => replay(postAnonDuplicate as Recording, site.origin)), ...site.handlers);
    const adapter = createWordPressAdapter({endpoint: site.origin});
    const error = await adapter
      .postComment({thread: '14', text: 'Again', parentId: null, guest: {name: 'Jane', email: 'jane@example.com'}, idempotencyKey: 'k'}, {})
      .then(() => undefined, (rejection: unknown) => rejection);
    expect(error).to.be.instanceOf(CommentError);
    expect((error as CommentError).code).to.equal('duplicate');
    expect((error as CommentError).message).to.equal('Duplicate comment detected; it looks as though you\u2019ve already said that!');
  });

  it('waits WordPress\'s flood interval before a retry', () => {
    const error = wordPressError(400, (postAnonFlood as Recording).response.body);
    expect(error.retryAfterMs).to.equal(15_000);
  });

  it('reads credentials WordPress ignored as an expired sign-in', () => {
    const {status, body} = (postWrongAppPassword as Recording).response;
    const error = wordPressError(status, body, {authenticated: true});
    expect(error.code).to.equal('unauthorized');
    expect(error.fieldErrors).to.deep.equal({});
  });

  it('maps unknown codes by status and strips tags from messages', () => {
    expect(wordPressError(429, {code: 'some_plugin_limit', message: '<strong>Error</strong>: slow&nbsp;down'}).code).to.equal('rate-limited');
    expect(wordPressError(503, {code: 'maintenance', message: '<strong>Error</strong>: down &amp; out'}).message).to.equal('Error: down & out');
    expect(wordPressError(500, '<html>').code).to.equal('server');
    expect(wordPressError(500, '<html>').message).to.be.a('string').and.not.equal('');
    expect(wordPressError(404, null).code).to.equal('not-found');
    expect(wordPressError(403, {message: 42}).code).to.equal('forbidden');
  });
});
