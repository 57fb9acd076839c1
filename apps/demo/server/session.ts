/**
 * The demo's development login: a signed, HTTP-only cookie naming the demo user. It stands in for your real session
 * (express-session, Clerk, Auth0…); the proxy only needs a function from request to user.
 */
import cookieParser from 'cookie-parser';
import { Router, json, type Request, type RequestHandler } from 'express';
import type { DemoUser, DemoUsers } from './demo-users.ts';

export const SESSION_COOKIE = 'clinik_demo_session';
const SESSION_HOURS = 8;

export interface DevLogin {
  readonly parseCookies: RequestHandler;
  /** `/auth/users`, `/auth/me`, `/auth/login`, `/auth/logout`. */
  readonly routes: Router;
  /** The signed-in demo user of a request, or null: what the proxy's `session` option takes. */
  readonly currentUser: (req: Request) => DemoUser | null;
}

const publicUser = (user: DemoUser) => ({
  id: user.id,
  name: user.name,
  roles: user.roles,
  description: user.description,
  ...(user.patientId ? { patientId: user.patientId } : {}),
  ...(user.practitionerId ? { practitionerId: user.practitionerId } : {}),
});

export interface DevLoginOptions {
  readonly secureCookies: boolean;
  /** How long a sign-in lasts. Default 8 hours; the end-to-end tests shorten it to watch a session expire. */
  readonly sessionTtlMs?: number | undefined;
}

export function devLogin(users: DemoUsers, cookieSecret: string, options: DevLoginOptions): DevLogin {
  const ttlMs = options.sessionTtlMs ?? SESSION_HOURS * 3_600_000;
  const currentUser = (req: Request): DemoUser | null => {
    const signed = (req.signedCookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof signed !== 'string') return null;
    const [userId, expires] = signed.split('|');
    if (!expires || Number(expires) < Date.now()) return null;
    return users.find(userId) ?? null;
  };

  const routes = Router();
  routes.use(json({ limit: '4kb' }));
  // Login and logout change state: like the proxy, they require the header a cross-site form cannot send.
  routes.use((req, res, next) => {
    if (req.method === 'POST' && req.get('x-csrf') !== '1') {
      res.status(403).json({ error: 'CSRF check failed', code: 'CSRF_REQUIRED' });
      return;
    }
    next();
  });
  routes.get('/users', (_req, res) => {
    res.json({ data: users.all.map(publicUser) });
  });
  routes.get('/me', (req, res) => {
    const user = currentUser(req);
    res.set('cache-control', 'no-store').json({ data: user ? publicUser(user) : null });
  });
  routes.post('/login', (req, res) => {
    const user = users.find((req.body as { userId?: unknown } | undefined)?.userId);
    if (!user) {
      res.status(400).json({ error: 'Unknown demo user', code: 'BAD_REQUEST' });
      return;
    }
    const expires = Date.now() + ttlMs;
    res
      .cookie(SESSION_COOKIE, `${user.id}|${expires}`, {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
        maxAge: ttlMs,
      })
      .json({ data: publicUser(user) });
  });
  routes.post('/logout', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });
  return { parseCookies: cookieParser(cookieSecret), routes, currentUser };
}
