// What a stored comment and thread look like to one reader: the core types the elements
// render, the reader's permissions, and the checks a new comment must pass. Pure functions
// of the stored data and the adapter's rules.
import type {NewComment} from '../../core/adapter.js';
import {CommentError, type CommentField} from '../../core/errors.js';
import type {Comment, Session, ThreadInfo} from '../../core/types.js';
import {isHttpUrl} from './grant.js';
import {messages} from './messages.js';
import type {StoredComment, StoredThread} from './seed.js';

/** Who is reading: their key (`user:…` or `guest:…`), whether they moderate, and when. */
export interface Reader {
  key: string;
  moderator: boolean;
  now: number;
}

/** The adapter's rules, from its options. */
export interface ThreadRules {
  guests: boolean;
  maxLength: number;
  editWindowSeconds: number;
  reactions: readonly string[];
}

export function permissions(stored: StoredComment, thread: StoredThread, reader: Reader, rules: ThreadRules): Comment['viewerCan'] {
  const mine = stored.authorKey === reader.key;
  const live = stored.status !== 'deleted';
  const windowMs = rules.editWindowSeconds * 1000;
  const editableUntil = Date.parse(stored.createdAt) + windowMs;
  const canEdit = live && windowMs > 0 && ((mine && reader.now < editableUntil) || reader.moderator);
  return {
    reply: thread.open && stored.status === 'approved',
    edit: canEdit,
    delete: live && (mine || reader.moderator),
    ...(reader.moderator && live ? {moderate: true} : {}),
    ...(canEdit && !reader.moderator ? {editableUntil: new Date(editableUntil).toISOString()} : {}),
  };
}

export function toComment(stored: StoredComment, thread: StoredThread, replyCount: number, reader: Reader, rules: ThreadRules): Comment {
  const deleted = stored.status === 'deleted';
  const reactions = rules.reactions.map((key) => {
    const people = stored.reactedBy?.[key] ?? [];
    return {key, count: (stored.reactions?.[key] ?? 0) + people.length, viewerReacted: people.includes(reader.key)};
  });
  return {
    id: stored.id,
    parentId: stored.parentId,
    author: {
      ...(stored.author.id ? {id: stored.author.id} : {}),
      name: deleted ? '' : stored.author.name,
      ...(!deleted && stored.author.avatarUrl ? {avatarUrl: stored.author.avatarUrl} : {}),
      ...(!deleted && stored.author.profileUrl ? {profileUrl: stored.author.profileUrl} : {}),
      isViewer: stored.authorKey !== undefined && stored.authorKey === reader.key,
      isModerator: Boolean(stored.author.isModerator),
    },
    createdAt: stored.createdAt,
    ...(stored.editedAt ? {editedAt: stored.editedAt} : {}),
    content: deleted
      ? {kind: 'text', value: ''}
      : stored.html !== undefined
        ? {kind: 'html', value: stored.html}
        : {kind: 'text', value: stored.text ?? ''},
    // Spam is never listed; a change that reaches a listener as it happens reads as gone.
    status: stored.status === 'spam' ? 'deleted' : stored.status,
    ...(thread.url ? {permalink: `${thread.url}#comment-${stored.id}`} : {}),
    replyCount,
    ...(reactions.length > 0 ? {reactions} : {}),
    viewerCan: permissions(stored, thread, reader, rules),
  };
}

export function threadInfo(thread: StoredThread, visible: readonly StoredComment[], rules: ThreadRules): ThreadInfo {
  return {
    id: thread.id,
    title: thread.title,
    ...(thread.url ? {url: thread.url} : {}),
    totalCount: visible.filter((comment) => comment.status !== 'deleted').length,
    posting: {
      open: thread.open,
      guests: {allowed: rules.guests, requireName: true, requireEmail: true},
      maxLength: rules.maxLength,
      notifications: {comments: true, posts: true},
    },
  };
}

/** Throws the `invalid` (or `closed`, `unauthorized`) error a backend would for this new comment. */
export function validate(
  input: NewComment,
  thread: StoredThread,
  session: Session | null,
  rules: ThreadRules,
  isVisible: (comment: StoredComment) => boolean,
) {
  if (!thread.open) throw new CommentError('closed', messages.closed());
  if (!session && !rules.guests) {
    throw new CommentError('unauthorized', messages.signInRequired());
  }
  const fieldErrors: Partial<Record<CommentField, string>> = {};
  const text = input.text.trim();
  if (!text) fieldErrors.text = messages.emptyText();
  else if (text.length > rules.maxLength) {
    fieldErrors.text = messages.tooLong();
  }
  if (!session) {
    const guest = input.guest;
    if (!guest?.name.trim()) fieldErrors.name = messages.nameMissing();
    if (!guest?.email.trim()) fieldErrors.email = messages.emailMissing();
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(guest.email.trim())) {
      fieldErrors.email = messages.emailInvalid();
    }
    if (guest?.website?.trim() && !isHttpUrl(guest.website.trim())) {
      fieldErrors.website = messages.websiteInvalid();
    }
  }
  if (input.parentId !== null) {
    const parent = thread.comments.find((comment) => comment.id === input.parentId);
    if (!parent || !isVisible(parent) || parent.status === 'deleted') {
      fieldErrors.parent = messages.parentMissing();
    }
  }
  const first = Object.values(fieldErrors)[0];
  if (first) throw new CommentError('invalid', first, {fieldErrors});
}

/** The check an edit's text must pass. */
export function checkLength(text: string, rules: ThreadRules) {
  if (text.length > rules.maxLength) {
    const message = messages.tooLong();
    throw new CommentError('invalid', message, {fieldErrors: {text: message}});
  }
}
