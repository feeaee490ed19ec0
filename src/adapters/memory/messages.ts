import {msg} from '@lit/localize';
import type {CommentErrorCode} from '../../core/errors.js';

// What the embedded backend says, as a server would, in the page's language. Functions,
// not constants: each message must be looked up after the page's translation has loaded.
export const messages = {
  duplicate: () =>
    msg('Duplicate comment detected; it looks as though you have already said that.', {id: 'adapter.memory.duplicate'}),
  editExpired: () => msg('You can no longer edit this comment.', {id: 'adapter.memory.edit-expired'}),
  deleteForbidden: () => msg('You are not allowed to delete this comment.', {id: 'adapter.memory.delete-forbidden'}),
  moderateForbidden: () => msg('Only moderators can do this.', {id: 'adapter.memory.moderate-forbidden'}),
  emptyText: () => msg('Please type your comment.', {id: 'adapter.memory.text-empty'}),
  tooLong: () => msg('Your comment is longer than this site allows.', {id: 'adapter.memory.text-too-long'}),
  unknownReaction: () => msg('This reaction is not available.', {id: 'adapter.memory.reaction-unknown'}),
  signInToReact: () => msg('Please sign in to like comments.', {id: 'adapter.memory.sign-in-to-react'}),
  signInUnavailable: () => msg('Sign-in is not set up for this site.', {id: 'adapter.memory.sign-in-unavailable'}),
  unknownProvider: () => msg('This way of signing in is not available.', {id: 'adapter.memory.provider-unknown'}),
  signInFailed: () => msg('The sign-in could not be completed. Please try again.', {id: 'adapter.memory.sign-in-failed'}),
  threadMissing: () => msg('This discussion does not exist.', {id: 'adapter.memory.thread-missing'}),
  commentMissing: () => msg('This comment does not exist any more.', {id: 'adapter.memory.comment-missing'}),
  closed: () => msg('Comments are closed.', {id: 'adapter.memory.closed'}),
  signInRequired: () => msg('Please sign in to comment.', {id: 'adapter.memory.sign-in-required'}),
  nameMissing: () => msg('Please fill in your name.', {id: 'adapter.memory.name-missing'}),
  emailMissing: () => msg('Please fill in your email address.', {id: 'adapter.memory.email-missing'}),
  emailInvalid: () => msg('Please enter a valid email address.', {id: 'adapter.memory.email-invalid'}),
  websiteInvalid: () =>
    msg('Please enter a web address starting with http:// or https://.', {id: 'adapter.memory.website-invalid'}),
  parentMissing: () => msg('The comment you are replying to no longer exists.', {id: 'adapter.memory.parent-missing'}),
  staleCursor: () => msg('This page link is out of date. Please reload.', {id: 'adapter.memory.cursor-stale'}),
  storageFull: () =>
    msg('This browser could not store the comment (its storage is full or blocked).', {id: 'adapter.memory.storage-full'}),
  emailProvider: () => msg('Email link', {id: 'adapter.memory.provider.email'}),
};

/** The message of a simulated failure that came without one of its own. */
export function simulatedFailureMessage(code: CommentErrorCode): string {
  switch (code) {
    case 'network':
      return msg('The connection failed.', {id: 'adapter.memory.simulated.network'});
    case 'unauthorized':
      return msg('Please sign in to continue.', {id: 'adapter.memory.simulated.unauthorized'});
    case 'forbidden':
      return msg('You are not allowed to do that.', {id: 'adapter.memory.simulated.forbidden'});
    case 'not-found':
      return messages.commentMissing();
    case 'rate-limited':
      return msg('You are posting comments too quickly. Slow down.', {id: 'adapter.memory.simulated.rate-limited'});
    case 'duplicate':
      return messages.duplicate();
    case 'invalid':
      return msg('Some details are missing or wrong.', {id: 'adapter.memory.simulated.invalid'});
    case 'closed':
      return messages.closed();
    case 'conflict':
      return msg('This comment changed meanwhile.', {id: 'adapter.memory.simulated.conflict'});
    case 'server':
      return msg('The server had a problem.', {id: 'adapter.memory.simulated.server'});
  }
}
