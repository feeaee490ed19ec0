import type {Mailer} from '../mail/mailer.js';
import {escapeHtml} from '../html.js';

/** The sign-in email: one link, both forms, nothing from the request but the address. */
export async function sendSignInLink(mailer: Mailer, to: string, link: string, siteOrigin: string, minutes: number): Promise<void> {
  const site = new URL(siteOrigin).host;
  await mailer.send({
    to,
    subject: `Your sign-in link for comments on ${site}`,
    text:
      `Someone (hopefully you) asked to sign in to comment on ${site} with this address.\n\n` +
      `Open this link to sign in; it works once, for ${minutes} minutes:\n${link}\n\n` +
      'If it was not you, ignore this email: nothing happens without the link.\n',
    html:
      `<p>Someone (hopefully you) asked to sign in to comment on ${escapeHtml(site)} with this address.</p>` +
      `<p><a href="${escapeHtml(link)}">Sign in</a> (the link works once, for ${minutes} minutes).</p>` +
      '<p>If it was not you, ignore this email: nothing happens without the link.</p>',
    headers: {'Auto-Submitted': 'auto-generated'},
  });
}
