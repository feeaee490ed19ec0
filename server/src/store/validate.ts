import type {ServerConfig} from '../config.js';
import {invalid, invalidField, message, type ErrorText, type Field} from '../errors.js';
import {safeUrl} from '../render.js';

export interface PostInput {
  text: string;
  parentId: string | null;
  guest?: {name: string; email?: string; website?: string};
  thread?: {title?: string; url?: string};
  /** The form's "Notify me of new comments / posts via email" boxes; absent when neither is ticked. */
  notify?: {comments: boolean; posts: boolean};
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{1,63}$/;

/** A POST body checked member by member; every problem found is reported at once, by field. */
export function readPostInput(body: Record<string, unknown>, config: ServerConfig, needsGuest: boolean): PostInput {
  const fields: Partial<Record<Field, ErrorText>> = {};
  const textIssue = textProblem(body['text'], config);
  if (textIssue) fields.text = textIssue;
  const parentRaw = body['parentId'];
  if (parentRaw !== undefined && parentRaw !== null && (typeof parentRaw !== 'string' || parentRaw === '' || parentRaw.length > 200)) {
    fields.parent = 'error.parent-invalid';
  }
  let guest: PostInput['guest'];
  if (needsGuest) {
    const raw = body['guest'];
    const g = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const name = typeof g['name'] === 'string' ? g['name'].trim() : '';
    if (!name) fields.name = 'error.name-missing';
    else if (name.length > config.maxNameLength) fields.name = message('error.name-too-long', {count: config.maxNameLength});
    const email = typeof g['email'] === 'string' ? g['email'].trim() : '';
    if (g['email'] !== undefined && typeof g['email'] !== 'string') fields.email = 'error.email-invalid';
    else if (email && (email.length > 254 || !EMAIL.test(email))) fields.email = 'error.email-invalid';
    const website = typeof g['website'] === 'string' ? g['website'].trim() : '';
    if (g['website'] !== undefined && typeof g['website'] !== 'string') fields.website = 'error.website-invalid';
    else if (website && (website.length > 500 || !safeUrl(website))) fields.website = 'error.website-invalid';
    guest = {name, ...(email ? {email} : {}), ...(website ? {website: safeUrl(website)!} : {})};
  }
  if (Object.keys(fields).length) throw invalid(Object.values(fields)[0]!, fields);
  const notifyRaw = typeof body['notify'] === 'object' && body['notify'] !== null ? (body['notify'] as Record<string, unknown>) : {};
  const notify = {comments: notifyRaw['comments'] === true, posts: notifyRaw['posts'] === true};
  const thread = typeof body['thread'] === 'object' && body['thread'] !== null ? (body['thread'] as Record<string, unknown>) : {};
  const title = typeof thread['title'] === 'string' ? thread['title'].trim().slice(0, 300) : undefined;
  const url = typeof thread['url'] === 'string' && thread['url'].length <= 2000 ? safeUrl(thread['url']) : undefined;
  return {
    text: (body['text'] as string).replace(/\r\n?/g, '\n'),
    parentId: typeof parentRaw === 'string' ? parentRaw : null,
    ...(guest ? {guest} : {}),
    thread: {...(title ? {title} : {}), ...(url ? {url} : {})},
    ...(notify.comments || notify.posts ? {notify} : {}),
  };
}

/** What is wrong with a comment's text, or undefined when it can be stored. */
export function textProblem(raw: unknown, config: ServerConfig): ErrorText | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return 'error.text-missing';
  if (raw.length > config.maxTextLength) return message('error.text-too-long', {count: config.maxTextLength});
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(raw)) return 'error.text-control';
  return undefined;
}

/** The text to store (line breaks made uniform), or an `invalid` error for `text`. */
export function readText(raw: unknown, config: ServerConfig): string {
  const problem = textProblem(raw, config);
  if (problem) throw invalidField('text', problem);
  return (raw as string).replace(/\r\n?/g, '\n');
}

export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length;
}
