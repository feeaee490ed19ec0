import type {
  CallOptions,
  CommentRef,
  CompleteSignInRequest,
  EditCommentRequest,
  ModerateRequest,
  NewComment,
  ReactRequest,
  SignInLinkRequest,
  SignInUrlRequest,
} from '../../core/adapter.js';
import {isCommentError} from '../../core/errors.js';
import type {Comment, Session, SignInProvider} from '../../core/types.js';
import {unreadableError} from '../shared/http.js';
import {readStoredJson, type SafeStorage} from '../shared/storage.js';
import {asObject, asString} from '../shared/values.js';
import {mapCommentResponse, mapProviders, mapSession} from './change-answers.js';
import {mapComment} from './mapping.js';
import {segment, type Answer, type Token} from './start.js';

// What the REST adapter does besides reading comments: posting, editing, deleting,
// moderating, reacting and signing in. None of it is needed before the first comments
// show, so it is a chunk of its own, which the adapter loads when first asked, or when
// the page is idle after its first page (see RestAdapter).

/** What these calls need of the adapter. */
export interface RestClient {
  readonly signInCallbackUrl: string | undefined;
  /** The credentials' storage (sessionStorage unless the page gave another). */
  storage(): SafeStorage;
  /** Where a sign-in waiting for its popup's report is kept. */
  readonly pendingKey: string;
  url(path: string, query?: Record<string, string>): string;
  commentUrl(request: CommentRef): string;
  /** Sends a request; resolves with the parsed body of a 2xx answer. */
  request(url: string, init: RequestInit & {headers?: Record<string, string>}, signal?: AbortSignal): Promise<Answer>;
  token(): string | undefined;
  setToken(token: Token | undefined): void;
}

interface PendingSignIn {
  provider: string;
  state: string;
  startedAt: number;
}

/** A popup sign-in that never reported back is claimed for this long (see getSession). */
const PENDING_SIGN_IN_MS = 10 * 60 * 1000;

export async function postComment(client: RestClient, input: NewComment, {signal}: CallOptions = {}): Promise<Comment> {
  const {body} = await client.request(
    client.url(`threads/${segment(input.thread)}/comments`),
    {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Idempotency-Key': input.idempotencyKey},
      body: JSON.stringify({
        text: input.text,
        parentId: input.parentId,
        ...(input.guest ? {guest: input.guest} : {}),
        ...(input.notify ? {notify: input.notify} : {}),
      }),
    },
    signal,
  );
  const comment = mapCommentResponse(body);
  return {...comment, author: {...comment.author, isViewer: true}};
}

export async function editComment(client: RestClient, request: EditCommentRequest, {signal}: CallOptions = {}): Promise<Comment> {
  const {body} = await client.request(
    client.commentUrl(request),
    {method: 'PATCH', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({text: request.text})},
    signal,
  );
  return mapCommentResponse(body);
}

export async function deleteComment(client: RestClient, request: CommentRef, {signal}: CallOptions = {}): Promise<Comment | null> {
  const {body} = await client.request(client.commentUrl(request), {method: 'DELETE'}, signal);
  return mapComment(asObject(body)['comment']);
}

export async function moderate(client: RestClient, request: ModerateRequest, {signal}: CallOptions = {}): Promise<Comment | null> {
  const init = {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({action: request.action})};
  const {body} = await client.request(`${client.commentUrl(request)}/moderation`, init, signal);
  return mapComment(asObject(body)['comment']);
}

export async function react(client: RestClient, request: ReactRequest, {signal}: CallOptions = {}): Promise<Comment> {
  const url = `${client.commentUrl(request)}/reactions/${segment(request.reaction)}`;
  const {body} = await client.request(url, {method: request.active ? 'PUT' : 'DELETE'}, signal);
  return mapCommentResponse(body);
}

export async function listProviders(client: RestClient, {signal}: CallOptions = {}): Promise<SignInProvider[]> {
  const {body} = await client.request(client.url('auth/providers'), {}, signal);
  return mapProviders(body);
}

