import {createServer, type Server} from 'node:http';
import Provider from 'oidc-provider';

/** A person the local issuer knows; any login name signs in, as its dev interactions allow. */
export const PEOPLE: Record<string, {name: string; email: string; picture: string}> = {
  grace: {name: 'Grace Hopper', email: 'grace@example.test', picture: 'https://avatars.example.test/grace.png'},
  alan: {name: 'Alan Turing', email: 'alan@example.test', picture: 'https://avatars.example.test/alan.png'},
};

export const CLIENT = {id: 'colloquy-test', secret: 'colloquy-test-secret-0123456789abcdef'};

/**
 * A real OpenID Connect provider (oidc-provider, certified) on 127.0.0.1:`port`, with one
 * client whose redirect URI is colloquy-server's callback for provider `providerId`.
 * Its development login page takes any login name; consent is one button; "Cancel" denies.
 */
export async function startIssuer(port: number, redirectUris: string[]): Promise<{issuer: string; stop(): Promise<void>}> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    pkce: {required: () => true},
    claims: {openid: ['sub'], profile: ['name', 'picture'], email: ['email', 'email_verified']},
    cookies: {keys: ['colloquy-test-cookie-key-0123456789']},
    features: {devInteractions: {enabled: true}},
    async findAccount(_ctx, id) {
      const person = PEOPLE[id] ?? {name: id, email: `${id}@example.test`, picture: ''};
      return {
        accountId: id,
        async claims() {
          return {sub: id, name: person.name, email: person.email, email_verified: true, ...(person.picture ? {picture: person.picture} : {})};
        },
      };
    },
  });
  // Quiet: its development warnings are expected here.
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * A browser's part of the flow without a browser: follows redirects by hand with a cookie
 * jar, signs in at the issuer's login page as `login` and answers consent (or cancels).
 * Resolves with the URL the server finally sent the browser to: the site's `callback`.
 */
export async function signInAtIssuer(authorizeUrl: string, login: string, callback: string, {deny = false} = {}): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const host = new URL(url).host;
    const cookies = [...jar].filter(([key]) => key.startsWith(`${host} `)).map(([key, value]) => `${key.split(' ')[1]}=${value}`);
    if (cookies.length) headers.set('Cookie', cookies.join('; '));
    const response = await fetch(url, {...init, headers, redirect: 'manual', signal: AbortSignal.timeout(15_000)});
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      jar.set(`${host} ${pair!.slice(0, index)}`, pair!.slice(index + 1));
    }
    return response;
  };
  let url = authorizeUrl;
  for (let hop = 0; hop < 20; hop++) {
    const response = await send(url);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('Location')!, url);
      if (next.href.startsWith(callback)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html.slice(0, 300)}`);
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 300)}`);
    if (deny) {
      const abort = /href="([^"]+\/abort)"/.exec(html)![1]!;
      url = new URL(abort, url).href;
      continue;
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(html)![1];
    const form = new URLSearchParams(prompt === 'login' ? {prompt, login, password: 'any'} : {prompt: prompt!});
    const submitted = await send(new URL(action, url).href, {
      method: 'POST', body: form, headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    });
    url = new URL(submitted.headers.get('Location')!, url).href;
  }
  throw new Error('the sign-in went round in circles');
}
