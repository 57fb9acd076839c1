import { useMutation, useQuery } from '@tanstack/react-query';
import { authApi } from './auth-api.ts';

export function LoginScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const users = useQuery({ queryKey: ['demo', 'users'], queryFn: authApi.users });
  const login = useMutation({ mutationFn: authApi.login, onSuccess: onSignedIn });

  return (
    <main className="demo-login">
      <h1>Riverside Family Clinic</h1>
      <p>
        A demo of <code>@clinikapi/react</code> widgets behind <code>@clinikapi/proxy</code>, on a local ClinikAPI
        emulator. Choose who to sign in as:
      </p>
      {users.isError && <p role="alert">The sign-in service is not answering.</p>}
      <ul className="demo-login-users">
        {users.data?.map((user) => (
          <li key={user.id}>
            <button type="button" onClick={() => login.mutate(user.id)} disabled={login.isPending}>
              Sign in as {user.name}
            </button>
            <span>{user.description}</span>
          </li>
        ))}
      </ul>
      {login.isError && <p role="alert">Sign-in failed. Try again.</p>}
    </main>
  );
}
