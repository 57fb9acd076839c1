/**
 * Attack suite, session credentials: every session kind × every shape of Authorization header × with and without a
 * valid session cookie × GET and POST with and without X-CSRF, on the real @clerk/express and
 * express-oauth2-jwt-bearer with locally minted tokens. Each case checks who is signed in, whether the CSRF header
 * was demanded (it must be whenever a cookie was the credential), and then replays the same Authorization header
 * without the cookie: it must get what that header alone gets — never the user a cookie signed in earlier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0 } from '../src/session/auth0.ts';
import { clerk } from '../src/session/clerk.ts';
import type { SessionOption } from '../src/session/session.ts';
import { FAKE_KEY, allowAll, proxyApp, recordingUpstream, settled, type ProxyApp } from './harness.ts';
import { auth0Issuer, clerkInstance, type Auth0Issuer, type ClerkInstance } from './identity-providers.ts';
import { rawRequest } from './raw-http.ts';
import { signingKey, tampered } from './tokens.ts';

type Provider = 'clerk' | 'auth0' | 'custom';

/**
 * What a provider makes of a header: `header` signs in the header's token whatever the cookies say; `ignored` falls
 * back to the cookie, as if no header had been sent; `refused` is 401 even with a valid cookie.
 */
type Reading = 'header' | 'ignored' | 'refused';

interface HeaderForm {
  readonly name: string;
  /** The Authorization header lines sent, each as its own header line. */
  readonly lines: (valid: string, invalid: string) => readonly string[];
  readonly clerk: Reading;
  readonly auth0: Reading;
}

// Clerk reads only `Bearer <token>` (that exact case), treats a value with no space as the token itself, and
// ignores any other scheme — then the cookie decides. express-oauth2-jwt-bearer takes exactly two space-separated
// parts with the scheme Bearer in any case and refuses everything else. Node keeps the first of two header lines.
const FORMS: readonly HeaderForm[] = [
  { name: 'no Authorization header', lines: () => [], clerk: 'ignored', auth0: 'refused' },
  { name: 'an empty Authorization header', lines: () => [''], clerk: 'ignored', auth0: 'refused' },
  { name: '"Basic x"', lines: () => ['Basic dXNlcjpwdw=='], clerk: 'ignored', auth0: 'refused' },
  { name: '"Bearer" alone', lines: () => ['Bearer'], clerk: 'refused', auth0: 'refused' },
  { name: '"bearer <valid>"', lines: (valid) => [`bearer ${valid}`], clerk: 'ignored', auth0: 'header' },
  { name: '"BEARER <valid>"', lines: (valid) => [`BEARER ${valid}`], clerk: 'ignored', auth0: 'header' },
  { name: '"Bearer <valid>"', lines: (valid) => [`Bearer ${valid}`], clerk: 'header', auth0: 'header' },
  { name: '"Bearer <invalid>"', lines: (_valid, invalid) => [`Bearer ${invalid}`], clerk: 'refused', auth0: 'refused' },
  { name: '"Bearer  <valid>" (two spaces)', lines: (valid) => [`Bearer  ${valid}`], clerk: 'refused', auth0: 'refused' },
  { name: 'a bare "<valid>" with no scheme', lines: (valid) => [valid], clerk: 'header', auth0: 'refused' },
  {
    name: '"Bearer <valid>, Basic x" (two schemes)',
    lines: (valid) => [`Bearer ${valid}, Basic dXNlcjpwdw==`],
    clerk: 'refused',
    auth0: 'refused',
  },
  { name: 'two headers, "Basic x" first', lines: (valid) => ['Basic dXNlcjpwdw==', `Bearer ${valid}`], clerk: 'ignored', auth0: 'refused' },
  {
    name: 'two headers, "Bearer <valid>" first',
    lines: (valid) => [`Bearer ${valid}`, 'Basic dXNlcjpwdw=='],
    clerk: 'header',
    auth0: 'header',
  },
];

type RequestKind = 'GET' | 'POST without X-CSRF' | 'POST with X-CSRF';
const REQUESTS: readonly RequestKind[] = ['GET', 'POST without X-CSRF', 'POST with X-CSRF'];

interface Expected {
  readonly user: 'header' | 'cookie' | null;
  /** Whether the credential travelled in a way a browser attaches on its own (a cookie, the app's session). */
  readonly needsCsrf: boolean;
}

function expected(provider: Provider, form: HeaderForm, withCookie: boolean): Expected {
  // A custom session is the app's own (a cookie here): the Authorization header is not its business.
  const reading: Reading = provider === 'custom' ? 'ignored' : form[provider];
  if (reading === 'header') return { user: 'header', needsCsrf: false };
  if (reading === 'ignored' && withCookie) return { user: 'cookie', needsCsrf: true };
  return { user: null, needsCsrf: false };
}

let clerkIdentity: ClerkInstance;
let idp: Auth0Issuer;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
const apps = {} as Record<Provider, ProxyApp>;
/** The custom session's store: session ids (the cookie) to users. */
const appSessions = new Map<string, { id: string; roles: string[] }>();

