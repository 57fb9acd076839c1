/**
 * Auth0's sign-in for the demo (loaded only when the server runs with Auth0): Universal Login by redirect, and an
 * access token for the demo's API on every call.
 */
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
import { useMemo, type ReactNode } from 'react';
import { bearerFetch, type SessionKit, type SignInScreenProps } from './session-kit.ts';
import { SignInShell } from './SignInShell.tsx';

export interface Auth0SessionProps {
  /** The tenant's domain (or URL). */
  readonly domain: string;
  /** The single-page application's client id. */
  readonly clientId: string;
  /** The API identifier the proxy accepts tokens for. */
  readonly audience: string;
  readonly children: (kit: SessionKit) => ReactNode;
}

export function Auth0Session({ domain, clientId, audience, children }: Auth0SessionProps) {
  return (
    <Auth0Provider domain={domain} clientId={clientId} authorizationParams={{ audience, redirect_uri: location.origin }}>
      <Auth0Kit>{children}</Auth0Kit>
    </Auth0Provider>
  );
}

function Auth0Kit({ children }: { children: (kit: SessionKit) => ReactNode }) {
  const { isLoading, isAuthenticated, user, getAccessTokenSilently, logout } = useAuth0();
  const fetchWithToken = useMemo(() => bearerFetch(() => getAccessTokenSilently()), [getAccessTokenSilently]);
  const userId = user?.sub;
  const kit = useMemo<SessionKit>(
    () => ({
      sessionKey: isLoading ? undefined : isAuthenticated ? (userId ?? 'signed-in') : null,
      fetch: fetchWithToken,
      signOut: () => logout({ logoutParams: { returnTo: location.origin } }),
      SignInScreen: Auth0SignInScreen,
    }),
    [isLoading, isAuthenticated, userId, fetchWithToken, logout],
  );
  return children(kit);
}

function Auth0SignInScreen({ notice }: SignInScreenProps) {
  const { loginWithRedirect, error } = useAuth0();
  return (
    <SignInShell notice={notice}>
      <p>Sign in with your clinic account.</p>
      <button type="button" onClick={() => void loginWithRedirect()}>
        Sign in
      </button>
      {error && <p role="alert">Sign-in failed: {error.message}</p>}
    </SignInShell>
  );
}
