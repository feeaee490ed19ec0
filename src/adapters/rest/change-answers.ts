import type {Comment, Session, SignInProvider, Viewer} from '../../core/types.js';
import {unreadableError} from '../shared/http.js';
import {asId, asObject, asString, httpUrl, MAX_NAME} from '../shared/values.js';
import {mapComment} from './mapping.js';

// The answers only changes.ts reads (a stored comment, a session, the sign-in providers),
// read as field by field as a page is (mapping.ts), in the chunk that makes those calls.

/** The `comment` member of a response, or a `server` error when there is none. */
export function mapCommentResponse(raw: unknown): Comment {
  const comment = mapComment(asObject(raw)['comment']);
  if (!comment) throw unreadableError();
  return comment;
}

function mapViewer(raw: unknown): Viewer | null {
  const viewer = asObject(raw);
  const id = asId(viewer['id']);
  if (id === undefined) return null;
  const avatarUrl = httpUrl(viewer['avatarUrl']);
  const profileUrl = httpUrl(viewer['profileUrl']);
  return {
    id,
    name: asString(viewer['name']).slice(0, MAX_NAME),
    ...(avatarUrl ? {avatarUrl} : {}),
    ...(profileUrl ? {profileUrl} : {}),
    ...(viewer['isModerator'] === true ? {isModerator: true} : {}),
  };
}

export function mapSession(raw: unknown): Session | null {
  const session = asObject(raw);
  const viewer = mapViewer(session['viewer']);
  return viewer ? {viewer, providerId: asString(session['providerId'])} : null;
}

export function mapProviders(raw: unknown): SignInProvider[] {
  const providers = asObject(raw)['providers'];
  if (!Array.isArray(providers)) throw unreadableError();
  return providers.flatMap((item): SignInProvider[] => {
    const provider = asObject(item);
    const id = asString(provider['id']);
    if (!/^[\w.-]{1,64}$/.test(id)) return [];
    const icon = asString(provider['iconUrl']);
    const iconUrl = httpUrl(icon) ?? (/^data:image\/svg\+xml[;,]/i.test(icon) ? icon : undefined);
    return [{id, name: asString(provider['name'], id).slice(0, 100) || id, ...(iconUrl ? {iconUrl} : {})}];
  });
}
