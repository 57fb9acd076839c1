/**
 * Who signs people in to the demo, decided once at start-up from the environment: Clerk when the `CLERK_*`
 * variables are set, Auth0 when the `AUTH0_*` ones are (the tenant as AUTH0_ISSUER_BASE_URL or AUTH0_DOMAIN), else
 * the development login. A half-set or doubly-set
 * environment stops the demo with an error that names the variables — never their values: some are secrets.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

export interface DevelopmentMode {
  readonly kind: 'development';
}

export interface ClerkMode {
  readonly kind: 'clerk';
  /** Public: the browser's ClerkProvider needs it. */
  readonly publishableKey: string;
  /** Server-side only. */
  readonly secretKey: string;
  /** Clerk's PEM public key: session tokens are then verified without a call to Clerk. */
  readonly jwtKey: string | undefined;
  /** Origins whose session tokens are accepted (`azp`); undefined means the demo's own origin. */
  readonly authorizedParties: readonly string[] | undefined;
}

export interface Auth0Mode {
  readonly kind: 'auth0';
  /** e.g. `https://your-tenant.eu.auth0.com/`: discovery and signing keys come from here. */
  readonly issuerBaseURL: string;
  /** The API identifier access tokens must be issued for. */
  readonly audience: string;
  /** The Auth0 application (single-page app) the browser signs in with. */
  readonly clientId: string;
}

export type SessionMode = DevelopmentMode | ClerkMode | Auth0Mode;

export class SessionModeError extends Error {
  override readonly name = 'SessionModeError';
}

const CLERK_REQUIRED = ['CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY'] as const;
const CLERK_OPTIONAL = ['CLERK_JWT_KEY', 'CLERK_AUTHORIZED_PARTIES'] as const;
const AUTH0_REQUIRED = ['AUTH0_ISSUER_BASE_URL', 'AUTH0_AUDIENCE', 'AUTH0_CLIENT_ID'] as const;
/**
 * The tenant under the name Auth0's own quickstarts use (`your-tenant.eu.auth0.com`), taken in place of
 * AUTH0_ISSUER_BASE_URL. Counted as an Auth0 variable, so setting it alone is an error, not the development login.
 */
const AUTH0_DOMAIN = 'AUTH0_DOMAIN';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const list = (names: readonly string[]) => names.join(', ');

