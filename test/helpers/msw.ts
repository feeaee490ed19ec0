import type {RequestHandler} from 'msw';
import {setupWorker, type SetupWorker} from 'msw/browser';

let started: Promise<SetupWorker> | undefined;

/**
 * The page's msw worker, started once per test file. Each test adds its handlers with
 * `useHandlers()`; they are dropped again by `resetHandlers()` in `afterEach`.
 */
export function mockWorker(): Promise<SetupWorker> {
  started ??= (async () => {
    const worker = setupWorker();
    await worker.start({quiet: true, onUnhandledRequest: 'bypass'});
    return worker;
  })();
  return started;
}

export async function useHandlers(...handlers: RequestHandler[]): Promise<void> {
  (await mockWorker()).use(...handlers);
}

export async function resetHandlers(): Promise<void> {
  (await mockWorker()).resetHandlers();
}
