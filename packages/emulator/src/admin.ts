/**
 * The dashboard stand-in: organisations, keys and demo data. The only place a plaintext key ever exists is the
 * return value of `createKey`; it is hashed before it is stored. Failures are `ApiError`s, so the admin HTTP API
 * and the CLI report them the same way.
 */
import { ApiError } from '@clinikapi/core';
import { z } from 'zod';
import { generateApiKey, hashApiKey, keyHint, parseApiKey, type KeyEnvironment } from './auth/api-key.ts';
import { datastoreFor } from './auth/principal.ts';
import { parseBody } from './validation/parse-body.ts';
import { seedDemoClinic, type SeedSummary } from './seed/demo-clinic.ts';
import type { ApiKeyRecord, EmulatorStore, Organisation, Plan } from './store/types.ts';
import { PLANS } from './store/types.ts';
import { createWebhookAdmin, type WebhookAdmin, type WebhookAdminOptions } from './webhooks/registrations.ts';

export interface CreateOrganisationInput {
  /** Defaults to a random `org_…` id. */
  readonly id?: string;
  readonly name: string;
  readonly plan?: Plan;
  /** Where the organisation's data is hosted, e.g. `eu-west-2`. Defaults to `us-east-1`. */
  readonly region?: string;
  /** Paid plans: bill live traffic past the monthly quota instead of refusing it. Defaults to false. */
  readonly overageBilling?: boolean;
  /** Makes it a sub-organisation of this one: its keys write under its own tenant, its parent's webhooks hear of it. */
  readonly parentId?: string;
}

export interface CreateKeyInput {
  readonly organisationId: string;
  readonly environment: KeyEnvironment;
  /** `read`, `write` or `*` (the default). */
  readonly scopes?: readonly string[];
  /** ISO time after which the key is refused with KEY_EXPIRED. */
  readonly expiresAt?: string;
}

export interface CreatedKey {
  /** The key itself. Shown once; only its hash is stored. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

export interface EmulatorAdmin extends WebhookAdmin {
  createOrganisation(input: CreateOrganisationInput): Promise<Organisation>;
  /** The organisation, creating it with `defaults` when it does not exist yet. */
  ensureOrganisation(id: string, defaults?: Omit<CreateOrganisationInput, 'id'>): Promise<Organisation>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<readonly Organisation[]>;
  createKey(input: CreateKeyInput): Promise<CreatedKey>;
  listKeys(organisationId: string): Promise<readonly ApiKeyRecord[]>;
  revokeKey(keyId: string): Promise<boolean>;
  /** Loads the demo clinic (patients, a practitioner, clinical records) into the organisation's datastore. */
  seedDemoData(organisationId: string, environment: KeyEnvironment): Promise<SeedSummary>;
}

export const organisationInputSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Must be 1 to 64 letters, digits, _ or -' })
    .optional(),
  name: z.string({ error: 'Required' }).trim().min(1, { error: 'Required' }).max(200, { error: 'At most 200 characters' }),
  plan: z.enum(PLANS as [Plan, ...Plan[]], { error: `Must be one of ${PLANS.join(', ')}` }).optional(),
  region: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/, { error: 'Must be a region such as us-east-1 or eu-west-2' })
    .optional(),
  overageBilling: z.boolean({ error: 'Must be true or false' }).optional(),
  parentId: z.string().min(1, { error: 'Required' }).optional(),
});

export const keyInputSchema = z.strictObject({
  organisationId: z.string({ error: 'Required' }).min(1, { error: 'Required' }),
  environment: z.enum(['test', 'live'], { error: 'Must be test or live' }),
  scopes: z.array(z.enum(['read', 'write', '*'], { error: 'Must be read, write or *' })).optional(),
  expiresAt: z.iso.datetime({ offset: true, error: 'Must be an ISO date-time' }).optional(),
});

const randomId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** `webhooks`: the destination rules endpoints are registered under (default: public https only, no DNS check). */
export function createAdmin(
  store: EmulatorStore,
  now: () => number,
  shard: string | undefined,
  webhooks: WebhookAdminOptions = { allowLoopback: false },
): EmulatorAdmin {
  const requireOrganisation = async (id: string): Promise<Organisation> => {
    const organisation = await store.findOrganisation(id);
    if (!organisation) throw new ApiError('NOT_FOUND', 'No such organisation');
    return organisation;
  };

  const admin: EmulatorAdmin = {
    ...createWebhookAdmin(store, now, webhooks),
    async createOrganisation(raw) {
      const input = parseBody(organisationInputSchema, raw);
      const organisation: Organisation = {
        id: input.id ?? randomId('org'),
        name: input.name,
        plan: input.plan ?? 'sandbox',
        region: input.region ?? 'us-east-1',
        overageBilling: input.overageBilling ?? false,
        ...(input.parentId ? { parentId: input.parentId } : {}),
        createdAt: new Date(now()).toISOString(),
      };
      if (input.parentId !== undefined) {
        const parent = await store.findOrganisation(input.parentId);
        // One level, as the API has it: a sub-organisation has no sub-organisations of its own.
        if (!parent || parent.parentId !== undefined) {
          throw new ApiError('VALIDATION_ERROR', undefined, {
            issues: [
              {
                severity: 'error',
                code: 'invalid',
                diagnostics: 'parentId: No such organisation, or it is a sub-organisation itself',
                path: 'parentId',
              },
            ],
          });
        }
      }
      if (organisation.overageBilling && organisation.plan === 'sandbox') {
        throw new ApiError('VALIDATION_ERROR', undefined, {
          issues: [
            { severity: 'error', code: 'invalid', diagnostics: 'overageBilling: Only paid plans can bill overage', path: 'overageBilling' },
          ],
        });
      }
      if (await store.findOrganisation(organisation.id)) throw new ApiError('CONFLICT', 'An organisation with this id already exists');
      await store.createOrganisation(organisation);
      return organisation;
    },
    async ensureOrganisation(id, defaults) {
      return (await store.findOrganisation(id)) ?? admin.createOrganisation({ name: id, ...defaults, id });
    },
    findOrganisation: (id) => store.findOrganisation(id),
    listOrganisations: () => store.listOrganisations(),
    async createKey(raw) {
      const input = parseBody(keyInputSchema, raw);
      await requireOrganisation(input.organisationId);
      const scopes = input.scopes && input.scopes.length > 0 ? [...new Set(input.scopes)] : ['*'];
      const key = generateApiKey(input.environment, shard);
      const canonical = (parseApiKey(key) as NonNullable<ReturnType<typeof parseApiKey>>).canonical;
      const record: ApiKeyRecord = {
        id: randomId('key'),
        organisationId: input.organisationId,
        environment: input.environment,
        keyHash: await hashApiKey(canonical),
        hint: keyHint(canonical),
        scopes,
        shard: shard ?? null,
        createdAt: new Date(now()).toISOString(),
        expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
        revokedAt: null,
      };
      await store.insertKey(record);
      return { key, record };
    },
    listKeys: (organisationId) => store.listKeys(organisationId),
    revokeKey: (keyId) => store.revokeKey(keyId, new Date(now()).toISOString()),
    async seedDemoData(organisationId, environment) {
      const organisation = await requireOrganisation(organisationId);
      const datastore = datastoreFor(environment, organisation.plan, organisation.id);
      return seedDemoClinic({ store, now }, { datastore, tenant: organisation.id });
    },
  };
  return admin;
}
