// `npm start`: serves the demo pages from the TypeScript sources (no build step), on
// http://localhost:8000/ unless PORT says otherwise.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {startDevServer} from '@web/dev-server';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {keepServersOnLoopback} from './loopback-only.mjs';
import {mswWorkerPlugin} from './msw-worker-plugin.mjs';

const port = Number(process.env.PORT ?? 8000);
// On this machine only, unless HOST names an interface to serve on.
if (!process.env.HOST) keepServersOnLoopback();
const rootDir = fileURLToPath(new URL('..', import.meta.url));

/** The site root shows the demo's first page. */
const demoAtRoot = async (context, next) => {
  if (context.path === '/' || context.path === '/index.html') {
    context.redirect('/demo/');
    return;
  }
  return next();
};

// The API reference page (demo/api.html) reads the manifest; write it when a build has not.
if (!existsSync(new URL('../custom-elements.json', import.meta.url))) {
  spawnSync(fileURLToPath(new URL('../node_modules/.bin/cem', import.meta.url)), ['analyze', '--litelement', '--quiet'], {
    cwd: rootDir,
    stdio: 'inherit',
  });
}

try {
  await startDevServer({
    config: {
      rootDir,
      port,
      hostname: process.env.HOST ?? 'localhost',
      nodeResolve: {exportConditions: ['browser', 'development']},
      middleware: [demoAtRoot],
      plugins: [mswWorkerPlugin(), esbuildPlugin({ts: true, tsconfig: `${rootDir}tsconfig.json`})],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} is already in use. Start the demo on another one: PORT=${port + 1} npm start`);
  process.exit(1);
}
console.log(`Colloquy demo: http://localhost:${port}/`);
