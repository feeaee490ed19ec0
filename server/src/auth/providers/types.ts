import type {ServerMetadata} from 'openid-client';
import {safeUrl} from '../../render.js';

/** A person as a provider describes them, checked and trimmed; the same shape for every provider. */
export interface Profile {
  /** The provider's stable id for the person (never their changeable handle). */
  subject: string;
  name: string;
  avatarUrl?: string;
  profileUrl?: string;
  /** Only an address the provider says it verified. */
  verifiedEmail?: string;
}

/**
 * What one provider needs: where its endpoints are, what to ask for, and how its answers
 * become a Profile. `oidc` providers sign an ID token (checked with a nonce) and may have a
 * userinfo endpoint; `oauth2` ones are read through `profileUrls` with the access token.
 */
export interface ProviderDefinition {
  id: string;
  name: string;
  kind: 'oauth2' | 'oidc';
  /** Fixed endpoints; absent for an issuer found by discovery. */
  metadata?: ServerMetadata;
  scope: string;
  /** How the client secret goes to the token endpoint (the provider's documented way). */
  clientAuth: 'client_secret_post' | 'client_secret_basic';
  /** `oauth2` providers: GETs with the access token whose JSON answers `mapProfile` receives, in order. */
  profileUrls?: string[];
  /** Throws when the answers do not name a person. */
  mapProfile(answers: unknown[]): Profile;
}

export class ProfileError extends Error {}

const MAX_NAME = 100;

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A string member, trimmed; numbers too (ids are numbers at some providers). */
export function text(value: unknown, max = 500): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

export function link(value: unknown): string | undefined {
  const raw = text(value, 2000);
  const url = raw ? safeUrl(raw) : undefined;
  // Avatars and profiles are shown to everyone: plain https only, as providers serve them.
  return url?.startsWith('https://') ? url : undefined;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{1,63}$/;

export function email(value: unknown): string | undefined {
  const raw = text(value, 254);
  return raw && EMAIL.test(raw) ? raw.toLowerCase() : undefined;
}

/** The checked Profile; a missing subject is the one thing that cannot be made up. */
export function profile(fields: {subject: unknown; names: unknown[]; avatarUrl?: unknown; profileUrl?: unknown; verifiedEmail?: unknown}): Profile {
  const subject = text(fields.subject, 255);
  if (!subject) throw new ProfileError('The provider did not say who signed in.');
  const name = fields.names.map((candidate) => text(candidate, 1000)).find(Boolean)?.slice(0, MAX_NAME) ?? subject.slice(0, MAX_NAME);
  const avatarUrl = link(fields.avatarUrl);
  const profileUrl = link(fields.profileUrl);
  const verifiedEmail = email(fields.verifiedEmail);
  return {subject, name, ...(avatarUrl ? {avatarUrl} : {}), ...(profileUrl ? {profileUrl} : {}), ...(verifiedEmail ? {verifiedEmail} : {})};
}
