import {fileURLToPath} from 'node:url';
import {chromeLauncher, defaultReporter} from '@web/test-runner';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromiumArgs, findChromium} from './scripts/chromium.mjs';
import {countingReporter} from './scripts/counting-reporter.mjs';
import {frameworkAppsPlugin} from './scripts/framework-apps-plugin.mjs';
import {keepServersOnLoopback} from './scripts/loopback-only.mjs';
import {mswWorkerPlugin} from './scripts/msw-worker-plugin.mjs';

keepServersOnLoopback();

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
export default {
  // test/live/** needs a running WordPress: scripts/test-wordpress-live.mjs runs it.
  files: ['test/**/*.test.ts', '!test/live/**'],
  nodeResolve: {exportConditions: ['browser', 'development']},
  plugins: [mswWorkerPlugin(), frameworkAppsPlugin(), esbuildPlugin({ts: true, tsconfig})],
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: findChromium(), headless: true, args: chromiumArgs},
    }),
  ],
  concurrency: 1,
  testFramework: {config: {timeout: 10000}},
  // A failure whose value is a DOM node must report instead of hanging the run.
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html>
  <head></head>
  <body>
    <script type="module" src="${testFramework}"></script>
    <script type="module" src="/test/helpers/reportable-failures.ts"></script>
  </body>
</html>`,
  testsFinishTimeout: 5 * 60 * 1000,
  reporters: [defaultReporter(), countingReporter()],
};
