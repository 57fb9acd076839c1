/**
 * Identity providers for the session tests, with tokens minted locally: a Clerk instance verified networklessly
 * (`jwtKey`), and an Auth0-style issuer serving its discovery document and JWKS on 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { ClerkSessionOptions } from '../src/session/clerk.ts';
import { listen, type Listening } from './harness.ts';
import { now, sign, type SigningKey } from './tokens.ts';

export const CLERK_APP_ORIGIN = 'http://localhost:3000';
const CLERK_ISSUER = 'https://clerk.example.test';

export interface ClerkInstance {
  /** What `clerk()` needs for this instance (add `cacheTtlMs`, `toUser` as a test wants). */
  readonly options: ClerkSessionOptions;
  claims(sub: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  /** A session token for `sub`, valid for a minute. */
  token(sub: string, overrides?: Record<string, unknown>): Promise<string>;
  /** The cookies Clerk's browser SDK keeps for a signed-in client: the token and a `__client_uat` older than it. */
  cookies(token: string): string;
}

export function clerkInstance(key: SigningKey): ClerkInstance {
  // Built at run time: Clerk keys are base64 of the frontend API host, and the secret is only checked for presence.
  const publishableKey = `pk_live_${Buffer.from('clerk.example.test$').toString('base64')}`;
  const secretKey = ['sk', 'live', 'x'.repeat(24)].join('_');
  const claims = (sub: string, overrides: Record<string, unknown> = {}) => ({
    sub,
    sid: `sess_${sub}`,
    azp: CLERK_APP_ORIGIN,
    iss: CLERK_ISSUER,
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 60,
    metadata: { role: 'clinician' },
    ...overrides,
  });
  return {
    options: { publishableKey, secretKey, jwtKey: key.spki, authorizedParties: [CLERK_APP_ORIGIN] },
    claims,
    token: (sub, overrides) => sign(key, claims(sub, overrides)),
    cookies: (token) => `__session=${token}; __client_uat=${now() - 20}`,
  };
}

export interface Auth0Issuer extends Listening {
  /** The issuer URL (`issuerBaseURL`), with its trailing slash. */
  readonly issuer: string;
  readonly audience: string;
  claims(sub: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  /** An access token for `sub`, valid for five minutes. */
  token(sub: string, overrides?: Record<string, unknown>): Promise<string>;
}

export async function auth0Issuer(key: SigningKey): Promise<Auth0Issuer> {
  const audience = 'https://api.clinik.test';
  let issuer = '';
  const listening = await listen(
    createServer((req, res) => {
      const documents: Record<string, unknown> = {
        '/.well-known/openid-configuration': {
          issuer,
          jwks_uri: `${issuer}.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        },
        '/.well-known/jwks.json': { keys: [key.jwk] },
      };
      const document = documents[req.url ?? ''];
      res.writeHead(document ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(document ?? {}));
    }),
  );
  issuer = `${listening.url}/`;
  const claims = (sub: string, overrides: Record<string, unknown> = {}) => ({
    iss: issuer,
    sub,
    aud: audience,
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 300,
    roles: ['clinician'],
    ...overrides,
  });
  return Object.assign(listening, {
    issuer,
    audience,
    claims,
    token: (sub: string, overrides?: Record<string, unknown>) => sign(key, claims(sub, overrides)),
  });
}
