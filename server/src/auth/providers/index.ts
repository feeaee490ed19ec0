import {facebook} from './facebook.js';
import {github} from './github.js';
import {google} from './google.js';
import type {ProviderDefinition} from './types.js';
import {twitter} from './twitter.js';
import {wordpress} from './wordpress.js';

/** The well-known providers by the prefix of their variables (COLLOQUY_GITHUB_CLIENT_ID…). */
export const BUILT_IN_PROVIDERS: {env: string; definition: ProviderDefinition}[] = [
  {env: 'WORDPRESS', definition: wordpress},
  {env: 'X', definition: twitter},
  {env: 'FACEBOOK', definition: facebook},
  {env: 'GITHUB', definition: github},
  {env: 'GOOGLE', definition: google},
];

export {openIdConnect} from './oidc.js';
export type {Profile, ProviderDefinition} from './types.js';
