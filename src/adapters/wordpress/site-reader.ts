// Reading a post and all its comments from WordPress's REST API, which pages every
// comment flat, 100 at a time.
import {msg} from '@lit/localize';
import {CommentError, isCommentError} from '../../core/errors.js';
import type {Comment} from '../../core/types.js';
import {unreadableError} from '../shared/http.js';
import {asObject} from '../shared/values.js';
import {mapPost, type PostSummary} from './mapping.js';
import type {WordPressRestClient} from './rest-client.js';

/** WordPress refuses `per_page` above 100 (400 `rest_invalid_param`). */
const PER_PAGE = 100;
/** Comment pages fetched at once after the first. */
const PARALLEL_PAGES = 4;
/** A safety stop against a hostile `X-WP-TotalPages`: 100,000 comments. */
const MAX_PAGES = 1000;
const COMMENT_FIELDS = 'id,post,parent,author,author_name,author_url,date,date_gmt,content,link,status,author_avatar_urls';

/** The post, else a page with that id; `undefined` when neither exists. */
export async function loadPost(rest: WordPressRestClient, post: string, signal?: AbortSignal): Promise<PostSummary | undefined> {
  const fields = {_fields: 'id,title,link,comment_status,author'};
  for (const route of [`/wp/v2/posts/${post}`, `/wp/v2/pages/${post}`]) {
    try {
      return mapPost(await rest.call(route, fields, {}, signal));
    } catch (error) {
      if (!isCommentError(error) || error.code !== 'not-found') throw error;
    }
  }
  return undefined;
}

/**
 * Every approved comment of the post (or every held one, `status: 'hold'`), oldest
 * first, across all of WordPress's pages.
 */
export async function loadComments(
  rest: WordPressRestClient,
  post: string,
  filter: {context?: 'edit'; status?: 'hold'},
  signal?: AbortSignal,
): Promise<unknown[]> {
  const page = (number: number) =>
    rest.callWithHeaders(
      '/wp/v2/comments',
      {
        post,
        per_page: String(PER_PAGE),
        page: String(number),
        orderby: 'date_gmt',
        order: 'asc',
        _fields: COMMENT_FIELDS,
        ...filter,
      },
      {},
      signal,
    );
  const first = await page(1);
  const comments = asArray(first.body);
  const totalPages = Number(first.response.headers.get('X-WP-TotalPages'));
  if (Number.isInteger(totalPages) && totalPages > 0) {
    const remaining = Array.from({length: Math.min(totalPages, MAX_PAGES) - 1}, (_, index) => index + 2);
    for (let start = 0; start < remaining.length; start += PARALLEL_PAGES) {
      const bodies = await Promise.all(remaining.slice(start, start + PARALLEL_PAGES).map(page));
      for (const {body} of bodies) comments.push(...asArray(body));
    }
  } else {
    // Without the header (a proxy dropped it), a short page is the last one.
    let last = comments.length;
    for (let number = 2; last === PER_PAGE && number <= MAX_PAGES; number++) {
      const items = asArray((await page(number)).body);
      comments.push(...items);
      last = items.length;
    }
  }
  return comments;
}

/**
 * Ids of held comments WordPress no longer has (deleted for good: 404). A held, trashed
 * or spammed comment all answer a guest 401, so those stay until approved or expired.
 */
export async function goneHeldComments(rest: WordPressRestClient, ids: string[], signal?: AbortSignal): Promise<string[]> {
  const gone = await Promise.all(
    ids.map(async (id) => {
      try {
        await rest.call(`/wp/v2/comments/${id}`, {_fields: 'id'}, {}, signal);
        return undefined;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        return isCommentError(error) && error.backendCode === 'rest_comment_invalid_id' ? id : undefined;
      }
    }),
  );
  return gone.filter((id): id is string => id !== undefined);
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw unreadableError(200);
  return value;
}

/**
 * WordPress accepts a reply to a comment that does not exist, or that belongs to
 * another post, and files it under that parent, where nobody sees it. Checked here;
 * `known` is the parent as the loaded thread shows it.
 */
export async function checkParent(
  rest: WordPressRestClient,
  post: string,
  parentId: string,
  known: Comment | undefined,
  signal?: AbortSignal,
): Promise<void> {
  const invalid = () =>
    new CommentError(
      'invalid',
      msg('The comment you are replying to is no longer available.', {id: 'adapter.wordpress.parent-missing'}),
      {fieldErrors: {parent: msg('The comment you are replying to is no longer available.', {id: 'adapter.wordpress.parent-missing'})}},
    );
  if (!/^[1-9]\d{0,18}$/.test(parentId)) throw invalid();
  if (known?.status === 'deleted') throw invalid();
  // Asked even when the page showed it: it may have been trashed or spammed since, and
  // WordPress would file the reply under it where nobody sees it. Hidden parents answer
  // a guest 401, gone ones 404.
  try {
    const parent = asObject(await rest.call(`/wp/v2/comments/${parentId}`, {_fields: 'id,post'}, {}, signal));
    if (String(parent['post']) !== post) throw invalid();
  } catch (error) {
    if (isCommentError(error) && error.code !== 'network' && error.code !== 'server') throw invalid();
    throw error;
  }
}
