// A WordPress site in msw handlers, built from responses recorded on a WordPress 6.1.9
// site (test/fixtures/wordpress/, see INDEX.md there). Comments, users, error bodies,
// statuses and headers are the recorded ones; the handlers only choose which recording
// answers a request, in the order WordPress checks things, and keep the comments posted
// meanwhile. Shared by the tests and demo/wordpress.html.
import {http, HttpResponse, type RequestHandler} from 'msw';
import postAsc from '../fixtures/wordpress/get-comments-post-asc.json' with {type: 'json'};
import page1 from '../fixtures/wordpress/get-comments-page1.json' with {type: 'json'};
import page2 from '../fixtures/wordpress/get-comments-page2.json' with {type: 'json'};
import page3 from '../fixtures/wordpress/get-comments-page3.json' with {type: 'json'};
import heldAdmin from '../fixtures/wordpress/get-comments-status-hold-admin.json' with {type: 'json'};
import perPage101 from '../fixtures/wordpress/get-comments-per-page-101.json' with {type: 'json'};
import holdAnon from '../fixtures/wordpress/get-comments-status-hold-anon.json' with {type: 'json'};
import commentMissing from '../fixtures/wordpress/get-comment-nonexistent.json' with {type: 'json'};
import commentUnreadable from '../fixtures/wordpress/get-comment-pending-anon.json' with {type: 'json'};
import newAuthor from '../fixtures/wordpress/post-anon-new-author.json' with {type: 'json'};
import adminPost from '../fixtures/wordpress/post-admin-app-password.json' with {type: 'json'};
import flood from '../fixtures/wordpress/post-anon-flood.json' with {type: 'json'};
import aliceFlood from '../fixtures/wordpress/post-alice-flood.json' with {type: 'json'};
import duplicate from '../fixtures/wordpress/post-anon-duplicate.json' with {type: 'json'};
import closed from '../fixtures/wordpress/post-anon-closed.json' with {type: 'json'};
import draft from '../fixtures/wordpress/post-anon-draft.json' with {type: 'json'};
import missingContent from '../fixtures/wordpress/post-anon-missing-content.json' with {type: 'json'};
import missingAuthor from '../fixtures/wordpress/post-anon-missing-author.json' with {type: 'json'};
import invalidEmail from '../fixtures/wordpress/post-anon-invalid-email.json' with {type: 'json'};
import parentString from '../fixtures/wordpress/post-anon-parent-string.json' with {type: 'json'};
import missingPost from '../fixtures/wordpress/post-anon-missing-post.json' with {type: 'json'};
import nonexistentPost from '../fixtures/wordpress/post-anon-nonexistent-post.json' with {type: 'json'};
import tooLongContent from '../fixtures/wordpress/post-anon-too-long-content.json' with {type: 'json'};
import tooLongAuthor from '../fixtures/wordpress/post-anon-too-long-author.json' with {type: 'json'};
import registrationRequired from '../fixtures/wordpress/post-anon-registration-required.json' with {type: 'json'};
import anonymousDisallowed from '../fixtures/wordpress/post-anon-core-default-disallowed.json' with {type: 'json'};
import setStatus from '../fixtures/wordpress/post-anon-set-status.json' with {type: 'json'};
import setAuthor from '../fixtures/wordpress/post-anon-set-author-id.json' with {type: 'json'};
import withId from '../fixtures/wordpress/post-anon-with-id.json' with {type: 'json'};
import meAdmin from '../fixtures/wordpress/get-users-me-app-password.json' with {type: 'json'};
import meAlice from '../fixtures/wordpress/cookie-users-me-nonce.json' with {type: 'json'};
import notLoggedIn from '../fixtures/wordpress/get-users-me-wrong-app-password.json' with {type: 'json'};
import badNonce from '../fixtures/wordpress/cookie-users-me-bad-nonce.json' with {type: 'json'};

export interface Recording {
  request: {method: string; url: string; auth?: string; headers?: Record<string, string>; body?: unknown};
  response: {status: number; headers: Record<string, string>; body: unknown};
}

/** The origin the recordings were made on; rewritten to the mock site's. */
const RECORDED_ORIGIN = 'http://127.0.0.1:8088';

