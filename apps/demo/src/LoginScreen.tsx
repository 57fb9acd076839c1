import { useMutation, useQuery } from '@tanstack/react-query';
import { authApi, type DemoUser } from './auth-api.ts';
import { SignInShell } from './session/SignInShell.tsx';

/** The development login: pick who to be. A real app signs people in with its identity provider. */
export function LoginScreen({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string | undefined }) {
  const users = useQuery({ queryKey: ['demo', 'users'], queryFn: authApi.users });
  const login = useMutation({ mutationFn: authApi.login, onSuccess: onSignedIn });
  const staff = users.data?.filter((user) => !user.roles.includes('patient')) ?? [];
  const patients = users.data?.filter((user) => user.roles.includes('patient')) ?? [];

  const accounts = (title: string, list: readonly DemoUser[]) => (
    <section aria-labelledby={`login-${title}`}>
      <h2 id={`login-${title}`}>{title}</h2>
      <ul className="demo-login-users">
        {list.map((user) => (
          <li key={user.id}>
            <button type="button" onClick={() => login.mutate(user.id)} disabled={login.isPending}>
              Sign in as {user.name}
            </button>
            <span>{user.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <SignInShell notice={notice}>
      <p>
        A demo of <code>@clinikapi/react</code> widgets behind <code>@clinikapi/proxy</code>, on a local ClinikAPI emulator. Choose who to
        sign in as:
      </p>
      {users.isError && <p role="alert">The sign-in service is not answering.</p>}
      {accounts('Clinic staff', staff)}
      {patients.length > 0 && accounts('Patient portal', patients)}
      {login.isError && <p role="alert">Sign-in failed. Try again.</p>}
    </SignInShell>
  );
}
