/** Clerk's sign-in for the demo (loaded only when the server runs with Clerk): Clerk's own screen, its token on every call. */
import { ClerkProvider, SignIn, useAuth } from '@clerk/react';
import { useMemo, type ReactNode } from 'react';
import { bearerFetch, type SessionKit, type SignInScreenProps } from './session-kit.ts';
import { SignInShell } from './SignInShell.tsx';

export interface ClerkSessionProps {
  readonly publishableKey: string;
  readonly children: (kit: SessionKit) => ReactNode;
}

export function ClerkSession({ publishableKey, children }: ClerkSessionProps) {
  return (
    <ClerkProvider publishableKey={publishableKey} afterSignOutUrl="/">
      <ClerkKit>{children}</ClerkKit>
    </ClerkProvider>
  );
}

function ClerkKit({ children }: { children: (kit: SessionKit) => ReactNode }) {
  const { isLoaded, userId, getToken, signOut } = useAuth();
  // The token as a Bearer header rather than Clerk's __session cookie: getToken() renews an expired token first,
  // where the cookie can lag behind a tab that slept.
  const fetchWithToken = useMemo(() => bearerFetch(() => getToken()), [getToken]);
  const kit = useMemo<SessionKit>(
    () => ({
      sessionKey: isLoaded ? (userId ?? null) : undefined,
      fetch: fetchWithToken,
      signOut: () => signOut(),
      SignInScreen: ClerkSignInScreen,
    }),
    [isLoaded, userId, fetchWithToken, signOut],
  );
  return children(kit);
}

function ClerkSignInScreen({ notice }: SignInScreenProps) {
  return (
    <SignInShell notice={notice}>
      <SignIn routing="hash" />
    </SignInShell>
  );
}
