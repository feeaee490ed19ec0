import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import type {PostingPolicy, Viewer} from '../../core/types.js';
import {isolate} from '../../i18n/isolate.js';

/** What the form knows of who is commenting. */
export interface IdentityView {
  adapter: CommentAdapter | undefined;
  guestRules: PostingPolicy['guests'];
  /** Who is signed in, if anyone. */
  viewer: Viewer | undefined;
  /** Nobody is signed in and the thread takes no guests. */
  needsSignIn: boolean;
  /** Nobody is signed in and the thread takes guests: their fields are shown. */
  asksGuestIdentity: boolean;
  /** The guest fields, for the slot of `<login-choice>` they go in, if any. */
  guestFields(slot?: string): TemplateResult;
  signInButton: TemplateResult;
  /** A sign-in is about to leave the page: the draft is saved first. */
  leaving(): void;
  signedIn(): void;
}

/**
 * "Your details": with a backend Colloquy can sign in to, the `<login-choice>` panel with
 * the guest fields inside it ("Fill in your details below or click an icon to log in");
 * otherwise who is signed in, the page's own sign-in slot, and the guest fields.
 */
export function identitySection(view: IdentityView): TemplateResult {
  const label = msg('Your details', {id: 'form.identity'});
  if (view.adapter?.capabilities.signIn) {
    return html`<section part="identity" class="identity" aria-label=${label}>
      <login-choice
        exportparts="choice, providers, provider-button, provider-icon, connecting, cancel-button: sign-in-cancel-button, email-link-form, email-link-input, email-link-button, signed-in, avatar, sign-out-button, change-button, error: sign-in-error"
        .adapter=${view.adapter}
        .guestPolicy=${view.guestRules}
        @login-redirect=${view.leaving}
        @login-success=${view.signedIn}
        >${view.asksGuestIdentity ? view.guestFields('guest-fields') : nothing}</login-choice
      >
    </section>`;
  }
  const viewer = view.viewer;
  return html`
    <section part="identity" class="identity" aria-label=${label}>
      ${viewer
        ? html`<p class="signed-in">${msg(str`Commenting as ${isolate(viewer.name)}`, {id: 'form.signed-in-as'})}</p>`
        : nothing}
      ${view.needsSignIn ? html`<p>${msg('Sign in to leave a comment.', {id: 'form.sign-in-required'})}</p>` : nothing}
      <slot name="sign-in">${view.needsSignIn ? view.signInButton : nothing}</slot>
      ${view.asksGuestIdentity ? view.guestFields() : nothing}
    </section>
  `;
}
