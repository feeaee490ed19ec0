// The WordPress plugin (integrations/wordpress) on the live rig (test/live/wordpress/rig.mjs):
// built as the zip's folder, activated, and tried as visitors would try it, with a classic
// theme (Twenty Twenty-One) and a block theme (Twenty Twenty-Three), in Chromium.
//
//   node --test test/live/wordpress-plugin/plugin.test.mjs      (or npm test -- --only=wordpress-plugin)
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import assert from 'node:assert/strict';
import {chromium} from 'playwright-core';
import {chromiumArgs, ensureChromium} from '../../../scripts/chromium.mjs';
import {recordCounts} from '../../../scripts/counting-reporter.mjs';
import {check as checkTranslations, extract as extractStrings, moBytes, parsePo} from '../../../scripts/wordpress-plugin-translations.mjs';
import {RigUnavailable, startWordPress} from '../wordpress/rig.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const PORT = Number(process.env.COLLOQUY_WP_PLUGIN_PORT ?? 9360);
/** A second rig, for a site installed in a folder. */
const FOLDER_PORT = PORT + 1;
const THEMES = {classic: 'twentytwentyone', block: 'twentytwentythree'};
const THEME_PACKAGES = ['wordpress-theme-twentytwentyone', 'wordpress-theme-twentytwentythree'];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Why the suite cannot run here, or undefined. Installs the themes when root. */
function missingThemes() {
  const missing = () => Object.values(THEMES).filter((theme) => !existsSync(`/usr/share/wordpress/wp-content/themes/${theme}/style.css`));
  if (missing().length === 0) return undefined;
  if (!isRoot) {
    return `the themes ${missing().join(', ')} are missing: sudo apt-get install --no-install-recommends ${THEME_PACKAGES.join(' ')}`;
  }
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...THEME_PACKAGES], {stdio: 'inherit', env});
  return missing().length ? `apt-get could not install ${THEME_PACKAGES.join(' ')}` : undefined;
}

function phpFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return phpFiles(path);
    return name.endsWith('.php') ? [path] : [];
  });
}

/** Whether dist/cdn's bundle is newer than every source file, so the suite need not rebuild it. */
function bundleIsFresh() {
  const bundle = join(root, 'dist/cdn/colloquy.js');
  if (!existsSync(bundle)) return false;
  const newest = (folder) => Math.max(0, ...readdirSync(folder).map((name) => {
    const path = join(folder, name);
    const stat = statSync(path);
    return stat.isDirectory() ? newest(path) : stat.mtimeMs;
  }));
  return statSync(bundle).mtimeMs > newest(join(root, 'src'));
}

let rig;
let browser;
let skipped;

before(async () => {
  skipped = missingThemes();
  if (skipped) return;
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-wordpress-plugin.mjs'), ...(bundleIsFresh() ? ['--no-build'] : [])], {stdio: 'inherit'});
  assert.equal(build.status, 0, 'the plugin builds');
  try {
    rig = await startWordPress({port: PORT, plugins: [join(root, 'dist/wordpress-plugin/colloquy')], log: (line) => console.log(line)});
  } catch (error) {
    if (error instanceof RigUnavailable) {
      skipped = error.message;
      return;
    }
    throw error;
  }
  browser = await chromium.launch({executablePath: process.env.CHROME_PATH ?? ensureChromium(), args: chromiumArgs});
});

after(async () => {
  await browser?.close();
  await rig?.stop();
  if (skipped) recordCounts({suite: 'wordpress-plugin', skippedSuite: skipped});
});

/** Activates the plugin, switches the theme and sets options (`name=value`), as in wp-admin. */
function setUp(theme, ...options) {
  return setUpSite(rig, theme, ...options);
}

function setUpSite(site, theme, ...options) {
  const out = execFileSync('php', [join(here, 'php/setup.php'), site.site, theme, ...options], {encoding: 'utf8', env: {...process.env, HTTP_HOST: `127.0.0.1:${site.port}`}});
  return JSON.parse(out.trim().split('\n').pop());
}

/** Ids of the comments WordPress shows everyone on a post, straight from its REST API. */
async function approvedIds(post) {
  const response = await fetch(`${rig.url}/wp-json/wp/v2/comments?post=${post}&per_page=100&_fields=id`);
  return (await response.json()).map((comment) => String(comment.id)).sort();
}