/** Built here, not asked for: the server's authorize endpoint redirects to the provider. */
export async function signInUrl(client: RestClient, request: SignInUrlRequest, {signal}: CallOptions = {}): Promise<string> {
  signal?.throwIfAborted();
  const pending: PendingSignIn = {provider: request.providerId, state: request.state, startedAt: Date.now()};
  client.storage().set(client.pendingKey, JSON.stringify(pending));
  return client.url(`auth/providers/${segment(request.providerId)}/authorize`, {
    state: request.state,
    redirect_uri: request.callbackUrl,
    mode: request.mode,
    // The server's own callback page reports to this origin, if the server registered it.
    ...(request.callbackUrl === client.signInCallbackUrl && typeof location !== 'undefined' ? {origin: location.origin} : {}),
  });
}

/** `POST /auth/providers/{provider}/link`; the sign-in is then picked up by its `state` (see getSession). */
export async function requestSignInLink(client: RestClient, request: SignInLinkRequest, {signal}: CallOptions = {}): Promise<void> {
  const pending: PendingSignIn = {provider: request.providerId, state: request.state, startedAt: Date.now()};
  await client.request(
    client.url(`auth/providers/${segment(request.providerId)}/link`),
    {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        email: request.email,
        ...(request.name ? {name: request.name} : {}),
        state: request.state,
        redirect_uri: request.callbackUrl,
        ...(request.callbackUrl === client.signInCallbackUrl && typeof location !== 'undefined' ? {origin: location.origin} : {}),
      }),
    },
    signal,
  );
  client.storage().set(client.pendingKey, JSON.stringify(pending));
}

export async function completeSignIn(client: RestClient, request: CompleteSignInRequest, {signal}: CallOptions = {}): Promise<Session> {
  return startSession(client, {provider: request.providerId, result: request.result}, signal);
}

/**
 * The session of the stored token. With no token but a sign-in started in the last ten
 * minutes whose popup could not report back (its opener link cut by
 * Cross-Origin-Opener-Policy, say), the server is asked to hand over that sign-in by
 * its `state`, which only this tab knows.
 */
export async function getSession(client: RestClient, {signal}: CallOptions = {}): Promise<Session | null> {
  if (client.token()) {
    try {
      const {body} = await client.request(client.url('auth/session'), {}, signal);
      const session = mapSession(asObject(body)['session']);
      if (session) return session;
      throw unreadableError(200);
    } catch (error) {
      if (!isCommentError(error) || error.code !== 'unauthorized') throw error;
      client.setToken(undefined);
    }
  }
  const pending = asObject(readStoredJson(client.storage(), client.pendingKey));
  const startedAt = typeof pending['startedAt'] === 'number' ? pending['startedAt'] : 0;
  if (Date.now() - startedAt > PENDING_SIGN_IN_MS || typeof pending['state'] !== 'string') return null;
  try {
    return await startSession(client, {provider: asString(pending['provider']), state: pending['state']}, signal);
  } catch (error) {
    if (isCommentError(error) && (error.code === 'not-found' || error.code === 'unauthorized')) return null;
    throw error;
  }
}

export async function signOut(client: RestClient, {signal}: CallOptions = {}): Promise<void> {
  if (client.token()) {
    try {
      await client.request(client.url('auth/session'), {method: 'DELETE'}, signal);
    } catch (error) {
      // The token is forgotten either way; an expired one needs no ending.
      if (signal?.aborted) throw signal.reason;
      if (!isCommentError(error) || error.code !== 'unauthorized') {
        client.setToken(undefined);
        throw error;
      }
    }
  }
  client.setToken(undefined);
}

async function startSession(client: RestClient, body: Record<string, unknown>, signal?: AbortSignal): Promise<Session> {
  const {body: answer} = await client.request(
    client.url('auth/session'),
    {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)},
    signal,
  );
  const token = asString(asObject(answer)['token']);
  const session = mapSession(asObject(answer)['session']);
  if (!token || !session) throw unreadableError(201);
  const expiresAt = asString(asObject(answer)['expiresAt']);
  client.setToken({token, ...(expiresAt ? {expiresAt} : {})});
  client.storage().remove(client.pendingKey);
  return session;
}
