/** What the app needs from whichever sign-in the server runs: the development login, Clerk or Auth0. */
import type { ComponentType } from 'react';

export interface SignInScreenProps {
  /** Why the screen is shown again, e.g. the session ended. */
  readonly notice: string | undefined;
  /** For a sign-in that happens in the page (the development login): ask the server who is signed in now. */
  readonly onSignedIn: () => void;
}

export interface SessionKit {
  /**
   * Changes whenever who is signed in may have changed, so `/auth/me` is asked again: the provider's user id, null
   * when the provider says nobody is (nothing to ask), undefined while it is still loading. The development login
   * has no provider: its key never changes and `/auth/me` alone decides.
   */
  readonly sessionKey: string | null | undefined;
  /** The fetch that carries the session to `/auth/me` and the proxy; undefined: the browser's own, with its cookies. */
  readonly fetch: typeof fetch | undefined;
  readonly signOut: () => Promise<void>;
  /** Shown to someone who is not signed in. */
  readonly SignInScreen: ComponentType<SignInScreenProps>;
}

/**
 * A fetch that sends the provider's token as `Authorization: Bearer` — to this site only (the proxy, `/auth/me`),
 * never to another. Without a token (signed out, or the provider cannot renew it) the call goes without one and the
 * proxy answers 401, which the app already reads as "the session has ended".
 */
export function bearerFetch(getToken: () => Promise<string | null | undefined>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin === location.origin) {
      const token = await getToken().catch(() => null);
      if (token) request.headers.set('authorization', `Bearer ${token}`);
    }
    return fetch(request);
  };
}