export function readSessionMode(env: Environment): SessionMode {
  // An empty variable counts as unset: `CLERK_SECRET_KEY=` in a .env file means "not configured".
  const valueOf = (name: string) => env[name]?.trim() || undefined;
  const setAmong = (names: readonly string[]) => names.filter((name) => valueOf(name) !== undefined);
  const clerkSet = setAmong([...CLERK_REQUIRED, ...CLERK_OPTIONAL]);
  const auth0Set = setAmong([...AUTH0_REQUIRED, AUTH0_DOMAIN]);

  if (clerkSet.length > 0 && auth0Set.length > 0) {
    throw new SessionModeError(
      `Both Clerk (${list(clerkSet)}) and Auth0 (${list(auth0Set)}) variables are set. ` +
        'Set one provider’s variables for its sign-in, or neither for the development login.',
    );
  }
  const missing = (required: readonly string[], provider: string, prefix: string, set: readonly string[]) => {
    const absent = required.filter((name) => valueOf(name) === undefined);
    if (absent.length === 0) return;
    throw new SessionModeError(
      `${provider} sign-in needs ${list(absent)} (${list(set)} ${set.length === 1 ? 'is' : 'are'} set). ` +
        `Set ${absent.length === 1 ? 'it' : 'them'}, or unset every ${prefix}* variable for the development login.`,
    );
  };

  if (clerkSet.length > 0) {
    missing(CLERK_REQUIRED, 'Clerk', 'CLERK_', clerkSet);
    const publishableKey = valueOf('CLERK_PUBLISHABLE_KEY') as string;
    // The publishable key is sent to the browser: refuse anything else there, a secret key above all.
    if (!/^pk_(test|live)_[A-Za-z0-9+/=_-]+$/.test(publishableKey)) {
      throw new SessionModeError(
        'CLERK_PUBLISHABLE_KEY is not a Clerk publishable key (it starts with pk_test_ or pk_live_); it is sent to the browser, so nothing else may go there.',
      );
    }
    return {
      kind: 'clerk',
      publishableKey,
      secretKey: valueOf('CLERK_SECRET_KEY') as string,
      jwtKey: valueOf('CLERK_JWT_KEY'),
      authorizedParties: parseOrigins(valueOf('CLERK_AUTHORIZED_PARTIES')),
    };
  }

  if (auth0Set.length > 0) {
    const domain = valueOf(AUTH0_DOMAIN);
    missing(domain === undefined ? AUTH0_REQUIRED : AUTH0_REQUIRED.slice(1), 'Auth0', 'AUTH0_', auth0Set);
    const issuerBaseURL = tenantURL(valueOf('AUTH0_ISSUER_BASE_URL'), 'AUTH0_ISSUER_BASE_URL');
    const domainURL =
      domain === undefined
        ? undefined
        : tenantURL(/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) ? domain : `https://${domain.replace(/\/+$/, '')}/`, AUTH0_DOMAIN);
    if (issuerBaseURL && domainURL && new URL(issuerBaseURL).origin !== new URL(domainURL).origin) {
      throw new SessionModeError('AUTH0_ISSUER_BASE_URL and AUTH0_DOMAIN name different tenants. Set one of them.');
    }
    return {
      kind: 'auth0',
      issuerBaseURL: (issuerBaseURL ?? domainURL) as string,
      audience: valueOf('AUTH0_AUDIENCE') as string,
      clientId: valueOf('AUTH0_CLIENT_ID') as string,
    };
  }

  return { kind: 'development' };
}

/** The tenant's URL from `variable`, checked: https (http only on this machine), nothing but a host and a path. */
function tenantURL(value: string | undefined, variable: string): string | undefined {
  if (value === undefined) return undefined;
  const issuer = URL.parse(value);
  const secure = issuer?.protocol === 'https:' || (issuer?.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname));
  if (!issuer || !secure || issuer.username || issuer.password || issuer.search || issuer.hash) {
    throw new SessionModeError(
      `${variable} must be your tenant’s https ${variable === AUTH0_DOMAIN ? 'domain, e.g. your-tenant.eu.auth0.com' : 'URL, e.g. https://your-tenant.eu.auth0.com/'}`,
    );
  }
  return value;
}

/** `CLERK_AUTHORIZED_PARTIES`: comma-separated origins such as `https://clinic.example.com`. */
function parseOrigins(value: string | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((entry) => {
    const url = URL.parse(entry.trim());
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry.trim().replace(/\/$/, '')) {
      throw new SessionModeError('CLERK_AUTHORIZED_PARTIES must be a comma-separated list of origins, e.g. https://clinic.example.com');
    }
    return url.origin;
  });
}

/** What the browser needs to sign in: public values only, picked one by one so a secret can never slip in. */
export type PublicSessionConfig =
  | { readonly mode: 'development' }
  | { readonly mode: 'clerk'; readonly publishableKey: string }
  | { readonly mode: 'auth0'; readonly domain: string; readonly clientId: string; readonly audience: string };

export function publicSessionConfig(mode: SessionMode): PublicSessionConfig {
  switch (mode.kind) {
    case 'development':
      return { mode: 'development' };
    case 'clerk':
      return { mode: 'clerk', publishableKey: mode.publishableKey };
    case 'auth0':
      // Auth0's SPA SDK takes the tenant's domain, or a full URL (kept for http on localhost).
      return { mode: 'auth0', domain: new URL(mode.issuerBaseURL).origin, clientId: mode.clientId, audience: mode.audience };
  }
}
