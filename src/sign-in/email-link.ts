import type {CommentAdapter} from '../core/adapter.js';
import {isAbortError} from '../core/errors.js';
import {withActionDeadline, withLoadDeadline} from '../adapters/shared/deadline.js';
import {signInEnvironment, type Clock} from './environment.js';
import type {SignInOutcome} from './outcome.js';
import {createState} from './protocol.js';

export interface EmailSignInOptions {
  adapter: CommentAdapter;
  providerId: string;
  email: string;
  name?: string;
  /** Where the link leads once opened: the backend's callback page, or the site's. */
  callbackUrl: string;
  clock?: Clock;
  /** How often this page asks whether the link was opened, and for how long (ms). */
  pollMs?: number;
  waitMs?: number;
}

/**
 * Signing in with an emailed link: the link is opened in another tab (or the mail app's
 * browser), which cannot report to this page, so this page asks the backend
 * (`getSession`, which claims the sign-in by this attempt's `state`) until it finished.
 * `sent` resolves once the mail is on its way; `outcome` settles once: signed in, cancelled,
 * or rejected with `sent`'s error when the link could not be sent (nothing was mailed, so
 * there is nothing to wait for; the reader may try again with a new attempt).
 */
export function startEmailSignIn(options: EmailSignInOptions): {sent: Promise<void>; outcome: Promise<SignInOutcome>; cancel(): void} {
  const {adapter, providerId, email, name, callbackUrl} = options;
  const clock = options.clock ?? signInEnvironment.clock;
  const pollMs = options.pollMs ?? 3000;
  const deadline = clock.now() + (options.waitMs ?? 10 * 60 * 1000);
  const abort = new AbortController();
  let timer: unknown;
  let settle!: (outcome: SignInOutcome) => void;
  let fail!: (error: unknown) => void;
  const outcome = new Promise<SignInOutcome>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // A caller that stops at `sent`'s rejection has handled this failure already.
  outcome.catch(() => undefined);
  const state = createState();
  const sent = withActionDeadline(abort.signal, (signal) =>
    adapter.requestSignInLink!({providerId, email, ...(name ? {name} : {}), state, callbackUrl}, {signal}),
  );
  const poll = (): void => {
    if (abort.signal.aborted) return;
    if (clock.now() > deadline) {
      settle({status: 'cancelled', reason: 'timeout'});
      return;
    }
    withLoadDeadline(abort.signal, (signal) => adapter.getSession!({signal})).then(
      (session) => {
        if (abort.signal.aborted) return;
        if (session) settle({status: 'signed-in', session});
        else timer = clock.setTimeout(poll, pollMs);
      },
      (error: unknown) => {
        // A failed poll is no answer: ask again, until the deadline.
        if (!isAbortError(error) && !abort.signal.aborted) timer = clock.setTimeout(poll, pollMs);
      },
    );
  };
  sent.then(
    () => (timer = clock.setTimeout(poll, pollMs)),
    (error: unknown) => {
      // After a cancel the outcome is settled already and this changes nothing.
      fail(error);
      abort.abort();
    },
  );
  return {
    sent,
    outcome,
    cancel() {
      if (abort.signal.aborted) return;
      abort.abort();
      clock.clearTimeout(timer);
      settle({status: 'cancelled', reason: 'cancel'});
    },
  };
}
