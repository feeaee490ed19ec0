import {http, type passthrough} from 'msw';
import {useHandlers} from '../../helpers/msw.js';

/** Holds every request for the controls' chunk until `release` answers it as given. */
export async function holdControls(answer: () => Response | ReturnType<typeof passthrough>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  await useHandlers(
    http.get(/\/comment-thread\/controls\.(js|ts)/, async () => {
      requests++;
      await released;
      return answer();
    }),
  );
  return {release, requests: () => requests};
}
