import {escapeHtml} from '../html.js';
import type {OutgoingMail} from '../mail/mailer.js';
import {safeUrl} from '../render.js';

/**
 * The emails, each in plain text and HTML. Everything that came from a person (names,
 * comment text, titles, excerpts, addresses) goes into the HTML through `escapeHtml` only,
 * and links only through `safeUrl` (http and https).
 */

/** A subject line cannot carry line breaks (header injection) or run on forever. */
function subjectLine(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > 150 ? `${flat.slice(0, 149)}…` : flat;
}

function quote(title: string): string {
  return title.trim() ? `“${title.trim()}”` : 'a conversation';
}

/** Where the links in an email point: this server's public address. */
export interface Links {
  base: string;
}

function link(links: Links, path: string, token: string, extra = ''): string {
  return `${links.base}/notifications/${path}?token=${encodeURIComponent(token)}${extra}`;
}

function unsubscribeHeaders(url: string): Record<string, string> {
  return {
    // RFC 8058: a mail client may unsubscribe with one POST to this URL, no page in between.
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    // RFC 3834: out-of-office replies and other robots leave it alone.
    'Auto-Submitted': 'auto-generated',
  };
}

function htmlDocument(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em">${body}</body></html>`;
}

function footerText(reason: string, unsubscribe: string, stopAll: string): string {
  return `\n-- \n${reason}\nUnsubscribe: ${unsubscribe}\nStop all email from these comments: ${stopAll}\n`;
}

function footerHtml(reason: string, unsubscribe: string, stopAll: string): string {
  return `<hr><p style="font-size:small;color:#555">${escapeHtml(reason)}<br>
<a href="${escapeHtml(unsubscribe)}">Unsubscribe</a> · <a href="${escapeHtml(stopAll)}">Stop all email from these comments</a></p>`;
}

function paragraphsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function confirmationMail(input: {
  to: string;
  /** The thread whose comments were asked for; null when only new posts were. */
  thread: {title: string; url: string | null} | null;
  secret: string;
  addressToken: string;
  links: Links;
}): OutgoingMail {
  const confirm = link(input.links, 'confirm', input.secret);
  const stopAll = link(input.links, 'unsubscribe', input.addressToken);
  const page = input.thread?.url ? safeUrl(input.thread.url) : undefined;
  const site = page ? ` (${new URL(page).host})` : '';
  const what = input.thread ? `new comments on ${quote(input.thread.title)}${site}` : 'new posts';
  const text = `Someone, hopefully you, asked to receive emails about ${what} at this address.

To confirm, open this link and press Confirm:
${confirm}

If it was not you, ignore this email: nothing more will be sent unless you confirm.
Never email me about these comments again: ${stopAll}
`;
  const html = htmlDocument(`<p>Someone, hopefully you, asked to receive emails about ${escapeHtml(what)} at this address.</p>
<p><a href="${escapeHtml(confirm)}">Confirm your email address</a></p>
<p>If it was not you, ignore this email: nothing more will be sent unless you confirm.</p>
<hr><p style="font-size:small;color:#555"><a href="${escapeHtml(stopAll)}">Never email me about these comments again</a></p>`);
  return {to: input.to, subject: 'Please confirm your email for comment notifications', text, html, headers: unsubscribeHeaders(stopAll)};
}

export interface CommentMailInput {
  to: string;
  author: string;
  text: string;
  threadTitle: string;
  threadUrl: string | null;
  commentId: string;
  /** The recipient wrote the comment this one answers. */
  isReplyToRecipient: boolean;
  subscriptionToken: string;
  addressToken: string;
  links: Links;
}

export function commentMail(input: CommentMailInput): OutgoingMail {
  const unsubscribe = link(input.links, 'unsubscribe', input.subscriptionToken);
  const stopAll = link(input.links, 'unsubscribe', input.addressToken);
  const page = input.threadUrl ? safeUrl(input.threadUrl) : undefined;
  const permalink = page ? `${page.split('#')[0]}#comment-${encodeURIComponent(input.commentId)}` : undefined;
  const author = input.author.trim() || 'Someone';
  const where = quote(input.threadTitle);
  const subject = subjectLine(input.isReplyToRecipient ? `${author} replied to your comment on ${where}` : `New comment on ${where} by ${author}`);
  const lead = input.isReplyToRecipient ? `${author} replied to your comment on ${where}:` : `${author} commented on ${where}:`;
  const reason = `You get this because you asked to be notified of new comments on ${where}.`;
  const text = `${lead}\n\n${input.text}\n\n${permalink ? `Read it and reply: ${permalink}\n` : ''}${footerText(reason, unsubscribe, stopAll)}`;
  const html = htmlDocument(`<p>${escapeHtml(lead)}</p>
<blockquote style="margin:0;padding-inline-start:1em;border-inline-start:3px solid #ccc">${paragraphsHtml(input.text)}</blockquote>
${permalink ? `<p><a href="${escapeHtml(permalink)}">Read it and reply</a></p>` : ''}
${footerHtml(reason, unsubscribe, stopAll)}`);
  return {to: input.to, subject, text, html, headers: unsubscribeHeaders(unsubscribe)};
}

export function postMail(input: {
  to: string;
  title: string;
  url: string;
  excerpt: string;
  subscriptionToken: string;
  addressToken: string;
  links: Links;
}): OutgoingMail {
  const unsubscribe = link(input.links, 'unsubscribe', input.subscriptionToken);
  const stopAll = link(input.links, 'unsubscribe', input.addressToken);
  const url = safeUrl(input.url);
  const reason = 'You get this because you asked to be notified of new posts.';
  const text = `New post: ${input.title}\n\n${input.excerpt ? `${input.excerpt}\n\n` : ''}${url ? `Read it: ${url}\n` : ''}${footerText(reason, unsubscribe, stopAll)}`;
  const html = htmlDocument(`<h1 style="font-size:1.3em">${escapeHtml(input.title)}</h1>
${input.excerpt ? paragraphsHtml(input.excerpt) : ''}
${url ? `<p><a href="${escapeHtml(url)}">Read it</a></p>` : ''}
${footerHtml(reason, unsubscribe, stopAll)}`);
  return {to: input.to, subject: subjectLine(`New post: ${input.title}`), text, html, headers: unsubscribeHeaders(unsubscribe)};
}
