/**
 * The Cliniko dashboard stand-in for one shard: accounts, users, keys, the demo clinic, and raw records for tests.
 * The only place a plaintext key exists is `createKey`'s return value; it is hashed before it is stored.
 */
import { isTimeZone } from '@clinikapi/core';
import { clinikoKeyHint, generateClinikoKey, hashClinikoToken, parseClinikoKey } from './auth/cliniko-key.ts';
import { seedClinic, type ClinikoSeedSummary } from './seed/clinic.ts';
import type { AccountSettings, ClinikoAccount, ClinikoKeyRecord, ClinikoStore, ResourceName, StoredRecord } from './store/types.ts';
import { RESOURCES } from './store/types.ts';
import { utcDateTime } from './time.ts';

/** A refused admin request (bad input, unknown account or user); its message is safe to show. */
export class ClinikoAdminError extends Error {
  readonly notFound: boolean;
  constructor(message: string, notFound = false) {
    super(message);
    this.name = 'ClinikoAdminError';
    this.notFound = notFound;
  }
}

export interface CreateAccountInput {
  readonly name: string;
  /** IANA zone; defaults to the shard's region (`Australia/Melbourne` for au shards, `Europe/London` for uk…). */
  readonly timeZone?: string;
  readonly country?: string;
  readonly subdomain?: string;
  readonly settings?: Partial<AccountSettings>;
}

/** The roles a Cliniko user can have (`createUser`'s `role`; default `administrator`). */
export const USER_ROLES = ['administrator', 'receptionist', 'practitioner', 'bookkeeper'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface CreateUserInput {
  readonly accountId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly role?: UserRole;
  readonly title?: string;
}

export interface CreatedClinikoKey {
  /** The key, with its shard suffix. Shown once; only the hash of its token is stored. */
  readonly key: string;
  readonly record: Omit<ClinikoKeyRecord, 'keyHash'>;
}

export interface ClinikoAdmin {
  readonly shard: string;
  createAccount(input: CreateAccountInput): Promise<ClinikoAccount>;
  listAccounts(): Promise<readonly ClinikoAccount[]>;
  createUser(input: CreateUserInput): Promise<StoredRecord>;
  listUsers(accountId: string): Promise<readonly StoredRecord[]>;
  /** A key for the user (found in any account of this shard). */
  createKey(input: { readonly userId: string }): Promise<CreatedClinikoKey>;
  listKeys(accountId: string): Promise<readonly Omit<ClinikoKeyRecord, 'keyHash'>[]>;
  revokeKey(keyId: string): Promise<boolean>;
  /** Loads the demo clinic into the account, or into a new account when none is named. */
  seed(input?: { readonly accountId?: string }): Promise<ClinikoSeedSummary>;
  /** Stores any record as given (plus id and timestamps): availabilities, blocks, extra practitioners for tests. */
  addRecord(accountId: string, resource: ResourceName, fields: Record<string, unknown>): Promise<StoredRecord>;
}

const REGION_DEFAULTS: Readonly<Record<string, { timeZone: string; country: string }>> = {
  au: { timeZone: 'Australia/Melbourne', country: 'Australia' },
  uk: { timeZone: 'Europe/London', country: 'United Kingdom' },
  ca: { timeZone: 'America/Toronto', country: 'Canada' },
  eu: { timeZone: 'Europe/Dublin', country: 'Ireland' },
};

const DEFAULT_SETTINGS: AccountSettings = {
  currency_symbol: '$',
  timeslot_size_in_minutes: 15,
  online_bookings_enabled: true,
  max_appointments_per_day_segment: null,
  min_hours_advance_required_to_book: 0,
  max_days_in_advance: 28,
};

const required = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new ClinikoAdminError(`${name} is required`);
  return value.trim();
};

export function createClinikoAdmin(store: ClinikoStore, shard: string, now: () => number): ClinikoAdmin {
  const stamp = () => utcDateTime(now());
  const accountOf = async (id: string): Promise<ClinikoAccount> => {
    const account = await store.findAccount(shard, id);
    if (!account) throw new ClinikoAdminError(`No account ${id} on shard ${shard}`, true);
    return account;
  };
  const hideHash = ({ keyHash: _keyHash, ...record }: ClinikoKeyRecord) => record;

  const admin: ClinikoAdmin = {
    shard,
    async createAccount(input) {
      const name = required(input.name, 'name');
      const region = REGION_DEFAULTS[shard.slice(0, 2)] ?? REGION_DEFAULTS.au;
      const timeZone = input.timeZone ?? region?.timeZone ?? 'UTC';
      if (!isTimeZone(timeZone)) throw new ClinikoAdminError('timeZone must be an IANA time zone, e.g. Australia/Melbourne');
      const id = await store.newId('short');
      const account: ClinikoAccount = {
        id,
        shard,
        name,
        subdomain:
          input.subdomain ??
          (name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') ||
            `account-${id}`),
        timeZone,
        country: input.country ?? region?.country ?? 'Australia',
        settings: { ...DEFAULT_SETTINGS, ...input.settings },
        createdAt: stamp(),
      };
      await store.insertAccount(account);
      return account;
    },
    listAccounts: () => store.listAccounts(shard),
    async createUser(input) {
      const account = await accountOf(input.accountId);
      const role = input.role ?? 'administrator';
      if (!USER_ROLES.includes(role)) throw new ClinikoAdminError(`role must be one of ${USER_ROLES.join(', ')}`);
      return admin.addRecord(account.id, 'users', {
        title: input.title ?? null,
        first_name: required(input.firstName, 'firstName'),
        last_name: required(input.lastName, 'lastName'),
        email: required(input.email, 'email'),
        role,
        user_active: true,
      });
    },
    async listUsers(accountId) {
      return store.list((await accountOf(accountId)).id, 'users');
    },
    async createKey({ userId }) {
      let owner: ClinikoAccount | undefined;
      for (const account of await store.listAccounts(shard)) {
        if (await store.get(account.id, 'users', userId)) owner = account;
      }
      if (!owner) throw new ClinikoAdminError(`No user ${userId} on shard ${shard}`, true);
      const key = generateClinikoKey(shard);
      const token = (parseClinikoKey(key) as NonNullable<ReturnType<typeof parseClinikoKey>>).token;
      const record: ClinikoKeyRecord = {
        id: await store.newId('long'),
        shard,
        accountId: owner.id,
        userId,
        keyHash: await hashClinikoToken(token),
        hint: clinikoKeyHint(token, shard),
        createdAt: stamp(),
        revokedAt: null,
      };
      await store.insertKey(record);
      return { key, record: hideHash(record) };
    },
    async listKeys(accountId) {
      return (await store.listKeys(shard, (await accountOf(accountId)).id)).map(hideHash);
    },
    revokeKey: (keyId) => store.revokeKey(shard, keyId, stamp()),
    async seed(input = {}) {
      const account = input.accountId ? await accountOf(input.accountId) : await admin.createAccount({ name: 'Harbourside Allied Health' });
      // One transaction: a clinic is seeded whole or not at all, and a few hundred inserts commit once.
      return store.exclusive(`seed:${account.id}`, (tx) => seedClinic({ store: tx, account, now: now() }));
    },
    async addRecord(accountId, resource, fields) {
      if (!RESOURCES.includes(resource)) throw new ClinikoAdminError(`resource must be one of ${RESOURCES.join(', ')}`);
      const at = stamp();
      const record: StoredRecord = { created_at: at, updated_at: at, ...fields, id: await store.newId('long') };
      await store.insert((await accountOf(accountId)).id, resource, record);
      return record;
    },
  };
  return admin;
}
