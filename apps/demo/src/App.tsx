import { ClinikProvider, LiveUpdates } from '@clinikapi/react';
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { authApi, type SessionConfig } from './auth-api.ts';
import { RouterProvider, useRouter } from './router.tsx';
import { DemoSession } from './session/DemoSession.tsx';
import type { SessionKit } from './session/session-kit.ts';
import { ThemeProvider, useTheme } from './theme.tsx';

const ME = ['demo', 'me'] as const;

/** True for the answer the proxy gives when nobody (or no longer anybody) is signed in. */
const isSignedOut = (error: unknown) => (error as { status?: unknown } | null)?.status === 401;

const loading = <p className="demo-loading">Loading…</p>;

// Each view is loaded when someone signs in to it: the sign-in screen does not wait for every widget's code, and a
// patient never downloads the clinician's screens.
const ClinicApp = lazy(() => import('./clinic/ClinicApp.tsx').then((module) => ({ default: module.ClinicApp })));
const PortalApp = lazy(() => import('./portal/PortalApp.tsx').then((module) => ({ default: module.PortalApp })));

/** `sessionConfig`: which sign-in the server runs (`/auth/config`), known before the first render. */
export function App({ sessionConfig }: { sessionConfig: SessionConfig }) {
  const [sessionEnded, setSessionEnded] = useState(false);
  // One cache per page load, shared by the demo's own calls and the ClinikAPI widgets. A 401 from any of them means
  // the session is over: ask the server who is signed in, which brings the sign-in screen back.
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      if (!isSignedOut(error)) return;
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
              // access="proxy": the widgets read what the signed-in user may do from the proxy (GET /api/clinik/_access)
              // and offer only that; the pages use it to offer only the tabs the user can use.
              <ClinikProvider proxyUrl="/api/clinik" queryClient={queryClient} fetch={kit.fetch} access="proxy">
                <SignedInGate kit={kit} sessionEnded={sessionEnded} onSignedIn={() => setSessionEnded(false)} />
              </ClinikProvider>
            )}
          </DemoSession>
        </Suspense>
      </RouterProvider>
    </ThemeProvider>
  );
}

interface SignedInGateProps {
  readonly kit: SessionKit;
  readonly sessionEnded: boolean;
  readonly onSignedIn: () => void;
}

function SignedInGate({ kit, sessionEnded, onSignedIn }: SignedInGateProps) {
  const queryClient = useQueryClient();
  const theme = useTheme();
  const { navigate } = useRouter();
  const { sessionKey, SignInScreen } = kit;
  const me = useQuery({
    queryKey: [...ME, sessionKey],
    // Nobody is signed in with the provider: there is nothing to ask the server.
    queryFn: () => (sessionKey === null ? null : authApi.me(kit.fetch)),
    enabled: sessionKey !== undefined,
  });
  useEffect(() => {
    // Another provider account: nothing cached for the previous one may be shown (the development login does this
    // when it signs someone in).
    if (sessionKey) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'demo' });
  }, [sessionKey, queryClient]);
  const logout = useMutation({
    mutationFn: kit.signOut,
    onSuccess: () => {
      // Nothing cached for one user may be shown to the next.
      queryClient.clear();
      navigate('/');
    },
  });
  const signOut = () => logout.mutate();

  if (sessionKey === undefined || me.isPending) return loading;
  if (!me.data) {
    return (
      <SignInScreen
        notice={sessionEnded ? 'Your session has ended. Sign in again to continue.' : undefined}
        onSignedIn={() => {
          // A new user starts from an empty cache.
          queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'demo' });
          onSignedIn();
          void me.refetch();
        }}
      />
    );
  }
  // Signed in: every widget refreshes itself when someone else changes what it shows, as the proxy's event stream
  // tells it (only what this user's role may see). Nothing is shown unless the stream is down.
  const live = <LiveUpdates fetch={kit.fetch} theme={theme} className="demo-live" />;
  if (me.data.roles.includes('patient') && me.data.patientId) {
    return (
      <>
        {live}
        <PortalApp user={me.data} patientId={me.data.patientId} onSignOut={signOut} />
      </>
    );
  }
  return (
    <>
      {live}
      <ClinicApp user={me.data} onSignOut={signOut} />
    </>
  );
}
