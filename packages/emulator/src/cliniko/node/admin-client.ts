/** The Cliniko admin API from the CLI's side, when a running server owns the data dir. */
import { ClinikoAdminError, type ClinikoAdmin } from '../admin.ts';

/** What the CLI uses of an admin, near or far. */
export type ClinikoAdminClient = Omit<ClinikoAdmin, 'shard' | 'addRecord'>;

export function clinikoAdminHttpClient(baseUrl: string, token: string): ClinikoAdminClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const payload = (await response.json().catch(() => ({}))) as { data?: T; error?: string };
    if (!response.ok || payload.data === undefined)
      throw new ClinikoAdminError(payload.error ?? `HTTP ${response.status}`, response.status === 404);
    return payload.data;
  }
  const at = (id: string) => encodeURIComponent(id);
  return {
    createAccount: (input) => call('POST', '/accounts', input),
    listAccounts: () => call('GET', '/accounts'),
    createUser: ({ accountId, ...input }) => call('POST', `/accounts/${at(accountId)}/users`, input),
    listUsers: (accountId) => call('GET', `/accounts/${at(accountId)}/users`),
    createKey: ({ userId }) => call('POST', `/users/${at(userId)}/keys`, {}),
    listKeys: (accountId) => call('GET', `/accounts/${at(accountId)}/keys`),
    revokeKey: async (keyId) => {
      try {
        return (await call<{ revoked: boolean }>('POST', `/keys/${at(keyId)}/revoke`, {})).revoked;
      } catch (error) {
        if (error instanceof ClinikoAdminError && error.notFound) return false;
        throw error;
      }
    },
    seed: (input = {}) => call('POST', '/seed', input),
  };
}
