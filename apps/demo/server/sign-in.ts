/**
 * The demo's sign-in for its session mode. Every mode answers `/auth/config` (which mode, and the public values the
 * browser needs) and `/auth/me` (who is signed in), and gives the proxy its `session`. Only the development login
 * has `/auth/users`, `/auth/login` and `/auth/logout`: with Clerk or Auth0 nobody may pick who they are.
 */
import type { SessionAdapter, SessionOption } from '@clinikapi/proxy';
import { Router, type RequestHandler } from 'express';
import type { DemoUsers } from './demo-users.ts';
import { publicProviderUser } from './provider-user.ts';
import { devLogin } from './session.ts';
import { publicSessionConfig, type SessionMode } from './session-mode.ts';

export interface DemoSignIn {
  /** Mounted at the root: serves `/auth/*` (and, for the development login, reads its signed cookie). */
  readonly router: Router;
  /** What the proxy's `session` option takes. */
  readonly session: SessionOption;
}

export interface DemoSignInOptions {
  readonly users: DemoUsers;
  readonly cookieSecret: string;
  readonly secureCookies: boolean;
  readonly sessionTtlMs?: number | undefined;
  /** The demo's own origin: the Clerk tokens accepted by default are those minted for it. */
  readonly appOrigin: string;
}

// Without it an unknown /auth path would fall through to the app's HTML page.
const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'Not found', code: 'NOT_FOUND' });
};

export async function demoSignIn(mode: SessionMode, options: DemoSignInOptions): Promise<DemoSignIn> {
  const router = Router();
  const config = publicSessionConfig(mode);
  router.get('/auth/config', (_req, res) => {
    res.json({ data: config });
  });

  if (mode.kind === 'development') {
    const login = devLogin(options.users, options.cookieSecret, {
      secureCookies: options.secureCookies,
      sessionTtlMs: options.sessionTtlMs,
    });
    router.use(login.parseCookies);
    router.use('/auth', login.routes, notFound);
    return { router, session: login.currentUser };
  }

  // Each provider's SDK is loaded only in its own mode: the development login never loads either.
  const adapter: SessionAdapter =
    mode.kind === 'clerk'
      ? (await import('./clerk-session.ts')).clerkSession(mode, options.appOrigin)
      : (await import('./auth0-session.ts')).auth0Session(mode);
  // The same verification the proxy runs (and its cache): the browser learns exactly who the proxy will see.
  router.get('/auth/me', async (req, res) => {
    res.set('cache-control', 'no-store');
    // `async` turns a synchronous throw into a rejection too; an adapter may answer either way.
    const result = await (async () => adapter.authenticate(req, res))().catch(() => undefined);
    // The check itself broke (the SDK threw), which is not the same as a refused token: do not say "signed out".
    if (!result) res.status(503).json({ error: 'The session cannot be checked right now', code: 'SESSION_UNAVAILABLE' });
    else res.json({ data: result.user ? publicProviderUser(result.user) : null });
  });
  router.use('/auth', notFound);
  return { router, session: adapter };
}