const appSession: SessionOption = (req) => {
  const id = /(?:^|;\s*)app_session=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  return id === undefined ? null : (appSessions.get(id) ?? null);
};

beforeAll(async () => {
  const key = await signingKey();
  clerkIdentity = clerkInstance(key);
  idp = await auth0Issuer(key);
  upstream = await recordingUpstream();
  const app = (session: SessionOption) => proxyApp({ upstream: upstream.url, apiKey: FAKE_KEY, policy: allowAll, session });
  apps.clerk = await app(clerk(clerkIdentity.options));
  apps.auth0 = await app(auth0({ issuerBaseURL: idp.issuer, audience: idp.audience }));
  apps.custom = await app(appSession);
});
afterAll(async () => {
  await Promise.all(Object.values(apps).map((app) => app.close()));
  await upstream.close();
  await idp.close();
});

/** A valid credential of each kind for `sub`: the provider's token, and the cookie a browser signed in with sends. */
async function credentials(provider: Provider, sub: string): Promise<{ token: string; cookie: string }> {
  if (provider === 'clerk') {
    const token = await clerkIdentity.token(sub);
    return { token, cookie: clerkIdentity.cookies(token) };
  }
  if (provider === 'auth0') {
    // Auth0 access tokens never travel in cookies; this one is there to show the adapter does not read it.
    const token = await idp.token(sub);
    return { token, cookie: `__session=${token}; access_token=${token}` };
  }
  // The app's own session: a session id in a cookie. The token is a Clerk one, which this app does not know.
  const id = crypto.randomUUID();
  appSessions.set(id, { id: sub, roles: ['clinician'] });
  return { token: await clerkIdentity.token(sub), cookie: `app_session=${id}` };
}

const BODY = '{"firstName":"a","lastName":"b"}';

/** One request as raw HTTP, so an empty header or two Authorization lines reach the server exactly as written. */
async function send(app: ProxyApp, kind: RequestKind, authorization: readonly string[], cookie: string | undefined) {
  const lines = [
    `${kind === 'GET' ? 'GET' : 'POST'} /api/clinik/patients HTTP/1.1`,
    ...authorization.map((value) => `Authorization: ${value}`),
  ];
  if (cookie !== undefined) lines.push(`Cookie: ${cookie}`);
  if (kind !== 'GET') lines.push('Content-Type: application/json', `Content-Length: ${BODY.length}`);
  if (kind === 'POST with X-CSRF') lines.push('X-CSRF: 1');
  const before = app.log.records().length;
  const response = await rawRequest(app.url, lines.join('\r\n'), kind === 'GET' ? '' : BODY);
  const record = (await settled(app.log, before + 1)).at(-1);
  // Only refusals are read: a success streams the upstream's answer, chunked.
  const code = response.status >= 400 ? (JSON.parse(response.body) as { code?: string }).code : undefined;
  return { status: response.status, code, userId: record?.userId ?? null };
}

const cases = (['clerk', 'auth0', 'custom'] as const).flatMap((provider) =>
  FORMS.flatMap((form) => [true, false].flatMap((withCookie) => REQUESTS.map((kind) => ({ provider, form, withCookie, kind })))),
);

let serial = 0;

describe('which credential signs a request in, and how it travelled', () => {
  it.each(cases.map((c) => [`${c.provider}: ${c.form.name}${c.withCookie ? ' + a valid cookie' : ''}, ${c.kind}`, c] as const))(
    '%s',
    async (_name, c) => {
      serial += 1;
      const app = apps[c.provider];
      const fromHeader = await credentials(c.provider, `user_header_${serial}`);
      const fromCookie = await credentials(c.provider, `user_cookie_${serial}`);
      const lines = c.form.lines(fromHeader.token, tampered(fromHeader.token, { sub: 'user_admin' }));
      const want = expected(c.provider, c.form, c.withCookie);
      const wantUser = want.user === null ? null : want.user === 'header' ? `user_header_${serial}` : `user_cookie_${serial}`;

      const answer = await send(app, c.kind, lines, c.withCookie ? fromCookie.cookie : undefined);
      if (wantUser === null) {
        expect(answer).toMatchObject({ status: 401, code: 'UNAUTHORIZED', userId: null });
      } else if (c.kind === 'POST without X-CSRF' && want.needsCsrf) {
        expect(answer).toMatchObject({ status: 403, code: 'CSRF_REQUIRED', userId: wantUser });
      } else {
        expect(answer).toMatchObject({ status: 200, userId: wantUser });
      }

      // The cache-poisoning attempt: the same header again, without the cookie, gets only what the header alone gets.
      const replay = await send(app, 'GET', lines, undefined);
      const alone = expected(c.provider, c.form, false);
      expect(replay).toMatchObject(alone.user === null ? { status: 401, userId: null } : { status: 200, userId: `user_header_${serial}` });
    },
  );
});
