/**
 * Stand-ins for Clerk and Auth0 that the real SDKs accept: keys and tokens minted here, an OpenID discovery
 * document and JWKS served on 127.0.0.1. Nothing is mocked: `@clerk/express` and `express-oauth2-jwt-bearer` verify
 * every token for real. Key-shaped values are built at run time, so none is ever committed.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { listen, type Listening } from '../../../packages/proxy/test/harness.ts';
import { now, sign, signingKey, type SigningKey } from '../../../packages/proxy/test/tokens.ts';
import { SESSION_COOKIE } from '../server/session.ts';

export { hmacWithPublicKey, now, sign, signingKey, tampered, unsigned, type SigningKey } from '../../../packages/proxy/test/tokens.ts';

/** The origin Clerk session tokens are minted for (`azp`), given to the demo as CLERK_AUTHORIZED_PARTIES. */
export const CLERK_APP_ORIGIN = 'https://clinic.example.test';
export const AUTH0_AUDIENCE = 'https://api.clinic.example.test';

export interface FakeClerk {
  readonly key: SigningKey;
  /** What the demo is started with. */
  readonly env: Record<string, string>;
  readonly secretKey: string;
  readonly publishableKey: string;
  /** A session token with these custom claims (and any standard claim overridden). */
  token(claims: Record<string, unknown>): Promise<string>;
}

export async function fakeClerk(): Promise<FakeClerk> {
  const key = await signingKey();
  // A publishable key is base64 of the Frontend API host; the secret is only checked for presence when jwtKey is set.
  const publishableKey = ['pk', 'test', Buffer.from('clerk.example.test$').toString('base64')].join('_');
  const secretKey = ['sk', 'test', randomBytes(24).toString('hex')].join('_');
  return {
    key,
    secretKey,
    publishableKey,
    env: {
      CLERK_PUBLISHABLE_KEY: publishableKey,
      CLERK_SECRET_KEY: secretKey,
      CLERK_JWT_KEY: key.spki,
      CLERK_AUTHORIZED_PARTIES: CLERK_APP_ORIGIN,
    },
    token: (claims) =>
      sign(key, {
        sub: 'user_clerk_1',
        sid: 'sess_1',
        azp: CLERK_APP_ORIGIN,
        iss: 'https://clerk.example.test',
        iat: now() - 10,
        nbf: now() - 10,
        exp: now() + 60,
        ...claims,
      }),
  };
}

export interface FakeAuth0 extends Listening {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly env: Record<string, string>;
  /** An access token for the demo's API with these claims (and any standard claim overridden). */
  token(claims: Record<string, unknown>): Promise<string>;
}

export interface FakeAuth0Options {
  /** Who signs in at `/authorize` (for a browser): the claims of their access token, `sub` included. */
  readonly signIn?: Record<string, unknown>;
}

const AUTH0_CLIENT_ID = 'demoSpaClientId';

/**
 * An OpenID issuer on 127.0.0.1: the discovery document and JWKS `express-oauth2-jwt-bearer` fetches, and for a
 * browser the authorization-code flow with PKCE that Auth0's SPA SDK runs (`/authorize` signs `signIn` in at once,
 * `/oauth/token` checks the code verifier), and `/v2/logout`.
 */
export async function fakeAuth0(options: FakeAuth0Options = {}): Promise<FakeAuth0> {
  const key = await signingKey();
  let issuer = '';
  const token = (claims: Record<string, unknown>) =>
    sign(key, { iss: issuer, sub: 'auth0|user-1', aud: AUTH0_AUDIENCE, iat: now() - 10, nbf: now() - 10, exp: now() + 300, ...claims });
  const codes = new Map<string, { readonly nonce: string; readonly challenge: string }>();
  const idp = await listen(
    createServer((req, res) => {
      const url = new URL(req.url ?? '/', issuer);
      // The SDK calls the token endpoint from the app's origin, with its own Auth0-Client header.
      const cors = {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      };
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(body));
      if (req.method === 'OPTIONS') return void res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST' }).end();
      if (url.pathname === '/authorize' && options.signIn) {
        const code = randomBytes(16).toString('hex');
        codes.set(code, { nonce: url.searchParams.get('nonce') ?? '', challenge: url.searchParams.get('code_challenge') ?? '' });
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.search = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '' }).toString();
        return void res.writeHead(302, { location: back.toString() }).end();
      }
      if (url.pathname === '/oauth/token' && req.method === 'POST' && options.signIn) {
        const signIn = options.signIn;
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
          const form = req.headers['content-type']?.includes('json')
            ? (JSON.parse(raw) as Record<string, string>)
            : Object.fromEntries(new URLSearchParams(raw));
          const grant = codes.get(form.code ?? '');
          codes.delete(form.code ?? '');
          if (
            !grant ||
            createHash('sha256')
              .update(form.code_verifier ?? '')
              .digest('base64url') !== grant.challenge
          ) {
            return void send(400, { error: 'invalid_grant' });
          }
          const idClaims = {
            iss: issuer,
            sub: String(signIn.sub),
            aud: AUTH0_CLIENT_ID,
            nonce: grant.nonce,
            iat: now(),
            exp: now() + 300,
            name: 'Auth0 profile name',
          };
          void Promise.all([token(signIn), sign(key, idClaims)]).then(([accessToken, idToken]) =>
            send(200, {
              access_token: accessToken,
              id_token: idToken,
              token_type: 'Bearer',
              expires_in: 300,
              scope: form.scope ?? 'openid profile email',
            }),
          );
        });
        return;
      }
      if (url.pathname === '/v2/logout') return void res.writeHead(302, { location: url.searchParams.get('returnTo') ?? '/' }).end();
      const documents: Record<string, unknown> = {
        '/.well-known/openid-configuration': {
          issuer,
          jwks_uri: `${issuer}.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        },
        '/.well-known/jwks.json': { keys: [key.jwk] },
      };
      const document = documents[url.pathname];
      send(document ? 200 : 404, document ?? {});
    }),
  );
  issuer = `${idp.url}/`;
  return { ...idp, key, issuer, env: { AUTH0_ISSUER_BASE_URL: issuer, AUTH0_AUDIENCE, AUTH0_CLIENT_ID }, token };
}

/** A development-login cookie signed with the demo's real cookie secret: the strongest forgery there is. */
export function forgedDevelopmentCookie(cookieSecret: string, userId: string): string {
  const value = `${userId}|${Date.now() + 3_600_000}`;
  const signature = createHmac('sha256', cookieSecret).update(value).digest('base64').replace(/=+$/, '');
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${value}.${signature}`)}`;
}
