import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

/**
 * Serves msw's service worker at the site root, the only place whose scope covers every
 * test and demo page; taken from the installed msw so it always matches its version.
 */
export function mswWorkerPlugin() {
  const workerPath = fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js'));
  return {
    name: 'serve-msw-worker',
    async serve(context) {
      if (context.path === '/mockServiceWorker.js') {
        return {body: await readFile(workerPath, 'utf8'), type: 'js'};
      }
    },
  };
}
