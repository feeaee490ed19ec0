import {msg, str} from '@lit/localize';
import {html, type TemplateResult} from 'lit';
import type {AdapterCapabilities, NewComment} from '../../core/adapter.js';
import {isolate} from '../../i18n/isolate.js';

/**
 * The address a guest must now confirm, when the post just stored asked for email
 * notifications from a backend that mails a confirmation link first. The backend does not
 * say whether the address was confirmed before (that would let anyone probe addresses),
 * so the notice is worded for either case.
 */
export function addressToConfirm(input: NewComment, capabilities: AdapterCapabilities): string | undefined {
  const asked = input.notify?.comments === true || input.notify?.posts === true;
  const email = input.guest?.email.trim();
  return asked && email && capabilities.confirmsNotificationEmail ? email : undefined;
}

export function confirmationMessage(email: string): string {
  return msg(str`If this is the first time you asked for email here, check ${isolate(email)} for a link to confirm it: notifications start once you click it.`, {
    id: 'form.notify-confirm',
  });
}

/**
 * The notice under the form until dismissed. It is read out together with "Comment posted"
 * by the page's announcer (an inline reply form may be gone a moment later), so it is no
 * live region itself: two would say it twice.
 */
export function confirmationNotice(email: string, dismiss: () => void): TemplateResult {
  return html`<div part="notify-notice" class="notify-notice">
    <p id="notify-notice-text">${confirmationMessage(email)}</p>
    <button part="notify-notice-dismiss" class="button" type="button" aria-describedby="notify-notice-text" @click=${dismiss}>
      ${msg('Dismiss', {id: 'form.notify-confirm.dismiss'})}
    </button>
  </div>`;
}
