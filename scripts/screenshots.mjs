// Screenshots of the demo pages as people see them: light, dark, in French, in Arabic,
// Hebrew and Persian (right to left), Japanese, Russian, and on a narrow phone, written to
// screenshots/. Start the demo first (`PORT=8101 npm start`), then
// `node scripts/screenshots.mjs [base URL] [variant…]` (e.g. `… he fa` for those two only).
import {mkdirSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium} from './chromium.mjs';

const [baseArgument, ...only] = process.argv.slice(2);
const base = baseArgument ?? `http://localhost:${process.env.PORT ?? 8000}`;
const outDir = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(outDir, {recursive: true});

const pages = [
  ['index', '/demo/'],
  ['long-thread', '/demo/long-thread.html'],
];
const variants = [
  ['light', {viewport: {width: 1100, height: 900}, colorScheme: 'light'}],
  ['dark', {viewport: {width: 1100, height: 900}, colorScheme: 'dark'}],
  ['fr', {viewport: {width: 1100, height: 900}, colorScheme: 'light', language: 'fr'}],
  ['ar', {viewport: {width: 1100, height: 900}, colorScheme: 'light', language: 'ar'}],
  ['he', {viewport: {width: 1100, height: 900}, colorScheme: 'light', language: 'he'}],
  ['fa', {viewport: {width: 1100, height: 900}, colorScheme: 'light', language: 'fa'}],
  ['ja', {viewport: {width: 1100, height: 900}, colorScheme: 'light', language: 'ja'}],
  ['ru', {viewport: {width: 1100, height: 900}, colorScheme: 'light', language: 'ru'}],
  ['mobile', {viewport: {width: 375, height: 800}, colorScheme: 'light', isMobile: true, deviceScaleFactor: 2}],
];

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  for (const [name, path] of pages) {
    for (const [variant, {language, ...options}] of variants) {
      if (only.length > 0 && !only.includes(variant)) continue;
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`${name}/${variant}: ${error.message}`));
      // As if chosen in the demo bar's Language switch (demo/demo.ts).
      if (language) await page.addInitScript((value) => sessionStorage.setItem('colloquy-demo:language', value), language);
      await page.goto(base + path);
      await page.waitForFunction(() => {
        const section = document.querySelector('comment-thread')?.shadowRoot?.querySelector('section');
        return section?.getAttribute('aria-busy') === 'false';
      });
      // The translation loads on its own; wait until the heading speaks the language.
      if (language) {
        await page.waitForFunction(() => {
          const heading = document.querySelector('comment-thread')?.shadowRoot?.querySelector('h2')?.textContent ?? 'thought';
          return !/\bthoughts?\b/.test(heading);
        });
      }
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
