// The sign-in flow every adapter shares: popup, protocol, redirect fallback.
export {startSignIn, SignInAttempt, defaultSignInTiming, systemClock} from './flow.js';
export type {Clock, SignInChannel, SignInHost, SignInOptions, SignInPopup, SignInTiming} from './flow.js';
export {SignInProviderError} from './outcome.js';
export type {SignInOutcome} from './outcome.js';
export {resumeSignIn, takeSignInDraft} from './redirect.js';
export type {ResumedSignIn, SignInStorageHost} from './redirect.js';
export {SIGN_IN_CHANNEL, SIGN_IN_MESSAGE_TYPE, createState, parseSignInMessage} from './protocol.js';
export type {SignInMessage} from './protocol.js';