const postUrl = (post) => `${rig.url}/?p=${post}`;

/**
 * One browser context for a describe block's tests, which build on each other (signed in,
 * then posting…), on `theme` with `options` set. Read `.page` inside the tests.
 */
function sharedPage(theme, ...options) {
  const shared = {context: undefined, page: undefined};
  before(async () => {
    if (skipped) return;
    setUp(theme, ...options);
    shared.context = await browser.newContext();
    shared.page = await shared.context.newPage();
  });
  after(() => shared.context?.close());
  return shared;
}

/** Logs in through wp-login.php itself, as a person going to the site's login page. */
async function logIn(page, login) {
  await page.goto(`${rig.url}/wp-login.php`);
  await page.fill('#user_login', login);
  await page.fill('#user_pass', rig.users[login].password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
}

/** The comment ids in the theme's fallback list (WordPress's `id="comment-N"` items). */
const fallbackIds = (page) =>
  page.$$eval('comment-thread > [slot="fallback"] [id^="comment-"]', (items) =>
    [...new Set(items.map((item) => /^comment-(\d+)$/.exec(item.id)?.[1]).filter(Boolean))].sort(),
  );

/**
 * The comment ids Colloquy renders (in its shadow root), leaving out "This comment was
 * deleted." placeholders, which keep a trashed comment's replies in their place.
 */
const colloquyIds = (page) =>
  page.$$eval('comment-thread', ([thread]) =>
    [...thread.shadowRoot.querySelectorAll('[data-comment-id]:not(.deleted)')].map((item) => item.getAttribute('data-comment-id')).sort(),
  );

/** axe-core's violations inside the comment area (target-size on), as readable strings. */
async function axeViolations(page) {
  await page.addScriptTag({path: join(root, 'node_modules/axe-core/axe.min.js')});
  return page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('comment-thread'), {rules: {'target-size': {enabled: true}}});
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

test('every PHP file of the plugin passes php -l', {skip: false}, (t) => {
  const files = [...phpFiles(join(root, 'integrations/wordpress')), ...phpFiles(here)];
  assert.ok(files.length >= 8, `found ${files.length} PHP files`);
  for (const file of files) {
    const result = spawnSync('php', ['-l', file], {encoding: 'utf8'});
    assert.equal(result.status, 0, `${file}: ${result.stdout}${result.stderr}`);
  }
});

test('the plugin\'s strings are all in its .pot and translated in every .po, placeholders kept', () => {
  assert.deepEqual(checkTranslations(), []);
  // The .mo files the build writes are what WordPress reads: their header and every entry.
  const mo = moBytes(parsePo(readFileSync(join(root, 'integrations/wordpress/languages/colloquy-fr_FR.po'), 'utf8')));
  assert.equal(mo.readUInt32LE(0), 0x950412de);
  assert.equal(mo.readUInt32LE(8), extractStrings().length + 1);
});

for (const [kind, theme] of Object.entries(THEMES)) {
  describe(`with a ${kind} theme (${theme})`, () => {
    before(() => {
      if (skipped) return;
      const state = setUp(theme);
      assert.deepEqual(state, {theme, blockTheme: kind === 'block', active: true});
    });

    test('without JavaScript, the theme lists every approved comment and its own form, inside the element', async (t) => {
      if (skipped) return t.skip(skipped);
      const post = rig.posts.live.id;
      const context = await browser.newContext({javaScriptEnabled: false});
      try {
        const page = await context.newPage();
        await page.goto(postUrl(post));
        const ids = rig.posts.live.comments;
        const expected = await approvedIds(post);
        assert.ok(expected.length >= 10);
        // Replies to a trashed comment included, which WordPress's own lists leave out.
        assert.ok([ids.underTrashed1, ids.underTrashed2].every((id) => expected.includes(String(id))));
        assert.deepEqual(await fallbackIds(page), expected);
        for (const hidden of [ids.held, ids.spam]) assert.ok(!expected.includes(String(hidden)), `comment ${hidden} is not public`);
        assert.equal(await page.locator('comment-thread > [slot="fallback"] form#commentform').isVisible(), true, 'the WordPress form is there');
        const thread = page.locator('comment-thread');
        assert.equal(await thread.getAttribute('post'), String(post));
        assert.equal(await thread.getAttribute('wp-nonce'), null, 'no nonce for a visitor who is not logged in');
        assert.equal(await thread.getAttribute('lang'), 'en-US');
        assert.equal(await thread.getAttribute('max-depth'), '5');
        assert.equal(await page.locator('script[type="module"][src*="/wp-content/plugins/colloquy/dist/colloquy.js"]').count(), 1);
      } finally {
        await context.close();
      }
    });

    test('with JavaScript, Colloquy renders the same comments in place of the fallback, never both', async (t) => {
      if (skipped) return t.skip(skipped);
      const post = rig.posts.live.id;
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // Hold the comments back, to see what shows while Colloquy loads them.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route('**/wp-json/wp/v2/comments?**', async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(postUrl(post));
        await page.waitForFunction(() => customElements.get('comment-thread') && document.querySelector('comment-thread').shadowRoot);
        const loading = await page.evaluate(() => {
          const thread = document.querySelector('comment-thread');
          const fallback = thread.querySelector('[slot="fallback"]');
          return {
            fallbackShown: fallback.assignedSlot !== null && fallback.getBoundingClientRect().height > 0,
            colloquyComments: thread.shadowRoot.querySelectorAll('[data-comment-id]').length,
            formSlotted: thread.querySelector('comment-form').assignedSlot !== null,
          };
        });
        assert.deepEqual(loading, {fallbackShown: true, colloquyComments: 0, formSlotted: false});
        release();
        await page.waitForFunction(() => document.querySelector('comment-thread').shadowRoot.querySelectorAll('[data-comment-id]').length > 0);
        assert.deepEqual(await colloquyIds(page), await approvedIds(post));
        const loaded = await page.evaluate(() => {
          const thread = document.querySelector('comment-thread');
          const form = thread.querySelector('comment-form');
          return {
            fallbackSlotted: thread.querySelector('[slot="fallback"]').assignedSlot !== null,
            wordpressFormVisible: document.querySelector('#commentform')?.checkVisibility() ?? false,
            colloquyFormVisible: form.assignedSlot !== null && form.checkVisibility(),
          };
        });
        assert.deepEqual(loaded, {fallbackSlotted: false, wordpressFormVisible: false, colloquyFormVisible: true});
        assert.deepEqual(await axeViolations(page), [], 'Colloquy inside the theme passes axe');
      } finally {
        await context.close();
      }
    });
  });
}

