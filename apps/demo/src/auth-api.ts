/** The demo's own sign-in API (not part of ClinikAPI). */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly description: string;
  /** For patient accounts: their own record. */
  readonly patientId?: string;
  /** For clinicians: the Practitioner record that stands for them. */
  readonly practitionerId?: string;
}

/** Which sign-in the server runs, and the public values the browser needs for it; `api: 'cliniko'` on Cliniko. */
export type SessionConfig = (
  | { readonly mode: 'development' }
  | { readonly mode: 'clerk'; readonly publishableKey: string }
  | { readonly mode: 'auth0'; readonly domain: string; readonly clientId: string; readonly audience: string }
) & { readonly api?: 'cliniko' };

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, fetcher: typeof fetch = fetch): Promise<T> {
  const response = await fetcher(`/auth/${path}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(method === 'POST' ? { 'x-csrf': '1', 'content-type': 'application/json' } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`Sign-in service answered ${response.status}`);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as { data: T }).data;
}

export const authApi = {
  config: () => call<SessionConfig>('GET', 'config'),
  users: () => call<DemoUser[]>('GET', 'users'),
  /** With Clerk or Auth0, `fetcher` adds the provider's token: the server answers from the verified session. */
  me: (fetcher?: typeof fetch) => call<DemoUser | null>('GET', 'me', undefined, fetcher),
  login: (userId: string) => call<DemoUser>('POST', 'login', { userId }),
  logout: () => call<void>('POST', 'logout'),
};
