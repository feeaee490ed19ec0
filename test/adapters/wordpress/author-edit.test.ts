import {expect} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import {expectCode} from '../../helpers/adapter-calls.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {aliceNonce, replay, siteUsers, wordpressSite, type Recording, type WordPressSite} from '../../mocks/wordpress-site.js';
import scriptRaw from '../../fixtures/wordpress/get-comment-script-raw-admin.json' with {type: 'json'};

// A post's author (Alice, with `edit_published_posts` but not `moderate_comments`) on her
// own post: WordPress lists her the comments as rendered only and refuses her
// `?context=edit` reads (`rest_forbidden_context`, even for one comment), but lets her
// update comments she may edit, and answers an update with the comment as stored.

const recorded = scriptRaw as Recording;
const stored = recorded.response.body as {id: number; content: {rendered: string; raw: string}};

let site: WordPressSite;
/** Requests to comment 967 the handlers below answered, as `METHOD ?query body`. */
let seen: string[];

async function authorOnOwnPost(single: (request: Request) => Response | Promise<Response>) {
  site = wordpressSite({origin: location.origin, floodSeconds: 0});
  // The recorded guest comment with markup, listed as WordPress lists it to non-moderators.
  const {raw: _raw, ...rendered} = stored.content;
  site.comments.push({...(recorded.response.body as (typeof site.comments)[number]), content: rendered});
  seen = [];
  const me = siteUsers.alice.me.response.body as Record<string, unknown>;
  await useHandlers(...site.handlers);
  await useHandlers(
    http.get(`${location.origin}/wp-json/wp/v2/users/me`, () =>
      HttpResponse.json({...me, capabilities: {read: true, edit_posts: true, edit_published_posts: true}}),
    ),
    http.get(`${location.origin}/wp-json/wp/v2/posts/14`, () =>
      HttpResponse.json({id: 14, title: {rendered: 'Alice&#8217;s post'}, link: `${location.origin}/alices-post/`, comment_status: 'open', author: 3}),
    ),
    http.all(`${location.origin}/wp-json/wp/v2/comments/967`, async ({request}) => {
      seen.push(`${request.method} ${new URL(request.url).search} ${await request.clone().text()}`);
      if (request.method === 'GET' && new URL(request.url).searchParams.get('context') === 'edit') {
        return HttpResponse.json({code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit comments.', data: {status: 403}}, {status: 403});
      }
      return single(request);
    }),
  );
  return createWordPressAdapter({endpoint: location.origin, nonce: aliceNonce});
}

describe('WordPress adapter: a post author edits comments on their post', () => {
  afterEach(async () => {
    await resetHandlers();
    localStorage.clear();
  });

  it('offers Edit without the stored form, loads it for one comment, and saves markup as it is', async () => {
    const adapter = await authorOnOwnPost(async (request) => {
      // An update that changes nothing answers with the comment as stored (edit context).
      if ((await request.text()) === '') return replay(recorded, location.origin);
      return HttpResponse.json({...stored, content: {rendered: '<p>edited</p>\n', raw: 'edited'}, status: 'approved'});
    });
    const page = await adapter.loadPage({thread: '14', sort: 'oldest', limit: 50}, {});
    const comment = page.comments.find((candidate) => candidate.id === '967')!;
    expect(comment.viewerCan.edit).to.be.true;
    expect(comment.content).to.deep.equal({kind: 'html', value: stored.content.rendered});

    const text = await adapter.loadEditableText({thread: '14', commentId: '967'}, {});
    expect(text).to.equal(stored.content.raw);
    // One request, which changes nothing: an empty update.
    expect(seen).to.deep.equal([`POST ?_fields=id%2Ccontent `]);

    const edited = `${text}\n<em>and more</em>`;
    await adapter.editComment({thread: '14', commentId: '967', text: edited}, {});
    const body = new URLSearchParams(seen[1]!.split(' ').slice(2).join(' '));
    // Markup, not escaped text: the link and emphasis survive the edit.
    expect(body.get('content')).to.equal(edited);
  });

  it('decodes a plain stored comment, and escapes it again when saved', async () => {
    const adapter = await authorOnOwnPost(async (request) =>
      (await request.text()) === ''
        ? HttpResponse.json({id: 967, content: {rendered: '<p>a &lt; b &amp; c</p>\n', raw: 'a &lt; b &amp; c'}})
        : HttpResponse.json({...stored, content: {rendered: '<p>x</p>\n', raw: 'x'}}),
    );
    await adapter.loadPage({thread: '14', sort: 'oldest', limit: 50}, {});
    expect(await adapter.loadEditableText({thread: '14', commentId: '967'}, {})).to.equal('a < b & c');
    await adapter.editComment({thread: '14', commentId: '967', text: 'a < b & c!'}, {});
    expect(new URLSearchParams(seen[1]!.split(' ').slice(2).join(' ')).get('content')).to.equal('a &lt; b &amp; c!');
  });

  it('rejects with WordPress\'s refusal, and with a server error for an answer without the stored form', async () => {
    const refusing = await authorOnOwnPost(() =>
      HttpResponse.json({code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit comments.', data: {status: 403}}, {status: 403}),
    );
    await expectCode(refusing.loadEditableText({thread: '14', commentId: '967'}, {}), 'forbidden');

    const viewOnly = await authorOnOwnPost(() => HttpResponse.json({id: 967, content: {rendered: '<p>x</p>'}}));
    await expectCode(viewOnly.loadEditableText({thread: '14', commentId: '967'}, {}), 'server');
    await expectCode(viewOnly.loadEditableText({thread: '14', commentId: '../users/me'}, {}), 'not-found');
  });
});
