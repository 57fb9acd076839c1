import { ClinikProvider } from '@clinikapi/react';
import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from './auth-api.ts';
import { ClinicScreen } from './ClinicScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';

/** One cache for the app: the demo's own calls and the ClinikAPI widgets share it. */
const queryClient = new QueryClient();

export function App() {
  return (
    <ClinikProvider proxyUrl="/api/clinik" queryClient={queryClient}>
      <SignedInGate />
    </ClinikProvider>
  );
}

function SignedInGate() {
  const [, setVersion] = useState(0);
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: authApi.me });
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSuccess: () => {
      // Nothing cached for one user may be shown to the next.
      queryClient.clear();
      setVersion((version) => version + 1);
    },
  });

  if (me.isPending) return <p className="demo-loading">Loading…</p>;
  if (!me.data) return <LoginScreen onSignedIn={() => void me.refetch()} />;
  return <ClinicScreen user={me.data} onSignOut={() => logout.mutate()} signingOut={logout.isPending} />;
}
