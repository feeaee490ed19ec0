// The live suites (test/live/**): the same browser setup as web-test-runner.config.mjs,
// against a private WordPress that scripts/test-wordpress-live.mjs starts first and
// describes in the file named by COLLOQUY_WP_RIG. The test server proxies /wp/ to it, so
// pages see WordPress on their own origin (cookies, nonce) as a plugin-embedded widget
// does; the rig's own address (127.0.0.1:<port>) stays reachable cross-origin (CORS).
import {readFileSync} from 'node:fs';
import {request} from 'node:http';
import base from './web-test-runner.config.mjs';
import {countingReporter} from './scripts/counting-reporter.mjs';
import {defaultReporter} from '@web/test-runner';

const rigFile = process.env.COLLOQUY_WP_RIG;
if (!rigFile) throw new Error('Run the live suites through `npm test -- --only=wordpress-live` (it starts WordPress).');
const rig = JSON.parse(readFileSync(rigFile, 'utf8'));
const {stop: _stop, ...description} = rig;

/** Forwards /wp/… to the rig untouched (Host included, so WordPress links back here). */
function proxyToWordPress(ctx) {
  return new Promise((resolve) => {
    ctx.respond = false;
    const upstream = request(
      {host: '127.0.0.1', port: rig.port, method: ctx.req.method, path: ctx.req.url, headers: ctx.req.headers, timeout: 30_000},
      (response) => {
        ctx.res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(ctx.res);
        response.on('end', resolve);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('WordPress did not answer in 30 s')));
    upstream.on('error', (error) => {
      if (!ctx.res.headersSent) ctx.res.writeHead(502, {'content-type': 'text/plain'});
      ctx.res.end(String(error));
      resolve();
    });
    ctx.req.pipe(upstream);
  });
}

export default {
  ...base,
  files: ['test/live/**/*.test.ts'],
  port: Number(process.env.COLLOQUY_LIVE_TEST_PORT ?? rig.port + 1),
  middleware: [
    async (ctx, next) => {
      if (ctx.path === '/live-rig.json') {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({...description, proxiedUrl: `${ctx.origin}${rig.base}`});
        return;
      }
      if (rig.base && (ctx.path === rig.base || ctx.path.startsWith(`${rig.base}/`))) return proxyToWordPress(ctx);
      return next();
    },
  ],
  testFramework: {config: {timeout: 30000}},
  reporters: [defaultReporter(), countingReporter({suite: 'wordpress-live'})],
};
