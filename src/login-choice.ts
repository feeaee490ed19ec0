// The `colloquy/login-choice` entry: the sign-in panel and the sign-in flow every adapter
// shares. `<comment-form>` loads them by itself when its backend can sign in; import this
// for `<login-choice>` on its own, or for the flow (`startSignIn`, `takeSignInDraft`…).
export {LoginChoiceElement, type GuestMode} from './elements/login-choice/login-choice.js';
export * from './sign-in/index.js';
