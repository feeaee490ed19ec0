import type {CompleteSignInRequest, SignInUrlRequest} from '../../core/adapter.js';
import {CommentError} from '../../core/errors.js';
import type {Session, SignInProvider} from '../../core/types.js';
import {decodeGrant} from './grant.js';
import {messages} from './messages.js';
import {defaultMemoryProviders, type MemoryAdapterOptions} from './options.js';
import type {ViewerIdentity} from './viewer-identity.js';

/**
 * The memory adapter's identity providers: a consent page of the site's (`signInPage`)
 * stands in for WordPress.com, GitHub and the rest, and hands back a grant naming the person.
 * Who is signed in is kept by `ViewerIdentity`.
 */
export class SimulatedSignIn {
  constructor(
    private readonly options: Pick<MemoryAdapterOptions, 'providers' | 'signInPage' | 'moderators'>,
    private readonly viewer: ViewerIdentity,
  ) {}

  /** Read at each call: the email provider's name is in the page's language of the moment. */
  get providers(): SignInProvider[] {
    return this.options.providers ?? defaultMemoryProviders();
  }

  /** Sign-in is offered only with a consent page to go to. */
  get available(): boolean {
    return Boolean(this.options.signInPage) && this.providers.length > 0;
  }

  /** The consent page, told which provider it plays and where to send the person back. */
  url(request: SignInUrlRequest): string {
    const page = this.options.signInPage;
    if (!page) throw new CommentError('forbidden', messages.signInUnavailable());
    const url = new URL(page, document.baseURI);
    url.searchParams.set('provider', request.providerId);
    url.searchParams.set('state', request.state);
    url.searchParams.set('callback', request.callbackUrl);
    url.searchParams.set('mode', request.mode);
    return url.href;
  }

  /**
   * Signs in the person the grant names. The simulated providers hand back `code`: base64url
   * of `{"name": …, "avatarUrl"?: …}`, standing in for the authorization code a real
   * provider would issue.
   */
  complete(request: CompleteSignInRequest): Session {
    const provider = this.providers.find((p) => p.id === request.providerId);
    if (!provider) throw new CommentError('invalid', messages.unknownProvider());
    const grant = decodeGrant(request.result.code);
    if (!grant) throw new CommentError('unauthorized', messages.signInFailed());
    const id = `${provider.id}:${grant.name.toLowerCase().replace(/\s+/g, '-')}`;
    const session: Session = {
      providerId: provider.id,
      viewer: {
        id,
        name: grant.name,
        ...(grant.avatarUrl ? {avatarUrl: grant.avatarUrl} : {}),
        ...(this.options.moderators?.includes(id) ? {isModerator: true} : {}),
      },
    };
    this.viewer.session = session;
    return session;
  }
}
