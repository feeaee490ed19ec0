// The sign-in flow every adapter shares: popup, protocol, redirect fallback.
export {startSignIn, SignInAttempt} from './flow.js';
export type {SignInOptions} from './flow.js';
export {defaultSignInTiming, signInEnvironment} from './environment.js';
export type {Clock, SignInChannel, SignInEnvironment, SignInHost, SignInPopup, SignInTiming} from './environment.js';
export {SignInProviderError} from './outcome.js';
export type {SignInOutcome} from './outcome.js';
export {resumeSignIn, takeSignInDraft} from './redirect.js';
export type {ResumedSignIn} from './redirect.js';
export {SIGN_IN_CHANNEL, SIGN_IN_MESSAGE_TYPE, createState, parseSignInMessage} from './protocol.js';
export type {SignInMessage} from './protocol.js';
