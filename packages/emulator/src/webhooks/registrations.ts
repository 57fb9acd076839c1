/**
 * Registering webhook endpoints (the dashboard's Webhooks page): URL, signing secret, event patterns, environment
 * filter and an optional sub-organisation pin. The URL is checked here and again at every delivery. A listing never
 * shows a secret; the one generated for an endpoint is returned once, by `createWebhook`.
 */
import { z } from 'zod';
import { ApiError } from '@clinikapi/core';
import { parseBody } from '../validation/parse-body.ts';
import type { EmulatorStore, WebhookDelivery, WebhookEnvironmentFilter, WebhookRecord } from '../store/types.ts';
import { checkDestinationUrl, isIpLiteral, lookupName, refuseAddress, type DestinationRules } from './destination.ts';
import { isEventPattern } from './events.ts';

export interface CreateWebhookInput {
  readonly organisationId: string;
  /** https, publicly routable; `http://127.0.0.1:…` only on an emulator that allows loopback. */
  readonly url: string;
  /** The signing secret; generated (`whsec_…`) when left out. */
  readonly secret?: string;
  /** Default `['*']`. */
  readonly events?: readonly string[];
  /** Default `both`. */
  readonly environment?: WebhookEnvironmentFilter;
  /** Only this sub-organisation's events. */
  readonly subOrganisationId?: string;
}

/** An endpoint as listings show it: the secret only as its last four characters. */
export type WebhookView = Omit<WebhookRecord, 'secret'> & { readonly secretHint: string };

export interface CreatedWebhook {
  /** The signing secret. Shown once. */
  readonly secret: string;
  readonly webhook: WebhookView;
}

export interface WebhookAdmin {
  createWebhook(input: CreateWebhookInput): Promise<CreatedWebhook>;
  listWebhooks(organisationId: string): Promise<readonly WebhookView[]>;
  deleteWebhook(id: string): Promise<boolean>;
  /** The newest first: every attempt's outcome, never a response body. */
  listDeliveries(webhookId: string, limit?: number): Promise<readonly WebhookDelivery[]>;
}

export interface WebhookAdminOptions extends DestinationRules {
  /** DNS, to refuse a name that resolves somewhere internal; without it only the URL is checked (the browser). */
  readonly resolve?: ((hostname: string) => Promise<readonly string[]>) | undefined;
}

export const webhookInputSchema = z.strictObject({
  organisationId: z.string({ error: 'Required' }).min(1, { error: 'Required' }),
  url: z.string({ error: 'Required' }).min(1, { error: 'Required' }),
  secret: z.string().min(16, { error: 'At least 16 characters' }).max(256, { error: 'At most 256 characters' }).optional(),
  events: z
    .array(z.string().refine(isEventPattern, { error: 'Must be *, <resource>.* or <resource>.<created|updated|deleted>, e.g. patient.*' }))
    .min(1, { error: 'At least one event' })
    .max(100, { error: 'At most 100 events' })
    .optional(),
  environment: z.enum(['live', 'test', 'both'], { error: 'Must be live, test or both' }).optional(),
  subOrganisationId: z.string().min(1).optional(),
});

const randomToken = (bytes: number): string =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

export const webhookView = ({ secret, ...webhook }: WebhookRecord): WebhookView => ({ ...webhook, secretHint: `…${secret.slice(-4)}` });

function urlIssue(problem: string): ApiError {
  return new ApiError('VALIDATION_ERROR', undefined, {
    issues: [{ severity: 'error', code: 'invalid', diagnostics: `url: Refused: ${problem}`, path: 'url' }],
  });
}

export function createWebhookAdmin(store: EmulatorStore, now: () => number, options: WebhookAdminOptions): WebhookAdmin {
  return {
    async createWebhook(raw) {
      const input = parseBody(webhookInputSchema, raw);
      const organisation = await store.findOrganisation(input.organisationId);
      if (!organisation) throw new ApiError('NOT_FOUND', 'No such organisation');
      if (input.subOrganisationId !== undefined && (await store.findOrganisation(input.subOrganisationId))?.parentId !== organisation.id) {
        throw new ApiError('VALIDATION_ERROR', undefined, {
          issues: [
            {
              severity: 'error',
              code: 'invalid',
              diagnostics: 'subOrganisationId: Not a sub-organisation of this organisation',
              path: 'subOrganisationId',
            },
          ],
        });
      }
      const checked = checkDestinationUrl(input.url, options);
      if ('refusal' in checked) throw urlIssue(checked.refusal);
      const host = lookupName(checked.url);
      if (
        options.resolve &&
        !isIpLiteral(checked.url.hostname) &&
        !(options.allowLoopback && (host === 'localhost' || host.endsWith('.localhost')))
      ) {
        const addresses = await options.resolve(host).catch(() => []);
        if (addresses.length === 0) throw urlIssue('host name does not resolve');
        const refusal = addresses.map((address) => refuseAddress(address, options)).find((found) => found !== undefined);
        if (refusal) throw urlIssue(`host name resolves to a ${refusal}`);
      }
      const secret = input.secret ?? `whsec_${randomToken(24)}`;
      const webhook: WebhookRecord = {
        id: `wh_${randomToken(10)}`,
        organisationId: organisation.id,
        url: checked.url.href,
        secret,
        events: [...new Set(input.events ?? ['*'])],
        environment: input.environment ?? 'both',
        subOrganisationId: input.subOrganisationId ?? null,
        createdAt: new Date(now()).toISOString(),
      };
      await store.insertWebhook(webhook);
      return { secret, webhook: webhookView(webhook) };
    },
    async listWebhooks(organisationId) {
      if (!(await store.findOrganisation(organisationId))) throw new ApiError('NOT_FOUND', 'No such organisation');
      return (await store.listWebhooks([organisationId])).map(webhookView);
    },
    deleteWebhook: (id) => store.deleteWebhook(id),
    async listDeliveries(webhookId, limit = 50) {
      if (!(await store.findWebhook(webhookId))) throw new ApiError('NOT_FOUND', 'No such webhook');
      return store.listDeliveries(webhookId, Math.min(Math.max(1, limit), 500));
    },
  };
}
