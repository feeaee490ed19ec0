/**
 * Colloquy's sign-in protocol: what a callback page sends back to the page that started a
 * sign-in. docs/sign-in-protocol.md describes it for backend authors; this module is the
 * one place both sides (the flow and the callback helper) take its shape from.
 */

/** `type` of every protocol message, so unrelated `postMessage` traffic is told apart. */
export const SIGN_IN_MESSAGE_TYPE = 'colloquy:sign-in';

/** The `BroadcastChannel` a same-origin callback page also reports on. */
export const SIGN_IN_CHANNEL = 'colloquy-sign-in';

/** The window name of the sign-in popup; reusing it focuses one popup, never opens two. */
export const SIGN_IN_WINDOW_NAME = 'colloquy-sign-in';

/** Query or fragment parameters the protocol reads itself; every other one is the result. */
const STATE_PARAM = 'state';
const ERROR_PARAM = 'error';
const ERROR_DESCRIPTION_PARAM = 'error_description';

export type SignInMessage =
  | {type: typeof SIGN_IN_MESSAGE_TYPE; state: string; result: Record<string, string>}
  | {type: typeof SIGN_IN_MESSAGE_TYPE; state: string; error: string; errorDescription?: string};

/**
 * The message in `data`, or `null` when `data` is anything else. Every field is checked:
 * the data comes from another window and is not trusted.
 */
export function parseSignInMessage(data: unknown): SignInMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (record['type'] !== SIGN_IN_MESSAGE_TYPE) return null;
  const state = record['state'];
  if (typeof state !== 'string' || state === '') return null;
  if (typeof record['error'] === 'string') {
    const description = record['errorDescription'];
    return {
      type: SIGN_IN_MESSAGE_TYPE,
      state,
      error: record['error'],
      ...(typeof description === 'string' ? {errorDescription: description} : {}),
    };
  }
  const result = record['result'];
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
  const entries = Object.entries(result);
  if (!entries.every(([, value]) => typeof value === 'string')) return null;
  return {type: SIGN_IN_MESSAGE_TYPE, state, result: Object.fromEntries(entries) as Record<string, string>};
}

/**
 * The message a callback URL carries: its query and fragment parameters (a provider may
 * answer in either), `state` and `error` read by name and everything else as the result.
 * `null` when there is no `state`, i.e. the URL is no sign-in callback.
 */
export function signInMessageFromParams(params: URLSearchParams): SignInMessage | null {
  const state = params.get(STATE_PARAM);
  if (!state) return null;
  const error = params.get(ERROR_PARAM);
  if (error) {
    const description = params.get(ERROR_DESCRIPTION_PARAM);
    return {type: SIGN_IN_MESSAGE_TYPE, state, error, ...(description ? {errorDescription: description} : {})};
  }
  const result: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key !== STATE_PARAM && !(key in result)) result[key] = value;
  }
  return {type: SIGN_IN_MESSAGE_TYPE, state, result};
}

/** The query and fragment parameters of `url` together (a fragment may read `#a=1&b=2`). */
export function callbackParams(url: URL): URLSearchParams {
  const params = new URLSearchParams(url.search);
  for (const [key, value] of new URLSearchParams(url.hash.slice(1))) params.append(key, value);
  return params;
}

// In a module of its own: the REST adapter's start-up, in the script-tag entry, makes its guest secret the same way.
export {createState} from './state.js';
