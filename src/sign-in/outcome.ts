import type {CommentAdapter} from '../core/adapter.js';
import type {Session} from '../core/types.js';
import type {SignInMessage} from './protocol.js';
import {withActionDeadline} from '../adapters/shared/deadline.js';

export type SignInOutcome =
  | {status: 'signed-in'; session: Session}
  /**
   * `cancel`: the attempt was cancelled; `closed`: the popup was closed (or lost) and no
   * session turned up, or the person came back from a redirect without finishing;
   * `denied`: the person refused at the provider; `timeout`: nobody finished.
   */
  | {status: 'cancelled'; reason: 'cancel' | 'closed' | 'denied' | 'timeout'}
  /** The page is being left for the provider; the sign-in completes on return (`resumeSignIn`). */
  | {status: 'redirecting'};

/** The provider (or the backend's callback) reported a failure other than a refusal. */
export class SignInProviderError extends Error {
  override readonly name = 'SignInProviderError';
  /**
   * @param code The protocol's `error`, e.g. OAuth's `server_error`.
   * @param description Came through a URL anyone can craft: kept for logs, never shown.
   */
  constructor(
    readonly code: string,
    readonly description?: string,
  ) {
    super(`Sign-in failed at the provider (${code}).`);
  }
}

/**
 * What a verified callback message (its `state` already checked) comes to: a refusal, a
 * provider failure, or the adapter's session for the reported result.
 */
export async function outcomeOfMessage(
  adapter: CommentAdapter,
  providerId: string,
  message: SignInMessage,
  signal: AbortSignal,
): Promise<SignInOutcome> {
  if ('error' in message) {
    if (message.error === 'access_denied') return {status: 'cancelled', reason: 'denied'};
    throw new SignInProviderError(message.error, message.errorDescription);
  }
  if (!adapter.completeSignIn) throw new Error('Colloquy: this adapter cannot sign in (no completeSignIn).');
  const request = {providerId, result: message.result};
  const session = await withActionDeadline(signal, (withinDeadline) => adapter.completeSignIn!(request, {signal: withinDeadline}));
  return {status: 'signed-in', session};
}
