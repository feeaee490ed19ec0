// What scripts/test-wordpress-live.mjs started, as the live test pages see it.

export interface RigUser {
  id: number;
  login: string;
  password: string;
  applicationPassword: string;
  email: string;
  name: string;
  role: string;
}

export interface LiveRig {
  /** The site at its own address (127.0.0.1:<port>/wp): cross-origin to the test page. */
  url: string;
  /** The same site through the test server's proxy: same origin as the test page. */
  proxiedUrl: string;
  users: Record<'admin' | 'editor' | 'author' | 'subscriber', RigUser>;
  posts: {
    live: {id: number; comments: Record<string, number>};
    closed: {id: number; comments: number[]};
    busy: {id: number; commentCount: number};
    posting: {id: number; comments: {first: number; deletable: number}};
  };
}

let rig: Promise<LiveRig> | undefined;

export function liveRig(): Promise<LiveRig> {
  rig ??= fetch('/live-rig.json').then((response) => response.json() as Promise<LiveRig>);
  return rig;
}

let visitors = 0;

/** A guest nobody has seen yet, so WordPress's flood and duplicate checks start clean. */
export function newVisitor(label = 'Visitor'): {name: string; email: string} {
  const id = `${Date.now().toString(36)}${(visitors++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {name: `${label} ${id}`, email: `${label.toLowerCase().replace(/\W+/g, '-')}-${id}@example.test`};
}

/**
 * Logs in to the proxied (same-origin) site as WordPress's login form does, and returns a
 * REST nonce for that session (`admin-ajax.php?action=rest-nonce`, what WordPress's own
 * scripts refresh theirs with).
 */
export async function logIn(user: RigUser): Promise<string> {
  const {proxiedUrl} = await liveRig();
  // The login form refuses browsers without its test cookie, which the GET sets.
  await fetch(`${proxiedUrl}/wp-login.php`, {credentials: 'same-origin'});
  const body = new URLSearchParams({log: user.login, pwd: user.password, testcookie: '1', redirect_to: `${proxiedUrl}/`});
  await fetch(`${proxiedUrl}/wp-login.php`, {method: 'POST', body, credentials: 'same-origin', redirect: 'manual'});
  return restNonce();
}

export async function restNonce(): Promise<string> {
  const {proxiedUrl} = await liveRig();
  const response = await fetch(`${proxiedUrl}/wp-admin/admin-ajax.php?action=rest-nonce`, {credentials: 'same-origin'});
  const nonce = (await response.text()).trim();
  if (!/^[a-f0-9]{10}$/.test(nonce)) throw new Error(`Not logged in: rest-nonce answered ${response.status} "${nonce.slice(0, 40)}"`);
  return nonce;
}

/** Ends the proxied site's login session, through the logout link WordPress itself offers. */
export async function logOut(): Promise<void> {
  const {proxiedUrl} = await liveRig();
  const page = await (await fetch(`${proxiedUrl}/wp-login.php?action=logout`, {credentials: 'same-origin'})).text();
  const nonce = /_wpnonce=([a-f0-9]{10})/.exec(page)?.[1];
  if (!nonce) return;
  await fetch(`${proxiedUrl}/wp-login.php?action=logout&_wpnonce=${nonce}`, {credentials: 'same-origin', redirect: 'manual'});
}

/** Approves, holds, trashes… a comment as WordPress's administrator (Basic auth, cross-origin). */
export async function moderate(commentId: number | string, change: Record<string, string>): Promise<void> {
  const {url, users} = await liveRig();
  const response = await fetch(`${url}/wp-json/wp/v2/comments/${commentId}`, {
    method: 'POST',
    headers: {Authorization: `Basic ${btoa(`admin:${users.admin.applicationPassword}`)}`, 'Content-Type': 'application/json'},
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`moderating comment ${commentId} failed: ${response.status}`);
}
