/**
 * The demo on Cliniko: the same sign-in as the ClinikAPI demo (development login, Clerk or Auth0), the Cliniko
 * widgets on `@clinikapi/react/cliniko` behind the proxy's `/api/cliniko`. Patients book for themselves and see
 * their appointments; staff see the clinic's day, book for anyone and find patients.
 */
import { ClinikoProvider } from '@clinikapi/react/cliniko';
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { authApi, type SessionConfig } from '../auth-api.ts';
import { RouterProvider, useRouter } from '../router.tsx';
import { DemoSession } from '../session/DemoSession.tsx';
import type { SessionKit } from '../session/session-kit.ts';
import { ThemeProvider } from '../theme.tsx';
import { ClinikoDesk } from './ClinikoDesk.tsx';
import { ClinikoPortal } from './ClinikoPortal.tsx';

const ME = ['demo', 'me'] as const;
const loading = <p className="demo-loading">Loading…</p>;

export function ClinikoApp({ sessionConfig }: { sessionConfig: SessionConfig }) {
  const [sessionEnded, setSessionEnded] = useState(false);
  // A 401 from any call means the session is over: ask the server who is signed in (the sign-in screen comes back).
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      if ((error as { status?: unknown } | null)?.status !== 401) return;
      setSessionEnded(true);
      void client.invalidateQueries({ queryKey: ME });
    };
    const client: QueryClient = new QueryClient({ queryCache: new QueryCache({ onError }), mutationCache: new MutationCache({ onError }) });
    return client;
  });
  return (
    <ThemeProvider>
      <RouterProvider>
        <Suspense fallback={loading}>
          <DemoSession config={sessionConfig}>
            {(kit) => (
              <ClinikoProvider proxyUrl="/api/cliniko" queryClient={queryClient} fetch={kit.fetch}>
                <SignedIn kit={kit} sessionEnded={sessionEnded} onSignedIn={() => setSessionEnded(false)} />
              </ClinikoProvider>
            )}
          </DemoSession>
        </Suspense>
      </RouterProvider>
    </ThemeProvider>
  );
}

function SignedIn({ kit, sessionEnded, onSignedIn }: { kit: SessionKit; sessionEnded: boolean; onSignedIn: () => void }) {
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { sessionKey, SignInScreen } = kit;
  const me = useQuery({
    queryKey: [...ME, sessionKey],
    queryFn: () => (sessionKey === null ? null : authApi.me(kit.fetch)),
    enabled: sessionKey !== undefined,
  });
  const logout = useMutation({
    mutationFn: kit.signOut,
    // Nothing cached for one user may be shown to the next.
    onSuccess: () => {
      queryClient.clear();
      navigate('/');
    },
  });
  if (sessionKey === undefined || me.isPending) return loading;
  if (!me.data) {
    return (
      <SignInScreen
        notice={sessionEnded ? 'Your session has ended. Sign in again to continue.' : undefined}
        onSignedIn={() => {
          queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'demo' });
          onSignedIn();
          void me.refetch();
        }}
      />
    );
  }
  const signOut = () => logout.mutate();
  if (me.data.roles.includes('patient') && me.data.patientId)
    return <ClinikoPortal user={me.data} patientId={me.data.patientId} onSignOut={signOut} />;
  return <ClinikoDesk user={me.data} onSignOut={signOut} />;
}
