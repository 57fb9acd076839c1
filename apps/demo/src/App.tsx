import { ClinikProvider } from '@clinikapi/react';
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from './auth-api.ts';
import { ClinicApp } from './clinic/ClinicApp.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { PortalApp } from './portal/PortalApp.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import { ThemeProvider } from './theme.tsx';

export function App() {
  // One cache per page load, shared by the demo's own calls and the ClinikAPI widgets.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ThemeProvider>
      <RouterProvider>
        <ClinikProvider proxyUrl="/api/clinik" queryClient={queryClient}>
          <SignedInGate />
        </ClinikProvider>
      </RouterProvider>
    </ThemeProvider>
  );
}

function SignedInGate() {
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: authApi.me });
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
  if (!me.data) return <LoginScreen onSignedIn={() => void me.refetch()} />;
  if (me.data.roles.includes('patient') && me.data.patientId) {
    return <PortalApp user={me.data} patientId={me.data.patientId} onSignOut={signOut} />;
  }
  return <ClinicApp user={me.data} onSignOut={signOut} />;
}
