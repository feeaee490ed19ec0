/**
 * Every text colloquy-server shows a visitor, in English: the source of truth. Each
 * locale's catalog (`catalogs/<locale>.json`) has the same ids and the same `{placeholders}`
 * (the i18n test checks both). A message with a count is one entry per CLDR plural
 * category its language uses (`Intl.PluralRules`), chosen by the `count` value; English
 * needs `one` and `other`. Messages are plain text: HTML is built around them, escaped.
 * Messages only an administrator reads (admin API, CLI) stay English and are not here.
 */
export const english = {
  // A conversation's title inside a sentence, in the language's quotation marks; `untitled`
  // stands in for a page that gave none.
  'common.quoted': '\u201c{title}\u201d',
  'common.untitled': 'Untitled',
  // A label and what it labels on one line of a plain-text email ("Unsubscribe: https://…").
  'common.labelled': '{label}: {value}',

  // The request itself (body.ts, app.ts, comments.ts).
  'error.body-type': 'Send the request body as JSON (Content-Type: application/json).',
  'error.body-utf8': 'The request body is not valid UTF-8.',
  'error.body-json': 'The request body is not valid JSON.',
  'error.body-object': 'The request body must be a JSON object.',
  'error.body-cut-off': 'The request body was cut off.',
  'error.body-too-large': {one: 'The request is larger than {count} byte.', other: 'The request is larger than {count} bytes.'},
  'error.no-such-address': 'There is nothing at this address.',
  'error.server': 'The comment server could not answer; please try again.',
  'error.sort': 'Sort by oldest, newest or top.',
  'error.page-size': 'The page size must be a whole number from 1 to {max}.',
  'error.batch-size': '{name} must be a whole number from 1 to {max}.',
  'error.idempotency-key': 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
  'error.idempotency-key-reused': 'This Idempotency-Key was already used for a different comment.',
  'error.too-many-streams': 'Too many people are following conversations right now; trying again shortly.',

  // Finding things (store/*).
  'error.no-such-thread-or-comment': 'There is no such thread or comment.',
  'error.no-such-thread': 'There is no such thread.',
  'error.no-such-comment': 'There is no such comment.',
  'error.no-such-comment-in-thread': 'There is no such comment in this thread.',
  'error.replies-of-top-level': 'Replies are listed by conversation: give its top-level comment.',
  'error.page-cursor': 'This page link is not valid (a cursor from another sort or another server).',
  'error.replies-cursor': 'This link to more replies is not valid (a cursor from another conversation or another server).',

  // Writing (store/validate.ts, store/writes.ts, store/rate-limits.ts, store/blocks.ts).
  'error.text-missing': 'Please write a comment.',
  'error.text-too-long': {one: 'A comment can be at most {count} character long.', other: 'A comment can be at most {count} characters long.'},
  'error.text-control': 'The comment contains control characters.',
  'error.name-missing': 'Please give your name.',
  'error.name-too-long': {one: 'Your name can be at most {count} character long.', other: 'Your name can be at most {count} characters long.'},
  'error.email-invalid': 'Please give a valid email address.',
  'error.website-invalid': 'Please give a web address starting with http:// or https://.',
  'error.parent-invalid': 'The comment you are answering is not valid.',
  'error.parent-elsewhere': 'The comment you are answering is not in this conversation.',
  'error.parent-held': 'You can answer this comment once it is approved.',
  'error.too-deep': 'This conversation cannot go any deeper; answer an earlier comment.',
  'error.closed': 'This conversation is closed to new comments.',
  'error.duplicate': 'You already posted this comment.',
  'error.still-posting': 'This comment is still being posted; please wait a moment.',
  'error.posted-then-deleted': 'This comment was posted and has since been deleted.',
  'error.too-fast': 'You are posting too quickly. Please wait a little and try again.',
  'error.blocked': 'A moderator has blocked you from commenting here.',
  'error.edit-not-author': 'Only its author can edit this comment.',
  'error.edit-too-late': 'The time to edit this comment has passed.',
  'error.delete-not-author': 'Only its author can delete this comment.',
  'error.delete-too-late': 'The time to delete this comment has passed.',
  'error.deleted': 'This comment was deleted.',
  'error.spam': 'This comment was marked as spam.',
  'error.no-such-reaction': 'This server has no such reaction.',
  'error.reaction-needs-key': 'Reacting needs a browser that keeps its guest key; please reload the page.',
  'error.no-reactions': 'This comment cannot take reactions.',

  // Moderating from the widget (store/moderation.ts, routes/moderation.ts).
  'error.moderation-action': 'The action is approve, spam or delete.',
  'error.moderators-only': 'Only a moderator can approve, mark as spam or delete others\u2019 comments.',
  'error.reject-held-only': 'Only a held comment can be rejected; delete it instead.',
  'error.moderator-sign-in': 'Sign in as a moderator to moderate comments.',

  // Notifications (notify/subscriptions.ts).
  'error.notify-no-mail': 'This comment server sends no email, so it cannot notify you. Untick the notification boxes and post again.',
  'error.notify-unverified': 'Your sign-in did not share a verified email address, so we cannot notify you. Untick the notification boxes, or sign in another way.',
  'error.notify-email-missing': 'Please give your email address, so we can notify you.',

  // Signing in (viewer.ts, routes/auth*.ts).
  'error.session-ended': 'Your sign-in has ended; please sign in again.',
  'error.sign-in-needed': 'Please sign in.',
  'error.sign-in-invalid': 'This sign-in is not valid; please sign in again.',
  'error.sign-in-used': 'This sign-in has expired or was already used; please sign in again.',
  'error.account-gone': 'This account no longer exists.',
  'error.sign-in-provider': 'Say which provider the sign-in was with.',
  'error.sign-in-result': 'Send the sign-in\u2019s result or its state.',
  'error.sign-in-pending': 'No finished sign-in with this state (yet).',
  'error.sign-in-state': 'The sign-in state is missing or malformed.',
  'error.email-sign-in-off': 'Signing in by email is not offered here.',
  'error.site-not-allowed': 'This site is not allowed to sign in with this comment server.',
  'error.sign-in-mail-limit': 'Too many sign-in emails were asked for; please wait and try again.',
  'error.sign-in-mail-failed': 'The sign-in email could not be sent; please try again in a moment.',

  // The pages of a sign-in window (auth/sign-in.ts, routes/auth.ts, routes/auth-callback-page.ts).
  'sign-in.problem-title': 'Sign-in did not work',
  'sign-in.unknown-provider': 'This way of signing in is not offered here.',
  'sign-in.incomplete': 'This sign-in link is incomplete. Close this window and try again.',
  'sign-in.too-many': 'Too many sign-ins were started from here. Please wait a few minutes and try again.',
  'sign-in.unreachable-provider': '{provider} cannot be reached right now. Close this window and try again later.',
  'sign-in.expired': 'This sign-in has expired or was already used. Close this window and try again.',
  'sign-in.email-link-expired': 'This sign-in link has expired or was already used. Ask for a new one on the page you came from.',
  'sign-in.callback-title': 'Signing in\u2026',
  'sign-in.callback-pending': 'Signing you in\u2026 This window closes by itself.',
  'sign-in.callback-unreachable': 'You are signed in. Go back to the page you came from.',
  'sign-in.callback-no-result': 'This page finishes a sign-in started from a comment area; there is nothing to do here.',

  // The sign-in email (auth/email-link.ts).
  'sign-in-mail.subject': 'Your sign-in link for comments on {site}',
  'sign-in-mail.intro': 'Someone (hopefully you) asked to sign in to comment on {site} with this address.',
  'sign-in-mail.open': 'Open this link to sign in:',
  'sign-in-mail.button': 'Sign in',
  'sign-in-mail.validity': {one: 'The link works once, for {count} minute.', other: 'The link works once, for {count} minutes.'},
  'sign-in-mail.ignore': 'If it was not you, ignore this email: nothing happens without the link.',

  // The pages behind the links in notification emails (routes/notifications.ts).
  'notify-page.confirm-title': 'Confirm your email',
  'notify-page.confirm-question': 'Send comment notifications to {address}?',
  'notify-page.confirm-button': 'Confirm',
  'notify-page.confirmed-title': 'Email confirmed',
  'notify-page.confirmed': 'Thank you: you will get the notifications you asked for. Every email has a link to stop them.',
  'notify-page.expired-title': 'Link expired',
  'notify-page.expired': 'This confirmation link has expired or was already used. Tick the notification box again when you next comment to get a new one.',
  'notify-page.unknown-title': 'Unknown link',
  'notify-page.unknown': 'This link is not known here. It may be incomplete: open it straight from the email.',
  'notify-page.unsubscribe-title': 'Unsubscribe',
  'notify-page.unsubscribe-button': 'Unsubscribe',
  'notify-page.stop-all-question': 'Stop all email about these comments to {address}?',
  'notify-page.stop-posts-question': 'Stop emails about new posts to {address}?',
  'notify-page.stop-thread-question': 'Stop emails about new comments on {title} to {address}?',
  'notify-page.unsubscribed-title': 'Unsubscribed',
  'notify-page.stopped-all': 'Done: no more email about these comments will be sent to {address}.',
  'notify-page.unsubscribed': 'Done: you are unsubscribed. Other notifications you asked for continue; every email has its own link.',
  'notify-page.no-more': 'You will get no more of these emails.',

  // Notification emails (notify/compose.ts).
  'mail.confirm-subject': 'Please confirm your email for comment notifications',
  'mail.confirm-thread': 'Someone, hopefully you, asked to receive emails about new comments on {title} at this address.',
  'mail.confirm-posts': 'Someone, hopefully you, asked to receive emails about new posts at this address.',
  'mail.confirm-open': 'To confirm, open this link and press Confirm:',
  'mail.confirm-button': 'Confirm your email address',
  'mail.confirm-ignore': 'If it was not you, ignore this email: nothing more will be sent unless you confirm.',
  'mail.never-again': 'Never email me about these comments again',
  'mail.someone': 'Someone',
  'mail.reply-subject': '{author} replied to your comment on {title}',
  'mail.comment-subject': 'New comment on {title} by {author}',
  'mail.reply-lead': '{author} replied to your comment on {title}:',
  'mail.comment-lead': '{author} commented on {title}:',
  'mail.comment-reason': 'You get this because you asked to be notified of new comments on {title}.',
  'mail.read-and-reply': 'Read it and reply',
  'mail.post-subject': 'New post: {title}',
  'mail.post-reason': 'You get this because you asked to be notified of new posts.',
  'mail.read-post': 'Read it',
  'mail.unsubscribe': 'Unsubscribe',
  'mail.stop-all': 'Stop all email from these comments',
} as const;

export type MessageId = keyof typeof english;

/** A CLDR plural category → its form; `other` is always there. */
type PluralEntry = Partial<Record<Intl.LDMLPluralRule, string>> & {other: string};
export type CatalogEntry = string | PluralEntry;
export type Catalog = Partial<Record<MessageId, CatalogEntry>>;

/** Placeholder values; a message with plural forms takes its number as `count`. */
export type Values = Record<string, string | number>;