describe('without JavaScript, with the comments in pages', () => {
  for (const [kind, theme] of Object.entries(THEMES)) {
    for (const order of ['oldest', 'newest']) {
      test(`every page of the fallback together lists every approved comment, orphaned replies too (${kind} theme, ${order} page first)`, async (t) => {
        if (skipped) return t.skip(skipped);
        setUp(theme, 'page_comments=1', 'comments_per_page=4', `default_comments_page=${order}`);
        const context = await browser.newContext({javaScriptEnabled: false});
        try {
          const page = await context.newPage();
          const post = rig.posts.live.id;
          const seen = new Set();
          const visited = new Set();
          const queue = [postUrl(post)];
          // The theme's own page links, followed as a crawler would.
          while (queue.length && visited.size < 20) {
            const url = queue.shift();
            if (visited.has(url)) continue;
            visited.add(url);
            await page.goto(url);
            for (const id of await fallbackIds(page)) seen.add(id);
            const links = await page.$$eval('comment-thread > [slot="fallback"] a[href*="comment-page-"], comment-thread > [slot="fallback"] a[href*="cpage="]', (anchors) =>
              anchors.map((anchor) => anchor.href.replace(/#.*$/, '')),
            );
            queue.push(...links);
          }
          assert.ok(visited.size >= 2, `the fallback has pages (${visited.size} visited)`);
          const ids = rig.posts.live.comments;
          assert.ok(seen.has(String(ids.underTrashed1)) && seen.has(String(ids.underTrashed2)), 'the replies to a trashed comment are listed');
          assert.deepEqual([...seen].sort(), await approvedIds(post));
        } finally {
          await context.close();
          setUp(theme, 'page_comments=0', 'comments_per_page=50', 'default_comments_page=newest');
        }
      });
    }
  }
});

describe('the site\'s discussion settings and language (block theme)', () => {
  const shared = sharedPage(THEMES.block);
  after(() => rig && setUp(THEMES.block, 'require_name_email=1', 'WPLANG='));

  const loaded = () => shared.page.waitForFunction(() => document.querySelector('comment-thread')?.shadowRoot?.querySelector('[data-comment-id]'));

  test('a post closed to comments: Colloquy says so and offers no form', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    setUp(THEMES.block);
    await page.goto(postUrl(rig.posts.closed.id));
    await loaded();
    assert.equal(await page.locator('comment-thread').getAttribute('wp-comment-status'), 'closed');
    await page.locator('comment-form [part~="closed"]').waitFor();
    assert.equal(await page.locator('comment-form [part~="textarea"]').count(), 0);
  });

  test('"Comment author must fill out name and email" off: a guest posts without them, held for moderation', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    setUp(THEMES.block, 'require_name_email=0');
    await page.goto(postUrl(rig.posts.posting.id));
    assert.equal(await page.locator('comment-thread').getAttribute('wp-require-name-email'), 'false');
    await loaded();
    const name = page.locator('comment-form [part~="name-input"]');
    await name.waitFor();
    assert.equal(await name.evaluate((input) => input.required || input.getAttribute('aria-required') === 'true'), false);
    const text = `An anonymous guest ${Date.now()}`;
    await page.locator('comment-form [part~="textarea"]').fill(text);
    await page.locator('comment-form [part~="submit-button"]').click();
    const mine = page.locator('comment-thread [part~="comment-pending"]', {hasText: text});
    await mine.waitFor({timeout: 30_000});
    const id = await mine.getAttribute('data-comment-id');
    const admin = rig.users.admin;
    const stored = await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?context=edit&_fields=status,author,author_name`, {
      headers: {Authorization: `Basic ${Buffer.from(`${admin.login}:${admin.applicationPassword}`).toString('base64')}`},
    });
    assert.deepEqual(await stored.json(), {status: 'hold', author: 0, author_name: ''});
  });

  test('paging, order and thread depth come from Settings → Discussion', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    setUp(THEMES.block, 'page_comments=1', 'comments_per_page=3', 'comment_order=desc', 'thread_comments_depth=2');
    try {
      await page.goto(postUrl(rig.posts.live.id));
      const thread = page.locator('comment-thread');
      assert.deepEqual(
        await Promise.all(['page-size', 'sort', 'max-depth'].map((name) => thread.getAttribute(name))),
        ['3', 'newest', '2'],
      );
      await loaded();
      const topLevel = await page.$$eval('comment-thread', ([element]) =>
        [...element.shadowRoot.querySelectorAll('[part~="list"] > li > [data-comment-id], [part~="list"] > * > article[data-comment-id]')].map((item) => item.getAttribute('data-comment-id')),
      );
      assert.equal(topLevel[0], String(rig.posts.live.comments.last), 'newest first');
      assert.equal(await page.locator('comment-thread [part~="load-more-button"]').count(), 1, 'three top-level comments a page');
    } finally {
      setUp(THEMES.block, 'page_comments=0', 'comments_per_page=50', 'comment_order=asc', 'thread_comments_depth=5');
    }
  });

  test('what the browser cannot see: guests and the REST filter, post types, settings cleaned', (t) => {
    if (skipped) return t.skip(skipped);
    const out = execFileSync('php', [join(here, 'php/filters.php'), rig.site, String(rig.posts.live.id)], {
      encoding: 'utf8',
      env: {...process.env, HTTP_HOST: `127.0.0.1:${rig.port}`},
    });
    assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), {
      anonymousByDefault: true,
      anonymousWhenOff: false,
      anonymousWhenRegistrationRequired: false,
      guestsAttributeWhenRegistrationRequired: 'sign-in-required',
      enabledForPosts: true,
      enabledWhenPostsUnchecked: false,
      templateWhenPostsUnchecked: 'theme/comments.php',
      signInWhenOff: ['[]', false],
      sanitized: {
        post_types: ['post', 'script'],
        max_depth: 10,
        colors: {accent: '', on_accent: '', text: '#abc', muted: '', background: '', surface: '', border: ''},
        anonymous_rest: false,
        sign_in: true,
      },
    });
  });

  test('another plugin adds a way to log in through colloquy_sign_in_providers', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const muPlugins = join(rig.site, 'wp-content', 'mu-plugins');
    mkdirSync(muPlugins, {recursive: true});
    const file = join(muPlugins, 'colloquy-test-provider.php');
    writeFileSync(
      file,
      `<?php
add_filter('colloquy_sign_in_providers', function ($providers) {
    $providers[] = ['id' => 'github', 'name' => 'GitHub', 'url' => home_url('/?test-social-login=github')];
    $providers[] = ['id' => 'bad id', 'name' => 'Dropped', 'url' => 'javascript:alert(1)'];
    return $providers;
});
`,
    );
    try {
      await page.goto(postUrl(rig.posts.posting.id));
      const buttons = page.locator('comment-form [part~="provider-button"]');
      await buttons.nth(1).waitFor();
      assert.equal(await buttons.count(), 2);
      const [popup] = await Promise.all([page.waitForEvent('popup'), buttons.nth(1).click()]);
      await popup.waitForURL(/test-social-login=github/);
      const started = new URL(popup.url());
      assert.match(started.searchParams.get('redirect_to'), /colloquy-sign-in=callback&state=/);
      await popup.close();
    } finally {
      rmSync(file, {force: true});
    }
  });

  test('the site\'s language: a French site gets Colloquy in French', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    setUp(THEMES.block, 'WPLANG=fr_FR');
    await page.goto(postUrl(rig.posts.live.id));
    assert.equal(await page.locator('comment-thread').getAttribute('lang'), 'fr-FR');
    await loaded();
    assert.match(await page.locator('comment-thread h2[part~="heading"]').innerText(), /réflexions\ssur\s«\s\u2068Live thread\u2069\s»/);
    // The plugin's own page (the sign-in callback) in French too, from its shipped .mo.
    await page.goto(`${rig.url}/?colloquy-sign-in=callback`);
    assert.equal(await page.title(), 'Connexion…');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr-FR');
  });

  test('the site\'s language: an Arabic site gets Colloquy and the plugin\'s own page in Arabic', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    setUp(THEMES.block, 'WPLANG=ar');
    await page.goto(postUrl(rig.posts.live.id));
    assert.equal(await page.locator('comment-thread').getAttribute('lang'), 'ar');
    await loaded();
    assert.match(await page.locator('comment-thread h2[part~="heading"]').innerText(), /على «\u2068Live thread\u2069»/);
    await page.goto(`${rig.url}/?colloquy-sign-in=callback`);
    assert.equal(await page.title(), 'جارٍ تسجيل الدخول…');
    assert.equal(await page.locator('p[data-when="no-result"]').textContent(), 'تُكمل هذه الصفحة تسجيل دخول بدأ من منطقة تعليقات؛ لا شيء يُفعل هنا.');
  });
});

describe('signed in through the popup (classic theme)', () => {
  const shared = sharedPage(THEMES.classic);

  test('logs in with the visitor\'s WordPress account in a popup that ends on the plugin\'s callback', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const post = rig.posts.posting.id;
    await page.goto(postUrl(post));
    const button = page.locator('comment-form [part~="provider-button"]').first();
    await button.waitFor();
    const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await popup.waitForURL(/wp-login\.php/);
    const redirect = new URL(popup.url()).searchParams.get('redirect_to');
    assert.match(redirect, /[?&]colloquy-sign-in=callback&state=[\w-]+/);
    await popup.fill('#user_login', 'editor');
    await popup.fill('#user_pass', rig.users.editor.password);
    await Promise.all([popup.waitForEvent('close', {timeout: 30_000}), popup.click('#wp-submit')]);
    await page.locator('comment-form [part~="signed-in"]').waitFor({timeout: 30_000});
    assert.match(await page.locator('comment-form [part~="signed-in"]').innerText(), /Eddie Editor/);
    // Nothing but the cookie and a nonce: no password in the page's storage.
    const stored = await page.evaluate(() => JSON.stringify({...sessionStorage, ...localStorage}));
    assert.doesNotMatch(stored, /password|credentials/i);
  });

  test('posts a comment and a reply as that account', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const post = rig.posts.posting.id;
    const text = `Posted through the plugin ${Date.now()}`;
    await page.locator('comment-form [part~="textarea"]').fill(text);
    await page.locator('comment-form [part~="submit-button"]').click();
    const mine = page.locator('comment-thread [part~="comment"]:not([part~="comment-sending"])', {hasText: text});
    await mine.waitFor({timeout: 30_000});
    const id = await mine.getAttribute('data-comment-id');
    const stored = await (await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?_fields=id,author,post,parent`)).json();
    assert.deepEqual(stored, {id: Number(id), author: rig.users.editor.id, post, parent: 0});

    // No wait: WordPress's flood check spares moderators and editors.
    await mine.locator('[part~="reply-button"]').first().click();
    const reply = `A reply through the plugin ${Date.now()}`;
    await page.locator('comment-form [part~="textarea"]').fill(reply);
    await page.locator('comment-form [part~="submit-button"]').click();
    const replied = page.locator('comment-thread [part~="comment"]:not([part~="comment-sending"])', {hasText: reply});
    await replied.waitFor({timeout: 30_000});
    const replyId = await replied.getAttribute('data-comment-id');
    const storedReply = await (await fetch(`${rig.url}/wp-json/wp/v2/comments/${replyId}?_fields=parent,author`)).json();
    assert.deepEqual(storedReply, {parent: Number(id), author: rig.users.editor.id});
  });

  test('edits the just-posted reply at once, with no reload, as WordPress lets an editor', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const id = await page.locator('comment-thread [part~="comment"]', {hasText: 'A reply through the plugin'}).first().getAttribute('data-comment-id');
    // By id: while it is edited, the comment's text is in the editor, not on the page.
    const reply = page.locator(`comment-thread [part~="comment"][data-comment-id="${id}"]`);
    await reply.locator('[part~="edit-button"]').click({timeout: 10_000});
    const textarea = reply.locator('comment-form.edit-form [part~="textarea"]');
    assert.match(await textarea.inputValue(), /^A reply through the plugin \d+$/);
    const edited = `Edited through the plugin: a <b> stays text ${Date.now()}`;
    await textarea.fill(edited);
    await reply.locator('comment-form.edit-form [part~="submit-button"]').click();
    await page.locator(`comment-thread [data-comment-id="${id}"] [part~="body"]`, {hasText: edited}).waitFor({timeout: 30_000});
    const stored = await (await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?_fields=content`)).json();
    assert.match(stored.content.rendered, /a &lt;b&gt; stays text/);
  });

  test('a reload prints the nonce for the logged-in visitor, and no sign-in', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    await page.reload();
    const thread = page.locator('comment-thread');
    assert.match((await thread.getAttribute('wp-nonce')) ?? '', /^[0-9a-f]{10}$/);
    assert.equal(await thread.getAttribute('wp-sign-in'), null);
    await page.locator('comment-form').getByText('Eddie Editor').first().waitFor({timeout: 30_000});
  });

  test('after the reload, edits a comment written with markup in its stored form, keeping the markup', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const id = String(rig.posts.live.comments.first);
    await page.goto(postUrl(rig.posts.live.id));
    const comment = page.locator(`comment-thread [part~="comment"][data-comment-id="${id}"]`);
    await comment.locator('[part~="edit-button"]').click({timeout: 30_000});
    const textarea = comment.locator('comment-form.edit-form [part~="textarea"]');
    // WordPress's stored form, not its rendering (no <p>, no &#038;).
    assert.equal(await textarea.inputValue(), 'First! A guest comment with a <strong>bold</strong> word & an ampersand.');
    await textarea.fill('First! A guest comment with a <strong>bolder</strong> word & an ampersand.');
    await comment.locator('comment-form.edit-form [part~="submit-button"]').click();
    await comment.locator('[part~="body"] strong', {hasText: 'bolder'}).waitFor({timeout: 30_000});
    const admin = rig.users.admin;
    const stored = await (
      await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?context=edit&_fields=content`, {
        headers: {Authorization: `Basic ${Buffer.from(`${admin.login}:${admin.applicationPassword}`).toString('base64')}`},
      })
    ).json();
    // WordPress's filters may write the bare & as &amp; when they store it.
    assert.match(stored.content.raw, /^First! A guest comment with a <strong>bolder<\/strong> word &(amp;)? an ampersand\.$/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test('deletes a held guest comment from the thread, for good on a site whose trash is off', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const post = rig.posts.posting.id;
    const body = new URLSearchParams({post: String(post), content: `Held until an editor decides ${Date.now()}`, author_name: 'Holly Held', author_email: `holly-${Date.now()}@example.test`});
    const held = await (await fetch(`${rig.url}/wp-json/wp/v2/comments?_fields=id,status`, {method: 'POST', body})).json();
    assert.equal(held.status, 'hold');
    const muPlugin = join(rig.site, 'wp-content', 'mu-plugins', 'colloquy-test-no-trash.php');
    // What EMPTY_TRASH_DAYS 0 does to REST deletes: 501 rest_trash_not_supported without force.
    writeFileSync(muPlugin, "<?php\nadd_filter('rest_comment_trashable', '__return_false');\n");
    try {
      await page.goto(postUrl(post));
      const comment = page.locator(`comment-thread [part~="comment"][data-comment-id="${held.id}"]`);
      await comment.locator('[part~="held-label"]').waitFor({timeout: 30_000});
      await comment.locator('[part~="moderate-delete-button"]').click();
      await comment.waitFor({state: 'detached', timeout: 30_000});
      const admin = rig.users.admin;
      const gone = await fetch(`${rig.url}/wp-json/wp/v2/comments/${held.id}?context=edit&_fields=status`, {
        headers: {Authorization: `Basic ${Buffer.from(`${admin.login}:${admin.applicationPassword}`).toString('base64')}`},
      });
      assert.equal(gone.status, 404, 'deleted for good, not in a trash the site does not have');
    } finally {
      rmSync(muPlugin, {force: true});
    }
  });

  test('"Log Out" logs the visitor out of the site, so the next page does not sign them in again', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    await page.locator('comment-form [part~="sign-out-button"]').click();
    await page.locator('comment-form [part~="provider-button"]').first().waitFor({timeout: 30_000});
    await page.reload();
    assert.equal(await page.locator('comment-thread').getAttribute('wp-nonce'), null);
    assert.ok(await page.locator('comment-thread').getAttribute('wp-sign-in'));
  });
});

