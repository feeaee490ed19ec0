import type {Viewer} from '../../core/types.js';
import {isCommentError} from '../../core/errors.js';
import {unreadableError} from '../shared/http.js';
import {asObject, asString, httpUrl} from '../shared/values.js';
import {decodeEntities} from '../../content/entities.js';
import type {CookieSession} from './cookie-session.js';
import type {CommentContext} from './mapping.js';
import type {WordPressRestClient} from './rest-client.js';

/** What the signed-in viewer may do, from their WordPress capabilities. */
export interface ViewerRights {
  /** `moderate_comments` or `edit_others_posts`: edit and delete any comment. */
  editAny: boolean;
  /**
   * `moderate_comments`: WordPress hands over comments as stored (`context=edit`) and
   * held ones (`status=hold`), and lets the viewer approve, spam and trash them.
   */
  moderate: boolean;
  /** `edit_published_posts`: edit and delete comments on their own published posts. */
  editOwnPosts: boolean;
}

const noRights: ViewerRights = {editAny: false, moderate: false, editOwnPosts: false};

/** Who is logged in to the WordPress site (`/wp/v2/users/me`), asked once, and what they may do. */
export class WordPressViewer {
  readonly #rest: WordPressRestClient;
  readonly #login: CookieSession;
  /** `undefined` until asked; `null` when nobody is signed in. */
  #viewer: Viewer | null | undefined;
  #rights: ViewerRights = noRights;

  constructor(rest: WordPressRestClient, login: CookieSession) {
    this.#rest = rest;
    this.#login = login;
  }

  get rights(): ViewerRights {
    return this.#rights;
  }

  /** Asks WordPress again next time (after a sign-in). */
  forget(): void {
    this.#viewer = undefined;
  }

  /** Nobody is signed in any more (WordPress refused the login, or it was logged out). */
  signedOut(): void {
    this.#viewer = null;
    this.#rights = noRights;
  }

  /** The viewer, where this browser holds a login; `null` without asking WordPress where it holds none. */
  async ifLoggedIn(signal?: AbortSignal): Promise<Viewer | null> {
    return this.#login.nonce ? this.current(signal) : null;
  }

  async current(signal?: AbortSignal): Promise<Viewer | null> {
    if (this.#viewer !== undefined) return this.#viewer;
    if (!this.#login.nonce) return (this.#viewer = null);
    try {
      const user = asObject(
        await this.#rest.call('/wp/v2/users/me', {context: 'edit', _fields: 'id,name,url,link,avatar_urls,capabilities'}, {}, signal),
      );
      const capabilities = asObject(user['capabilities']);
      this.#rights = {
        editAny: capabilities['moderate_comments'] === true || capabilities['edit_others_posts'] === true,
        moderate: capabilities['moderate_comments'] === true,
        editOwnPosts: capabilities['edit_published_posts'] === true,
      };
      const id = asString(String(user['id'] ?? ''));
      if (!/^[1-9]\d*$/.test(id)) throw unreadableError(200);
      const avatarUrl = httpUrl(asObject(user['avatar_urls'])['96']);
      const profileUrl = httpUrl(user['url']) ?? httpUrl(user['link']);
      this.#viewer = {
        id,
        name: decodeEntities(asString(user['name'])),
        ...(avatarUrl ? {avatarUrl} : {}),
        ...(profileUrl ? {profileUrl} : {}),
      };
    } catch (error) {
      if (!isCommentError(error) || (error.code !== 'unauthorized' && error.code !== 'forbidden')) throw error;
      this.#login.forget();
      this.#viewer = null;
    }
    return this.#viewer;
  }

  /** What `viewer` may do with the comments of a post written by `postAuthorId`. */
  contextFor(viewer: Viewer | null, postAuthorId: string | undefined): Partial<CommentContext> {
    if (!viewer) return {};
    const rights = this.#rights;
    return {
      viewerId: viewer.id,
      viewerModerates: rights.editAny || (rights.editOwnPosts && postAuthorId === viewer.id),
      viewerApproves: rights.moderate,
      asStored: rights.moderate,
    };
  }
}
