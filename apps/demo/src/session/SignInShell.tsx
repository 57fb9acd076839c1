import type { ReactNode } from 'react';

/** The page every sign-in screen shares — the clinic's name and the reason the user is here, if any — around it. */
export function SignInShell({ notice, children }: { notice?: string | undefined; children: ReactNode }) {
  return (
    <main className="demo-login">
      <h1>Riverside Family Clinic</h1>
      {notice && (
        <p role="alert" className="demo-notice">
          {notice}
        </p>
      )}
      {children}
    </main>
  );
}
