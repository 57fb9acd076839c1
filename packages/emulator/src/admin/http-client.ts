/** The admin API from the other side: what the CLI uses when a running server owns the data dir. */
import { isApiErrorBody } from '@clinikapi/core';
import type { CreateKeyInput, CreateOrganisationInput, CreatedKey, EmulatorAdmin } from '../admin.ts';
import type { KeyEnvironment } from '../auth/api-key.ts';
import type { ApiKeyRecord, Organisation, WebhookDelivery } from '../store/types.ts';
import type { CreateWebhookInput, CreatedWebhook, WebhookView } from '../webhooks/registrations.ts';

/** What the CLI needs from an admin, near or far. */
export type AdminClient = Pick<
  EmulatorAdmin,
  | 'createOrganisation'
  | 'ensureOrganisation'
  | 'findOrganisation'
  | 'listOrganisations'
  | 'createKey'
  | 'listKeys'
  | 'revokeKey'
  | 'seedDemoData'
  | 'createWebhook'
  | 'listWebhooks'
  | 'deleteWebhook'
  | 'listDeliveries'
>;

export class AdminRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'AdminRequestError';
    this.status = status;
  }
}

export function adminHttpClient(baseUrl: string, token: string): AdminClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data?: T }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const payload = (await response.json().catch(() => undefined)) as { data?: T } | undefined;
    if (response.status === 404) return { status: 404 };
    if (!response.ok) {
      const detail = isApiErrorBody(payload)
        ? [payload.message ?? payload.error, ...payload.issues.map((issue) => issue.diagnostics)].join('; ')
        : `HTTP ${response.status}`;
      throw new AdminRequestError(response.status, detail);
    }
    return { status: response.status, ...(payload?.data === undefined ? {} : { data: payload.data }) };
  }
  const required = <T>(result: { status: number; data?: T }, what: string): T => {
    if (result.data === undefined) throw new AdminRequestError(result.status, `No such ${what}`);
    return result.data;
  };

  const client: AdminClient = {
    createOrganisation: async (input: CreateOrganisationInput) =>
      required(await call<Organisation>('POST', '/organisations', input), 'organisation'),
    async ensureOrganisation(id, defaults) {
      return (await client.findOrganisation(id)) ?? client.createOrganisation({ name: id, ...defaults, id });
    },
    findOrganisation: async (id) => (await call<Organisation>('GET', `/organisations/${encodeURIComponent(id)}`)).data,
    listOrganisations: async () => required(await call<Organisation[]>('GET', '/organisations'), 'organisations'),
    createKey: async ({ organisationId, ...input }: CreateKeyInput) =>
      required(await call<CreatedKey>('POST', `/organisations/${encodeURIComponent(organisationId)}/keys`, input), 'organisation'),
    listKeys: async (organisationId) =>
      required(await call<ApiKeyRecord[]>('GET', `/organisations/${encodeURIComponent(organisationId)}/keys`), 'organisation'),
    revokeKey: async (keyId) => (await call('POST', `/keys/${encodeURIComponent(keyId)}/revoke`)).status === 200,
    seedDemoData: async (organisationId, environment: KeyEnvironment) =>
      required(
        await call<{ patients: number; records: number }>('POST', `/organisations/${encodeURIComponent(organisationId)}/seed`, {
          environment,
        }),
        'organisation',
      ),
    createWebhook: async ({ organisationId, ...input }: CreateWebhookInput) =>
      required(await call<CreatedWebhook>('POST', `/organisations/${encodeURIComponent(organisationId)}/webhooks`, input), 'organisation'),
    listWebhooks: async (organisationId) =>
      required(await call<WebhookView[]>('GET', `/organisations/${encodeURIComponent(organisationId)}/webhooks`), 'organisation'),
    deleteWebhook: async (id) => (await call('DELETE', `/webhooks/${encodeURIComponent(id)}`)).status === 200,
    listDeliveries: async (webhookId, limit = 50) =>
      required(await call<WebhookDelivery[]>('GET', `/webhooks/${encodeURIComponent(webhookId)}/deliveries?limit=${limit}`), 'webhook'),
  };
  return client;
}
