import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {ownCallbackUrl} from '../auth/sign-in.js';
import {documentStart, escapeHtml} from '../html.js';
import {answerIn} from '../i18n/translate.js';
import {siteOriginOf} from '../auth/store.js';

/** The widget's own callback script (src/sign-in/callback-page.ts), the one every callback page runs. */
const SCRIPT_SOURCE = fileURLToPath(new URL('../../../src/sign-in/callback-page.ts', import.meta.url));

const CSP = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The callback page of docs/sign-in-protocol.md, served by this server so a site needs no
 * file of its own. It reports to the site origin the sign-in was started from, which this
 * server knows from the attempt (never from the URL), under a CSP with no inline script.
 */
export function callbackPageRoutes() {
  const app = new Hono<AppEnv>();
  let script: Promise<string> | undefined;

  app.get('/auth/callback', async (c) => {
    const state = c.req.query('state') ?? '';
    const origin = state ? await siteOriginOf(c.var.deps.db, state, ownCallbackUrl(c), c.var.now) : null;
    c.header('Content-Security-Policy', CSP);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    const t = answerIn(c, c.var.t);
    return c.html(`${documentStart(t)}
    <meta name="referrer" content="no-referrer" />
    ${origin ? `<meta name="colloquy-sign-in-origin" content="${escapeHtml(origin)}" />` : ''}
    <title>${t.html('sign-in.callback-title')}</title>
    <script type="module" src="callback.js"></script>
  </head>
  <body>
    <main>
      <p role="status" data-when="pending"${origin ? '' : ' hidden'}>${t.html('sign-in.callback-pending')}</p>
      <p role="status" data-when="unreachable" hidden>${t.html('sign-in.callback-unreachable')}</p>
      <p role="status" data-when="no-result"${origin ? ' hidden' : ''}>${t.html('sign-in.callback-no-result')}</p>
    </main>
  </body>
</html>`);
  });

  app.get('/auth/callback.js', async (c) => {
    script ??= bundle().catch((error: unknown) => {
      script = undefined;
      throw error;
    });
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(await script);
  });
  return app;
}

/** Built once per server from the widget's source, with the esbuild that tsx runs this server with. */
async function bundle(): Promise<string> {
  const esbuildPath = createRequire(createRequire(import.meta.url).resolve('tsx/package.json')).resolve('esbuild');
  const {build} = (await import(pathToFileURL(esbuildPath).href)) as typeof import('esbuild');
  const result = await build({entryPoints: [SCRIPT_SOURCE], bundle: true, write: false, format: 'esm', minify: true, target: 'es2022'});
  return result.outputFiles[0]!.text;
}
