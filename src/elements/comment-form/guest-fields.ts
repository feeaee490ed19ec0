import {msg} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {CommentField} from '../../core/errors.js';
import type {GuestIdentity, NotificationChoices, PostingPolicy} from '../../core/types.js';
import {guestTexts} from '../shared/guest-texts.js';

export type GuestField = 'name' | 'email' | 'website';

/** What the Name, Email and Website fields show, and where what is typed goes. */
export interface GuestFieldsView {
  guest: GuestIdentity;
  rules: PostingPolicy['guests'];
  errors: Partial<Record<CommentField, string>>;
  /** While the comment is being sent. */
  readonly: boolean;
  rememberGuest: boolean;
  /** The slot in `<login-choice>` they go in, when the form shows one. */
  slot?: string;
  input(field: GuestField, value: string): void;
  rememberChanged(checked: boolean): void;
}

/** "Your email address will never be made public", the guest's fields and "Save my name…". */
export function guestFields(view: GuestFieldsView): TemplateResult {
  const {requireName, requireEmail} = view.rules;
  return html`
    <div part="guest-fields" class="guest-fields" slot=${ifDefined(view.slot)}>
      <p id="email-hint" part="hint" class="hint">
        ${guestTexts.emailHint()}
        ${requireName || requireEmail ? guestTexts.requiredHint() : nothing}
      </p>
      ${guestField(view, 'name', guestTexts.name(), 'text', 'name', requireName)}
      ${guestField(view, 'email', guestTexts.email(), 'email', 'email', requireEmail, 'email-hint')}
      ${guestField(view, 'website', guestTexts.website(), 'url', 'url', false)}
      <label part="remember-guest" class="checkbox">
        <input
          type="checkbox"
          name="remember-guest"
          .checked=${view.rememberGuest}
          @change=${(event: Event) => view.rememberChanged((event.target as HTMLInputElement).checked)}
        />
        ${msg('Save my name, email, and website in this browser for the next time I comment.', {id: 'form.remember-guest'})}
      </label>
    </div>
  `;
}

/** Names take the direction of what is typed; email and web addresses are always left to right. */
function guestField(
  view: GuestFieldsView,
  field: GuestField,
  label: string,
  type: string,
  autocomplete: string,
  required: boolean,
  hint?: string,
): TemplateResult {
  const error = view.errors[field];
  const describedBy = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(' ');
  return html`
    <div class="field">
      <label part="label" for=${field}>
        ${label} ${required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}
      </label>
      <input
        id=${field}
        part="${field}-input"
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        dir=${type === 'text' ? 'auto' : 'ltr'}
        .value=${view.guest[field] ?? ''}
        ?required=${required}
        ?readonly=${view.readonly}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${(event: Event) => view.input(field, (event.target as HTMLInputElement).value)}
      />
      ${error ? html`<p id="${field}-error" part="field-error" class="field-error">${error}</p>` : nothing}
    </div>
  `;
}

/** "Notify me of new comments / posts via email", as far as the backend offers them. */
export function notificationChoices(
  offered: PostingPolicy['notifications'],
  chosen: NotificationChoices,
  changed: (key: keyof NotificationChoices, checked: boolean) => void,
): TemplateResult | typeof nothing {
  if (!offered.comments && !offered.posts) return nothing;
  const checkbox = (key: keyof NotificationChoices, label: string) => html`
    <label class="checkbox">
      <input
        type="checkbox"
        name="notify-${key}"
        .checked=${chosen[key] === true}
        @change=${(event: Event) => changed(key, (event.target as HTMLInputElement).checked)}
      />
      ${label}
    </label>
  `;
  return html`
    <div part="notify" class="notify">
      ${offered.comments ? checkbox('comments', msg('Notify me of new comments via email.', {id: 'form.notify.comments'})) : nothing}
      ${offered.posts ? checkbox('posts', msg('Notify me of new posts via email.', {id: 'form.notify.posts'})) : nothing}
    </div>
  `;
}
