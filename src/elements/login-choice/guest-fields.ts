// The guest side of <login-choice>: the rules (who may comment as a guest, what they must
// fill in), the details remembered for the tab, and the built-in fields.
import {msg} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {httpUrl} from '../../content/urls.js';
import type {GuestIdentity, PostingPolicy} from '../../core/types.js';
import {RememberedGuest} from '../../drafts/remembered-guest.js';
import {guestTexts} from '../shared/guest-texts.js';

/** Whether guests may comment, and what they must fill in. */
export type GuestMode = 'required' | 'optional' | 'off';

export type GuestPolicy = PostingPolicy['guests'];

export const guestPolicies: Record<GuestMode, GuestPolicy> = {
  required: {allowed: true, requireName: true, requireEmail: true},
  optional: {allowed: true, requireName: false, requireEmail: false},
  off: {allowed: false, requireName: false, requireEmail: false},
};

/** Guest details survive a reload of the tab (never localStorage: they are personal). */
export const tabGuest = new RememberedGuest(() => sessionStorage, 'colloquy:login:guest');

/** "example.com" becomes "https://example.com/"; anything not http(s) is dropped. */
export function normalizeWebsite(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return httpUrl(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

export interface GuestFieldsView {
  policy: GuestPolicy;
  guest: GuestIdentity;
  /** Set once the browser found an invalid field, so fields say so. */
  showErrors: boolean;
  onInput(field: keyof GuestIdentity, event: Event): void;
  onInvalid(): void;
}

/** The same fields, words and order as `<comment-form>`'s, for a panel used on its own. */
export function renderGuestFields({policy, guest, showErrors, onInput, onInvalid}: GuestFieldsView): TemplateResult {
  // Names take the direction of what is typed; addresses are left to right in any language.
  const field = (
    key: keyof GuestIdentity,
    label: string,
    attributes: {type: string; inputmode?: string; autocomplete: string; required: boolean; hint?: string},
  ) => html`<div class="field">
    <label part="label" for=${`guest-${key}`}>
      ${label} ${attributes.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}
    </label>
    <input
      id=${`guest-${key}`}
      part="input"
      name=${key}
      type=${attributes.type}
      inputmode=${attributes.inputmode ?? nothing}
      autocomplete=${attributes.autocomplete}
      dir=${key === 'name' ? 'auto' : 'ltr'}
      ?required=${attributes.required}
      aria-describedby=${attributes.hint ?? nothing}
      class=${showErrors ? 'checked' : ''}
      .value=${guest[key] ?? ''}
      @input=${(event: Event) => onInput(key, event)}
      @invalid=${onInvalid}
    />
  </div>`;
  return html`<fieldset part="guest-fields" class="guest-fields">
    <legend class="visually-hidden">${msg('Your details', {id: 'login.guest.legend'})}</legend>
    <p id="guest-email-hint" part="hint" class="hint">
      ${guestTexts.emailHint()} ${policy.requireName || policy.requireEmail ? guestTexts.requiredHint() : nothing}
    </p>
    ${field('name', guestTexts.name(), {type: 'text', autocomplete: 'name', required: policy.requireName})}
    ${field('email', guestTexts.email(), {
      type: 'email',
      autocomplete: 'email',
      required: policy.requireEmail,
      hint: 'guest-email-hint',
    })}
    ${field('website', guestTexts.website(), {
      // Not type=url: people type "example.com", which that type rejects.
      type: 'text',
      inputmode: 'url',
      autocomplete: 'url',
      required: false,
    })}
  </fieldset>`;
}
