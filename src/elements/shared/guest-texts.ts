import {msg} from '@lit/localize';

/**
 * The words around a guest's name, email and website, shared by `<comment-form>` and a
 * standalone `<login-choice>` so that the two read the same.
 */
export const guestTexts = {
  emailHint: () => msg('Your email address will never be made public.', {id: 'form.hint.email'}),
  requiredHint: () => msg('Required fields are marked *', {id: 'form.hint.required'}),
  name: () => msg('Name', {id: 'form.label.name'}),
  email: () => msg('Email', {id: 'form.label.email'}),
  website: () => msg('Website', {id: 'form.label.website'}),
};
