import {emailDocument, escapeHtml} from '../html.js';
import type {MessageId} from '../i18n/messages.js';
import {quotedTitle, type Translator} from '../i18n/translate.js';
import type {OutgoingMail} from '../mail/mailer.js';
import {safeUrl} from '../render.js';

/**
 * The emails, each in plain text and HTML. Everything that came from a person (names,
 * comment text, titles, excerpts, addresses) goes into the HTML through `escapeHtml` only,
 * and links only through `safeUrl` (http and https). Each is written in the recipient's
 * language (`t`), chosen when the address subscribed.
 */

/** A subject line cannot carry line breaks (header injection) or run on forever. */
function subjectLine(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > 150 ? `${flat.slice(0, 149)}…` : flat;
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

function footerText(t: Translator, reason: string, unsubscribe: string, stopAll: string): string {
  return `\n-- \n${reason}\n${labelled(t, 'mail.unsubscribe', unsubscribe)}\n${labelled(t, 'mail.stop-all', stopAll)}\n`;
}

/** "Label: https://…", one line of a plain-text email, punctuated as the language does. */
function labelled(t: Translator, label: MessageId, value: string): string {
  return t.text('common.labelled', {label: t.text(label), value});
}

function footerHtml(t: Translator, reason: string, unsubscribe: string, stopAll: string): string {
  return `<hr><p style="font-size:small;color:#555">${escapeHtml(reason)}<br>
<a href="${escapeHtml(unsubscribe)}">${t.html('mail.unsubscribe')}</a> · <a href="${escapeHtml(stopAll)}">${t.html('mail.stop-all')}</a></p>`;
}

function paragraphsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function confirmationMail(input: {
  t: Translator;
  to: string;
  /** The thread whose comments were asked for; null when only new posts were. */
  thread: {title: string; url: string | null} | null;
  secret: string;
  addressToken: string;
  links: Links;
}): OutgoingMail {
  const {t} = input;
  const confirm = link(input.links, 'confirm', input.secret);
  const stopAll = link(input.links, 'unsubscribe', input.addressToken);
  const page = input.thread?.url ? safeUrl(input.thread.url) : undefined;
  const site = page ? ` (${new URL(page).host})` : '';
  const intro = input.thread ? t.text('mail.confirm-thread', {title: quotedTitle(t, input.thread.title) + site}) : t.text('mail.confirm-posts');
  const text = `${intro}

${t.text('mail.confirm-open')}
${confirm}

${t.text('mail.confirm-ignore')}
${labelled(t, 'mail.never-again', stopAll)}
`;
  const html = emailDocument(t, `<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(confirm)}">${t.html('mail.confirm-button')}</a></p>
<p>${t.html('mail.confirm-ignore')}</p>
<hr><p style="font-size:small;color:#555"><a href="${escapeHtml(stopAll)}">${t.html('mail.never-again')}</a></p>`);
  return {to: input.to, subject: subjectLine(t.text('mail.confirm-subject')), text, html, headers: unsubscribeHeaders(stopAll)};
}

export interface CommentMailInput {
  t: Translator;
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
  const {t} = input;
  const unsubscribe = link(input.links, 'unsubscribe', input.subscriptionToken);
  const stopAll = link(input.links, 'unsubscribe', input.addressToken);
  const page = input.threadUrl ? safeUrl(input.threadUrl) : undefined;
  const permalink = page ? `${page.split('#')[0]}#comment-${encodeURIComponent(input.commentId)}` : undefined;
  const values = {author: input.author.trim() || t.text('mail.someone'), title: quotedTitle(t, input.threadTitle)};
  const subject = subjectLine(t.text(input.isReplyToRecipient ? 'mail.reply-subject' : 'mail.comment-subject', values));
  const lead = t.text(input.isReplyToRecipient ? 'mail.reply-lead' : 'mail.comment-lead', values);
  const reason = t.text('mail.comment-reason', values);
  const text = `${lead}\n\n${input.text}\n\n${permalink ? `${labelled(t, 'mail.read-and-reply', permalink)}\n` : ''}${footerText(t, reason, unsubscribe, stopAll)}`;
  const html = emailDocument(t, `<p>${escapeHtml(lead)}</p>
<blockquote style="margin:0;padding-inline-start:1em;border-inline-start:3px solid #ccc">${paragraphsHtml(input.text)}</blockquote>
${permalink ? `<p><a href="${escapeHtml(permalink)}">${t.html('mail.read-and-reply')}</a></p>` : ''}
${footerHtml(t, reason, unsubscribe, stopAll)}`);
  return {to: input.to, subject, text, html, headers: unsubscribeHeaders(unsubscribe)};
}

export function postMail(input: {
  t: Translator;
  to: string;
  title: string;
  url: string;
  excerpt: string;
  subscriptionToken: string;
  addressToken: string;
  links: Links;
}): OutgoingMail {
  const {t} = input;
  const unsubscribe = link(input.links, 'unsubscribe', input.subscriptionToken);
  const stopAll = link(input.links, 'unsubscribe', input.addressToken);
  const url = safeUrl(input.url);
  const reason = t.text('mail.post-reason');
  const heading = t.text('mail.post-subject', {title: input.title});
  const text = `${heading}\n\n${input.excerpt ? `${input.excerpt}\n\n` : ''}${url ? `${labelled(t, 'mail.read-post', url)}\n` : ''}${footerText(t, reason, unsubscribe, stopAll)}`;
  const html = emailDocument(t, `<h1 style="font-size:1.3em">${escapeHtml(input.title)}</h1>
${input.excerpt ? paragraphsHtml(input.excerpt) : ''}
${url ? `<p><a href="${escapeHtml(url)}">${t.html('mail.read-post')}</a></p>` : ''}
${footerHtml(t, reason, unsubscribe, stopAll)}`);
  return {to: input.to, subject: subjectLine(heading), text, html, headers: unsubscribeHeaders(unsubscribe)};
}
