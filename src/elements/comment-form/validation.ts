import {msg} from '@lit/localize';
import {httpUrl} from '../../content/urls.js';
import type {CommentField} from '../../core/errors.js';
import type {GuestIdentity, PostingPolicy} from '../../core/types.js';

/**
 * What must be fixed before a comment is sent, by field, in the words shown under it: the
 * text (empty, or `tooLong`'s message), and a guest's details when `guest` is asked for.
 */
export function validateComment(
  text: string,
  tooLong: string | undefined,
  guest?: {identity: GuestIdentity; rules: PostingPolicy['guests']},
): Partial<Record<CommentField, string>> {
  const problems: Partial<Record<CommentField, string>> = {};
  if (!text.trim()) problems.text = msg('Please type your comment.', {id: 'form.invalid.text'});
  else if (tooLong) problems.text = tooLong;
  if (!guest) return problems;
  const {requireName, requireEmail} = guest.rules;
  const {name, email, website = ''} = guest.identity;
  if (requireName && !name.trim()) problems.name = msg('Please fill in your name.', {id: 'form.invalid.name'});
  if (requireEmail && !email.trim()) problems.email = msg('Please fill in your email address.', {id: 'form.invalid.email'});
  else if (email.trim() && !looksLikeEmail(email.trim())) {
    problems.email = msg('Please enter a valid email address.', {id: 'form.invalid.email-format'});
  }
  if (website.trim() && !httpUrl(website)) {
    problems.website = msg('Please enter a web address starting with http:// or https://.', {id: 'form.invalid.website'});
  }
  return problems;
}

function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
