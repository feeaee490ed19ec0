// Screenshots of the demo pages as people see them: light, dark, right-to-left and a
// narrow phone, written to screenshots/. Start the demo first (`PORT=8101 npm start`), then
// `node scripts/screenshots.mjs [base URL]`.
import {mkdirSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium} from './chromium.mjs';

const base = process.argv[2] ?? `http://localhost:${process.env.PORT ?? 8000}`;
const outDir = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(outDir, {recursive: true});

const pages = [
  ['index', '/demo/'],
  ['long-thread', '/demo/long-thread.html'],
];
const variants = [
  ['light', {viewport: {width: 1100, height: 900}, colorScheme: 'light'}],
  ['dark', {viewport: {width: 1100, height: 900}, colorScheme: 'dark'}],
  ['rtl', {viewport: {width: 1100, height: 900}, colorScheme: 'light', dir: 'rtl'}],
  ['mobile', {viewport: {width: 375, height: 800}, colorScheme: 'light', isMobile: true, deviceScaleFactor: 2}],
];

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  for (const [name, path] of pages) {
    for (const [variant, {dir, ...options}] of variants) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`${name}/${variant}: ${error.message}`));
      await page.goto(base + path);
      if (dir) await page.evaluate((value) => (document.documentElement.dir = value), dir);
      await page.waitForFunction(() => {
        const section = document.querySelector('comment-thread')?.shadowRoot?.querySelector('section');
        return section?.getAttribute('aria-busy') === 'false';
      });
      await page.locator('comment-thread').scrollIntoViewIfNeeded();
      const file = `${outDir}${name}-${variant}.png`;
      await page.screenshot({path: file, fullPage: variant === 'mobile' && name === 'index'});
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