describe('signed in by a full-page redirect when popups are blocked (classic theme)', () => {
  const shared = sharedPage(THEMES.classic);
  before(async () => {
    // A popup blocker: window.open gives nothing, so Colloquy leaves the page to log in.
    await shared.page?.addInitScript(() => {
      window.open = () => null;
    });
  });

  test('goes to wp-login.php and back to the post, signed in, with the typed text kept', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const post = rig.posts.posting.id;
    await page.goto(postUrl(post));
    // The post's own address, once WordPress has redirected ?p= to its permalink.
    const postPage = page.url();
    const draft = `Written before signing in ${Date.now()}`;
    const textarea = page.locator('comment-form [part~="textarea"]');
    await textarea.fill(draft);
    await Promise.all([page.waitForURL(/wp-login\.php/, {timeout: 30_000}), page.locator('comment-form [part~="provider-button"]').first().click()]);
    const back = new URL(new URL(page.url()).searchParams.get('redirect_to'));
    assert.equal(`${back.origin}${back.pathname}${back.search.replace(/[?&]state=[\w-]+/, '')}`, postPage);
    assert.match(back.search, /[?&]state=[\w-]+/);
    await page.fill('#user_login', 'subscriber');
    await page.fill('#user_pass', rig.users.subscriber.password);
    await Promise.all([page.waitForURL((url) => url.href.startsWith(postPage), {timeout: 30_000}), page.click('#wp-submit')]);
    await page.locator('comment-form [part~="signed-in"]', {hasText: 'Sam Subscriber'}).waitFor({timeout: 30_000});
    assert.equal(new URL(page.url()).searchParams.get('state'), null, 'the state is taken out of the address bar');
    assert.equal(await textarea.inputValue(), draft);

    await page.locator('comment-form [part~="submit-button"]').click();
    const mine = page.locator('comment-thread [part~="comment"]:not([part~="comment-sending"])', {hasText: draft});
    await mine.waitFor({timeout: 30_000});
    const id = await mine.getAttribute('data-comment-id');
    const stored = await (await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?_fields=author`)).json();
    assert.deepEqual(stored, {author: rig.users.subscriber.id});
  });
});

describe('the settings page (Settings → Colloquy)', () => {
  const shared = sharedPage(THEMES.classic);
  const settingsUrl = () => `${rig.url}/wp-admin/options-general.php?page=colloquy`;

  test('is refused to a subscriber', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    await logIn(page, 'subscriber');
    const response = await page.goto(settingsUrl());
    assert.equal(response.status(), 403);
    assert.equal(await page.locator('input[name^="colloquy_settings"]').count(), 0);
  });

  test('saves depth and colours for an administrator, with its nonce, and the posts follow', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    await shared.context.clearCookies();
    await logIn(page, 'admin');
    await page.goto(settingsUrl());
    assert.equal(await page.locator('form[action="options.php"] input[name="_wpnonce"]').count(), 1);
    await page.fill('#colloquy-max-depth', '3');
    // WordPress's colour picker shows the field once its swatch is opened.
    await page.locator('.wp-picker-container').first().locator('button.wp-color-result').click();
    await page.fill('#colloquy-color-accent', '#aa0000');
    await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
    assert.equal(await page.inputValue('#colloquy-max-depth'), '3');

    await page.goto(postUrl(rig.posts.live.id));
    const thread = page.locator('comment-thread');
    assert.equal(await thread.getAttribute('max-depth'), '3');
    assert.equal(await thread.evaluate((element) => getComputedStyle(element).getPropertyValue('--colloquy-color-accent').trim()), '#aa0000');
  });

  test('refuses a change posted without the form\'s nonce', async (t) => {
    if (skipped) return t.skip(skipped);
    const {page} = shared;
    const response = await page.request.post(`${rig.url}/wp-admin/options.php`, {
      form: {option_page: 'colloquy', action: 'update', 'colloquy_settings[max_depth]': '1'},
      maxRedirects: 0,
    });
    assert.equal(response.status(), 403);
    await page.goto(postUrl(rig.posts.live.id));
    assert.equal(await page.locator('comment-thread').getAttribute('max-depth'), '3');
  });

  test('uninstalling removes the option', (t) => {
    if (skipped) return t.skip(skipped);
    const out = execFileSync('php', [join(here, 'php/uninstall.php'), rig.site], {encoding: 'utf8', env: {...process.env, HTTP_HOST: `127.0.0.1:${rig.port}`}});
    assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), {before: true, after: false});
  });
});

describe('a site installed in a folder (/wp)', () => {
  let folderRig;
  let context;

  before(async () => {
    if (skipped) return;
    folderRig = await startWordPress({port: FOLDER_PORT, base: '/wp', plugins: [join(root, 'dist/wordpress-plugin/colloquy')], log: (line) => console.log(line)});
    setUpSite(folderRig, THEMES.classic);
    context = await browser.newContext();
  });
  after(async () => {
    await context?.close();
    await folderRig?.stop();
  });

  test('shows the same comments and signs in through the popup', async (t) => {
    if (skipped) return t.skip(skipped);
    const page = await context.newPage();
    await page.goto(`${folderRig.url}/?p=${folderRig.posts.live.id}`);
    assert.equal(await page.locator('comment-thread').getAttribute('endpoint'), `${folderRig.url}/wp-json/`);
    await page.waitForFunction(() => document.querySelector('comment-thread')?.shadowRoot?.querySelector('[data-comment-id]'));
    const response = await fetch(`${folderRig.url}/wp-json/wp/v2/comments?post=${folderRig.posts.live.id}&per_page=100&_fields=id`);
    assert.deepEqual(await colloquyIds(page), (await response.json()).map((comment) => String(comment.id)).sort());

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('comment-form [part~="provider-button"]').first().click()]);
    await popup.waitForURL(/\/wp\/wp-login\.php/);
    await popup.fill('#user_login', 'subscriber');
    await popup.fill('#user_pass', folderRig.users.subscriber.password);
    await Promise.all([popup.waitForEvent('close', {timeout: 30_000}), popup.click('#wp-submit')]);
    await page.locator('comment-form [part~="signed-in"]', {hasText: 'Sam Subscriber'}).waitFor({timeout: 30_000});
  });
});
