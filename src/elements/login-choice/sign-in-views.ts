// What <login-choice> shows around a sign-in: the provider icons, the email link's
// address field, "Connecting to …" and the signed-in line. Templates only; the element
// keeps the state and passes in what they show and what their buttons do.
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {Session, SignInProvider} from '../../core/types.js';
import {isolate} from '../../i18n/isolate.js';
import {avatar} from '../shared/avatar-template.js';
import {initialsOf} from '../shared/initials.js';
import {builtInProviderIcon, safeIconUrl} from './provider-icons.js';

export const linkSentText = (email: string) =>
  msg(str`We sent a sign-in link to ${isolate(email)}. Open it to sign in.`, {id: 'login.email.sent'});

export const connectingText = (provider: string) => {
  const name = isolate(provider);
  return msg(str`Connecting to ${name}…`, {id: 'login.connecting'});
};

export function renderProviderIcon(provider: SignInProvider, locale: string): TemplateResult {
  const url = safeIconUrl(provider.iconUrl);
  if (url) return html`<img part="provider-icon" class="provider-icon" src=${url} alt="" width="24" height="24" referrerpolicy="no-referrer" />`;
  const icon = builtInProviderIcon(provider.id);
  if (icon) {
    return html`<svg part="provider-icon" class="provider-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${icon}</svg>`;
  }
  return html`<span part="provider-icon" class="provider-icon initial" aria-hidden="true">${initialsOf(provider.name, locale).slice(0, 1)}</span>`;
}

/** The email provider's one field: where to send the link (the guest email typed so far). */
export function renderEmailField(email: string, sending: boolean, onSubmit: (event: SubmitEvent) => void): TemplateResult {
  return html`<form part="email-link-form" class="email-link-form" @submit=${onSubmit}>
    <label part="label" for="sign-in-email">${msg('Email for a sign-in link', {id: 'login.email.label'})}</label>
    <input
      part="email-link-input"
      id="sign-in-email"
      type="email"
      autocomplete="email"
      required
      maxlength="254"
      .value=${email}
      ?disabled=${sending}
    />
    <button part="email-link-button" class="button" type="submit" ?disabled=${sending}>
      ${msg('Send me a sign-in link', {id: 'login.email.send'})}
    </button>
  </form>`;
}

export function renderConnecting(text: string, onCancel: () => void): TemplateResult {
  return html`<div part="connecting" class="connecting">
    <span class="spinner" aria-hidden="true"></span>
    <p class="connecting-text">${text}</p>
    <button type="button" part="cancel-button" class="button" @click=${onCancel}>${msg('Cancel', {id: 'login.cancel'})}</button>
  </div>`;
}

export interface SignedInView {
  session: Session;
  providerName: string;
  locale: string;
  /** Avatars that did not load; initials stand in for them. */
  failedAvatars: ReadonlySet<string>;
  onAvatarError(url: string): void;
  errorMessage: string;
  /** Log Out (`change` false) or Change (true: log out and choose again). */
  onLogOut(change: boolean): Promise<void>;
}

export function renderSignedIn(view: SignedInView): TemplateResult {
  const provider = isolate(view.providerName);
  const {viewer} = view.session;
  const linkButton = (part: string, label: string, change: boolean) =>
    html`<button type="button" part=${part} class="link-button" @click=${() => void view.onLogOut(change)}>${label}</button>`;
  const logOut = linkButton('sign-out-button', msg('Log Out', {id: 'login.logOut'}), false);
  const change = linkButton('change-button', msg('Change', {id: 'login.change'}), true);
  return html`<div part="signed-in" class="signed-in" tabindex="-1" role="group" aria-labelledby="viewer-name">
    ${avatar(viewer.name, viewer.avatarUrl, view.locale, view.failedAvatars, view.onAvatarError)}
    <div class="signed-in-text">
      <strong id="viewer-name" class="viewer-name">${viewer.name}</strong>
      <p>
        ${msg(str`You are commenting using your ${provider} account.`, {id: 'login.signedIn'})}
        <span class="actions">(${logOut}<span aria-hidden="true"> / </span>${change})</span>
      </p>
      ${view.errorMessage ? html`<p part="error" class="error">${view.errorMessage}</p>` : nothing}
    </div>
  </div>`;
}
