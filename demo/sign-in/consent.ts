// The demo's simulated sign-in provider. A real provider would check who you are; this
// one asks for a name, issues a grant the memory adapter understands, and sends the
// browser on to the callback page exactly as a real OAuth provider would.
import {html, nothing, render} from 'lit';
import {defaultMemoryProviders, encodeMemoryGrant} from '../../src/adapters/memory/index.js';
import {builtInProviderIcon} from '../../src/elements/login-choice/provider-icons.js';

const brandColors: Record<string, string> = {
  wordpress: '#3858e9',
  twitter: '#0f1419',
  facebook: '#0866ff',
  github: '#24292f',
  google: '#1a73e8',
  email: '#2271b1',
};

const params = new URLSearchParams(location.search);
const provider = defaultMemoryProviders().find((candidate) => candidate.id === params.get('provider'));
const state = params.get('state') ?? '';
const callback = callbackUrl(params.get('callback'));
const root = document.querySelector<HTMLElement>('#consent')!;

/**
 * A provider only returns to redirect URIs registered for the client; the demo's "client"
 * is this site, so only same-origin callbacks are accepted.
 */
function callbackUrl(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, location.href);
    return url.origin === location.origin ? url : undefined;
  } catch {
    return undefined;
  }
}

function answer(result: Record<string, string>) {
  const target = new URL(callback!);
  for (const [key, value] of Object.entries({...result, state})) target.searchParams.set(key, value);
  location.replace(target.href);
}

function allow(event: SubmitEvent) {
  event.preventDefault();
  const name = new FormData(event.target as HTMLFormElement).get('name')?.toString().trim();
  if (!name) return;
  answer({code: encodeMemoryGrant({name})});
}

if (!provider || !state || !callback) {
  document.title = 'Sign-in error — Colloquy demo provider';
  render(
    html`<h1>Something is wrong with this sign-in link</h1>
      <p class="error">It names no known provider, no state, or a callback page this demo provider does not serve.</p>`,
    root,
  );
} else {
  document.documentElement.style.setProperty('--brand', brandColors[provider.id] ?? '#2271b1');
  document.title = `Sign in with ${provider.name} — Colloquy demo`;
  const icon = builtInProviderIcon(provider.id);
  render(
    html`<header>
        ${icon ? html`<svg viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>` : nothing}
        <div>
          <p class="provider-name">${provider.name} (simulated)</p>
          <h1>Sign in to Colloquy demo</h1>
        </div>
      </header>
      <form @submit=${allow}>
        <p class="scopes">Colloquy demo would like to see your name and picture, to show them with your comments.</p>
        <label for="name">Sign in as</label>
        <input id="name" name="name" autocomplete="name" required value="Demo Reader" />
        <div class="actions">
          <button type="button" id="deny" @click=${() => answer({error: 'access_denied'})}>Deny</button>
          <button id="allow">Allow</button>
        </div>
      </form>
      <p class="note">This page stands in for ${provider.name}: nothing leaves your browser.</p>`,
    root,
  );
  document.querySelector<HTMLInputElement>('#name')?.select();
}
