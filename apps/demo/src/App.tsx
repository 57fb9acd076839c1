import { ClinikProvider } from '@clinikapi/react';
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from './auth-api.ts';
import { ClinicApp } from './clinic/ClinicApp.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { PortalApp } from './portal/PortalApp.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import { ThemeProvider } from './theme.tsx';

const ME = ['demo', 'me'] as const;

/** True for the answer the proxy gives when nobody (or no longer anybody) is signed in. */
const isSignedOut = (error: unknown) => (error as { status?: unknown } | null)?.status === 401;

export function App() {
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
        <ClinikProvider proxyUrl="/api/clinik" queryClient={queryClient}>
          <SignedInGate sessionEnded={sessionEnded} onSignedIn={() => setSessionEnded(false)} />
        </ClinikProvider>
      </RouterProvider>
    </ThemeProvider>
  );
}

function SignedInGate({ sessionEnded, onSignedIn }: { sessionEnded: boolean; onSignedIn: () => void }) {
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const me = useQuery({ queryKey: ME, queryFn: authApi.me });
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSuccess: () => {
      // Nothing cached for one user may be shown to the next.
      queryClient.clear();
      navigate('/');
    },
  });
  const signOut = () => logout.mutate();

  if (me.isPending) return <p className="demo-loading">Loading…</p>;
  if (!me.data) {
    return (
      <LoginScreen
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
  if (me.data.roles.includes('patient') && me.data.patientId) {
    return <PortalApp user={me.data} patientId={me.data.patientId} onSignOut={signOut} />;
  }
  return <ClinicApp user={me.data} onSignOut={signOut} />;
}