/** Headers WordPress sent that say something about the API (not the recording's server). */
const KEPT_HEADERS = /^(content-type|link|location|allow|vary|x-wp-total|x-wp-totalpages|access-control-.*)$/i;

/**
 * A recorded response as msw's answer: same status, same API headers, same body, with
 * the recording site's origin replaced by `origin`.
 */
export function replay(recording: Recording, origin = RECORDED_ORIGIN, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(recording.response.headers)) {
    if (KEPT_HEADERS.test(name)) headers.set(name, value.replaceAll(RECORDED_ORIGIN, origin));
  }
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  const body = JSON.stringify(recording.response.body).replaceAll(RECORDED_ORIGIN, origin);
  return new HttpResponse(body, {status: recording.response.status, headers});
}

type WpComment = Record<string, unknown> & {id: number; post: number; parent: number; status: string; date_gmt: string};

interface SitePost {
  id: number;
  type: 'post' | 'page';
  title: string;
  slug: string;
  date: string;
  status: 'publish' | 'draft';
  comment_status: 'open' | 'closed';
  author: number;
}

interface SiteUser {
  login: string;
  /** An application password for Basic auth. */
  password: string;
  me: Recording;
  moderator: boolean;
}

export interface WordPressSiteOptions {
  /** Where the site answers; default `https://wordpress.example`. */
  origin?: string;
  /**
   * `rest_allow_anonymous_comments`: off in WordPress core, on in the recorded site (a
   * plugin turns it on). When off, guests get 401 `rest_comment_login_required`.
   */
  anonymousComments?: boolean;
  /** `comment_registration`: only signed-in users may comment. */
  registrationRequired?: boolean;
  /**
   * Who is held for moderation: `new-authors` (`comment_previously_approved`, the
   * recorded site and WordPress's default), `all` (`comment_moderation`) or `none`.
   */
  moderation?: 'new-authors' | 'all' | 'none';
  /** Seconds between two comments from one visitor (`comment_flood_filter`); 0 turns it off. */
  floodSeconds?: number;
  /** Application passwords are offered (the site is served over HTTPS). Default true. */
  applicationPasswords?: boolean;
}

/** The users of the recorded site and the credentials the handlers accept for them. */
export const siteUsers = {
  admin: {login: 'admin', password: 'abcd EFGH ijkl MNOP qrst UVWX', me: meAdmin as Recording, moderator: true},
  alice: {login: 'alice', password: 'alic eapp pass word 1234 5678', me: meAlice as Recording, moderator: false},
} satisfies Record<string, SiteUser>;

/** The nonce the recorded site gave Alice's logged-in browser session. */
export const aliceNonce = 'cb072365e2';

/**
 * No post object was recorded; these follow `/wp/v2/posts/<id>` (and `/pages/<id>`) of
 * the same site: ids, slugs and dates from the recorded comment links, statuses from the
 * recorded errors (16 closed, 18 a draft).
 */
const POSTS: SitePost[] = [
  {id: 14, type: 'post', title: 'AQIM Updates, August&nbsp;6', slug: '2024/08/06/aqim-updates-august-6', date: '2024-08-06T09:00:00', status: 'publish', comment_status: 'open', author: 1},
  {id: 15, type: 'post', title: 'Pagination test post (300 comments)', slug: '2024/09/01/pagination-test-post-300-comments', date: '2024-09-01T09:00:00', status: 'publish', comment_status: 'open', author: 1},
  {id: 16, type: 'post', title: 'Comments closed here', slug: '2024/09/02/comments-closed', date: '2024-09-02T09:00:00', status: 'publish', comment_status: 'closed', author: 1},
  {id: 17, type: 'page', title: 'About &#8220;the tracker&#8221;', slug: 'about', date: '2024-09-03T09:00:00', status: 'publish', comment_status: 'open', author: 2},
  {id: 18, type: 'post', title: 'A draft', slug: '?p=18', date: '2024-09-04T09:00:00', status: 'draft', comment_status: 'open', author: 1},
];

/** Every recorded comment of the site, as WordPress stores them (view context). */
function recordedComments(): WpComment[] {
  const bodies = [postAsc, page1, page2, page3, heldAdmin].flatMap((recording) => (recording as Recording).response.body as WpComment[]);
  // The view context hides emails; Jane's is in the recorded requests. WordPress approves
  // her new comments because one with her name and email was approved before.
  return structuredClone(bodies).map((comment) =>
    comment['author_name'] === 'Jane Reader' ? {...comment, author_email: 'jane@example.com'} : comment,
  );
}

