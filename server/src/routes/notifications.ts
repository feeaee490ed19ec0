import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {confirmAddress, lookUpToken, unsubscribe, type TokenTarget} from '../notify/actions.js';
import {documentStart, escapeHtml} from '../html.js';
import type {MessageId} from '../i18n/messages.js';
import {answerIn, Markup, quotedTitle, type Translator} from '../i18n/translate.js';

const TOKEN = /^[acs]_[A-Za-z0-9_-]{16,64}$/;

/**
 * The pages behind the links in emails. A GET never changes anything, because mail
 * scanners and link previews open links nobody clicked: it shows a page with one button,
 * and the button POSTs. `POST /notifications/unsubscribe?token=…` is also RFC 8058's
 * one-click unsubscribe, sent by mail clients from the `List-Unsubscribe` header.
 */
export function notificationRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/notifications/confirm', async (c) => {
    const token = tokenOf(c);
    const target = token ? await lookUpToken(c.var.deps.db, token) : undefined;
    if (!token || target?.kind !== 'confirm') return page(c, 404, 'notify-page.expired-title', paragraph(c.var.t, 'notify-page.expired'));
    const address = new Markup(`<strong>${escapeHtml(target.address)}</strong>`);
    return page(
      c,
      200,
      'notify-page.confirm-title',
      `<p>${c.var.t.html('notify-page.confirm-question', {address})}</p>${button(c.var.t, 'confirm', token, 'notify-page.confirm-button')}`,
    );
  });

  app.post('/notifications/confirm', async (c) => {
    const token = tokenOf(c);
    if (!token || !(await confirmAddress(c.var.deps.db, token))) return page(c, 404, 'notify-page.expired-title', paragraph(c.var.t, 'notify-page.expired'));
    return page(c, 200, 'notify-page.confirmed-title', paragraph(c.var.t, 'notify-page.confirmed'));
  });

  app.get('/notifications/unsubscribe', async (c) => {
    const token = tokenOf(c);
    const target = token ? await lookUpToken(c.var.deps.db, token) : undefined;
    if (!token || !target || target.kind === 'confirm') return page(c, 404, 'notify-page.unknown-title', paragraph(c.var.t, 'notify-page.unknown'));
    if (isDone(target)) return page(c, 200, 'notify-page.unsubscribed-title', doneText(c.var.t, target));
    return page(c, 200, 'notify-page.unsubscribe-title', `${question(c.var.t, target)}${button(c.var.t, 'unsubscribe', token, 'notify-page.unsubscribe-button')}`);
  });

  app.post('/notifications/unsubscribe', async (c) => {
    const token = tokenOf(c);
    const {db} = c.var.deps;
    if (!token || !(await unsubscribe(db, token))) return page(c, 404, 'notify-page.unknown-title', paragraph(c.var.t, 'notify-page.unknown'));
    const target = await lookUpToken(db, token);
    return page(c, 200, 'notify-page.unsubscribed-title', target ? doneText(c.var.t, target) : paragraph(c.var.t, 'notify-page.no-more'));
  });

  return app;
}

function tokenOf(c: Context<AppEnv>): string | undefined {
  const token = c.req.query('token');
  return token && TOKEN.test(token) ? token : undefined;
}

function isDone(target: TokenTarget): boolean {
  return (target.kind === 'subscription' && !target.active) || (target.kind === 'address' && target.suppressed);
}

function paragraph(t: Translator, id: MessageId, values?: Record<string, string>): string {
  return `<p>${t.html(id, values)}</p>`;
}

function question(t: Translator, target: Exclude<TokenTarget, {kind: 'confirm'}>): string {
  const {address} = target;
  if (target.kind === 'address') return paragraph(t, 'notify-page.stop-all-question', {address});
  if (target.what === 'posts') return paragraph(t, 'notify-page.stop-posts-question', {address});
  return paragraph(t, 'notify-page.stop-thread-question', {title: quotedTitle(t, target.threadTitle), address});
}

function doneText(t: Translator, target: TokenTarget): string {
  if (target.kind === 'address') return paragraph(t, 'notify-page.stopped-all', {address: target.address});
  return paragraph(t, 'notify-page.unsubscribed');
}

function button(t: Translator, action: 'confirm' | 'unsubscribe', token: string, label: MessageId): string {
  return `<form method="post" action="${action}?token=${encodeURIComponent(token)}"><button type="submit">${t.html(label)}</button></form>`;
}

/** A small standalone page: nothing from outside, nothing that runs, never cached or indexed. */
function page(c: Context<AppEnv>, status: 200 | 404, title: MessageId, body: string): Response {
  const t = answerIn(c, c.var.t);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  return c.html(
    `${documentStart(t)}
<title>${t.html(title)}</title>
<style>:root{color-scheme:light dark}body{font-family:system-ui,sans-serif;line-height:1.5;max-width:36em;margin:3em auto;padding:0 1em}
button{font:inherit;padding:.6em 1.4em;min-block-size:44px;cursor:pointer}</style></head>
<body><main><h1>${t.html(title)}</h1>${body}</main></body></html>`,
    status,
  );
}
