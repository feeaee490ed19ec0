import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {isDeadlineError} from '../../adapters/shared/deadline.js';
import {formatSecondsFromNow, formatTimeOfDay} from '../../i18n/format-waits.js';
import type {Failure} from './posting-controller.js';
import type {RetryDecision} from './retry-policy.js';

/** What the form knows around a failure, for its message. */
export interface FailureContext {
  /** An edit of a comment rather than a new one. */
  editing: boolean;
  locale: string;
  /** A rate limit's wait is running (Retry comes back when it is over). */
  waiting: boolean;
  /** Seconds left of the wait, as counted down on screen. */
  secondsLeft: number | undefined;
  /** Field messages the form has no field on screen for (the parent, a signed-in commenter's guest fields…). */
  unplacedFieldErrors: readonly string[];
  retryButton: TemplateResult;
  signInButton: TemplateResult;
}

/**
 * Why a comment was not sent, in the commenter's words, and what they can do: each
 * message says the text is kept wherever it is, and a Retry button comes with it when
 * pressing it can help.
 */
export function failureMessage({error, decision, waitSeconds, note, signedOut}: Failure, context: FailureContext): TemplateResult {
  const retry = context.retryButton;
  if (note === 'earlier-posted') {
    return html`<p>${msg('Your earlier version of this comment was posted before the connection failed, and it cannot be changed now. Your changes are kept here.', {id: 'form.error.earlier-posted'})}</p>`;
  }
  if (isDeadlineError(error)) {
    return html`<p>${msg('The site did not answer in time. Your comment is kept here: press Retry (it will not be posted twice).', {id: 'form.error.timeout'})}</p>
      ${retry}`;
  }
  switch (error.code) {
    case 'duplicate':
      return html`<p>
        ${note === 'held'
          ? msg('Your comment is already waiting for moderation.', {id: 'form.error.duplicate-held'})
          : error.message.trim() || msg('You have already posted this comment.', {id: 'form.error.duplicate'})}
      </p>`;
    case 'network':
      return html`<p>
          ${navigator.onLine
            ? msg('The connection failed before your comment was confirmed. It is kept here: press Retry (it will not be posted twice), or it will be sent when you are back online.', {id: 'form.error.network'})
            : msg('You are offline. Your comment is kept here and will be sent when you are back online.', {id: 'form.error.offline'})}
        </p>
        ${retry}`;
    case 'server':
      return html`<p>${msg('The site could not save your comment just now. It is kept here: please try again.', {id: 'form.error.server'})}</p>
        ${retry}`;
    case 'rate-limited':
      // Screen readers hear the wait once; sighted people watch it count down.
      return html`<p>
          <span aria-hidden="true" part="countdown">${rateLimitMessage(decision, context.secondsLeft ?? waitSeconds, context.locale)}</span>
          <span class="visually-hidden">${rateLimitMessage(decision, waitSeconds, context.locale)}</span>
        </p>
        ${context.waiting ? nothing : retry}`;
    case 'invalid':
      return html`<p>${msg('Please correct the marked fields.', {id: 'form.error.invalid'})}</p>
        ${Object.keys(error.fieldErrors).length === 0
          ? html`<p>${error.message}</p>`
          : context.unplacedFieldErrors.map((message) => html`<p>${message}</p>`)}`;
    case 'unauthorized':
      // The adapter's words say why a signed-in person must sign in again ("You were signed out…").
      return html`<p>${signedOut && error.message ? error.message : msg('Please sign in to post your comment. It is kept here meanwhile.', {id: 'form.error.unauthorized'})}</p>
        ${context.signInButton}`;
    case 'forbidden':
      return html`<p>
        ${context.editing
          ? msg('This comment can no longer be edited.', {id: 'form.error.edit-forbidden'})
          : msg('You are not allowed to comment here.', {id: 'form.error.forbidden'})}
      </p>`;
    case 'not-found':
      return html`<p>${msg('This discussion or comment no longer exists.', {id: 'form.error.not-found'})}</p>`;
    case 'conflict':
      return context.editing
        ? html`<p>${msg('This comment was changed or removed meanwhile.', {id: 'form.error.conflict'})}</p>`
        : html`<p>${msg('The site is still processing this comment. Press Retry in a moment (it will not be posted twice).', {id: 'form.error.processing'})}</p>
            ${retry}`;
    case 'closed':
      return html`<p>${msg('Comments are closed.', {id: 'form.closed'})}</p>`;
    default:
      return html`<p>${msg('Your comment could not be sent. It is kept here: please try again.', {id: 'form.error.unknown'})}</p>
        ${retry}`;
  }
}

/** "You are posting too quickly", with when posting is possible again when the backend said. */
function rateLimitMessage(decision: RetryDecision, waitSeconds: number | undefined, locale: string): string {
  if (decision.action !== 'wait' || decision.at === undefined || waitSeconds === undefined) {
    return msg('You are posting too quickly. Please wait a moment before trying again.', {id: 'form.error.rate-limited'});
  }
  if (waitSeconds < 60) {
    const relative = formatSecondsFromNow(Math.max(1, waitSeconds), locale);
    return msg(str`You are posting too quickly. You can post again ${relative}.`, {id: 'form.error.rate-limited.soon'});
  }
  const time = formatTimeOfDay(decision.at, locale);
  return msg(str`You are posting too quickly. You can post again at ${time}.`, {id: 'form.error.rate-limited.at'});
}
