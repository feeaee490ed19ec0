import {httpUrl} from '../../content/urls.js';
import type {CommentAuthor} from '../../core/types.js';

export interface CheckedAuthorUrls {
  /** The picture's address when it is http(s), normalized. */
  avatar: string | undefined;
  /** The profile's address when it is http(s), normalized. */
  profile: string | undefined;
}

// Checking an address parses it (`new URL`); a thread re-renders every comment on each
// update, so each author object is checked once, for as long as it is shown.
const checked = new WeakMap<CommentAuthor, CheckedAuthorUrls>();

/** `author`'s picture and profile addresses, when they are http(s). */
export function authorUrls(author: CommentAuthor): CheckedAuthorUrls {
  let urls = checked.get(author);
  if (!urls) {
    urls = {avatar: httpUrl(author.avatarUrl), profile: httpUrl(author.profileUrl)};
    checked.set(author, urls);
  }
  return urls;
}
