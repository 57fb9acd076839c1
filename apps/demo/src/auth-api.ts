/** The demo's own login API (not part of ClinikAPI). */
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

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/auth/${path}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(method === 'POST' ? { 'x-csrf': '1', 'content-type': 'application/json' } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`Sign-in service answered ${response.status}`);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as { data: T }).data;
}

export const authApi = {
  users: () => call<DemoUser[]>('GET', 'users'),
  me: () => call<DemoUser | null>('GET', 'me'),
  login: (userId: string) => call<DemoUser>('POST', 'login', { userId }),
  logout: () => call<void>('POST', 'logout'),
};
