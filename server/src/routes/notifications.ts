import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {confirmAddress, lookUpToken, unsubscribe, type TokenTarget} from '../notify/actions.js';
import {escapeHtml} from '../html.js';

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
    if (!token || target?.kind !== 'confirm') return page(c, 404, 'Link expired', expiredText);
    return page(
      c,
      200,
      'Confirm your email',
      `<p>Send comment notifications to <strong>${escapeHtml(target.address)}</strong>?</p>${button('confirm', token, 'Confirm')}`,
    );
  });

  app.post('/notifications/confirm', async (c) => {
    const token = tokenOf(c);
    if (!token || !(await confirmAddress(c.var.deps.db, token))) return page(c, 404, 'Link expired', expiredText);
    return page(c, 200, 'Email confirmed', '<p>Thank you: you will get the notifications you asked for. Every email has a link to stop them.</p>');
  });

  app.get('/notifications/unsubscribe', async (c) => {
    const token = tokenOf(c);
    const target = token ? await lookUpToken(c.var.deps.db, token) : undefined;
    if (!token || !target || target.kind === 'confirm') return page(c, 404, 'Unknown link', unknownText);
    if (isDone(target)) return page(c, 200, 'Unsubscribed', doneText(target));
    return page(c, 200, 'Unsubscribe', `<p>${escapeHtml(question(target))}</p>${button('unsubscribe', token, 'Unsubscribe')}`);
  });

  app.post('/notifications/unsubscribe', async (c) => {
    const token = tokenOf(c);
    const {db} = c.var.deps;
    if (!token || !(await unsubscribe(db, token))) return page(c, 404, 'Unknown link', unknownText);
    const target = await lookUpToken(db, token);
    return page(c, 200, 'Unsubscribed', target ? doneText(target) : '<p>You will get no more of these emails.</p>');
  });

  return app;
}

const expiredText = '<p>This confirmation link has expired or was already used. Tick the notification box again when you next comment to get a new one.</p>';
const unknownText = '<p>This link is not known here. It may be incomplete: open it straight from the email.</p>';

function tokenOf(c: Context<AppEnv>): string | undefined {
  const token = c.req.query('token');
  return token && TOKEN.test(token) ? token : undefined;
}

function isDone(target: TokenTarget): boolean {
  return (target.kind === 'subscription' && !target.active) || (target.kind === 'address' && target.suppressed);
}

function question(target: TokenTarget): string {
  if (target.kind === 'address') return `Stop all email about these comments to ${target.address}?`;
  if (target.kind === 'subscription' && target.what === 'posts') return `Stop emails about new posts to ${target.address}?`;
  const title = target.kind === 'subscription' && target.threadTitle ? `“${target.threadTitle}”` : 'this conversation';
  return `Stop emails about new comments on ${title} to ${target.address}?`;
}

function doneText(target: TokenTarget): string {
  if (target.kind === 'address') return `<p>Done: no more email about these comments will be sent to ${escapeHtml(target.address)}.</p>`;
  return `<p>Done: you are unsubscribed. Other notifications you asked for continue; every email has its own link.</p>`;
}

function button(action: 'confirm' | 'unsubscribe', token: string, label: string): string {
  return `<form method="post" action="${action}?token=${encodeURIComponent(token)}"><button type="submit">${escapeHtml(label)}</button></form>`;
}

/** A small standalone page: nothing from outside, nothing that runs, never cached or indexed. */
function page(c: Context<AppEnv>, status: 200 | 404, title: string, body: string): Response {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  return c.html(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>:root{color-scheme:light dark}body{font-family:system-ui,sans-serif;line-height:1.5;max-width:36em;margin:3em auto;padding:0 1em}
button{font:inherit;padding:.6em 1.4em;min-block-size:44px;cursor:pointer}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    status,
  );
}