export interface WordPressSite {
  readonly origin: string;
  readonly handlers: RequestHandler[];
  /** The site's comments, as stored (tests change statuses, add hostile ones…). */
  readonly comments: WpComment[];
  /** Every request the site answered, oldest first. */
  readonly requests: Request[];
  /** A comment as a moderator would see it after approving it in wp-admin. */
  approve(id: number): void;
  /** Deletes a comment for good ("Empty Trash"). */
  deletePermanently(id: number): void;
  trash(id: number): void;
}

/**
 * A recorded WordPress site, answering at `origin` on both `/wp-json/<route>` and
 * `/?rest_route=<route>` (sites without pretty permalinks).
 */
export function wordpressSite(options: WordPressSiteOptions = {}): WordPressSite {
  const origin = options.origin ?? 'https://wordpress.example';
  const floodMs = (options.floodSeconds ?? 15) * 1000;
  const comments = recordedComments();
  const requests: Request[] = [];
  const lastPostAt = new Map<string, number>();
  let nextId = 1000;

  const rewrite = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(RECORDED_ORIGIN, origin)) as unknown;
  const answer = (recording: Recording, extra: Record<string, string> = {}) => replay(recording, origin, extra);
  const listHeaders = (postAsc as Recording).response.headers;
  const postRecording = (status: number, body: unknown, headers: Record<string, string> = listHeaders): Recording => ({
    request: {method: 'GET', url: ''},
    response: {status, headers, body},
  });
  const userFor = (request: Request): SiteUser | 'bad-nonce' | undefined => {
    const authorization = request.headers.get('Authorization') ?? '';
    if (authorization.startsWith('Basic ')) {
      const [login, password] = new TextDecoder().decode(Uint8Array.from(atob(authorization.slice(6)), (c) => c.charCodeAt(0))).split(/:(.*)/s);
      // WordPress 6.1 ignores credentials it cannot verify: the request goes on as a guest's.
      return Object.values(siteUsers).find((user) => user.login === login && user.password === password);
    }
    const nonce = request.headers.get('X-WP-Nonce');
    if (nonce === null) return undefined;
    return nonce === aliceNonce ? siteUsers.alice : 'bad-nonce';
  };
  const userId = (user: SiteUser) => (user.me.response.body as {id: number}).id;

  const fields = (item: Record<string, unknown>, list: string | null) => {
    if (!list) return item;
    const wanted = new Set(list.split(','));
    return Object.fromEntries(Object.entries(item).filter(([key]) => wanted.has(key)));
  };

  const postObject = (post: SitePost, params: URLSearchParams) =>
    fields(
      {
        id: post.id,
        date: post.date,
        date_gmt: post.date,
        slug: post.slug.split('/').pop(),
        status: post.status,
        type: post.type,
        link: `${origin}/${post.slug}/`,
        title: {rendered: post.title},
        author: post.author,
        comment_status: post.comment_status,
        ping_status: 'open',
      },
      params.get('_fields'),
    );

  async function route(method: string, path: string, params: URLSearchParams, request: Request): Promise<Response> {
    const user = userFor(request);
    if (user === 'bad-nonce') return answer(badNonce as Recording);

    if (method === 'GET' && (path === '/' || path === '')) {
      return HttpResponse.json(
        fields(
          {
            name: 'AQIM Tracker',
            description: 'Weekly notes',
            url: origin,
            home: origin,
            namespaces: ['oembed/1.0', 'wp/v2'],
            authentication:
              options.applicationPasswords === false
                ? []
                : {'application-passwords': {endpoints: {authorization: `${origin}/wp-admin/authorize-application.php`}}},
          },
          params.get('_fields'),
        ),
      );
    }

    const single = /^\/wp\/v2\/(posts|pages)\/(\d+)$/.exec(path);
    if (method === 'GET' && single) {
      const post = POSTS.find((candidate) => String(candidate.id) === single[2] && `${candidate.type}s` === single[1]);
      if (!post) {
        return answer(postRecording(404, {code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: {status: 404}}));
      }
      if (post.status !== 'publish') {
        return answer(postRecording(401, {code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: {status: 401}}));
      }
      return answer(postRecording(200, postObject(post, params)));
    }

    if (method === 'GET' && path === '/wp/v2/users/me') {
      return user ? answer(user.me) : answer(notLoggedIn as Recording);
    }

    const introspect = /^\/wp\/v2\/users\/me\/application-passwords\/(introspect|[\da-f-]{36})$/.exec(path);
    if (introspect && user && request.headers.has('Authorization')) {
      const uuid = '6d0f2d5e-3f3c-4b8e-9a51-2b1c1d5c9e10';
      return method === 'DELETE'
        ? HttpResponse.json({deleted: true, previous: {uuid}})
        : HttpResponse.json({uuid, app_id: '', name: 'Colloquy', created: '2026-11-24T02:46:00', last_used: null, last_ip: null});
    }

    const one = /^\/wp\/v2\/comments\/(\d+)$/.exec(path);
    if (method === 'GET' && one) {
      const comment = comments.find((candidate) => String(candidate.id) === one[1]);
      if (!comment) return answer(commentMissing as Recording);
      if (comment.status !== 'approved' && !user?.moderator) return answer(commentUnreadable as Recording);
      return answer(postRecording(200, rewrite(fields(comment, params.get('_fields'))), (commentMissing as Recording).response.headers));
    }

    if (method === 'GET' && path === '/wp/v2/comments') return list(params, user);
    if (method === 'POST' && path === '/wp/v2/comments') return create(request, user);
    return HttpResponse.json({code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: {status: 404}}, {status: 404});
  }

  function list(params: URLSearchParams, user: SiteUser | undefined): Response {
    if (params.has('status') && !user?.moderator) return answer(holdAnon as Recording);
    const perPage = Number(params.get('per_page') ?? 10);
    if (!(perPage >= 1 && perPage <= 100)) return answer(perPage101 as Recording);
    const page = Number(params.get('page') ?? 1);
    const post = params.get('post');
    const order = params.get('order') === 'asc' ? 1 : -1;
    const orderby = params.get('orderby') ?? 'date_gmt';
    const key = (comment: WpComment) => (orderby === 'id' ? String(comment.id).padStart(12, '0') : `${comment.date_gmt}${String(comment.id).padStart(12, '0')}`);
    const visible = comments
      .filter((comment) => comment.status === 'approved' && (post === null || String(comment.post) === post))
      .filter((comment) => !params.has('parent') || String(comment.parent) === params.get('parent'))
      .sort((a, b) => order * key(a).localeCompare(key(b)));
    const totalPages = Math.ceil(visible.length / perPage);
    const items = visible.slice((page - 1) * perPage, page * perPage).map((comment) => fields(comment, params.get('_fields')));
    return answer(postRecording(200, rewrite(items)), {'X-WP-Total': String(visible.length), 'X-WP-TotalPages': String(totalPages)});
  }

  async function create(request: Request, user: SiteUser | undefined): Promise<Response> {
    const type = request.headers.get('Content-Type') ?? '';
    const text = await request.text();
    let input: Record<string, string>;
    if (type.includes('json')) {
      try {
        input = Object.fromEntries(Object.entries(JSON.parse(text) as object).map(([k, v]) => [k, String(v)]));
      } catch {
        return HttpResponse.json({code: 'rest_invalid_json', message: 'Invalid JSON body passed.', data: {status: 400}}, {status: 400});
      }
    } else {
      input = Object.fromEntries(new URLSearchParams(text));
    }

    // Argument validation comes first, then permission checks, then creation.
    if (input['author_email'] && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input['author_email'])) return answer(invalidEmail as Recording);
    if (input['parent'] !== undefined && !/^\d+$/.test(input['parent'])) return answer(parentString as Recording);
    if (!user) {
      if (options.registrationRequired) return answer(registrationRequired as Recording);
      if (options.anonymousComments === false) return answer(anonymousDisallowed as Recording);
      if (input['author'] !== undefined) return answer(setAuthor as Recording);
      if (input['status'] !== undefined) return answer(setStatus as Recording);
    }
    if (!input['post']) return answer(missingPost as Recording);
    const post = POSTS.find((candidate) => String(candidate.id) === input['post']);
    if (!post) return answer(nonexistentPost as Recording);
    if (post.status === 'draft') return answer(draft as Recording);
    if (post.comment_status === 'closed') return answer(closed as Recording);
    if (input['id'] !== undefined) return answer(withId as Recording);

    const content = (input['content'] ?? '').trim();
    if (content === '') return answer(missingContent as Recording);
    const name = user ? (user.me.response.body as {name: string}).name : (input['author_name'] ?? '').trim();
    const email = user ? `${user.login}@example.com` : (input['author_email'] ?? '').trim();
    if (!user && (name === '' || email === '')) return answer(missingAuthor as Recording);
    if (new TextEncoder().encode(content).length > 65525) return answer(tooLongContent as Recording);
    if (name.length > 245) return answer(tooLongAuthor as Recording);

    const parent = Number(input['parent'] ?? 0);
    const sameText = comments.find(
      (comment) =>
        comment.post === post.id &&
        comment.parent === parent &&
        comment.status !== 'trash' &&
        (comment['author_name'] === name || comment['author_email'] === email) &&
        comment['raw'] === content,
    );
    if (sameText) return answer(duplicate as Recording);

    const visitor = user?.login ?? 'guest';
    const now = Date.now();
    if (floodMs > 0 && !user?.moderator && now - (lastPostAt.get(visitor) ?? -Infinity) < floodMs) {
      return answer((user ? aliceFlood : flood) as Recording);
    }
    lastPostAt.set(visitor, now);

    const links = (content.match(/https?:\/\//g) ?? []).length;
    const knownAuthor = comments.some(
      (comment) => comment['author_name'] === name && comment['author_email'] === email && comment.status === 'approved',
    );
    const held =
      !user?.moderator &&
      (options.moderation === 'all' || links >= 2 || ((options.moderation ?? 'new-authors') === 'new-authors' && !user && !knownAuthor));

    const template = structuredClone(((user ? adminPost : newAuthor) as Recording).response.body) as WpComment;
    const id = nextId++;
    const date = new Date(now).toISOString().slice(0, 19);
    const stored: WpComment = {
      ...template,
      id,
      post: post.id,
      parent,
      author: user ? userId(user) : 0,
      author_name: name,
      author_email: email,
      author_url: user ? (user.me.response.body as {url: string}).url : (input['author_url'] ?? ''),
      date,
      date_gmt: date,
      // wpautop in miniature: paragraphs from blank lines, <br /> from single newlines.
      content: {rendered: `${content.split(/\n\s*\n/).map((p) => `<p>${p.replace(/\n/g, '<br />\n')}</p>`).join('\n')}\n`},
      raw: content,
      link: `${RECORDED_ORIGIN}/${post.slug}/#comment-${id}`,
      status: held ? 'hold' : 'approved',
      author_avatar_urls: user ? (user.me.response.body as {avatar_urls: unknown}).avatar_urls : template['author_avatar_urls'],
    };
    comments.push(stored);
    const {raw: _raw, author_email: _email, ...body} = stored;
    const response = structuredClone((newAuthor as Recording).response);
    return answer(
      {request: {method: 'POST', url: ''}, response: {...response, body}},
      {Location: `${origin}/wp-json/wp/v2/comments/${id}`},
    );
  }

  const dispatch = async (request: Request, path: string) => {
    requests.push(request.clone());
    return route(request.method, path.replace(/\/$/, '') || '/', new URL(request.url).searchParams, request);
  };

  const handlers = [
    http.all(`${origin}/wp-json*`, ({request}) => dispatch(request, new URL(request.url).pathname.replace(/^\/wp-json/, ''))),
    http.all(`${origin}/`, ({request}) => {
      const route = new URL(request.url).searchParams.get('rest_route');
      return route === null ? new HttpResponse('<!doctype html><title>AQIM Tracker</title>', {headers: {'Content-Type': 'text/html'}}) : dispatch(request, route);
    }),
  ];

  const find = (id: number) => {
    const comment = comments.find((candidate) => candidate.id === id);
    if (!comment) throw new Error(`No comment ${id} on the mock WordPress site.`);
    return comment;
  };
  return {
    origin,
    handlers,
    comments,
    requests,
    approve: (id) => void (find(id).status = 'approved'),
    trash: (id) => void (find(id).status = 'trash'),
    deletePermanently: (id) => void comments.splice(comments.indexOf(find(id)), 1),
  };
}
