// Signing in with a WordPress account on the WordPress site itself, end to end: the
// <login-choice> popup goes to wp-login.php, WordPress sends it back to the callback page,
// and the widget then holds nothing but a REST nonce, in memory. While that happens, every
// place another script or site could read is watched for a secret.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import '../../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import {liveRig, logOut, restNonce} from './live-rig.js';

function shadowPart<T extends Element = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

describe('live WordPress: signing in', () => {
  afterEach(async () => {
    await logOut();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('signs in through wp-login.php with no secret in storage, URLs or messages, and Log Out ends the WordPress session', async () => {
    const rig = await liveRig();
    const user = rig.users.editor;
    const seen = {urls: [] as string[], messages: [] as string[]};
    const channel = new BroadcastChannel('colloquy-sign-in');
    channel.onmessage = (event) => seen.messages.push(JSON.stringify(event.data));
    const onMessage = (event: MessageEvent) => seen.messages.push(JSON.stringify(event.data));
    window.addEventListener('message', onMessage);
    const open = window.open;
    let popup: Window | null = null;
    window.open = (...args) => (popup = open.apply(window, args));
    try {
      const adapter = createWordPressAdapter({endpoint: rig.proxiedUrl, post: rig.posts.posting.id});
      const choice = await fixture<LoginChoiceElement>(
        html`<login-choice .adapter=${adapter} sign-in-callback="/test/live/wordpress/callback.html"></login-choice>`,
      );
      await waitUntil(() => shadowPart(choice, 'provider-button'), 'WordPress was not offered', {timeout: 10000});
      shadowPart<HTMLButtonElement>(choice, 'provider-button')!.click();

      // Log in on WordPress's own page, in the popup, as a person would.
      await waitUntil(() => {
        try {
          return popup?.document.querySelector('#user_login') && popup.document.readyState === 'complete';
        } catch {
          return false;
        }
      }, 'the popup did not show wp-login.php', {timeout: 15000});
      const watchUrls = setInterval(() => {
        try {
          const href = popup?.location.href;
          if (href && seen.urls.at(-1) !== href) seen.urls.push(href);
        } catch {
          // Closed.
        }
      }, 20);
      const login = popup!.document;
      seen.urls.push(popup!.location.href);
      (login.querySelector('#user_login') as HTMLInputElement).value = user.login;
      (login.querySelector('#user_pass') as HTMLInputElement).value = user.password;
      (login.querySelector('#loginform') as HTMLFormElement).submit();

      await waitUntil(() => shadowPart(choice, 'signed-in'), 'the sign-in did not complete', {timeout: 20000});
      clearInterval(watchUrls);
      expect(shadowPart(choice, 'signed-in')!.textContent).to.contain(user.name);

      const nonce = await restNonce();
      const secrets = [user.password, user.applicationPassword, ...Object.values(rig.users).map((u) => u.applicationPassword), nonce];
      const storage = JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}) + document.cookie;
      const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
      for (const secret of secrets) {
        expect(storage, 'storage').not.to.contain(secret);
        for (const url of [...seen.urls, ...requested]) expect(url, 'a URL').not.to.contain(secret);
        for (const message of seen.messages) expect(message, 'a message').not.to.contain(secret);
      }
      expect(document.cookie).not.to.contain('wordpress_logged_in');
      expect(seen.messages.length, 'the callback page reported').to.be.greaterThan(0);
      for (const message of seen.messages) expect(Object.keys(JSON.parse(message).result ?? {})).to.deep.equal([]);

      // Log Out logs out of WordPress itself: a reload finds nobody signed in.
      shadowPart<HTMLButtonElement>(choice, 'sign-out-button')!.click();
      await waitUntil(() => shadowPart(choice, 'provider-button'), 'Log Out did not finish', {timeout: 10000});
      let stillLoggedIn = true;
      await restNonce().catch(() => (stillLoggedIn = false));
      expect(stillLoggedIn, 'WordPress still has a login session').to.be.false;
      expect(await createWordPressAdapter({endpoint: rig.proxiedUrl}).getSession({})).to.be.null;
    } finally {
      window.open = open;
      window.removeEventListener('message', onMessage);
      channel.close();
      (popup as Window | null)?.close();
    }
  });
});
