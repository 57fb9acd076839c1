/** The dashboard stand-in: create organisations and keys. The only place a plaintext key ever exists is the return
 * value of `createKey`; it is hashed before it is stored. */
import { generateApiKey, hashApiKey, keyHint, parseApiKey, type KeyEnvironment } from './auth/api-key.ts';
import type { ApiKeyRecord, EmulatorStore, Organisation, Plan } from './store/types.ts';
import { PLANS } from './store/types.ts';

export interface CreateOrganisationInput {
  /** Defaults to a random `org_…` id. */
  readonly id?: string;
  readonly name: string;
  readonly plan?: Plan;
  readonly region?: string;
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

export interface EmulatorAdmin {
  createOrganisation(input: CreateOrganisationInput): Promise<Organisation>;
  /** The organisation, creating it with `defaults` when it does not exist yet. */
  ensureOrganisation(id: string, defaults?: Omit<CreateOrganisationInput, 'id'>): Promise<Organisation>;
  createKey(input: CreateKeyInput): Promise<CreatedKey>;
  listKeys(organisationId: string): Promise<readonly ApiKeyRecord[]>;
  revokeKey(keyId: string): Promise<boolean>;
}

const SCOPES = new Set(['read', 'write', '*']);
const randomId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;

export function createAdmin(store: EmulatorStore, now: () => number, shard: string | undefined): EmulatorAdmin {
  const admin: EmulatorAdmin = {
    async createOrganisation(input) {
      const plan = input.plan ?? 'sandbox';
      if (!PLANS.includes(plan)) throw new Error(`Unknown plan "${plan}"; expected one of ${PLANS.join(', ')}`);
      const organisation: Organisation = {
        id: input.id ?? randomId('org'),
        name: input.name,
        plan,
        region: input.region ?? 'us-east-1',
        createdAt: new Date(now()).toISOString(),
      };
      await store.createOrganisation(organisation);
      return organisation;
    },
    async ensureOrganisation(id, defaults) {
      return (await store.findOrganisation(id)) ?? admin.createOrganisation({ name: id, ...defaults, id });
    },
    async createKey(input) {
      const scopes = input.scopes && input.scopes.length > 0 ? [...new Set(input.scopes)] : ['*'];
      const unknown = scopes.filter((scope) => !SCOPES.has(scope));
      if (unknown.length > 0) throw new Error(`Unknown scope ${unknown.join(', ')}; expected read, write or *`);
      if (!(await store.findOrganisation(input.organisationId))) {
        throw new Error(`No organisation ${input.organisationId}`);
      }
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
        expiresAt: input.expiresAt ?? null,
        revokedAt: null,
      };
      await store.insertKey(record);
      return { key, record };
    },
    listKeys: (organisationId) => store.listKeys(organisationId),
    revokeKey: (keyId) => store.revokeKey(keyId, new Date(now()).toISOString()),
  };
  return admin;
}
