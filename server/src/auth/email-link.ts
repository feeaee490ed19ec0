import type {Mailer} from '../mail/mailer.js';
import {emailDocument, escapeHtml} from '../html.js';
import type {Translator} from '../i18n/translate.js';

/**
 * The sign-in email: one link, both forms, nothing from the request but the address, in
 * the language of the request that asked for it (`t`).
 */
export async function sendSignInLink(mailer: Mailer, t: Translator, to: string, link: string, siteOrigin: string, minutes: number): Promise<void> {
  const site = new URL(siteOrigin).host;
  const validity = t.text('sign-in-mail.validity', {count: minutes});
  await mailer.send({
    to,
    subject: t.text('sign-in-mail.subject', {site}),
    text:
      `${t.text('sign-in-mail.intro', {site})}\n\n` +
      `${t.text('sign-in-mail.open')}\n${link}\n${validity}\n\n` +
      `${t.text('sign-in-mail.ignore')}\n`,
    html: emailDocument(
      t,
      `<p>${t.html('sign-in-mail.intro', {site})}</p>` +
        `<p><a href="${escapeHtml(link)}">${t.html('sign-in-mail.button')}</a></p><p>${escapeHtml(validity)}</p>` +
        `<p>${t.html('sign-in-mail.ignore')}</p>`,
    ),
    headers: {'Auto-Submitted': 'auto-generated'},
  });
}
