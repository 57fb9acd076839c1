/**
 * The sign-in the server runs, around the app. Clerk's and Auth0's SDKs are loaded on demand, only in their own
 * mode, so the development login's bundle carries neither.
 */
import { lazy, type ReactNode } from 'react';
import { authApi, type SessionConfig } from '../auth-api.ts';
import { LoginScreen } from '../LoginScreen.tsx';
import type { SessionKit } from './session-kit.ts';

const ClerkSession = lazy(() => import('./ClerkSession.tsx').then((module) => ({ default: module.ClerkSession })));
const Auth0Session = lazy(() => import('./Auth0Session.tsx').then((module) => ({ default: module.Auth0Session })));

/** The development login: a cookie the browser sends by itself; the server alone knows who is signed in. */
const DEVELOPMENT_LOGIN: SessionKit = {
  sessionKey: 'development-login',
  fetch: undefined,
  signOut: authApi.logout,
  SignInScreen: LoginScreen,
};

export interface DemoSessionProps {
  readonly config: SessionConfig;
  /** The app, given the session's kit. Wrap it in `<Suspense>`: a provider's code may still be loading. */
  readonly children: (kit: SessionKit) => ReactNode;
}

export function DemoSession({ config, children }: DemoSessionProps) {
  switch (config.mode) {
    case 'clerk':
      return <ClerkSession publishableKey={config.publishableKey}>{children}</ClerkSession>;
    case 'auth0':
      return (
        <Auth0Session domain={config.domain} clientId={config.clientId} audience={config.audience}>
          {children}
        </Auth0Session>
      );
    default:
      return children(DEVELOPMENT_LOGIN);
  }
}
